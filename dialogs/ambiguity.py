"""When a message could mean two things, the bot asks instead of guessing.

- **Close intents**: when the NLU's two best intents lead to different flows
  and are closer than `Context.nlu_margin`, the bot asks "did you mean A or
  B?" with one button each (`meant:<flow id>`); the button starts that flow
  with what the message said (its entities, its text).
- **An entity the flow does not take**: a flow with `ask_if_entity:
  [category]` (Wajibna, Mutma'innun) is never started by a message naming a
  report category without asking whether a report was meant.
- **Their own tickets**: a message about a report or a ticket with no number
  (intents `report_issue`, `check_status`) first looks at the person's tickets
  (the `list_cases` effect). Asking about a ticket with one ticket on file
  shows it; with several, asks which. Reporting while an open ticket of the
  same kind (filed in the last `RECENT` days) is on file asks "is this about
  MK-… or a new problem?"; otherwise the report starts as usual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from dialogs import drafts
from dialogs.args import show_slot
from dialogs.flow_runner import start
from dialogs.flowset import FlowSpec
from dialogs.model import Effect, EffectResult, Entity, NluResult, msg_ref
from dialogs.state import MENU, Turn, reset

MEANT = "meant:"
RECALL_EFFECT = "list_cases"
RECALL_INTENTS = ("report_issue", "check_status")
OPEN_STATUSES = frozenset({"new", "assigned", "in_progress", "waiting", "reopened"})
RECENT = timedelta(days=30)
TICKETS_SHOWN = 3


# ---------------------------------------------------------------- did you mean A or B?


def close_call(t: Turn, nlu: NluResult) -> tuple[FlowSpec, FlowSpec] | None:
    """The two flows of two intents too close to tell apart, or None."""
    others = [(name, conf) for name, conf in nlu.ranking if name != nlu.intent]
    if not others or nlu.confidence - others[0][1] >= t.ctx.nlu_margin:
        return None
    first, second = t.flows.for_intent(nlu.intent), t.flows.for_intent(others[0][0])
    if first is None or second is None or first is second:
        return None
    if not (first.name_key and second.name_key):
        return None
    return first, second


def entity_doubt(t: Turn, flow: FlowSpec, nlu: NluResult) -> FlowSpec | None:
    """The flow that takes an entity of the message which `flow` asks about (`ask_if_entity`)."""
    for name in flow.ask_if_entity:
        if nlu.entity(name) is None:
            continue
        for other in t.flows.flows.values():
            if other is not flow and other.name_key and any(s.entity == name for s in other.slots):
                return other
    return None


def ask_which(t: Turn, flows: Sequence[FlowSpec], nlu: NluResult, text: str | None) -> None:
    _remember(t, nlu.entities, text)
    choices = [{"id": f"{MEANT}{f.id}", "key": f.name_key} for f in flows]
    t.say("meant-which", choices=[*choices, MENU])


def _remember(t: Turn, entities: Sequence[Entity], text: str | None) -> None:
    """What the message said, for the flow the person picks next."""
    t.state["meant"] = {
        "text": text,
        "entities": [[e.name, e.value, e.raw, e.key] for e in entities],
    }


def on_meant(t: Turn, flow_id: str) -> bool:
    """A `meant:<flow>` button: start that flow with what the message said."""
    flow = t.flows.get(flow_id)
    if flow is None:
        return False
    meant = t.state.pop("meant", None) or {}
    entities = [Entity(*e) for e in meant.get("entities") or ()]
    start(t, flow, entities=entities, message=meant.get("text"))
    return True


# ---------------------------------------------------------------- their own tickets


def wants_recall(t: Turn, flow: FlowSpec, nlu: NluResult) -> bool:
    return (
        nlu.intent in RECALL_INTENTS
        and nlu.entity("ticket_id") is None
        and flow.id != (t.state["flow"])
    )


def recall(t: Turn, nlu: NluResult, text: str | None) -> None:
    """Look at the person's tickets before starting the flow of `nlu.intent`."""
    drafts.suspend(t)
    reset(t)
    _remember(t, nlu.entities, text)
    t.state.update(at="await", slot=None)
    t.state["await"] = {"effect": RECALL_EFFECT, "recall": nlu.intent}
    t.effects.append(Effect(RECALL_EFFECT, {"limit": 10}, awaits=True))


def on_tickets(t: Turn, intent: str, result: EffectResult) -> None:
    """The person's tickets are known: show, ask, or start the flow as usual."""
    t.state.update(at=None, slot=None, **{"await": None})
    meant = t.state.get("meant") or {}
    entities = [Entity(*e) for e in meant.get("entities") or ()]
    flow = t.flows.for_intent(intent)
    cases = [c for c in result.data.get("cases") or () if isinstance(c, Mapping)]
    if flow is None:
        return
    if intent == "check_status":
        _status(t, flow, cases, entities)
        return
    category = next((e.value for e in entities if e.name == "category"), None)
    matching = [c for c in cases if _open_report(c, t.now, category)]
    if not matching:
        t.state.pop("meant", None)
        start(t, flow, entities=entities, message=meant.get("text"))
        return
    buttons = [_ticket_button(t, c) for c in matching[:TICKETS_SHOWN]]
    new = {"id": f"{MEANT}{flow.id}", "key": "choice-new-problem"}
    args = {"count": len(buttons), "ticket_id": matching[0].get("ticket_id")}
    t.say("recall-which", args, [*buttons, new, MENU])


def _status(
    t: Turn, flow: FlowSpec, cases: list[Mapping[str, Any]], entities: list[Entity]
) -> None:
    t.state.pop("meant", None)
    if len(cases) == 1:
        start(t, flow, prefill={"ticket_id": str(cases[0].get("ticket_id"))})
    elif cases:
        buttons = [_ticket_button(t, c) for c in cases[:TICKETS_SHOWN]]
        other = {"id": f"flow:{flow.id}", "key": "recall-another"}
        t.say("recall-pick", {"count": len(cases)}, [*buttons, other, MENU])
    else:
        start(t, flow, entities=entities)


def _open_report(case: Mapping[str, Any], now: datetime, category: str | None) -> bool:
    if case.get("kind", "report") != "report" or case.get("status") not in OPEN_STATUSES:
        return False
    if category is not None and case.get("category") != category:
        return False
    try:
        filed = datetime.fromisoformat(str(case.get("created_at")))
    except ValueError:
        return False
    return now - filed <= RECENT


def _ticket_button(t: Turn, case: Mapping[str, Any]) -> dict[str, Any]:
    ticket = str(case.get("ticket_id"))
    return {
        "id": f"flow:check_status?ticket_id={ticket}",
        "key": "recall-ticket-choice",
        "args": {"ticket_id": ticket, "what": _what(t, case)},
    }


def _what(t: Turn, case: Mapping[str, Any]) -> Any:
    """A report's category, or the kind of a request ("Home visit (Wajibna)")."""
    kind = str(case.get("kind") or "report")
    if kind != "report":
        return msg_ref(f"case-kind-{kind.replace('_', '-')}")
    report = t.flows.for_intent("report_issue")
    return show_slot(report.slot("category") if report else None, case.get("category"))
