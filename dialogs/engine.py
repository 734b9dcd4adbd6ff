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

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from dialogs import ambiguity
from dialogs.drafts import DISCARD, RESUME
from dialogs.flow_runner import (
    advance,
    answer,
    cancel,
    confirm_or_edit,
    discard,
    edit_slot,
    fill,
    keep_for_later,
    on_result,
    reject,
    reprompt,
    resume,
    start,
    start_from_choice,
    to_menu,
)
from dialogs.flowset import FlowSet, SlotSpec
from dialogs.matching import LabelResolver, by_label, match_choice
from dialogs.model import EffectResult, Entity, Event, NluResult, StepResult, UserInput
from dialogs.slots import Failure, read_answer
from dialogs.state import (
    GLOBAL_CHOICES,
    LITERAL_TYPES,
    Context,
    Turn,
    menu_choices,
    new_state,
    reset,
    restore,
)
from dialogs.tickets import parse_ticket
from dialogs.tokens import action_of
from dialogs.understanding import (
    answer_small_talk,
    nlu_slow,
    not_understood,
    on_nlu,
    small_talk,
    trusted,
)
from dialogs.words import means, skips, yes_or_no

__all__ = ["Context", "menu_choices", "new_state", "step", "wants_nlu"]

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
    restored, notices, restart = restore(flows, state, now, ctx)
    t = Turn(flows, restored, ctx, now)
    for notice in notices:
        t.say(notice)
    if isinstance(event, EffectResult):
        _on_result(t, event)
    elif restart and not _global(t, event):
        advance(t)  # the step they answered is gone: go on from the next question
    else:
        _on_input(t, event, first=not state)
    return t.result()


def _on_result(t: Turn, result: EffectResult) -> None:
    waiting = t.state.get("await") or {}
    if waiting.get("recall") and waiting.get("effect") == result.effect:
        ambiguity.on_tickets(t, str(waiting["recall"]), result)
    else:
        on_result(t, result)


def _global(t: Turn, ui: UserInput) -> bool:
    """Inputs that mean the same at any step: commands, cancel, menu."""
    if ui.command:
        return True
    choice = action_of(t.state["tokens"], ui.choice) if ui.choice else None
    return choice in ("cancel", "menu") or means(ui.text, "menu", t.ctx.words)


def wants_nlu(
    flows: FlowSet,
    state: Mapping[str, Any] | None,
    user_input: UserInput,
    *,
    labels: LabelResolver | None = None,
    now: datetime | None = None,
    ctx: Context | None = None,
) -> bool:
    """True when this input is free text the current step cannot read without the NLU.

    Pass the step's `now` (and `ctx`) so that a flow `step` will drop as stale
    is not taken as still waiting for a literal answer.
    """
    text = (user_input.text or "").strip()
    if not text or user_input.nlu is not None or _structured(user_input):
        return False
    ctx = ctx or Context(labels=labels)
    labels = labels or ctx.labels
    st = restore(flows, state, now, ctx)[0] if now else {**new_state(), **(state or {})}
    if st["at"] == "await":  # step starts afresh: the text is read at the menu
        st = new_state()
    shown = st.get("choices") or []
    if match_choice(text, shown, labels) or by_label(text, GLOBAL_CHOICES, labels):
        return False
    if _short_answer(flows, st, text, ctx) is not None or small_talk(text, ctx.words):
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


# ---------------------------------------------------------------- inputs


def _structured(ui: UserInput) -> bool:
    return bool(ui.command or ui.choice or ui.location or ui.media or ui.phone)


def _on_input(t: Turn, ui: UserInput, *, first: bool) -> None:
    if t.state["at"] == "await":  # the result never came back: start afresh
        reset(t)
    if not _answers_meant(t, ui):  # what "did you mean A or B?" kept is for its answer only
        t.state["meant"] = None
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
        reprompt(t)


def _answers_meant(t: Turn, ui: UserInput) -> bool:
    """A press (or the typed number or label) of a "did you mean A or B?" button."""
    cid = ui.choice or match_choice(ui.text or "", t.state["choices"], t.ctx.labels)
    if not cid:
        return False
    return (action_of(t.state["tokens"], cid) or "").startswith(ambiguity.MEANT)


def _on_command(t: Turn, command: str) -> None:
    command = command.lstrip("/").lower()
    flow = t.flows.for_command(command)
    if command == "cancel":
        cancel(t)
    elif command in ("start", "menu"):
        if command == "start":
            t.say("menu-welcome")
        to_menu(t)
    elif flow is not None:
        start(t, flow)
    else:
        reject(t)


