"""Which language a message is in, and which language the bot answers in.

Detection (`detect_language`) is a small character n-gram naive Bayes model
in pure Python, trained at first use from the same hand-written Rasa
training files (`nlu/rasa_project/data/nlu/<lang>*.yml`, the language named
by the file) and the category vocabulary. It runs in the bot, not in Rasa,
so a person's language is known even when the NLU server is down. The
script decides the candidates first (Arabic script: ar, ur, fa; Latin
script: en, id and Roman Urdu, which counts as ur); n-grams of 1-4
characters inside word boundaries then separate languages that share
letters (ة ي ك for Arabic, ے ں ٹ ہ for Urdu, ه ی ک with Persian words...).

The policy (`decide_language`) is a pure function: the language is set by the
first message that says something reliable, and afterwards changes only on
an explicit choice (the change_language flow, not here) or when at least
two messages in a row are confidently in the same other language. Short
texts, "ok", emoji, digits and ticket numbers never count as evidence.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "rasa_project" / "data" / "nlu"
CATEGORIES_FILE = Path(__file__).resolve().parent / "rasa_project" / "categories.yml"

LANGUAGES = ("ar", "en", "id", "ur", "fa")
ARABIC_SCRIPT = ("ar", "ur", "fa")
LATIN_SCRIPT = ("en", "id", "ur")

WORD_WEIGHT = 4  # a whole word counts as this many n-grams (function words: hai, ki, است)
MIN_LETTERS = 4  # fewer letters than this is never evidence
FIRST_CONFIDENCE = 0.6  # enough to set the language on the first message
SWITCH_CONFIDENCE = 0.85  # each of the messages that switch it must reach this
SWITCH_MESSAGES = 2  # ... and this many in a row must agree

# Words every group types alike: they say nothing about the language.
NEUTRAL_WORDS = frozenset(
    {
        *("ok", "okay", "okk", "oky", "k", "hi", "hello", "hey", "hmm", "hm", "yes", "no", "ya"),
        *("salam", "salaam", "slm", "assalamualaikum", "assalamu", "alaikum", "alaykum"),
        *("wa", "walaikum", "walaikumsalam", "thanks", "thx", "tq", "ty", "mk", "bye"),
        *("insha", "inshallah", "insyaallah", "masha", "mashallah", "alhamdulillah"),
        # the Islamic greeting and "ok" in Arabic script are shared by ar, ur and fa
        *("سلام", "السلام", "عليكم", "علیکم", "عليكم", "ورحمة", "الله", "اللہ", "وبركاته"),
        *("اوكي", "اوکی", "اوك"),
    }
)

_MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Detection:
    language: str | None  # best guess, None when the text has no letters
    confidence: float  # 0..1; 0 for texts that are no evidence (short, neutral)


def _normalise(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("\u200c", " ")
    text = re.sub(r"[\u064b-\u0652\u0670\u0640]", "", text)  # harakat, tatweel
    return _WORD.findall(text)


def _script(words: Sequence[str]) -> tuple[str, ...] | None:
    arabic = latin = 0
    for w in words:
        for ch in w:
            if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc":
                arabic += 1
            elif ch.isascii():
                latin += 1
    if not arabic and not latin:
        return None
    return ARABIC_SCRIPT if arabic >= latin else LATIN_SCRIPT


def _ngrams(words: Iterable[str]) -> Iterable[str]:
    """Character 1-4-grams inside word boundaries, plus each whole word (weighted)."""
    for w in words:
        for _ in range(WORD_WEIGHT):
            yield f"<{w}>"
        padded = f" {w} "
        for n in (1, 2, 3, 4):
            for i in range(len(padded) - n + 1):
                gram = padded[i : i + n]
                if gram != " ":
                    yield gram


def _examples(path: Path) -> Iterable[str]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for block in doc.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield _MARKUP.sub(r"\1", line[2:])


def _language_of(path: Path) -> str:
    return path.stem.split("_")[0]


class NaiveBayes:
    """Multinomial naive Bayes over character n-grams, one class per language."""

    def __init__(self, texts: Iterable[tuple[str, str]], alpha: float = 0.05) -> None:
        self.counts: dict[str, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
        for lang, text in texts:
            self.counts[lang].update(_ngrams(_normalise(text)))
        vocab = set().union(*self.counts.values())
        self.log_unseen: dict[str, float] = {}
        self.log_prob: dict[str, dict[str, float]] = {}
        for lang, c in self.counts.items():
            total = sum(c.values()) + alpha * (len(vocab) + 1)
            self.log_prob[lang] = {g: math.log((n + alpha) / total) for g, n in c.items()}
            self.log_unseen[lang] = math.log(alpha / total)

    def scores(self, words: Sequence[str], candidates: Sequence[str]) -> dict[str, float]:
        grams = Counter(_ngrams(words))
        out = {}
        for lang in candidates:
            lp, unseen = self.log_prob[lang], self.log_unseen[lang]
            out[lang] = sum(n * lp.get(g, unseen) for g, n in grams.items())
        return out


@lru_cache(maxsize=1)
def _model() -> NaiveBayes:
    texts: list[tuple[str, str]] = []
    for path in sorted(DATA_DIR.glob("*.yml")):
        lang = _language_of(path)
        if lang in LANGUAGES:
            texts.extend((lang, t) for t in _examples(path))
    if CATEGORIES_FILE.exists():
        source = yaml.safe_load(CATEGORIES_FILE.read_text(encoding="utf-8")) or {}
        for by_lang in source.values():
            for lang, words in by_lang.items():
                texts.extend((lang.split("_")[0], w) for w in words)
    return NaiveBayes(texts)


def detect_language(text: str) -> Detection:
    """The language of one message, with a confidence that is 0 for non-evidence."""
    words = _normalise(text)
    candidates = _script(words)
    if candidates is None:
        return Detection(None, 0.0)
    scores = _model().scores(words, candidates)
    # per-n-gram average, so long texts do not get absurd certainty
    n = max(1, sum(1 for _ in _ngrams(words)))
    best = max(scores.values())
    weights = {k: math.exp((v - best) / math.sqrt(n)) for k, v in scores.items()}
    total = sum(weights.values())
    lang = max(weights, key=weights.__getitem__)
    confidence = weights[lang] / total
    letters = sum(len(w) for w in words)
    meaningful = [w for w in words if w not in NEUTRAL_WORDS and len(w) > 1]
    if letters < MIN_LETTERS or not meaningful:
        confidence = 0.0
    return Detection(lang, round(confidence, 3))


def evidence(detection: Detection) -> str | None:
    """What a message contributes to `recent`: its language if confidently detected."""
    return detection.language if detection.confidence >= SWITCH_CONFIDENCE else None


def decide_language(
    current: str | None,
    detected: str | None,
    confidence: float,
    recent: Sequence[str | None] = (),
) -> str | None:
    """The language to answer in after this message.

    `current` is the conversation's language so far (None before the first
    reliable message); `detected`/`confidence` come from `detect_language`
    for this message; `recent` is `evidence(...)` of the previous messages,
    oldest first. An explicit choice by the person is not decided here: the
    change_language flow sets it directly.
    """
    if detected is None or detected not in LANGUAGES:
        return current
    if current is None:
        return detected if confidence >= FIRST_CONFIDENCE else None
    if detected == current or confidence < SWITCH_CONFIDENCE:
        return current
    streak = list(recent[-(SWITCH_MESSAGES - 1) :]) if SWITCH_MESSAGES > 1 else []
    if len(streak) == SWITCH_MESSAGES - 1 and all(lang == detected for lang in streak):
        return detected
    return current
