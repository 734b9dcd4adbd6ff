"""One step's working state: the context the service passes, the JSON state, the turn.

`Turn` holds a private copy of the conversation state and collects the
outputs and effects of one step; `restore` and `reset` keep the state whole.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from dialogs.args import NOT_GIVEN, Scope, evaluate
from dialogs.flowset import FlowSet, FlowSpec, SlotSpec
from dialogs.matching import LabelResolver
from dialogs.migration import migrate
from dialogs.model import Choice, Effect, Expects, Link, Output, StepResult, msg_ref
from dialogs.tokens import remember, token_for
from dialogs.words import Words

SAUDI_TIME = timezone(timedelta(hours=3), "AST")  # no daylight saving time
LITERAL_TYPES = ("text", "location", "phone", "media")  # text answers taken as written
EXPECTS: Mapping[str, Expects] = {
    "choice": "choice",
    "yes_no": "choice",
    "text": "text",
    "ticket_id": "text",
    "location": "location",
    "media": "media",
    "phone": "phone",
}
CANCEL = {"id": "cancel", "key": "choice-cancel"}
MENU = {"id": "menu", "key": "choice-menu"}
GLOBAL_CHOICES = (CANCEL, MENU)


@dataclass(frozen=True)
class Context:
    """What the service passes to every step besides flows, state and event."""

    labels: LabelResolver | None = None  # choice labels in the person's language
    nlu_threshold: float = 0.55  # below it an intent is not trusted
    constants: Mapping[str, Any] = field(
        default_factory=lambda: {"hotline": "940", "ticket_example": "MK-1234566"}
    )
    tz: tzinfo = SAUDI_TIME  # dates shown to people
    stale_after: timedelta = timedelta(hours=12)  # an unfinished flow older than this is kept aside
    drafts_kept: timedelta = timedelta(days=7)  # a draft older than this is deleted (and said so)
    words: Words = field(default_factory=dict)  # short answers: yes, no, skip, menu, salam, filler
    places: Callable[[str], str | None] | None = None  # the place a text names, as written
    nlu_margin: float = 0.3  # two best intents closer than this: "did you mean A or B?"


def new_state() -> dict[str, Any]:
    """The state of a conversation that has not started."""
    return {
        "flow": None,  # current flow id, None at the main menu
        "at": None,  # "slot" | "confirm" | "edit" | "await" | None
        "slot": None,  # slot being asked, when at == "slot"
        "slots": {},  # answers so far; None = skipped
        "editing": False,  # re-answering one field from the summary
        "choices": [],  # the choices last shown: [{"id", "key", "args"}], in order
        "await": None,  # {"effect": name, "path": [...]} while waiting for a result
        "data": {},  # effect results of this flow, merged, for message arguments
        "misses": 0,  # messages in a row we did not understand
        "seen": None,  # ISO time of the last step
        "drafts": [],  # flows left unfinished for another one, newest first (dialogs/drafts.py)
        "tokens": {},  # choice token -> the action it stands for (dialogs/tokens.py)
        "meant": None,  # what a message said, while "did you mean A or B?" is open
    }


# What a reset keeps: the clock, the buttons on screen, the kept drafts, the tokens.
KEPT_ON_RESET = ("seen", "choices", "drafts", "tokens")


# ---------------------------------------------------------------- the turn


class Turn:
    """One step's working copy of the state and what it produced."""

    def __init__(self, flows: FlowSet, state: dict[str, Any], ctx: Context, now: datetime):
        self.flows, self.state, self.ctx, self.now = flows, state, ctx, now
        self.outputs: list[Output] = []
        self.effects: list[Effect] = []
        self.shown: list[dict[str, Any]] = []
        self.notices: list[str] = []  # what restore() found changed (dialogs/migration.py)
        self.restart = False  # the step the person was at no longer exists

    @property
    def flow(self) -> FlowSpec | None:
        return self.flows.get(self.state["flow"])

    @property
    def slot(self) -> SlotSpec | None:
        flow = self.flow
        return flow.slot(self.state["slot"]) if flow and self.state["at"] == "slot" else None

    def say(
        self,
        key: str,
        args: Mapping[str, Any] | None = None,
        choices: Sequence[Mapping[str, Any]] = (),
        expects: Expects = "none",
        links: Sequence[Link] = (),
    ) -> None:
        """Say `key`; each choice's action goes out as its token (dialogs/tokens.py)."""
        shown = []
        for c in choices:
            token = token_for(c["id"])
            remember(self.state["tokens"], token, c["id"])
            shown.append({**c, "id": token, "action": c["id"]})
        out = tuple(Choice(c["id"], c["key"], dict(c.get("args") or {})) for c in shown)
        if out and expects == "none":
            expects = "choice"
        self.outputs.append(Output(key, dict(args or {}), out, expects, tuple(links)))
        if out:
            self.shown = [_jsonable_choice(c) for c in shown]

    def args(self, exprs: Mapping[str, Any] | None, item: Mapping[str, Any] | None = None) -> dict:
        """Message arguments: a missing value shows as "(not given)"."""
        values = self.values(exprs, item)
        return {k: msg_ref(NOT_GIVEN) if v is None else v for k, v in values.items()}

    def values(
        self, exprs: Mapping[str, Any] | None, item: Mapping[str, Any] | None = None
    ) -> dict:
        """Argument values as they are (effect arguments)."""
        st = self.state
        scope = Scope(item or {}, st["data"], st["slots"], self.ctx.constants)
        return {
            name: evaluate(
                expr,
                scope,
                flows=self.flows,
                flow_id=st["flow"],
                slots=st["slots"],
                tz=self.ctx.tz,
            )
            for name, expr in (exprs or {}).items()
        }

    def const(self, *names: str) -> dict[str, Any]:
        return {n: self.ctx.constants.get(n) for n in names}

    def result(self) -> StepResult:
        if self.shown:  # otherwise the last buttons shown are still the ones on screen
            self.state["choices"] = self.shown
        self.state["seen"] = self.now.isoformat()
        return StepResult(self.state, tuple(self.outputs), tuple(self.effects))


def _jsonable_choice(choice: Mapping[str, Any]) -> dict[str, Any]:
    args = {
        k: v.isoformat() if isinstance(v, datetime) else v
        for k, v in (choice.get("args") or {}).items()
    }
    return {"id": choice["id"], "action": choice["action"], "key": choice["key"], "args": args}


# ---------------------------------------------------------------- state


def restore(
    flows: FlowSet, state: Mapping[str, Any] | None, now: datetime, ctx: Context
) -> tuple[dict[str, Any], list[str], bool]:
    """A private, complete copy of the state, fitted to the flows in force now.

    Returns the state, the notices to say about what changed (a flow edited or
    removed while the person was in it, a draft deleted) and whether the step
    they were at is gone (the flow then carries on from its next question).
    """
    st = {**new_state(), **copy.deepcopy(dict(state or {}))}
    found = migrate(
        flows,
        st,
        now=now,
        stale_after=ctx.stale_after,
        drafts_kept=ctx.drafts_kept,
        fresh=new_state(),
        kept=KEPT_ON_RESET,
    )
    return st, found.notices, found.restart


def reset(t: Turn) -> None:
    keep = {k: t.state[k] for k in KEPT_ON_RESET}
    t.state.clear()
    t.state.update(new_state(), **keep)


def menu_choices(flows: FlowSet) -> list[dict[str, Any]]:
    """The main menu: every flow with a `menu:` entry, in order."""
    return [{"id": f"flow:{f.id}", "key": f.menu_label, "args": {}} for f in flows.menu()]