def _on_choice(t: Turn, pressed: str) -> None:
    at, slot = t.state["at"], t.slot
    cid = action_of(t.state["tokens"], pressed)
    if cid is None:  # a token the state no longer knows: a button of long ago
        t.say("choice-expired")
        reprompt(t)
    elif cid == "cancel":
        cancel(t)
    elif cid == "menu":
        to_menu(t)
    elif cid == RESUME:
        resume(t)
    elif cid == DISCARD:
        discard(t)
    elif cid.startswith(ambiguity.MEANT) and ambiguity.on_meant(t, cid[len(ambiguity.MEANT) :]):
        pass
    elif cid.startswith("flow:"):
        start_from_choice(t, cid)
    elif slot is not None and cid == "skip" and slot.optional:
        fill(t, slot, None)
    elif slot is not None and slot.type in ("choice", "yes_no"):
        answer(t, slot, UserInput(choice=cid))
    elif at == "confirm" and cid in ("confirm", "edit"):
        confirm_or_edit(t, confirm=cid == "confirm")
    elif at == "edit" and cid.startswith("edit:") and t.flow and t.flow.slot(cid[5:]):
        edit_slot(t, cid[5:])
    else:
        reject(t)


def _on_text(t: Turn, ui: UserInput) -> None:
    text = ui.text or ""
    cid = match_choice(text, t.state["choices"], t.ctx.labels)
    cid = cid or by_label(text, GLOBAL_CHOICES, t.ctx.labels)
    cid = cid or _short_answer(t.flows, t.state, text, t.ctx)
    slot = t.slot
    if cid:
        _on_choice(t, cid)
    elif ui.nlu is not None and trusted(t, ui.nlu) and ui.nlu.intent == "cancel":
        cancel(t)
    elif slot is not None and slot.type in LITERAL_TYPES:
        answer(t, slot, ui)
    elif parse_ticket(text).status != "absent" and _reads_tickets(t, slot):
        _ticket_typed(t, slot, ui)
    elif intent := small_talk(text, t.ctx.words):
        answer_small_talk(t, intent, text)
    elif ui.nlu is not None:
        on_nlu(t, ui.nlu, text)
    elif ui.nlu_unavailable:
        nlu_slow(t)
    else:
        not_understood(t, None)


def _short_answer(flows: FlowSet, st: dict[str, Any], text: str, ctx: Context) -> str | None:
    """The action a short typed answer stands for here: menu, skip, yes/no, continue, salam.

    "menu" / «القائمة» / "مینو" anywhere; "no photo" / "ما عندي صورة" / "chor do"
    at an optional question; "yes" / "تمام ارسله" / "nahi" at a yes/no
    question, a summary and a "continue your report?" offer.
    """
    words = ctx.words
    if means(text, "menu", words):
        return "menu"
    flow = flows.get(st["flow"])
    slot = flow.slot(st["slot"]) if flow and st["at"] == "slot" else None
    if slot is not None and slot.optional and skips(text, words) and not _answers(slot, text):
        return "skip"
    answer = yes_or_no(text, words)
    if answer is None:
        return None
    if slot is not None and slot.type == "yes_no":
        return "yes" if answer else "no"
    if flow is not None and st["at"] == "confirm":
        return "confirm" if answer else "edit"
    offered = {c.get("action", c.get("id")) for c in st.get("choices") or ()}
    if flow is None and RESUME in offered:
        return RESUME if answer else DISCARD
    return None


def _answers(slot: SlotSpec, text: str) -> bool:
    """A skip word that is also a real answer ("no 0551234567" at the phone question)."""
    return slot.type == "phone" and not isinstance(read_answer(slot, UserInput(text=text)), Failure)


def _reads_tickets(t: Turn, slot: SlotSpec | None) -> bool:
    """At the menu or a ticket question; never mid-summary, where it could be anything."""
    return t.flow is None or (slot is not None and slot.type == "ticket_id")


def _ticket_typed(t: Turn, slot: SlotSpec | None, ui: UserInput) -> None:
    """A ticket number: the answer at a ticket question, else 'check this ticket'."""
    if slot is not None and t.state["at"] == "slot":
        answer(t, slot, ui)
        return
    on_nlu(t, NluResult("check_status", 1.0, (Entity("ticket_id", ui.text or ""),)), ui.text)


def _on_attachment(t: Turn, ui: UserInput) -> None:
    """A pin, photo or contact: the answer, or kept for a later question, never lost."""
    slot, flow = t.slot, t.flow
    if slot is not None and not isinstance(read_answer(slot, ui), Failure):
        answer(t, slot, ui)
    elif flow is not None and keep_for_later(t, flow, ui):
        reprompt(t, Failure("expected") if slot is not None else None)
    elif flow is None and (report := t.flows.for_intent("report_issue")) is not None:
        start(t, report, attachment=ui)  # a photo or pin at the menu starts a report
    elif slot is not None:
        answer(t, slot, ui)
    else:
        reject(t)
