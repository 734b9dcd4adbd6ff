"""The dialog engine: one pure step from (flows, state, event) to (state, outputs, effects).

`step` reads a `FlowSet`, the conversation's JSON state and one event (what
the person sent, or the result of an effect the engine asked for) and returns
the new state, the messages to send (ids + args) and the effects the service
must carry out. No I/O, no clock, no globals: the same inputs give the same
result, so flows are tested as transcripts.

`wants_nlu` tells the service, before a step, whether the message needs the
NLU server (free text the current step cannot read by itself).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import parse_qsl

from dialogs.args import NOT_GIVEN, Scope, evaluate
from dialogs.flowset import FlowSet, FlowSpec, SlotSpec
from dialogs.matching import LabelResolver, by_label, match_choice
from dialogs.model import (
    Choice,
    Effect,
    EffectResult,
    Entity,
    Event,
    Expects,
    NluResult,
    Output,
    StepResult,
    UserInput,
    msg_ref,
)
from dialogs.slots import Failure, read_answer
from dialogs.tickets import parse_ticket

SAUDI_TIME = timezone(timedelta(hours=3), "AST")  # no daylight saving time
LITERAL_TYPES = ("text", "location", "phone", "media")  # text answers taken as written
_EXPECTS: Mapping[str, Expects] = {
    "choice": "choice",
    "yes_no": "choice",
    "text": "text",
    "ticket_id": "text",
    "location": "location",
    "media": "media",
    "phone": "phone",
}
_CANCEL = {"id": "cancel", "key": "choice-cancel"}
_MENU = {"id": "menu", "key": "choice-menu"}
_GLOBAL_CHOICES = (_CANCEL, _MENU)


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


class _Turn:
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


# ---------------------------------------------------------------- public API


def step(
    flows: FlowSet,
    state: Mapping[str, Any] | None,
    event: Event,
    *,
    now: datetime,
    ctx: Context | None = None,
) -> StepResult:
    """Advance one conversation by one event. Pure and deterministic."""
    ctx = ctx or Context()
    t = _Turn(flows, _restore(flows, state, now, ctx), ctx, now)
    if isinstance(event, EffectResult):
        _on_result(t, event)
    else:
        _on_input(t, event, first=not state)
    return t.result()


def wants_nlu(
    flows: FlowSet,
    state: Mapping[str, Any] | None,
    user_input: UserInput,
    *,
    labels: LabelResolver | None = None,
) -> bool:
    """True when this input is free text the current step cannot read without the NLU."""
    text = (user_input.text or "").strip()
    if not text or user_input.nlu is not None or _structured(user_input):
        return False
    st = {**new_state(), **(state or {})}
    shown = st.get("choices") or []
    if match_choice(text, shown, labels) or by_label(text, _GLOBAL_CHOICES, labels):
        return False
    flow = flows.get(st["flow"])
    slot = flow.slot(st["slot"]) if flow and st["at"] == "slot" else None
    if slot is not None:
        if slot.type in LITERAL_TYPES:
            return False
        return slot.type != "ticket_id" or parse_ticket(text).status == "absent"
    if flow is not None and st["at"] in ("confirm", "edit"):
        return True
    return parse_ticket(text).status == "absent"


def menu_choices(flows: FlowSet) -> list[dict[str, Any]]:
    """The main menu: every flow with a `menu:` entry, in order."""
    return [{"id": f"flow:{f.id}", "key": f.menu_label, "args": {}} for f in flows.menu()]


# ---------------------------------------------------------------- state


def _restore(
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


def _reset(t: _Turn) -> None:
    keep = {"seen": t.state["seen"], "choices": t.state["choices"]}
    t.state.clear()
    t.state.update(new_state(), **keep)


# ---------------------------------------------------------------- inputs


def _structured(ui: UserInput) -> bool:
    return bool(ui.command or ui.choice or ui.location or ui.media or ui.phone)


def _on_input(t: _Turn, ui: UserInput, *, first: bool) -> None:
    if t.state["at"] == "await":  # the result never came back: start afresh
        _reset(t)
    if first and ui.command != "start":
        t.say("menu-welcome")
    if ui.command:
        _on_command(t, ui.command)
    elif ui.choice:
        _on_choice(t, ui.choice)
    elif ui.text and ui.text.strip():
        _on_text(t, ui)
    elif ui.location or ui.media or ui.phone:
        _on_attachment(t, ui)
    else:
        _reprompt(t)


def _on_command(t: _Turn, command: str) -> None:
    command = command.lstrip("/").lower()
    flow = t.flows.for_command(command)
    if command == "cancel":
        _cancel(t)
    elif command in ("start", "menu"):
        _reset(t)
        if command == "start":
            t.say("menu-welcome")
        _menu(t, "menu-prompt")
    elif flow is not None:
        _start(t, flow)
    else:
        _reject(t)


def _on_choice(t: _Turn, cid: str) -> None:
    at, slot = t.state["at"], t.slot
    if cid == "cancel":
        _cancel(t)
    elif cid == "menu":
        _reset(t)
        _menu(t, "menu-prompt")
    elif cid.startswith("flow:"):
        _start_from_choice(t, cid)
    elif slot is not None and cid == "skip" and slot.optional:
        _fill(t, slot, None)
    elif slot is not None and slot.type in ("choice", "yes_no"):
        _answer(t, slot, UserInput(choice=cid))
    elif at == "confirm" and cid in ("confirm", "edit"):
        _confirm_or_edit(t, confirm=cid == "confirm")
    elif at == "edit" and cid.startswith("edit:") and t.flow and t.flow.slot(cid[5:]):
        _edit_slot(t, cid[5:])
    else:
        _reject(t)


def _on_text(t: _Turn, ui: UserInput) -> None:
    text = ui.text or ""
    cid = match_choice(text, t.state["choices"], t.ctx.labels)
    cid = cid or by_label(text, _GLOBAL_CHOICES, t.ctx.labels)
    slot = t.slot
    if cid:
        _on_choice(t, cid)
    elif ui.nlu is not None and _trusted(t, ui.nlu) and ui.nlu.intent == "cancel":
        _cancel(t)
    elif slot is not None and slot.type in LITERAL_TYPES:
        _answer(t, slot, ui)
    elif parse_ticket(text).status != "absent" and (slot is None or slot.type == "ticket_id"):
        _ticket_typed(t, slot, ui)
    elif ui.nlu is not None:
        _on_nlu(t, ui.nlu)
    else:
        _not_understood(t, None)


def _ticket_typed(t: _Turn, slot: SlotSpec | None, ui: UserInput) -> None:
    """A ticket number: the answer at a ticket question, else 'check this ticket'."""
    if slot is not None and t.state["at"] == "slot":
        _answer(t, slot, ui)
        return
    _on_nlu(t, NluResult("check_status", 1.0, (Entity("ticket_id", ui.text or ""),)))


def _on_attachment(t: _Turn, ui: UserInput) -> None:
    """A pin, photo or contact: the answer, or kept for a later question, never lost."""
    slot, flow = t.slot, t.flow
    if slot is not None and not isinstance(read_answer(slot, ui), Failure):
        _answer(t, slot, ui)
    elif flow is not None and _keep_for_later(t, flow, ui):
        _reprompt(t, Failure("expected") if slot is not None else None)
    elif flow is None and (report := t.flows.for_intent("report_issue")) is not None:
        _start(t, report, attachment=ui)  # a photo or pin at the menu starts a report
    elif slot is not None:
        _answer(t, slot, ui)
    else:
        _reject(t)


def _keep_for_later(t: _Turn, flow: FlowSpec, ui: UserInput) -> bool:
    """Fill the first unanswered slot of this flow that takes the attachment."""
    for slot in flow.slots:
        if slot.id in t.state["slots"] or slot.type not in ("location", "media", "phone"):
            continue
        value = read_answer(slot, ui)
        if not isinstance(value, Failure):
            t.state["slots"][slot.id] = value
            return True
    return False


# ---------------------------------------------------------------- NLU


def _trusted(t: _Turn, nlu: NluResult) -> bool:
    return nlu.intent != "nlu_fallback" and nlu.confidence >= t.ctx.nlu_threshold


def _on_nlu(t: _Turn, nlu: NluResult) -> None:
    if not _trusted(t, nlu):
        _not_understood(t, nlu)
        return
    flow = t.flows.for_intent(nlu.intent)
    if nlu.intent == "cancel":
        _cancel(t)
    elif flow is not None and flow.id == t.state["flow"]:
        _prefill_current(t, nlu.entities)
    elif flow is not None:
        _start(t, flow, entities=nlu.entities)
    elif nlu.intent in ("affirm", "deny") and _yes_or_no(t, nlu.intent == "affirm"):
        pass
    elif nlu.intent in _SMALL_TALK:
        t.state["misses"] = 0
        _SMALL_TALK[nlu.intent](t)
    else:
        _not_understood(t, nlu)


def _yes_or_no(t: _Turn, yes: bool) -> bool:
    """Affirm/deny as an answer where one fits; False when none does."""
    slot = t.slot
    if slot is not None and slot.type == "yes_no":
        _answer(t, slot, UserInput(choice="yes" if yes else "no"))
    elif t.state["at"] == "confirm":
        _confirm_or_edit(t, confirm=yes)
    else:
        return False
    return True


def _greet(t: _Turn) -> None:
    if t.flow is None:
        _menu(t, "greet-reply")
    else:
        t.say("greet-reply")
        _reprompt(t)


def _thank(t: _Turn) -> None:
    t.say("thank-reply")
    if t.flow is not None:
        _reprompt(t)


def _goodbye(t: _Turn) -> None:
    _reset(t)
    t.say("goodbye-reply")


def _out_of_scope(t: _Turn) -> None:
    if t.flow is None:
        _menu(t, "out-of-scope")
    else:
        t.say("out-of-scope")
        _reprompt(t)


_SMALL_TALK = {"greet": _greet, "thank": _thank, "goodbye": _goodbye, "out_of_scope": _out_of_scope}


def _not_understood(t: _Turn, nlu: NluResult | None) -> None:
    """Re-ask or clarify; the second miss in a row offers a person."""
    t.state["misses"] += 1
    agent = t.flows.for_intent("human_agent")
    if t.state["misses"] >= 2 and agent is not None:
        offer = [{"id": f"flow:{agent.id}", "key": agent.menu_label or "menu-agent"}, _MENU]
        t.say("handoff-offer", t.const("hotline"), offer)
        if t.flow is not None:
            _reprompt(t)
    elif t.flow is not None:
        _reject(t)
    elif nlu is None:
        _menu(t, "please-use-menu")
    else:
        _clarify(t, nlu)


def _clarify(t: _Turn, nlu: NluResult) -> None:
    """Ask which of the likeliest flows was meant (up to three), or show the menu."""
    picks: list[FlowSpec] = []
    for name in [nlu.intent, *(name for name, _ in nlu.ranking)]:
        flow = t.flows.for_intent(name)
        if flow is not None and flow.menu_label and flow not in picks:
            picks.append(flow)
    if not picks:
        _menu(t, "clarify")
        return
    choices = [{"id": f"flow:{f.id}", "key": f.menu_label} for f in picks[:3]]
    t.say("clarify", choices=[*choices, _MENU])


# ---------------------------------------------------------------- flows and slots


def _menu(t: _Turn, key: str, args: Mapping[str, Any] | None = None) -> None:
    t.say(key, args, menu_choices(t.flows))


def _cancel(t: _Turn) -> None:
    active = t.state["flow"] is not None
    _reset(t)
    if active:
        t.say("cancelled")
        _menu(t, "menu-anything-else")
    else:
        _menu(t, "menu-prompt")


def _start_from_choice(t: _Turn, cid: str) -> None:
    """`flow:<id>` or `flow:<id>?slot=value&...` starts a flow with answers filled in."""
    name, _, query = cid[len("flow:") :].partition("?")
    flow = t.flows.get(name)
    if flow is None:
        _reject(t)
    else:
        _start(t, flow, prefill=dict(parse_qsl(query)))


def _start(
    t: _Turn,
    flow: FlowSpec,
    *,
    entities: Iterable[Entity] = (),
    prefill: Mapping[str, str] | None = None,
    attachment: UserInput | None = None,
) -> None:
    _reset(t)
    t.state["flow"] = flow.id
    if attachment is not None:
        _keep_for_later(t, flow, attachment)
    values = dict(prefill or {})
    for entity in entities:
        for slot in flow.slots:
            if slot.entity == entity.name:
                values.setdefault(slot.id, entity.value)
    _advance(t, _prefill(t, flow, values))


def _prefill(t: _Turn, flow: FlowSpec, values: Mapping[str, str]) -> dict[str, Failure]:
    """Fill slots from entities or a choice's parameters; return what did not fit."""
    failures: dict[str, Failure] = {}
    for slot in flow.slots:
        if slot.id not in values or slot.id in t.state["slots"]:
            continue
        raw = str(values[slot.id])
        structured = slot.type in ("choice", "yes_no")
        value = read_answer(slot, UserInput(choice=raw) if structured else UserInput(text=raw))
        if isinstance(value, Failure):
            failures[slot.id] = value
        else:
            t.state["slots"][slot.id] = value
    return failures


