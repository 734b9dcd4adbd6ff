"""Moving through a flow: starting it, asking its slots, the summary, its actions.

Everything here acts on a `Turn`: it changes the state and adds outputs and
effects, and never decides what free text means (that is understanding.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl

from dialogs import drafts
from dialogs.flowset import FlowSpec, SlotSpec
from dialogs.model import Effect, EffectResult, Entity, Link, UserInput
from dialogs.slots import Failure, read_answer
from dialogs.state import CANCEL, EXPECTS, LITERAL_TYPES, Turn, menu_choices, reset

# ---------------------------------------------------------------- flows and slots


def show_menu(t: Turn, key: str, args: Mapping[str, Any] | None = None) -> None:
    """The main menu, with a "continue" button first when a draft is kept."""
    t.say(key, args, [*drafts.button(t), *menu_choices(t.flows)])


def to_menu(t: Turn) -> None:
    """ "Menu" (button, command or word) mid-flow: the flow is kept as a draft, then the menu."""
    drafts.suspend(t)
    reset(t)
    show_menu(t, "menu-prompt")


def cancel(t: Turn) -> None:
    active = t.state["flow"] is not None
    reset(t)
    if active:
        t.say("cancelled")
        if not drafts.offer(t):
            show_menu(t, "menu-anything-else")
    else:
        show_menu(t, "menu-prompt")


def resume(t: Turn) -> None:
    """Take the newest draft up again where it stopped (or from its next question)."""
    wanted = drafts.newest(t)
    if wanted is None:
        reject(t)
        return
    drafts.suspend(t)  # a flow in progress is kept in its turn
    reset(t)
    t.say("flow-changed" if drafts.take(t, wanted) else "draft-resumed")
    go_on(t)


def discard(t: Turn) -> None:
    draft = drafts.drop(t)
    if draft is None:
        reject(t)
        return
    t.say("draft-discarded", drafts.describe(t, draft))
    show_menu(t, "menu-anything-else")


def go_on(t: Turn) -> None:
    """Ask where the flow stands: its question, its summary, or its next unanswered one."""
    if t.state["at"] is None:
        advance(t)
    else:
        reprompt(t)


def start_from_choice(t: Turn, cid: str) -> None:
    """`flow:<id>` or `flow:<id>?slot=value&...` starts a flow with answers filled in."""
    name, _, query = cid[len("flow:") :].partition("?")
    flow = t.flows.get(name)
    if flow is None:
        reject(t)
    else:
        start(t, flow, prefill=dict(parse_qsl(query)))


def start(
    t: Turn,
    flow: FlowSpec,
    *,
    entities: Iterable[Entity] = (),
    prefill: Mapping[str, str] | None = None,
    attachment: UserInput | None = None,
    handover: bool = False,
    message: str | None = None,
) -> None:
    """Begin `flow` (keeping the current one as a draft, unless `flow` is an aside).

    `message` is the text that started it: entities and the places it names
    fill slots, and it fills the `from_message` slots when it did (it said
    what or where). A flow started by its button or command while a draft of
    it is kept takes the draft up instead.
    """
    if flow.aside and not handover and t.flow is not None and t.flow.id != flow.id:
        _aside(t, flow)
        return
    kept = drafts.of_flow(t, flow.id)
    plain = not (entities or prefill or attachment or message or handover)
    if plain and t.state["flow"] == flow.id and t.state["slots"]:
        reprompt(t)  # its own button again mid-flow: go on, the answers are not thrown away
        return
    if kept is not None and plain and t.state["flow"] != flow.id:
        drafts.suspend(t)
        reset(t)
        t.say("flow-changed" if drafts.take(t, kept) else "draft-resumed")
        go_on(t)
        return
    if not handover and t.state["flow"] != flow.id:
        drafts.suspend(t)
    reset(t)
    t.state["flow"] = flow.id
    if message:
        t.state["data"]["message"] = message  # `$message`: what the person asked, for effects
    if attachment is not None:
        keep_for_later(t, flow, attachment)
    values = dict(prefill or {})
    entities = tuple(entities)
    for entity in entities:
        for slot in flow.slots:
            if slot.entity == entity.name:
                values.setdefault(slot.id, entity.value)
    failures = _prefill(t, flow, _with_places(t, flow, values, message), _keys(flow, entities))
    from_message(t, flow, message)
    advance(t, failures)


def _aside(t: Turn, flow: FlowSpec) -> None:
    """An `aside: true` flow (help) asked for mid-flow: say it, then ask the question again."""
    for action in flow.done:
        _say_action(t, action)
    t.state["misses"] = 0
    reprompt(t)


def _prefill(
    t: Turn, flow: FlowSpec, values: Mapping[str, str], keys: Mapping[str, str] | None = None
) -> dict[str, Failure]:
    """Fill slots from entities or a choice's parameters; return what did not fit.

    `keys`: for a location slot filled by a `place` entity, the place's key, kept beside
    the words as written ({"text": "Mina camp 56", "place": "mina-camp-56"}) so the
    service resolves exactly the place the NLU recognised."""
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
            key = (keys or {}).get(slot.id)
            if key and slot.type == "location" and isinstance(value, dict):
                value = {**value, "place": key}
            t.state["slots"][slot.id] = value
    return failures


def _keys(flow: FlowSpec, entities: Iterable[Entity]) -> dict[str, str]:
    """Slot id -> the key of the entity that fills it (the first one, like its value)."""
    keys: dict[str, str] = {}
    for entity in entities:
        for slot in flow.slots:
            if slot.entity == entity.name and entity.key:
                keys.setdefault(slot.id, entity.key)
    return keys


def _with_places(
    t: Turn, flow: FlowSpec, values: Mapping[str, str], message: str | None
) -> dict[str, str]:
    """The place a message names (the service's gazetteer) for `entity: place` slots the
    NLU left empty."""
    found = dict(values)
    wanted = [s for s in flow.slots if s.entity == "place" and s.id not in found]
    wanted = [s for s in wanted if s.id not in t.state["slots"]]
    place = t.ctx.places(message) if wanted and message and t.ctx.places else None
    if place:
        found[wanted[0].id] = place
    return found


def from_message(t: Turn, flow: FlowSpec, message: str | None) -> None:
    """A message that answered a slot by what it says (what, where) also fills the
    `from_message` slots ("garbage piled near our hotel in Aziziyah" is the description)."""
    if not message or not t.state["slots"]:
        return
    for slot in flow.slots:
        if slot.from_message and slot.id not in t.state["slots"]:
            value = read_answer(slot, UserInput(text=message))
            if not isinstance(value, Failure):
                t.state["slots"][slot.id] = value


def places_in_answer(t: Turn, flow: FlowSpec, slot: SlotSpec, text: str | None) -> None:
    """A typed description that names a place also answers the place question."""
    if slot.type != "text" or not text:
        return
    values = _with_places(t, flow, {}, text)
    if values:
        _prefill(t, flow, values)


def prefill_current(t: Turn, entities: Iterable[Entity], message: str | None = None) -> None:
    flow = t.flow
    assert flow is not None
    before = set(t.state["slots"])
    entities = tuple(entities)
    values: dict[str, str] = {}
    for e in entities:
        for s in flow.slots:
            if s.entity == e.name:
                values.setdefault(s.id, e.value)
    failures = _prefill(t, flow, _with_places(t, flow, values, message), _keys(flow, entities))
    if set(t.state["slots"]) - before:
        from_message(t, flow, message)
    t.state["misses"] = 0
    slot = t.slot
    if slot is not None and slot.id not in t.state["slots"]:
        failure = failures.get(slot.id)
        if failure is None:
            reject(t)
        else:
            ask(t, slot, failure)
    elif t.state["at"] in ("confirm", "edit"):
        summary(t)
    else:
        advance(t, failures)


def advance(t: Turn, failures: Mapping[str, Failure] | None = None) -> None:
    """Ask the next unanswered slot, or show the summary, or finish."""
    flow = t.flow
    assert flow is not None
    for slot in flow.slots:
        if slot.id not in t.state["slots"]:
            ask(t, slot, (failures or {}).get(slot.id))
            return
    if flow.confirm:
        summary(t)
    else:
        run_done(t)


def ask(t: Turn, slot: SlotSpec, failure: Failure | None = None) -> None:
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
    choices.append(CANCEL)
    t.say(slot.ask, t.args(slot.ask_args), choices, EXPECTS[slot.type])


def _error_args(t: Turn) -> dict[str, Any]:
    return {"example": t.ctx.constants.get("ticket_example"), **t.const("hotline")}


def answer(t: Turn, slot: SlotSpec, ui: UserInput) -> None:
    value = read_answer(slot, ui)
    if isinstance(value, Failure):
        ask(t, slot, value)
        return
    if t.flow is not None:
        places_in_answer(t, t.flow, slot, ui.text)
    fill(t, slot, value)


def fill(t: Turn, slot: SlotSpec, value: Any) -> None:
    t.state["slots"][slot.id] = value
    t.state["misses"] = 0
    if t.state["editing"]:
        t.state["editing"] = False
        summary(t)
    else:
        advance(t)


def reject(t: Turn) -> None:
    """The input does not fit the current step: say so and ask again."""
    slot = t.slot
    if slot is not None:
        reason = "absent" if slot.type == "ticket_id" else "choose"
        ask(t, slot, Failure(reason if slot.type not in LITERAL_TYPES else "expected"))
    elif t.flow is None:
        show_menu(t, "please-choose")
    else:
        t.say("please-choose")
        reprompt(t)


def reprompt(t: Turn, failure: Failure | None = None) -> None:
    at, slot = t.state["at"], t.slot
    if slot is not None:
        ask(t, slot, failure)
    elif at == "confirm":
        summary(t)
    elif at == "edit":
        edit_menu(t)
    else:
        show_menu(t, "menu-prompt")


# ---------------------------------------------------------------- summary and edit


def summary(t: Turn) -> None:
    flow = t.flow
    assert flow is not None and flow.confirm is not None
    t.state.update(at="confirm", slot=None)
    choices = [{"id": "confirm", "key": "choice-confirm"}, {"id": "edit", "key": "choice-edit"}]
    t.say(flow.confirm["message"], t.args(flow.confirm.get("args")), [*choices, CANCEL])


def confirm_or_edit(t: Turn, *, confirm: bool) -> None:
    if confirm:
        run_done(t)
    else:
        edit_menu(t)


def edit_menu(t: Turn) -> None:
    flow = t.flow
    assert flow is not None
    t.state.update(at="edit", slot=None)
    fields = [{"id": f"edit:{s.id}", "key": s.label} for s in flow.slots if s.label]
    t.say("confirm-edit-which", choices=[*fields, CANCEL])


def edit_slot(t: Turn, slot_id: str) -> None:
    flow = t.flow
    assert flow is not None
    slot = flow.slot(slot_id)
    assert slot is not None
    t.state["editing"] = True
    ask(t, slot)


# ---------------------------------------------------------------- actions and effects


def _resolve(flow: FlowSpec, path: Sequence[str | int]) -> Any:
    node: Any = {"done": list(flow.done)}
    for part in path:
        node = node[part]
    return node


def run_done(t: Turn) -> None:
    if _run(t, ["done"], 0):
        _finish(t)


def _run(t: Turn, path: list[str | int], first: int) -> bool:
    """Run the actions at `path` from `first`; False when waiting or handed to another flow."""
    flow = t.flow
    assert flow is not None
    actions = _resolve(flow, path)
    for i in range(first, len(actions)):
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
            start(t, t.flows.flows[action["start"]], handover=True)
            return False
    return True


def _say_action(t: Turn, action: Mapping[str, Any]) -> None:
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
    links = [
        Link(str(url), link["label"], t.args(link.get("args")))
        for link in action.get("links") or ()
        if (url := _url(t, link["url"]))
    ]
    t.say(action["say"], t.args(action.get("args")), choices, links=links)


def _url(t: Turn, expr: str) -> str | None:
    """A link's address: literal, or `$name` from the results (no link when it is missing)."""
    value = t.values({"url": expr})["url"] if expr.startswith("$") else expr
    return value if isinstance(value, str) and value.startswith(("https://", "http://")) else None


def _template(template: str, item: Mapping[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(item.get(m.group(1), "")), template)


def on_result(t: Turn, result: EffectResult) -> None:
    waiting = t.state.get("await")
    if not waiting or waiting["effect"] != result.effect or t.flow is None:
        return  # a result nobody waits for (a duplicate, or the flow was left): ignore
    path = waiting["path"]
    t.state.update(at=None, data={**t.state["data"], **result.data})  # results add up
    t.state["await"] = None
    cases = _resolve(t.flow, path).get("on_result") or []
    if "error" in result.data and not any("error" in (c.get("when") or {}) for c in cases):
        reset(t)
        t.say("error-service", t.const("hotline"))
        show_menu(t, "menu-anything-else")
        return
    index = next((i for i, c in enumerate(cases) if _matches(c.get("when"), result.data)), None)
    if index is not None and not _run(t, [*path, "on_result", index, "do"], 0):
        return
    _resume(t, path)


def _matches(when: Mapping[str, Any] | None, data: Mapping[str, Any]) -> bool:
    return all(data.get(k) == v for k, v in (when or {}).items())


def _resume(t: Turn, path: list[str | int]) -> None:
    """Carry on after the action at `path`, outwards through enclosing results."""
    while True:
        actions_path, index = path[:-1], int(path[-1])
        if not _run(t, actions_path, index + 1):
            return
        if len(actions_path) == 1:
            break
        path = actions_path[:-3]  # [..., effect_index, "on_result", case, "do"] -> the effect
    _finish(t)


def _finish(t: Turn) -> None:
    """The flow is done: offer a kept draft once, else "anything else?" and the menu."""
    flow = t.flow
    reset(t)
    if flow is None or flow.end != "menu":
        return
    if not drafts.offer(t) and not (t.outputs and t.outputs[-1].choices):
        show_menu(t, "menu-anything-else")


def keep_for_later(t: Turn, flow: FlowSpec, ui: UserInput) -> bool:
    """Fill the first unanswered slot of this flow that takes the attachment."""
    for slot in flow.slots:
        if slot.id in t.state["slots"] or slot.type not in ("location", "media", "phone"):
            continue
        value = read_answer(slot, ui)
        if not isinstance(value, Failure):
            t.state["slots"][slot.id] = value
            return True
    return False
