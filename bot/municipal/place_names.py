"""Folding place names so that spellings in five languages compare equal.

Arabic, Urdu and Persian write the same names with different letters (ي/ی,
ك/ک, ه/ہ/ة), with or without the article "ال" and diacritics; Latin spellings
vary in "al-", "el-", doubled letters and "h" endings. `fold` keeps what tells
names apart and drops what does not.
"""

from __future__ import annotations

import re
import unicodedata

from dialogs.tickets import normalize_digits

_ARABIC_LETTERS = str.maketrans(
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
        "ك": "ك",
        "ک": "ك",
        "ة": "ه",
        "ہ": "ه",
        "ۃ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "گ": "ك",
        "ـ": None,  # tatweel
        "ٔ": None,
        "ٰ": None,  # superscript alef (منیٰ)
    }
)
_ARABIC_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")
_ARABIC_ARTICLE = re.compile(r"(^|\s)ال(?=\S{2,})")
_LATIN_ARTICLE = re.compile(r"(^|\s)(?:al|el|ar|as|ash|at|az|an|ad|ad-|ul)[\s\-']+")
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """A comparison key for a place name in any of our languages or scripts."""
    text = unicodedata.normalize("NFKC", normalize_digits(name)).casefold()
    text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_LETTERS)
    text = _LATIN_ARTICLE.sub(r"\1", text.replace("’", "'").replace("`", "'"))
    text = _NOT_WORD.sub(" ", text.replace("'", ""))
    text = _ARABIC_ARTICLE.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    return _fold_latin(text)


def _fold_latin(text: str) -> str:
    """Spelling variants of transliteration: doubled letters, final h, sy/sh, ou/u."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for a, b in (("sy", "sh"), ("dj", "j"), ("ou", "u"), ("ee", "i"), ("oo", "u")):
        text = text.replace(a, b)
    text = re.sub(r"([a-z])\1+", r"\1", text)
    return re.sub(r"(?<=[aeiou])h\b", "", text)