def _prefill_current(t: _Turn, entities: Iterable[Entity]) -> None:
    flow = t.flow
    assert flow is not None
    values = {s.id: e.value for e in entities for s in flow.slots if s.entity == e.name}
    failures = _prefill(t, flow, values)
    t.state["misses"] = 0
    slot = t.slot
    if slot is not None and slot.id not in t.state["slots"]:
        failure = failures.get(slot.id)
        if failure is None:
            _reject(t)
        else:
            _ask(t, slot, failure)
    elif t.state["at"] in ("confirm", "edit"):
        _summary(t)
    else:
        _advance(t, failures)


def _advance(t: _Turn, failures: Mapping[str, Failure] | None = None) -> None:
    """Ask the next unanswered slot, or show the summary, or finish."""
    flow = t.flow
    assert flow is not None
    for slot in flow.slots:
        if slot.id not in t.state["slots"]:
            _ask(t, slot, (failures or {}).get(slot.id))
            return
    if flow.confirm:
        _summary(t)
    else:
        _run_done(t)


def _ask(t: _Turn, slot: SlotSpec, failure: Failure | None = None) -> None:
    if failure is not None:
        t.say(slot.error(failure.reason), {**_error_args(t), **failure.args})
    t.state.update(at="slot", slot=slot.id)
    choices: list[Mapping[str, Any]] = [
        {"id": c.id, "key": c.label, "args": t.args(c.args)} for c in slot.choices
    ]
    if slot.type == "yes_no":
        choices = [{"id": "yes", "key": "choice-yes"}, {"id": "no", "key": "choice-no"}]
    choices += [{"id": b.id, "key": b.label, "args": t.args(b.args)} for b in slot.buttons]
    if slot.optional:
        choices.append({"id": "skip", "key": "choice-skip"})
    choices.append(_CANCEL)
    t.say(slot.ask, t.args(slot.ask_args), choices, _EXPECTS[slot.type])


