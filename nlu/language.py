"""Which language a message is in, and which language the bot answers in.

Detection (`LanguageDetector.detect`, `detect_language` for the project's
own data) is a small character n-gram naive Bayes model in pure Python,
trained from the hand-written Rasa training files (`<data>/nlu/<lang>.yml` and
`<lang>_<anything>.yml`, the language named by the file: `ar_arabizi.yml` is
Arabic, `fa_dari.yml` Persian, `ur_roman.yml` Urdu) and the category vocabulary. It runs in the
bot, not in Rasa, so a person's language is known even when the NLU server is
down. The languages are the bot's configured ones (or, by default, every
language that has a data file), so a new language's data file is picked up
without code. The script decides the candidates first: a language is a
candidate for a script when a tenth or more of its training examples are
written in it, or when one of its files is mostly written in it (from the
data: Arabic script gives ar, ur, fa; Latin gives en, id, Roman Urdu, which
counts as ur, and Arabizi, which counts as ar); n-grams of 1-4 characters inside word
boundaries, learnt per script from the examples written in it, then separate
languages that share letters (ة ي ك for Arabic,
ے ں ٹ ہ for Urdu, ه ی ک with Persian words...).

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from nlu import tables

# libyaml when PyYAML has it (much faster at start-up), else the pure-Python parser
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "rasa_project" / "data"
CATEGORIES_FILE = Path(__file__).resolve().parent / "rasa_project" / "categories.yml"

SCRIPT_SHARE = 0.1  # a language whose examples are this often in a script is a candidate for it

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


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str | None:
    """The Unicode script of a letter, from its name: ARABIC, LATIN, CYRILLIC, ..."""
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else None


def _script(words: Sequence[str]) -> str | None:
    """The script most of the letters are written in, or None without letters."""
    counts = Counter(_script_of(ch) for w in words for ch in w)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


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
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    for block in doc.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield _MARKUP.sub(r"\1", line[2:])


def _language_of(path: Path) -> str:
    return path.stem.split("_")[0]


class NaiveBayes:
    """Multinomial naive Bayes over character n-grams, one class per language."""

    def __init__(self, log_prob: dict[str, dict[str, float]], log_unseen: dict[str, float]) -> None:
        self.log_prob = log_prob
        self.log_unseen = log_unseen

    @classmethod
    def train(
        cls, texts: Iterable[tuple[str, str]], languages: Sequence[str], alpha: float = 0.05
    ) -> NaiveBayes:
        counts: dict[str, Counter[str]] = {lang: Counter() for lang in languages}
        for lang, text in texts:
            counts[lang].update(_ngrams(_normalise(text)))
        vocab = set().union(*counts.values())
        log_unseen: dict[str, float] = {}
        log_prob: dict[str, dict[str, float]] = {}
        for lang, c in counts.items():
            total = sum(c.values()) + alpha * (len(vocab) + 1)
            log_prob[lang] = {g: math.log((n + alpha) / total) for g, n in c.items()}
            log_unseen[lang] = math.log(alpha / total)
        return cls(log_prob, log_unseen)

    def scores(self, words: Sequence[str], candidates: Sequence[str]) -> dict[str, float]:
        grams = Counter(_ngrams(words))
        out = {}
        for lang in candidates:
            lp, unseen = self.log_prob[lang], self.log_unseen[lang]
            out[lang] = sum(n * lp.get(g, unseen) for g, n in grams.items())
        return out


def training_texts(data_dir: Path, categories_file: Path | None) -> list[tuple[str, str]]:
    """(language, text) of every example of the data files and the category vocabulary."""
    texts: list[tuple[str, str]] = []
    for path in sorted((data_dir / "nlu").glob("*.yml")):
        texts.extend((_language_of(path), t) for t in _examples(path))
    if categories_file is not None and categories_file.exists():
        source = yaml.load(categories_file.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        for by_lang in source.values():
            for lang, words in by_lang.items():
                texts.extend((lang.split("_")[0], w) for w in words)
    return texts


class LanguageDetector:
    """Which of `languages` a text is in, trained from (language, text) examples."""

    def __init__(
        self,
        texts: Sequence[tuple[str, str]],
        languages: Sequence[str],
        file_scripts: Iterable[tuple[str, str]] = (),
    ) -> None:
        """`file_scripts`: (language, script) of each training file written mostly in
        one script, which makes the language a candidate for it whatever its share
        (ar_arabizi.yml: Arabic in Latin letters is still `ar`)."""
        self.languages = tuple(languages)
        chosen = [(lang, text) for lang, text in texts if lang in self.languages]
        self._candidates = _candidates_by_script(chosen, self.languages, file_scripts)
        # one model per script, from the examples written in it: Arabizi competes with
        # English and Roman Urdu on Latin n-grams only, not diluted by Arabic-script ones
        by_script: dict[str, list[tuple[str, str]]] = {s: [] for s in self._candidates}
        for lang, text in chosen:
            script = _script(_normalise(text))
            if script in by_script and lang in self._candidates[script]:
                by_script[script].append((lang, text))
        self._models = {
            script: NaiveBayes.train(examples, self._candidates[script])
            for script, examples in by_script.items()
        }

    def tables(self) -> dict[str, Any]:
        """What the detector learnt, as JSON (`from_tables` makes the same detector)."""
        return {
            "languages": list(self.languages),
            "candidates": {s: list(langs) for s, langs in self._candidates.items()},
            "models": {s: [m.log_prob, m.log_unseen] for s, m in self._models.items()},
        }

    @classmethod
    def from_tables(cls, learnt: Mapping[str, Any]) -> LanguageDetector:
        detector = cls.__new__(cls)
        detector.languages = tuple(learnt["languages"])
        detector._candidates = {s: tuple(langs) for s, langs in learnt["candidates"].items()}
        detector._models = {s: NaiveBayes(lp, lu) for s, (lp, lu) in learnt["models"].items()}
        return detector

    @classmethod
    def from_data(
        cls,
        data_dir: Path = DATA_DIR,
        *,
        categories_file: Path | None = CATEGORIES_FILE,
        languages: Sequence[str] | None = None,
        cache_dir: Path | None = None,
    ) -> LanguageDetector:
        """From a Rasa data folder; `languages` defaults to every language with a data file.

        The category vocabulary is the project's (`categories_file`), or the
        hand-written `categories.yml` beside another data folder. With `cache_dir`,
        what was learnt is kept there under the hash of the files, the languages and
        this module's code (nlu/tables.py), and read back instead of training again.
        """
        if categories_file == CATEGORIES_FILE and data_dir != DATA_DIR:
            categories_file = data_dir.parent / "categories.yml"
        files = sorted((data_dir / "nlu").glob("*.yml"))
        chosen = (
            list(languages) if languages is not None else sorted({_language_of(p) for p in files})
        )

        def train() -> dict[str, Any]:
            texts = training_texts(data_dir, categories_file)
            file_scripts = [(_language_of(p), s) for p in files if (s := _file_script(p))]
            return cls(texts, chosen, file_scripts).tables()

        sources: list[tables.Source] = [Path(__file__), *files]
        if categories_file is not None:
            sources.append(categories_file)
        sources.append(f"languages {chosen} unicode {unicodedata.unidata_version}")
        return cls.from_tables(tables.cached("languages", sources, train, cache_dir))

    def detect(self, text: str) -> Detection:
        """The language of one message, with a confidence that is 0 for non-evidence."""
        words = _normalise(text)
        script = _script(words)
        candidates = self._candidates.get(script or "", ())
        if not candidates:
            return Detection(None, 0.0)
        scores = self._models[script or ""].scores(words, candidates)
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


def _file_script(path: Path) -> str | None:
    """The script most of a training file's examples are written in (None if empty)."""
    counts = Counter(_script(_normalise(t)) for t in _examples(path))
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def _candidates_by_script(
    texts: Sequence[tuple[str, str]],
    languages: Sequence[str],
    file_scripts: Iterable[tuple[str, str]] = (),
) -> dict[str, tuple[str, ...]]:
    """For each script, the languages a tenth or more of whose examples are written in
    it, or one of whose training files is mostly written in it."""
    per_language: dict[str, Counter[str]] = {lang: Counter() for lang in languages}
    for lang, text in texts:
        script = _script(_normalise(text))
        if script is not None:
            per_language[lang][script] += 1
    scripts: dict[str, list[str]] = {}
    for lang in languages:
        counts = per_language[lang]
        total = sum(counts.values())
        for script, n in counts.items():
            if n >= SCRIPT_SHARE * total:
                scripts.setdefault(script, []).append(lang)
    for lang, script in file_scripts:
        if lang in per_language and lang not in scripts.get(script, []):
            scripts.setdefault(script, []).append(lang)
    return {script: tuple(langs) for script, langs in scripts.items()}


