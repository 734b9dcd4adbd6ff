"""Which report category a whole message is about, when the words alone do not say.

The `category` entity comes from a lookup table of words (`categories.yml` ->
Rasa's RegexEntityExtractor and synonyms): a report written in words the table
lacks gets no category, and when a message names several the first word found
decides. This module is the fallback the client (`nlu/client.py`) asks then: a
multinomial naive Bayes over character 2-4-grams inside word boundaries plus
whole words (like `nlu.language`), pure Python, trained from

- every `report_issue` training example that carries a `category` annotation in
  `nlu/rasa_project/data/nlu/*.yml` (the whole sentence, markup removed, -> the
  value its annotated words map to; a sentence naming two different specific
  categories is left out), and
- the category vocabulary itself (each word or phrase -> its value),

and kept in memory (`default_classifier`; what it learnt is kept on disk too,
under the hash of its inputs, nlu/tables.py, so a process starts without
training it again). `classify(text)` gives the best value and its posterior (a
softmax of the log-likelihoods divided by the square root of the number of
features, as in `nlu.language`, so long texts do not get absurd
certainty). `CONFIDENT` is the posterior above which the client trusts it; it
was picked by cross-validation on the training data and on the held-out set
(`python -m nlu.category`), never on the frozen set.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from nlu import tables, vocab

# libyaml when PyYAML has it (much faster at start-up), else the pure-Python parser
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "rasa_project" / "data"
INTENT = "report_issue"
NONE = "-"  # the class of reports that name no category ("I want to make a complaint")

CONFIDENT = 0.5  # posterior from which the client adds the category (see module doc)
WORD_WEIGHT = 3  # a whole word counts as this many n-grams
ALPHA = 0.1  # additive smoothing

_ANNOTATION = re.compile(r"\[([^\]]+)\]\(([a-z_]+)\)")
_MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Guess:
    category: str  # one of vocab.CATEGORIES
    confidence: float  # posterior, 0..1


def words(text: str) -> list[str]:
    """Lower-cased letter runs, without harakat, tatweel and zero-width non-joiners."""
    text = unicodedata.normalize("NFC", text).lower().replace(vocab.ZWNJ, " ")
    text = re.sub(r"[\u064b-\u0652\u0670\u0640]", "", text)
    return _WORD.findall(text)


def features(tokens: Iterable[str]) -> Iterable[str]:
    """Character 2-4-grams inside word boundaries, plus each whole word (weighted)."""
    for w in tokens:
        for _ in range(WORD_WEIGHT):
            yield f"<{w}>"
        padded = f" {w} "
        for n in (2, 3, 4):
            for i in range(len(padded) - n + 1):
                yield padded[i : i + n]


def _value(word: str, table: dict[str, str]) -> str | None:
    return word if word in vocab.CATEGORIES else table.get(word.strip().lower())


def sentence_category(line: str, table: dict[str, str]) -> str | None:
    """The category of one annotated example, None when it has none or two specific ones."""
    found = [
        (span, v)
        for span, entity in _ANNOTATION.findall(line)
        if entity == "category" and (v := _value(span, table))
    ]
    specific = {v for span, v in found if span.strip().lower() not in vocab.GENERIC_WORDS}
    values = specific or {v for _, v in found}
    return next(iter(values)) if len(values) == 1 else None


def training_examples(
    data_dir: Path = DATA_DIR, source: Path = vocab.SOURCE
) -> list[tuple[str, str]]:
    """(category, text) for every annotated report_issue sentence, then every vocabulary word."""
    return sentence_examples(data_dir, source) + vocabulary_examples(source)


def vocabulary_forms(text: str, table: dict[str, str]) -> list[str]:
    """The vocabulary's surface forms that occur in `text` as whole words."""
    joined = f" {' '.join(words(text))} "
    return [form for form in table if f" {form} " in joined]


def mask(text: str, table: dict[str, str]) -> str:
    """`text` without its vocabulary words: what is left when the table lacks them."""
    joined = f" {' '.join(words(text))} "
    for form in sorted(vocabulary_forms(text, table), key=len, reverse=True):
        joined = joined.replace(f" {form} ", " ")
    return joined.strip()


