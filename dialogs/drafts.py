"""Drafts: a flow left half-filled for another one is kept, and offered back.

Going to the menu, asking something else, changing the language or saying
goodbye in the middle of a flow that has answers *suspends* it: its answers
and the step it was at go to `state["drafts"]` (newest first, at most
`MAX_DRAFTS`). The menu then carries a "continue" button for the newest
draft, and when the other flow is done the bot asks once whether to go on
with it ("Your report about waste isn't sent yet. Shall we continue it?").
`resume` takes the draft up where it stopped (fitted to the flows in force
now, dialogs/migration.py); `discard` deletes it, saying nothing was sent.
`cancel` inside the draft's own flow still cancels it.

A flow says how its drafts are offered with `draft: {label, offer, args}`;
without it the generic `draft-button` / `draft-offer` texts are used.
"""

from __future__ import annotations

from typing import Any

from dialogs.args import Scope, evaluate
from dialogs.migration import MAX_DRAFTS, draft_of, step_gone, worth_keeping
from dialogs.state import MENU, Turn

RESUME = "resume"
DISCARD = "discard"


def suspend(t: Turn) -> None:
    """Keep the current flow aside when it has answers (the caller then leaves it)."""
    if not worth_keeping(t.state):
        return
    drafts = [draft_of(t.state), *t.state["drafts"]]
    for dropped in drafts[MAX_DRAFTS:]:
        t.say("draft-dropped", describe(t, dropped))
    t.state["drafts"] = drafts[:MAX_DRAFTS]


def newest(t: Turn) -> dict[str, Any] | None:
    drafts = t.state["drafts"]
    return drafts[0] if drafts else None


def of_flow(t: Turn, flow_id: str) -> dict[str, Any] | None:
    return next((d for d in t.state["drafts"] if d["flow"] == flow_id), None)


def button(t: Turn) -> list[dict[str, Any]]:
    """The menu's "continue" button for the newest draft (none without a draft)."""
    draft = newest(t)
    if draft is None:
        return []
    spec = _spec(t, draft)
    return [{"id": RESUME, "key": spec.get("label", "draft-button"), "args": describe(t, draft)}]


def offer(t: Turn) -> bool:
    """Ask once whether to go on with the newest draft; False when there is none to offer."""
    draft = newest(t)
    if draft is None or draft.get("offered"):
        return False
    draft["offered"] = True
    spec = _spec(t, draft)
    choices = [
        {"id": RESUME, "key": "choice-resume"},
        {"id": DISCARD, "key": "choice-discard"},
        MENU,
    ]
    t.say(spec.get("offer", "draft-offer"), describe(t, draft), choices)
    return True


def take(t: Turn, draft: dict[str, Any] | None = None) -> bool:
    """Make `draft` (default: the newest) the current flow again.

    True when the step it stopped at is gone from the edited flow: the caller
    says so and asks the next unanswered question (the state is then at None).
    """
    draft = draft or newest(t)
    if draft is None:
        return False
    t.state["drafts"] = [d for d in t.state["drafts"] if d is not draft]
    t.state.update({k: v for k, v in draft.items() if k != "offered"}, misses=0)
    flow = t.flow
    gone = flow is not None and step_gone(flow, t.state)
    if gone:
        t.state.update(at=None, slot=None, editing=False)
    return gone


def drop(t: Turn) -> dict[str, Any] | None:
    """Delete the newest draft and return it (for the message saying so)."""
    draft = newest(t)
    if draft is not None:
        t.state["drafts"] = t.state["drafts"][1:]
    return draft


def _spec(t: Turn, draft: dict[str, Any]) -> dict[str, Any]:
    flow = t.flows.get(draft["flow"])
    return dict(flow.draft or {}) if flow else {}


def describe(t: Turn, draft: dict[str, Any]) -> dict[str, Any]:
    """The arguments of the draft's texts: its `args:` evaluated against its own answers."""
    exprs = _spec(t, draft).get("args") or {}
    slots = draft.get("slots") or {}
    scope = Scope(draft.get("data") or {}, slots, t.ctx.constants)
    return {
        name: evaluate(expr, scope, flows=t.flows, flow_id=draft["flow"], slots=slots, tz=t.ctx.tz)
        for name, expr in exprs.items()
    }