@lru_cache(maxsize=1)
def default_detector() -> LanguageDetector:
    """The detector for this project's own data and every language that has a data file."""
    return LanguageDetector.from_data(cache_dir=tables.CACHE_DIR)


def detect_language(text: str) -> Detection:
    """`default_detector().detect(text)`."""
    return default_detector().detect(text)


def evidence(detection: Detection) -> str | None:
    """What a message contributes to `recent`: its language if confidently detected."""
    return detection.language if detection.confidence >= SWITCH_CONFIDENCE else None


def decide_language(
    current: str | None,
    detected: str | None,
    confidence: float,
    recent: Sequence[str | None] = (),
    languages: Sequence[str] | None = None,
) -> str | None:
    """The language to answer in after this message.

    `current` is the conversation's language so far (None before the first
    reliable message); `detected`/`confidence` come from `detect_language`
    for this message; `recent` is `evidence(...)` of the previous messages,
    oldest first. An explicit choice by the person is not decided here: the
    change_language flow sets it directly. A detected language outside
    `languages` (by default the default detector's) never counts.
    """
    known = languages if languages is not None else default_detector().languages
    if detected is None or detected not in known:
        return current
    if current is None:
        return detected if confidence >= FIRST_CONFIDENCE else None
    if detected == current or confidence < SWITCH_CONFIDENCE:
        return current
    streak = list(recent[-(SWITCH_MESSAGES - 1) :]) if SWITCH_MESSAGES > 1 else []
    if len(streak) == SWITCH_MESSAGES - 1 and all(lang == detected for lang in streak):
        return detected
    return current