def _error_args(t: _Turn) -> dict[str, Any]:
    return {"example": t.ctx.constants.get("ticket_example"), **t.const("hotline")}


def _answer(t: _Turn, slot: SlotSpec, ui: UserInput) -> None:
    value = read_answer(slot, ui)
    if isinstance(value, Failure):
        _ask(t, slot, value)
    else:
        _fill(t, slot, value)


def _fill(t: _Turn, slot: SlotSpec, value: Any) -> None:
    t.state["slots"][slot.id] = value
    t.state["misses"] = 0
    if t.state["editing"]:
        t.state["editing"] = False
        _summary(t)
    else:
        _advance(t)


def _reject(t: _Turn) -> None:
    """The input does not fit the current step: say so and ask again."""
    slot = t.slot
    if slot is not None:
        reason = "absent" if slot.type == "ticket_id" else "choose"
        _ask(t, slot, Failure(reason if slot.type not in LITERAL_TYPES else "expected"))
    elif t.flow is None:
        _menu(t, "please-choose")
    else:
        t.say("please-choose")
        _reprompt(t)


def _reprompt(t: _Turn, failure: Failure | None = None) -> None:
    at, slot = t.state["at"], t.slot
    if slot is not None:
        _ask(t, slot, failure)
    elif at == "confirm":
        _summary(t)
    elif at == "edit":
        _edit_menu(t)
    else:
        _menu(t, "menu-prompt")


