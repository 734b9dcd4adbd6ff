"""Which consultant answer a question asks for: matched against the questions each entry answers.

Every entry of the knowledge base carries the questions it answers, in every
language (`kb-<entry>-questions` in locales/<lang>/knowledge.ftl, one a line).
A person's question is compared with all of them at once, whatever the
language, by the cosine of TF-IDF-weighted character n-grams (3 to 5 letters
inside words, after folding case, letter variants and punctuation): robust to
the spelling variants, missing diacritics and word endings of five languages,
with no model to train. An entry's score is its best question's.

`best(question)` is the entry only when it fits clearly: a score of at least
`MIN_SCORE` and ahead of the next entry by `MIN_LEAD`. The topics' own names
and intros compete too: a broad question ("tell me about engineering offices")
is closest to its topic, or resembles every entry of it alike, and gets the
topic's menu instead.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from bot.municipal.knowledge import KnowledgeBase
from dialogs.words import fold
from locales.render import Localizer

MIN_SCORE = 0.30
MIN_LEAD = 0.04
TOPIC = "topic:"  # the index's documents for a topic's name and intro (broad questions)
GRAMS = (3, 4, 5)


@dataclass(frozen=True)
class Match:
    entry: str
    score: float
    lead: float  # how far ahead of the next entry


def _grams(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for word in fold(text).split():
        padded = f" {word} "
        for n in GRAMS:
            found.update(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
    return found


class QuestionIndex:
    """The questions of every entry in every language, ready to compare a question with."""

    def __init__(self, questions: Iterable[tuple[str, str]]) -> None:
        docs = [(entry, _grams(text)) for entry, text in questions if text.strip()]
        df: Counter[str] = Counter()
        for _, grams in docs:
            df.update(grams.keys())
        self._idf = {g: math.log((1 + len(docs)) / (1 + n)) + 1 for g, n in df.items()}
        self._docs = [(entry, self._vector(grams)) for entry, grams in docs]

    def _vector(self, grams: Counter[str]) -> dict[str, float]:
        vec = {g: (1 + math.log(c)) * self._idf.get(g, 0.0) for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def scores(self, question: str) -> dict[str, float]:
        """Each entry's best similarity to `question` (0-1)."""
        query = self._vector(_grams(question))
        best: dict[str, float] = {}
        for entry, vec in self._docs:
            small, large = (query, vec) if len(query) < len(vec) else (vec, query)
            score = sum(v * large.get(g, 0.0) for g, v in small.items())
            best[entry] = max(best.get(entry, 0.0), score)
        return best

    def best(self, question: str, among: Collection[str] | None = None) -> Match | None:
        """The entry `question` clearly asks for (optionally only `among` these), or None."""
        ranked = sorted(
            (
                (s, e)
                for e, s in self.scores(question).items()
                if among is None or e in among or e.startswith(TOPIC)
            ),
            reverse=True,
        )
        if not ranked:
            return None
        score, entry = ranked[0]
        lead = score - (ranked[1][0] if len(ranked) > 1 else 0.0)
        if score < MIN_SCORE or lead < MIN_LEAD or entry.startswith(TOPIC):
            return None
        return Match(entry, score, lead)


_INDEXES: weakref.WeakKeyDictionary[Localizer, dict[int, QuestionIndex]] = (
    weakref.WeakKeyDictionary()
)


def question_index(
    kb: KnowledgeBase, texts: Localizer, languages: Collection[str]
) -> QuestionIndex:
    """The index of one content snapshot (its texts and base), built once."""
    per_base = _INDEXES.setdefault(texts, {})
    index = per_base.get(id(kb))
    if index is None:
        docs = [(entry.id, entry.questions_key) for entry in kb.entries.values()]
        docs += [
            (f"{TOPIC}{t.id}", key)
            for t in kb.topics
            for key in (t.label_key, t.intro_key, t.questions_key)
        ]
        index = QuestionIndex(
            (doc, line)
            for doc, key in docs
            for lang in languages
            if texts.has(lang, key)
            for line in texts.render(lang, key).splitlines()
        )
        per_base[id(kb)] = index
    return index
