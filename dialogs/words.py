"""Short answers people type instead of pressing a button: yes, no, skip, menu, and small
talk on its own (a salam, hello, thanks, bye).

The vocabularies are texts like any other (`locales/<lang>/words.ftl`, one
message per kind), so a translator keeps them beside the questions they
answer; the service hands the engine their union over every configured
language (`Context.words`), because a pilgrim whose chat is in English may
still answer "تمام" or "nahi".

A message *means* a kind when every word of it is either a word of that kind
or a word that may go with any short answer (`filler`: "photo", "please", "I",
"have", "عندي", "foto", "ada", "عکس", ...) and at least one word is of the kind.
So "no photo", "ما عندي صورة", "gak ada foto", "عکس ندارم", "chor do" skip a
photo, "تمام ارسله" confirms a summary, while "ok but change the place" is not
a yes (its other words belong to no list) and goes to the NLU. Matching folds
case, digits, Arabic-script letter variants (ي/ی/ى, ك/ک, ه/ة/ہ, أ/إ/آ),
diacritics and punctuation.

`find_phone` reads a phone number inside a sentence ("my number is 055 123
4567", "رقمي ٠٥٥١٢٣٤٥٦٧"), in any digit script.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from dialogs.tickets import normalize_digits

KINDS = ("yes", "no", "skip", "menu", "salam", "hello", "thanks", "bye", "filler")
MESSAGE_PREFIX = "words-"  # words-yes, words-no, ... in locales/<lang>/words.ftl
MAX_WORDS = 8  # a longer message is a sentence, not a short answer

Words = Mapping[str, frozenset[str]]

_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ے": "ي",
        "ئ": "ي",
        "ک": "ك",
        "ة": "ه",
        "ہ": "ه",
        "ۃ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ـ": None,  # tatweel
        "\u200c": " ",  # zero-width non-joiner (Persian): "نمی‌خوام" ~ "نمی خوام"
        "\u200d": None,
    }
)
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")  # Arabic diacritics
_SEPARATORS = re.compile(r"[\s,،;؛]+")
# A phone number inside a sentence: a + or a digit, then digits with the separators
# people type between groups, ending in a digit.
_PHONE_RUN = re.compile(r"\+?\d[\d\s\-().]{5,22}\d")
_PHONE_DIGITS = (7, 15)


def fold(text: str) -> str:
    """Case, digits, letter variants and diacritics folded; words separated by single spaces."""
    text = unicodedata.normalize("NFKC", normalize_digits(text)).casefold()
    text = _MARKS.sub("", text).translate(_LETTERS)
    out = []
    for ch in text:
        kind = unicodedata.category(ch)
        if kind.startswith("So"):  # an emoji is a word of its own: "👍"
            out.append(f" {ch} ")
        elif kind[0] in "PSZC" and ch != "'":
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).replace("'", "").split())


def tokens(text: str) -> list[str]:
    return fold(text).split()


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words of one or more `words-*` messages (comma or line separated phrases)."""
    found: set[str] = set()
    for text in texts:
        for phrase in _SEPARATORS.split(text):
            found.update(tokens(phrase))
    return frozenset(found)


def means(text: str | None, kind: str, words: Words) -> bool:
    """Whether the whole message is a short answer of `kind` (see the module docstring)."""
    if not text:
        return False
    found = tokens(text)
    own = words.get(kind, frozenset())
    if not found or len(found) > MAX_WORDS or not own:
        return False
    filler = words.get("filler", frozenset())
    return all(w in own or w in filler for w in found) and any(w in own for w in found)


def yes_or_no(text: str | None, words: Words) -> bool | None:
    """True for a yes, False for a no, None when the message is neither (or both)."""
    yes, no = means(text, "yes", words), means(text, "no", words)
    return None if yes == no else yes


def skips(text: str | None, words: Words) -> bool:
    """ "No photo", "nahi", "skip": the person leaves an optional question out."""
    return means(text, "skip", words) or means(text, "no", words)


def find_phone(text: str | None) -> str | None:
    """The first run of 7-15 digits that reads as a phone number, as typed (digits ASCII)."""
    if not text:
        return None
    for match in _PHONE_RUN.finditer(normalize_digits(text)):
        run = match.group(0).strip()
        digits = re.sub(r"\D", "", run)
        if _PHONE_DIGITS[0] <= len(digits) <= _PHONE_DIGITS[1]:
            return ("+" if run.startswith("+") else "") + digits
    return None