# ---------------------------------------------------------------- summary and edit


def _summary(t: _Turn) -> None:
    flow = t.flow
    assert flow is not None and flow.confirm is not None
    t.state.update(at="confirm", slot=None)
    choices = [{"id": "confirm", "key": "choice-confirm"}, {"id": "edit", "key": "choice-edit"}]
    t.say(flow.confirm["message"], t.args(flow.confirm.get("args")), [*choices, _CANCEL])


def _confirm_or_edit(t: _Turn, *, confirm: bool) -> None:
    if confirm:
        _run_done(t)
    else:
        _edit_menu(t)


def _edit_menu(t: _Turn) -> None:
    flow = t.flow
    assert flow is not None
    t.state.update(at="edit", slot=None)
    fields = [{"id": f"edit:{s.id}", "key": s.label} for s in flow.slots if s.label]
    t.say("confirm-edit-which", choices=[*fields, _CANCEL])


def _edit_slot(t: _Turn, slot_id: str) -> None:
    flow = t.flow
    assert flow is not None
    slot = flow.slot(slot_id)
    assert slot is not None
    t.state["editing"] = True
    _ask(t, slot)


# ---------------------------------------------------------------- actions and effects


def _resolve(flow: FlowSpec, path: Sequence[str | int]) -> Any:
    node: Any = {"done": list(flow.done)}
    for part in path:
        node = node[part]
    return node


