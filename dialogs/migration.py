"""Fitting a stored conversation to the flows in force now: edits, removals, old drafts.

Admins edit flows while people are in them. Before each step the engine
checks the stored state against the current `FlowSet` (pure, on plain dicts):

- an answer to a slot the flow no longer has is dropped, and so is a choice
  answer that is no longer one of the slot's choices (it is asked again);
- a new slot is asked in its turn, as any unanswered one is;
- when the step the person was at is gone (a removed question, or a summary
  that now lacks a required answer), the flow goes on from its first
  unanswered question with the answers kept, and says that the form changed;
- a flow that no longer exists is left, saying so (nothing was sent);
- a flow left unfinished longer than `stale_after` is kept aside as a draft
  (offered back later) instead of being taken up where it stopped;
- a draft older than `drafts_kept` is deleted, saying so.

Nothing is lost without a word: each of these adds a notice (a message id)
that the step says first.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from dialogs.flowset import FlowSet, FlowSpec

MAX_DRAFTS = 3
DRAFT_FIELDS = ("flow", "at", "slot", "slots", "editing", "data", "seen")
State = MutableMapping[str, Any]


@dataclass
class Migration:
    notices: list[str] = field(default_factory=list)
    restart: bool = False  # the current step is gone: go on from the next question


def worth_keeping(st: Mapping[str, Any]) -> bool:
    """A flow with an answer (or at its summary) is a draft; one at its first question is not."""
    return bool(st.get("flow")) and (bool(st.get("slots")) or st.get("at") in ("confirm", "edit"))


def draft_of(st: Mapping[str, Any]) -> dict[str, Any]:
    draft = {k: st.get(k) for k in DRAFT_FIELDS}
    if draft["at"] == "await":  # an effect that never answered: ask again from the summary
        draft.update(at=None, slot=None)
    return {**draft, "offered": False}


def prune(flow: FlowSpec, st: State) -> None:
    """Drop answers the flow can no longer hold (a removed slot, a removed choice)."""
    slots = st.get("slots") or {}
    for slot_id in list(slots):
        spec = flow.slot(slot_id)
        value = slots[slot_id]
        gone_choice = spec is not None and spec.type == "choice" and value is not None
        if spec is None or (gone_choice and value not in {c.id for c in spec.choices}):
            del slots[slot_id]


def step_gone(flow: FlowSpec, st: Mapping[str, Any]) -> bool:
    """The question they were at was removed, or the summary lacks a required answer now."""
    at = st.get("at")
    if at == "slot":
        return flow.slot(st.get("slot") or "") is None
    if at in ("confirm", "edit"):
        answered = st.get("slots") or {}
        missing = any(s.id not in answered for s in flow.slots)
        return missing or (at == "confirm" and not flow.confirm)
    return False


def _older(seen: Any, now: datetime, limit: timedelta) -> bool:
    if not seen:
        return False
    try:
        return now - datetime.fromisoformat(str(seen)) > limit
    except (TypeError, ValueError):
        return True


def _drafts(flows: FlowSet, st: State, now: datetime, kept: timedelta, found: Migration) -> None:
    drafts = []
    for draft in st.get("drafts") or []:
        flow = flows.get(draft.get("flow"))
        if flow is None:
            found.notices.append("flow-gone")
        elif _older(draft.get("seen"), now, kept):
            found.notices.append("draft-expired")
        else:
            prune(flow, draft)
            drafts.append(draft)
    st["drafts"] = drafts[:MAX_DRAFTS]


def migrate(
    flows: FlowSet,
    st: State,
    *,
    now: datetime,
    stale_after: timedelta,
    drafts_kept: timedelta,
    fresh: Mapping[str, Any],
    kept: Sequence[str],
) -> Migration:
    """Fit `st` (changed in place) to `flows`; what to say about it, and whether to restart."""
    found = Migration()
    _drafts(flows, st, now, drafts_kept, found)
    if st["flow"] is None:
        return found
    flow = flows.get(st["flow"])
    clear = {k: v for k, v in fresh.items() if k not in kept}
    if flow is None:
        if worth_keeping(st):
            found.notices.append("flow-gone")
        st.update(clear)
    elif _older(st.get("seen"), now, stale_after):
        if worth_keeping(st):
            prune(flow, st)
            st["drafts"] = [draft_of(st), *st["drafts"]][:MAX_DRAFTS]
        st.update(clear)
    else:
        prune(flow, st)
        if step_gone(flow, st):
            found.notices.append("flow-changed")
            found.restart = True
            st.update(at=None, slot=None, editing=False)
    return found