def sentence_examples(
    data_dir: Path = DATA_DIR, source: Path = vocab.SOURCE
) -> list[tuple[str, str]]:
    """(category, text) for every report_issue training sentence: the value of its
    annotated words; without annotation, the value of its vocabulary words when they
    name one, or `NONE` when they name none ("I want to make a complaint")."""
    table = vocab.synonyms(source)
    out: list[tuple[str, str]] = []
    for path in sorted((data_dir / "nlu").glob("*.yml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        for block in doc.get("nlu", []):
            if block.get("intent") != INTENT:
                continue
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if not line.startswith("- "):
                    continue
                text = _MARKUP.sub(r"\1", line[2:])
                if "](category)" in line:
                    category = sentence_category(line[2:], table)
                else:
                    forms = vocabulary_forms(text, table)
                    category = _one_value(forms, table) if forms else NONE
                if category:
                    out.append((category, text))
    return out


def _one_value(forms: Sequence[str], table: dict[str, str]) -> str | None:
    specific = {table[f] for f in forms if f not in vocab.GENERIC_WORDS}
    values = specific or {table[f] for f in forms}
    return next(iter(values)) if len(values) == 1 else None


def vocabulary_examples(source: Path = vocab.SOURCE) -> list[tuple[str, str]]:
    """(category, word or phrase) for every entry of the hand-written vocabulary."""
    out: list[tuple[str, str]] = []
    for value, by_lang in vocab.load_source(source).items():
        for phrases in by_lang.values():
            out.extend((value, str(p)) for p in phrases)
    return out


class CategoryClassifier:
    """Multinomial naive Bayes, one class per category value, uniform prior."""

    def __init__(self, examples: Iterable[tuple[str, str]], alpha: float = ALPHA) -> None:
        counts: dict[str, Counter[str]] = {c: Counter() for c in (*vocab.CATEGORIES, NONE)}
        for category, text in examples:
            counts[category].update(features(words(text)))
        self.categories = tuple(c for c in (*vocab.CATEGORIES, NONE) if counts[c])
        grams = set().union(*counts.values())
        self._log_prob: dict[str, dict[str, float]] = {}
        self._log_unseen: dict[str, float] = {}
        for c in self.categories:
            total = sum(counts[c].values()) + alpha * (len(grams) + 1)
            self._log_prob[c] = {g: math.log((n + alpha) / total) for g, n in counts[c].items()}
            self._log_unseen[c] = math.log(alpha / total)
        self._known = grams

    def tables(self) -> dict[str, Any]:
        """What was learnt, as JSON (`from_tables` makes the same classifier)."""
        return {"log_prob": self._log_prob, "log_unseen": self._log_unseen}

    @classmethod
    def from_tables(cls, learnt: Mapping[str, Any]) -> CategoryClassifier:
        model = cls.__new__(cls)
        model._log_prob, model._log_unseen = learnt["log_prob"], learnt["log_unseen"]
        model.categories = tuple(model._log_prob)
        model._known = set().union(*model._log_prob.values())
        return model

    def posteriors(self, text: str) -> dict[str, float]:
        """Each class's posterior for `text` (`NONE` among them when trained with it);
        empty when no feature of the text was ever seen."""
        grams = Counter(g for g in features(words(text)) if g in self._known)
        if not grams:
            return {}
        scores = {
            c: sum(n * self._log_prob[c].get(g, self._log_unseen[c]) for g, n in grams.items())
            for c in self.categories
        }
        scale = math.sqrt(sum(grams.values()))
        best = max(scores.values())
        weights = {c: math.exp((s - best) / scale) for c, s in scores.items()}
        total = sum(weights.values())
        return {c: w / total for c, w in weights.items()}

    def classify(self, text: str) -> Guess | None:
        """The most likely category and its posterior; None for a text with nothing known
        or one most likely about no category."""
        post = self.posteriors(text)
        if not post or max(post, key=post.__getitem__) == NONE:
            return None
        best = max(post, key=post.__getitem__)
        return Guess(best, round(post[best], 4))

    def order(self, categories: Sequence[str], text: str) -> list[str]:
        """`categories` best first by the posterior for `text` (stable for ties)."""
        post = self.posteriors(text)
        post.pop(NONE, None)
        return sorted(categories, key=lambda c: -post.get(c, 0.0))


LABELS = DATA_DIR.parent / "category_labels.json"


def render_labels(data_dir: Path = DATA_DIR, source: Path = vocab.SOURCE) -> str:
    """The labels file of the Rasa component `labbaik_category.SentenceCategoryClassifier`:
    every report_issue training sentence (as Rasa reads it, markup removed) -> its
    category or `NONE`, read the one way this module reads them."""
    labels = dict(sorted({text: cat for cat, text in sentence_examples(data_dir, source)}.items()))
    doc = {
        "generated_by": "nlu/category.py (python -m nlu.category --write-labels)",
        "labels": labels,
    }
    return json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def write_labels(out: Path = LABELS) -> bool:
    """Rewrite the labels file when it differs; True when it changed."""
    text = render_labels()
    if out.exists() and out.read_text(encoding="utf-8") == text:
        return False
    out.write_text(text, encoding="utf-8")
    return True


@lru_cache(maxsize=1)
def default_classifier() -> CategoryClassifier:
    """The classifier for this project's training data, trained once (nlu/tables.py keeps
    what it learnt under the hash of the data, the vocabulary and this code)."""
    files = sorted((DATA_DIR / "nlu").glob("*.yml"))
    sources = [Path(__file__), Path(vocab.__file__), vocab.SOURCE, *files]
    learnt = tables.cached(
        "categories", sources, lambda: CategoryClassifier(training_examples()).tables()
    )
    return CategoryClassifier.from_tables(learnt)


def _folds(examples: Sequence[tuple[str, str]], k: int) -> Iterable[tuple[list, list]]:
    for i in range(k):
        yield (
            [e for j, e in enumerate(examples) if j % k != i],
            [e for j, e in enumerate(examples) if j % k == i],
        )


def _report(name: str, guesses: Sequence[tuple[str, Guess | None]]) -> None:
    """Per threshold: how often a category is given, how often it is the right one, and
    how often a report that names none gets one anyway."""
    named = [(gold, g) for gold, g in guesses if gold != NONE]
    unnamed = [g for gold, g in guesses if gold == NONE]
    print(f"{name}: {len(named)} with a category, {len(unnamed)} without")
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        kept = [(gold, g) for gold, g in named if g is not None and g.confidence >= threshold]
        ok = sum(1 for gold, g in kept if g is not None and g.category == gold)
        wrong_none = sum(1 for g in unnamed if g is not None and g.confidence >= threshold)
        print(
            f"  >= {threshold:.1f}: answers {len(kept) / max(1, len(named)):.2f},"
            f" right {ok / max(1, len(named)):.3f} (when answering {ok / max(1, len(kept)):.3f}),"
            f" category for a report naming none {wrong_none}/{len(unnamed)}"
        )


def main(argv: Sequence[str] = ()) -> int:
    """Cross-validation on the training sentences and accuracy on the held-out set, per
    posterior threshold: how the threshold `CONFIDENT` was chosen. `--write-labels`
    writes the Rasa component's labels file instead (`labbaik nlu train` does it)."""
    if "--write-labels" in argv:
        print(f"{LABELS}: {'written' if write_labels() else 'up to date'}")
        return 0
    table = vocab.synonyms()
    sentences, vocabulary = sentence_examples(), vocabulary_examples()
    full: list[tuple[str, Guess | None]] = []
    masked: list[tuple[str, Guess | None]] = []
    for train, test in _folds(sentences, 5):
        model = CategoryClassifier([*train, *vocabulary])
        full.extend((gold, model.classify(text)) for gold, text in test)
        # each test sentence without its vocabulary words: the case the client asks
        # the classifier about (the lookup table found nothing)
        masked.extend((gold, model.classify(mask(text, table))) for gold, text in test)
    _report("5-fold cross-validation on the training sentences", full)
    _report("... each test sentence without its vocabulary words", masked)
    # the held-out set: nlu/eval/*.yml `categories` and the report_issue `intents`
    held: list[tuple[str, Guess | None]] = []
    model = default_classifier()
    eval_dir = DATA_DIR.parent.parent / "eval"
    for path in sorted(eval_dir.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict):
            continue
        for block in (doc, doc.get("roman") or {}):
            for gold, texts in (block.get("categories") or {}).items():
                held.extend((gold, model.classify(str(t))) for t in texts)
            for t in (block.get("intents") or {}).get(INTENT, []):
                held.append((NONE, model.classify(str(t))))
    _report("held-out set (nlu/eval/*.yml)", held)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