def _run_done(t: _Turn) -> None:
    if _run(t, ["done"], 0):
        _finish(t)


def _run(t: _Turn, path: list[str | int], start: int) -> bool:
    """Run the actions at `path` from `start`; False when waiting or handed to another flow."""
    flow = t.flow
    assert flow is not None
    actions = _resolve(flow, path)
    for i in range(start, len(actions)):
        action = actions[i]
        if "say" in action:
            _say_action(t, action)
        elif "effect" in action:
            awaits = bool(action.get("awaits", False))
            t.effects.append(Effect(action["effect"], t.values(action.get("args")), awaits))
            if awaits:
                t.state.update(at="await", slot=None)
                t.state["await"] = {"effect": action["effect"], "path": [*path, i]}
                return False
        elif "start" in action:
            _start(t, t.flows.flows[action["start"]])
            return False
    return True


def _say_action(t: _Turn, action: Mapping[str, Any]) -> None:
    choices = [
        {"id": c["id"], "key": c["label"], "args": t.args(c.get("args"))}
        for c in action.get("choices") or ()
    ]
    listed = action.get("list")
    if listed:
        items = t.values({"items": f"${listed['items']}"})["items"]
        items = items if isinstance(items, list) else []
        choices = [
            {
                "id": _template(listed["id"], item),
                "key": listed["label"],
                "args": t.args(listed.get("args"), item),
            }
            for item in items[: listed.get("limit", 10)]
        ] + choices
    t.say(action["say"], t.args(action.get("args")), choices)


def _template(template: str, item: Mapping[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(item.get(m.group(1), "")), template)


def _on_result(t: _Turn, result: EffectResult) -> None:
    waiting = t.state.get("await")
    if not waiting or waiting["effect"] != result.effect or t.flow is None:
        return  # a result nobody waits for (a duplicate, or the flow was left): ignore
    path = waiting["path"]
    t.state.update(at=None, data={**t.state["data"], **result.data})  # results add up
    t.state["await"] = None
    cases = _resolve(t.flow, path).get("on_result") or []
    if "error" in result.data and not any("error" in (c.get("when") or {}) for c in cases):
        _reset(t)
        t.say("error-service", t.const("hotline"))
        _menu(t, "menu-anything-else")
        return
    index = next((i for i, c in enumerate(cases) if _matches(c.get("when"), result.data)), None)
    if index is not None and not _run(t, [*path, "on_result", index, "do"], 0):
        return
    _resume(t, path)


def _matches(when: Mapping[str, Any] | None, data: Mapping[str, Any]) -> bool:
    return all(data.get(k) == v for k, v in (when or {}).items())


def _resume(t: _Turn, path: list[str | int]) -> None:
    """Carry on after the action at `path`, outwards through enclosing results."""
    while True:
        actions_path, index = path[:-1], int(path[-1])
        if not _run(t, actions_path, index + 1):
            return
        if len(actions_path) == 1:
            break
        path = actions_path[:-3]  # [..., effect_index, "on_result", case, "do"] -> the effect
    _finish(t)


def _finish(t: _Turn) -> None:
    flow = t.flow
    _reset(t)
    if flow is not None and flow.end == "menu" and not (t.outputs and t.outputs[-1].choices):
        _menu(t, "menu-anything-else")
