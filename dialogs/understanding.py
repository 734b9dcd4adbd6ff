"""Understanding free text: NLU intents and entities, small talk, and not understanding.

An intent of a flow starts it (or fills the current one), unless the message
could mean two things (dialogs/ambiguity.py: close intents, a report
category on the way to Wajibna, the person's own tickets); greet, thank,
goodbye and out_of_scope get a short answer; affirm/deny answer yes/no
questions. Anything unsure gets a clarifying question, and the second miss in
a row offers a person. When the NLU did not answer in time the person is told
so, and the buttons still work.
"""

from __future__ import annotations

from dialogs import ambiguity, drafts
from dialogs.flow_runner import (
    answer,
    cancel,
    confirm_or_edit,
    prefill_current,
    reject,
    reprompt,
    show_menu,
    start,
)
from dialogs.flowset import FlowSpec
from dialogs.model import NluResult, UserInput
from dialogs.state import MENU, Turn, reset
from dialogs.words import Words, means, tokens

# ---------------------------------------------------------------- NLU


def trusted(t: Turn, nlu: NluResult) -> bool:
    return nlu.intent != "nlu_fallback" and nlu.confidence >= t.ctx.nlu_threshold


def on_nlu(t: Turn, nlu: NluResult, text: str | None = None) -> None:
    if not trusted(t, nlu):
        not_understood(t, nlu)
        return
    flow = t.flows.for_intent(nlu.intent)
    if nlu.intent == "cancel":
        cancel(t)
    elif flow is not None and flow.id == t.state["flow"]:
        prefill_current(t, nlu.entities, text)
    elif flow is not None:
        _switch(t, flow, nlu, text)
    elif nlu.intent in ("affirm", "deny") and _yes_or_no(t, nlu.intent == "affirm"):
        pass
    elif nlu.intent in _SMALL_TALK:
        answer_small_talk(t, nlu.intent, text)
    else:
        not_understood(t, nlu)


def _switch(t: Turn, flow: FlowSpec, nlu: NluResult, text: str | None) -> None:
    """Start the intent's flow, or first ask when the message could mean something else."""
    pair = ambiguity.close_call(t, nlu)
    doubt = ambiguity.entity_doubt(t, flow, nlu)
    if pair is not None:
        ambiguity.ask_which(t, pair, nlu, text)
    elif doubt is not None:
        ambiguity.ask_which(t, (doubt, flow), nlu, text)
    elif ambiguity.wants_recall(t, flow, nlu):
        ambiguity.recall(t, nlu, text)
    else:
        start(t, flow, entities=nlu.entities, message=text)


def _yes_or_no(t: Turn, yes: bool) -> bool:
    """Affirm/deny as an answer where one fits; False when none does."""
    slot = t.slot
    if slot is not None and slot.type == "yes_no":
        answer(t, slot, UserInput(choice="yes" if yes else "no"))
    elif t.state["at"] == "confirm":
        confirm_or_edit(t, confirm=yes)
    else:
        return False
    return True


def greet(t: Turn, text: str | None) -> None:
    """ "Wa alaikum assalam" answers a salam; any other greeting gets a plain hello."""
    salam = t.ctx.words.get("salam", frozenset())
    key = "greet-reply" if any(w in salam for w in tokens(text or "")) else "greet-reply-hello"
    if t.flow is None:
        show_menu(t, key)
    else:
        t.say(key)
        reprompt(t)


def _thank(t: Turn, text: str | None) -> None:
    t.say("thank-reply")
    if t.flow is not None:
        reprompt(t)


def _goodbye(t: Turn, text: str | None) -> None:
    drafts.suspend(t)  # an unfinished report waits for them
    reset(t)
    t.say("goodbye-reply")


def _out_of_scope(t: Turn, text: str | None) -> None:
    if t.flow is None:
        show_menu(t, "out-of-scope")
    else:
        t.say("out-of-scope")
        reprompt(t)


_SMALL_TALK = {"greet": greet, "thank": _thank, "goodbye": _goodbye, "out_of_scope": _out_of_scope}

# Small talk said on its own, read from the words lists (locales/<lang>/words.ftl) without
# the NLU: the commonest first and last messages of a chat cost no parse.
# Thanks first: "جزاك الله خيرا" ends with a word of a salam.
_SMALL_TALK_WORDS = (
    ("thanks", "thank"),
    ("bye", "goodbye"),
    ("salam", "greet"),
    ("hello", "greet"),
)


def small_talk(text: str | None, words: Words) -> str | None:
    """The small-talk intent a whole message is ("hello", "شكرا", "khuda hafiz"), or None."""
    return next((intent for kind, intent in _SMALL_TALK_WORDS if means(text, kind, words)), None)


def answer_small_talk(t: Turn, intent: str, text: str | None) -> None:
    t.state["misses"] = 0
    _SMALL_TALK[intent](t, text)


def nlu_slow(t: Turn) -> None:
    """The NLU did not answer in time: say so (not "please choose"), the buttons still work."""
    if t.flow is None:
        show_menu(t, "please-use-menu")
    else:
        t.say("nlu-slow")
        reprompt(t)


# The flow offered after the second miss: the one for this engine event (never an NLU
# intent), so a hand-off it starts says why; else the flow for the `human_agent` intent.
NOT_UNDERSTOOD = "not_understood"


def not_understood(t: Turn, nlu: NluResult | None) -> None:
    """Re-ask or clarify; the second miss in a row offers a person."""
    t.state["misses"] += 1
    agent = t.flows.for_intent(NOT_UNDERSTOOD) or t.flows.for_intent("human_agent")
    if t.state["misses"] >= 2 and agent is not None:
        offer = [{"id": f"flow:{agent.id}", "key": agent.menu_label or "menu-agent"}, MENU]
        t.say("handoff-offer", t.const("hotline"), offer)
        if t.flow is not None:
            reprompt(t)
    elif t.flow is not None:
        reject(t)
    elif nlu is None:
        show_menu(t, "please-use-menu")
    else:
        _clarify(t, nlu)


def _clarify(t: Turn, nlu: NluResult) -> None:
    """Ask which of the likeliest flows was meant (up to three), or show the menu."""
    picks: list[FlowSpec] = []
    for name in [nlu.intent, *(name for name, _ in nlu.ranking)]:
        flow = t.flows.for_intent(name)
        if flow is not None and flow.menu_label and flow not in picks:
            picks.append(flow)
    if not picks:
        show_menu(t, "clarify")
        return
    choices = [{"id": f"flow:{f.id}", "key": f.menu_label} for f in picks[:3]]
    t.say("clarify", choices=[*choices, MENU])
