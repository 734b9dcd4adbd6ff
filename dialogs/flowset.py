"""The loaded flows: typed, read-only specs built from validated YAML.

A `FlowSet` is what the loader returns and what `engine.step` reads. It is
immutable, so the service can swap in a freshly loaded one (a reload) without
a half-applied state. Actions (`done:` and `on_result:` lists) stay plain
mappings, walked by the engine by path, exactly as written in YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

SLOT_TYPES = ("choice", "text", "location", "media", "phone", "ticket_id", "yes_no")
DEFAULT_TEXT_MAX = 2000

# The error message used for each failure of each slot type, unless a slot's
# `errors:` names another one.
DEFAULT_ERRORS: Mapping[str, Mapping[str, str]] = {
    "choice": {"choose": "please-choose"},
    "yes_no": {"choose": "error-yes-no"},
    "text": {
        "expected": "error-text-expected",
        "too_short": "error-text-too-short",
        "too_long": "error-text-too-long",
    },
    "location": {
        "expected": "error-location-expected",
        "too_short": "error-location-too-short",
        "too_long": "error-text-too-long",
    },
    "media": {"expected": "error-photo-expected"},
    "phone": {"invalid": "error-phone-invalid", "expected": "error-phone-invalid"},
    "ticket_id": {
        "mistyped": "status-ticket-mistyped",
        "absent": "status-ticket-absent",
        "expected": "status-ticket-absent",
    },
}

# Message ids the engine itself says, whatever the flows.
ENGINE_MESSAGES = frozenset(
    {
        "menu-welcome",
        "menu-prompt",
        "menu-anything-else",
        "choice-skip",
        "choice-cancel",
        "choice-yes",
        "choice-no",
        "choice-menu",
        "choice-confirm",
        "choice-edit",
        "cancelled",
        "greet-reply",
        "thank-reply",
        "goodbye-reply",
        "out-of-scope",
        "please-choose",
        "please-use-menu",
        "clarify",
        "handoff-offer",
        "error-service",
        "confirm-edit-which",
        "summary-skipped",
        "summary-photo-attached",
        "summary-location-pin",
        "menu-agent",
        "greet-reply-hello",
        "nlu-slow",
        "choice-resume",
        "choice-discard",
        "choice-new-problem",
        "choice-expired",
        "draft-button",
        "draft-offer",
        "draft-resumed",
        "draft-discarded",
        "draft-dropped",
        "draft-expired",
        "flow-changed",
        "flow-gone",
        "meant-which",
        "recall-which",
        "recall-ticket-choice",
        "recall-pick",
        "recall-another",
        "case-kind-home-visit",
        "case-kind-proxy-service",
        "words-yes",
        "words-no",
        "words-skip",
        "words-menu",
        "words-salam",
        "words-hello",
        "words-thanks",
        "words-bye",
        "words-filler",
    }
)


@dataclass(frozen=True)
class ChoiceSpec:
    id: str
    label: str  # message id
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SlotSpec:
    id: str
    type: str
    ask: str
    ask_args: Mapping[str, Any] = field(default_factory=dict)
    label: str | None = None  # message id naming the field in "which part to change?"
    optional: bool = False
    entity: str | None = None  # NLU entity that prefills this slot
    choices: tuple[ChoiceSpec, ...] = ()  # the answers of a choice slot
    buttons: tuple[ChoiceSpec, ...] = ()  # extra global actions shown with the question
    min_length: int = 1
    max_length: int = DEFAULT_TEXT_MAX
    errors: Mapping[str, str] = field(default_factory=dict)
    from_message: bool = False  # the message that starts the flow, when it says what or where
    none: str | None = None  # message id shown for a skipped answer (default summary-skipped)

    def error(self, failure: str) -> str:
        """The message id for `failure` ("too_short", "mistyped", ...)."""
        return self.errors.get(failure) or DEFAULT_ERRORS[self.type].get(failure, "please-choose")


@dataclass(frozen=True)
class FlowSpec:
    id: str
    source: str  # the file it came from, for messages
    intents: tuple[str, ...] = ()
    commands: tuple[str, ...] = ()
    menu_label: str | None = None
    menu_order: int = 100
    slots: tuple[SlotSpec, ...] = ()
    confirm: Mapping[str, Any] | None = None  # {"message": id, "args": {...}}
    done: tuple[Mapping[str, Any], ...] = ()
    end: str = "menu"  # "menu": show "anything else?" and the menu; "quiet": nothing
    aside: bool = False  # asked for mid-flow: said, then the current question again
    title: str | None = None  # message id naming the flow ("did you mean A or B?")
    draft: Mapping[str, Any] | None = None  # {label, offer, args}: how a kept draft is offered
    ask_if_entity: tuple[str, ...] = ()  # such an entity in the message: ask "did you mean?"

    @property
    def name_key(self) -> str | None:
        """The message id that names this flow on a button (its title, else its menu label)."""
        return self.title or self.menu_label

    def slot(self, slot_id: str) -> SlotSpec | None:
        return next((s for s in self.slots if s.id == slot_id), None)


@dataclass(frozen=True)
class FlowSet:
    flows: Mapping[str, FlowSpec]

    def __post_init__(self) -> None:
        object.__setattr__(self, "flows", MappingProxyType(dict(self.flows)))

    def get(self, flow_id: str | None) -> FlowSpec | None:
        return self.flows.get(flow_id) if flow_id else None

    def for_intent(self, intent: str) -> FlowSpec | None:
        return next((f for f in self.flows.values() if intent in f.intents), None)

    def for_command(self, command: str) -> FlowSpec | None:
        return next((f for f in self.flows.values() if command in f.commands), None)

    def menu(self) -> tuple[FlowSpec, ...]:
        """Flows listed in the main menu, in their declared order."""
        entries = [f for f in self.flows.values() if f.menu_label]
        return tuple(sorted(entries, key=lambda f: (f.menu_order, f.id)))


def _choices(raw: Any) -> tuple[ChoiceSpec, ...]:
    if not isinstance(raw, list):  # `choices: languages` the loader had no languages for
        return ()
    return tuple(ChoiceSpec(c["id"], c["label"], dict(c.get("args") or {})) for c in raw or ())


def slot_from_dict(raw: Mapping[str, Any]) -> SlotSpec:
    return SlotSpec(
        id=raw["id"],
        type=raw["type"],
        ask=raw["ask"],
        ask_args=dict(raw.get("ask_args") or {}),
        label=raw.get("label"),
        optional=bool(raw.get("optional", False)),
        entity=raw.get("entity"),
        choices=_choices(raw.get("choices")),
        buttons=_choices(raw.get("buttons")),
        min_length=int(raw.get("min_length", 1)),
        max_length=int(raw.get("max_length", DEFAULT_TEXT_MAX)),
        errors=dict(raw.get("errors") or {}),
        from_message=bool(raw.get("from_message", False)),
        none=raw.get("none"),
    )


def flow_from_dict(raw: Mapping[str, Any], source: str) -> FlowSpec:
    """A spec from one schema-valid flow document."""
    menu = raw.get("menu") or {}
    return FlowSpec(
        id=raw["id"],
        source=source,
        intents=tuple(raw.get("intents") or ()),
        commands=tuple(raw.get("commands") or ()),
        menu_label=menu.get("label"),
        menu_order=int(menu.get("order", 100)),
        slots=tuple(slot_from_dict(s) for s in raw.get("slots") or ()),
        confirm=raw.get("confirm"),
        done=tuple(raw.get("done") or ()),
        end=raw.get("end", "menu"),
        aside=bool(raw.get("aside", False)),
        title=raw.get("title"),
        draft=raw.get("draft"),
        ask_if_entity=tuple(raw.get("ask_if_entity") or ()),
    )
