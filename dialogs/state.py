"""One step's working state: the context the service passes, the JSON state, the turn.

`Turn` holds a private copy of the conversation state and collects the
outputs and effects of one step; `restore` and `reset` keep the state whole.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from dialogs.args import NOT_GIVEN, Scope, evaluate
from dialogs.flowset import FlowSet, FlowSpec, SlotSpec
from dialogs.matching import LabelResolver
from dialogs.model import Choice, Effect, Expects, Output, StepResult, msg_ref

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
    stale_after: timedelta = timedelta(hours=12)  # an unfinished flow older than this is dropped


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
    }


# ---------------------------------------------------------------- the turn


class Turn:
    """One step's working copy of the state and what it produced."""

    def __init__(self, flows: FlowSet, state: dict[str, Any], ctx: Context, now: datetime):
        self.flows, self.state, self.ctx, self.now = flows, state, ctx, now
        self.outputs: list[Output] = []
        self.effects: list[Effect] = []
        self.shown: list[dict[str, Any]] = []

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
    ) -> None:
        shown = tuple(Choice(c["id"], c["key"], dict(c.get("args") or {})) for c in choices)
        if shown and expects == "none":
            expects = "choice"
        self.outputs.append(Output(key, dict(args or {}), shown, expects))
        if shown:
            self.shown = [_jsonable_choice(c) for c in choices]

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
    return {"id": choice["id"], "key": choice["key"], "args": args}


# ---------------------------------------------------------------- state


def restore(
    flows: FlowSet, state: Mapping[str, Any] | None, now: datetime, ctx: Context
) -> dict[str, Any]:
    """A private, complete copy of the state; a broken or stale flow is dropped."""
    st = {**new_state(), **copy.deepcopy(dict(state or {}))}
    flow = flows.get(st["flow"])
    broken = st["flow"] is not None and (
        flow is None or (st["at"] == "slot" and flow.slot(st["slot"]) is None)
    )
    if broken or _stale(st, now, ctx):
        st.update({k: v for k, v in new_state().items() if k not in ("seen", "choices")})
    return st


def _stale(st: Mapping[str, Any], now: datetime, ctx: Context) -> bool:
    if st["flow"] is None or not st.get("seen"):
        return False
    try:
        seen = datetime.fromisoformat(st["seen"])
    except (TypeError, ValueError):
        return True
    return now - seen > ctx.stale_after


def reset(t: Turn) -> None:
    keep = {"seen": t.state["seen"], "choices": t.state["choices"]}
    t.state.clear()
    t.state.update(new_state(), **keep)


def menu_choices(flows: FlowSet) -> list[dict[str, Any]]:
    """The main menu: every flow with a `menu:` entry, in order."""
    return [{"id": f"flow:{f.id}", "key": f.menu_label, "args": {}} for f in flows.menu()]
