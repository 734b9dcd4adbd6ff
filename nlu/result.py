"""What a parse of one text gives: the intent, its confidence, entities, language, ranking.

The NLU's own vocabulary; the conversation service (bot/) turns it into the
dialog engine's `NluResult`, so neither package needs the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParsedEntity:
    name: str  # "category", "ticket_id", ...
    value: str  # normalised value ("waste", "MK-1234566")
    raw: str | None = None  # the text the person typed
    key: str | None = None  # `place`: what the bot resolves ("aziziyah", "mina-camp-56")


@dataclass(frozen=True)
class Parse:
    intent: str
    confidence: float
    entities: tuple[ParsedEntity, ...] = ()
    language: str | None = None
    ranking: tuple[tuple[str, float], ...] = ()  # other intents, best first

    def entity(self, name: str) -> str | None:
        return next((e.value for e in self.entities if e.name == name), None)
