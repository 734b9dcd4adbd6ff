"""The engine's vocabulary: events in, outputs and effects out.

These types are the contract between the pure dialog engine and the
conversation service. Everything here is immutable and JSON-friendly so that a
state can be stored in the database and a transcript can be written in a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Expects = Literal["text", "choice", "location", "media", "phone", "none"]


def msg_ref(key: str, **args: Any) -> dict[str, Any]:
    """An argument value that is itself a message: rendered first, in the same language.

    Used for labels inside other messages ("Type: Waste and litter", "Status:
    Resolved"). The renderer turns any argument value shaped like
    `{"msg": id, "args": {...}}` into that message's text; it stays a plain
    dict so choices holding it can be stored in the JSON state.
    """
    return {"msg": key, "args": dict(args)}


_REF_KEYS = {"msg", "args"}


def is_msg_ref(value: Any) -> bool:
    return (
        isinstance(value, dict) and isinstance(value.get("msg"), str) and value.keys() <= _REF_KEYS
    )


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    label: str | None = None  # an address or place name the platform sent with the pin


@dataclass(frozen=True)
class Media:
    ref: str  # storage reference (relative path under the media directory)
    content_type: str
    size: int


@dataclass(frozen=True)
class Entity:
    name: str  # "category", "ticket_id", ...
    value: str  # normalised value ("waste", "MK-1234566")
    raw: str | None = None  # the text the person typed
    key: str | None = None  # `place`: the place the service resolves ("aziziyah", "gate-79")


@dataclass(frozen=True)
class NluResult:
    intent: str
    confidence: float
    entities: tuple[Entity, ...] = ()
    language: str | None = None
    ranking: tuple[tuple[str, float], ...] = ()  # other intents, best first

    def entity(self, name: str) -> str | None:
        return next((e.value for e in self.entities if e.name == name), None)


@dataclass(frozen=True)
class UserInput:
    """One message from the person, already neutral (no platform types)."""

    text: str | None = None
    choice: str | None = None  # id of a button the person pressed
    location: Location | None = None
    media: Media | None = None
    phone: str | None = None  # a shared contact
    command: str | None = None  # "start", "help", "language", "status", "cancel"
    nlu: NluResult | None = None  # filled by the service when the engine asked for it
    nlu_unavailable: bool = False  # the engine asked for the NLU and none answered in time


@dataclass(frozen=True)
class EffectResult:
    """The outcome of an effect the engine asked for, fed back as the next event."""

    effect: str
    data: dict[str, Any] = field(default_factory=dict)


Event = UserInput | EffectResult


@dataclass(frozen=True)
class Choice:
    id: str  # the token the person's answer comes back with (dialogs/tokens.py)
    key: str  # message id of the label
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    """A web address shown with a message (a map): a tappable button or link, never in the text.

    Channels render it their way (a URL button on Telegram, a link in the web
    chat, a bare URL on a line of its own on WhatsApp), so it is never inside
    the text's bidi isolation marks.
    """

    url: str
    key: str  # message id of the link's label
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Output:
    """A message for the person: a message id and its arguments, never literal text."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    expects: Expects = "none"
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Effect:
    """Something only the service can do (storage, language, hand-off).

    When `awaits` is true the engine waits: the service performs the effect and
    calls `step` again with an `EffectResult` of the same name.
    """

    name: str
    args: dict[str, Any] = field(default_factory=dict)
    awaits: bool = False


@dataclass(frozen=True)
class StepResult:
    state: dict[str, Any]  # JSON-serialisable dialog state
    outputs: tuple[Output, ...] = ()
    effects: tuple[Effect, ...] = ()
