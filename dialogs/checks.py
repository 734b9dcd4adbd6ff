"""Semantic checks of schema-valid flow files, the message ids and the effects they use.

The schema says what a file may look like; these checks say whether the files
make sense together: unique ids, references to flows and slots that exist,
choices where a slot needs them, message ids that exist in every locale, and
effects the service knows, given the arguments they need.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dialogs.documents import FlowDoc, JsonPath, Problem
from dialogs.flowset import DEFAULT_ERRORS, ENGINE_MESSAGES

LANGUAGE_CHOICES = "languages"  # `choices: languages`: one per configured language
LANGUAGE_LABEL = "language-name-{code}"

_CHOICE_TYPES = ("choice", "yes_no")


def expand_language_choices(doc: FlowDoc, languages: Sequence[str]) -> None:
    """`choices: languages` -> one choice per language (id: the code), at the same line.

    Without languages (a caller that only reads flows, like the engine's own
    tests) the slot keeps no choices and is not reported for it.
    """
    for slot in doc.data.get("slots") or ():
        if slot.get("choices") == LANGUAGE_CHOICES and languages:
            slot["choices"] = [
                {"id": code, "label": LANGUAGE_LABEL.format(code=code)} for code in languages
            ]


def semantic_problems(docs: Sequence[FlowDoc]) -> list[Problem]:
    problems = _unique_across(docs)
    flows = {d.data["id"]: d.data for d in docs}
    taken = {s.get("entity") for d in docs for s in d.data.get("slots") or ()}
    for doc in docs:
        problems += _entity_doubts(doc, taken)
        problems += _aside_problems(doc)
        problems += _slot_problems(doc)
        problems += _reference_problems(doc, flows)
        problems += _action_problems(doc)
    return problems


def _unique_across(docs: Sequence[FlowDoc]) -> list[Problem]:
    """Flow ids, intents and commands belong to one flow each."""
    problems: list[Problem] = []
    owners: dict[tuple[str, str], str] = {}
    for doc in docs:
        claims: list[tuple[str, Any, JsonPath]] = [("id", doc.data["id"], ("id",))]
        for kind in ("intents", "commands"):
            claims += [(kind, v, (kind, i)) for i, v in enumerate(doc.data.get(kind) or ())]
        for kind, value, path in claims:
            owner = owners.setdefault((kind, value), doc.source)
            if owner != doc.source:
                what = "flow id" if kind == "id" else kind[:-1]
                problems.append(doc.problem(path, f"duplicate {what} {value!r} (also in {owner})"))
    return problems


def _entity_doubts(doc: FlowDoc, taken: set[str | None]) -> list[Problem]:
    """`ask_if_entity` names entities some flow takes (the one then offered instead)."""
    return [
        doc.problem(("ask_if_entity", i), f"no flow has a slot with `entity: {name}`")
        for i, name in enumerate(doc.data.get("ask_if_entity") or ())
        if name not in taken
    ]


def _aside_problems(doc: FlowDoc) -> list[Problem]:
    """An aside flow only talks: no questions, no effects, no hand-over."""
    data = doc.data
    if not data.get("aside"):
        return []
    problems = []
    if data.get("slots") or data.get("confirm"):
        problems.append(doc.problem(("aside",), "an aside flow cannot have slots or confirm"))
    for i, action in enumerate(data.get("done") or ()):
        if "say" not in action:
            problems.append(doc.problem(("done", i), "an aside flow can only `say`"))
    return problems


def _slot_problems(doc: FlowDoc) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, slot in enumerate(doc.data.get("slots") or ()):
        at: JsonPath = ("slots", i)
        if slot["id"] in seen:
            problems.append(doc.problem((*at, "id"), f"duplicate slot id {slot['id']!r}"))
        seen.add(slot["id"])
        problems += _slot_shape(doc, at, slot)
    if doc.data.get("confirm") and not any(s.get("label") for s in doc.data.get("slots") or ()):
        problems.append(doc.problem(("confirm",), "confirm needs slots with a `label` to edit"))
    return problems


def _slot_shape(doc: FlowDoc, at: JsonPath, slot: Mapping[str, Any]) -> list[Problem]:
    problems = []
    kind = slot["type"]
    if kind == "choice" and not slot.get("choices"):
        problems.append(doc.problem(at, f"slot {slot['id']!r}: a choice slot needs `choices`"))
    if kind != "choice" and slot.get("choices"):
        problems.append(
            doc.problem((*at, "choices"), f"slot {slot['id']!r}: only choice slots have choices")
        )
    listed = slot.get("choices")
    ids = [c["id"] for c in listed] if isinstance(listed, list) else []
    for dup in sorted({c for c in ids if ids.count(c) > 1}):
        problems.append(doc.problem((*at, "choices"), f"duplicate choice id {dup!r}"))
    if slot.get("min_length", 1) > slot.get("max_length", 10**9):
        problems.append(doc.problem((*at, "min_length"), "min_length is above max_length"))
    for reason in slot.get("errors") or {}:
        if reason not in DEFAULT_ERRORS[kind]:
            problems.append(
                doc.problem((*at, "errors", reason), f"a {kind} slot never fails with {reason!r}")
            )
    return problems


def _reference_problems(doc: FlowDoc, flows: Mapping[str, Any]) -> list[Problem]:
    """`flow:` choice ids, `start:`, `{slot: }` and `{label_of: }` point at things that exist."""
    problems = []
    slots = {s["id"] for s in doc.data.get("slots") or ()}
    for path, node in _nodes(doc.data):
        if path and path[-1] == "id" and isinstance(node, str) and node.startswith("flow:"):
            problems += _choice_reference(doc, path, node, flows)
        if isinstance(node, Mapping):
            problems += _node_references(doc, path, node, flows, slots)
    return problems


def _choice_reference(
    doc: FlowDoc, path: JsonPath, choice: str, flows: Mapping[str, Any]
) -> list[Problem]:
    """`flow:<id>?slot=value&...`: the flow exists and has every slot named."""
    target, _, query = choice[len("flow:") :].partition("?")
    if target not in flows:
        return [doc.problem(path, f"choice {choice!r}: unknown flow {target!r}")]
    slots = {s["id"] for s in flows[target].get("slots") or ()}
    named = [part.partition("=")[0] for part in query.split("&") if part]
    return [
        doc.problem(path, f"choice {choice!r}: flow {target!r} has no slot {name!r}")
        for name in named
        if name not in slots
    ]


def _node_references(
    doc: FlowDoc, path: JsonPath, node: Mapping[str, Any], flows: Mapping[str, Any], slots: set
) -> list[Problem]:
    problems = []
    if "start" in node and node["start"] not in flows:
        problems.append(doc.problem((*path, "start"), f"unknown flow {node['start']!r}"))
    is_arg = len(path) > 1 and path[-2] == "args"  # `when: {answered: true}` is no argument
    for form in ("slot", "answered"):
        if set(node) == {form} and (form == "slot" or is_arg) and node[form] not in slots:
            problems.append(doc.problem((*path, form), f"unknown slot {node[form]!r}"))
    if "label_of" in node and "value" in node:
        flow_id, _, slot_id = node["label_of"].partition(".")
        target = next(
            (s for s in (flows.get(flow_id) or {}).get("slots") or () if s["id"] == slot_id), None
        )
        if target is None or target["type"] != "choice":
            problems.append(
                doc.problem((*path, "label_of"), f"{node['label_of']!r} is not a choice slot")
            )
    return problems


def _action_problems(doc: FlowDoc) -> list[Problem]:
    problems = []
    for path, node in _nodes(doc.data):
        awaited = isinstance(node, Mapping) and "effect" in node and node.get("awaits")
        if isinstance(node, Mapping) and "effect" in node and node.get("on_result") and not awaited:
            problems.append(doc.problem((*path, "on_result"), "on_result needs `awaits: true`"))
    return problems


def _nodes(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    yield path, data
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _nodes(value, (*path, i))


# ---------------------------------------------------------------- message ids

_MESSAGE_KEYS = ("ask", "label", "say", "message", "offer", "title", "none")


def used_messages(doc: FlowDoc) -> Iterator[tuple[JsonPath, str]]:
    """Every message id a flow file names, with where it names it."""
    for path, node in _nodes(doc.data):
        if not path or not isinstance(node, str):
            continue
        parent = path[-2] if len(path) > 1 else None
        if parent in ("args", "when"):
            continue
        if path[-1] in _MESSAGE_KEYS or parent in ("errors", "messages"):
            yield path, node
    for i, slot in enumerate(doc.data.get("slots") or ()):
        for reason, key in DEFAULT_ERRORS[slot["type"]].items():
            if reason not in (slot.get("errors") or {}):
                yield ("slots", i, "type"), key


def message_problems(docs: Sequence[FlowDoc], messages: Mapping[str, set[str]]) -> list[Problem]:
    """Each message id used (by a flow or by the engine) missing from a locale."""
    problems = []
    for doc in docs:
        for path, key in used_messages(doc):
            problems += [
                doc.problem(path, f"message {key!r} is missing in locales/{lang}")
                for lang, ids in sorted(messages.items())
                if key not in ids
            ]
    for lang, ids in sorted(messages.items()):
        for key in sorted(ENGINE_MESSAGES - ids):
            problems.append(Problem(f"locales/{lang}", 1, f"engine message {key!r} is missing"))
    return problems


# ---------------------------------------------------------------- effects


def effect_problems(
    docs: Sequence[FlowDoc], effects: Mapping[str, frozenset[str]]
) -> list[Problem]:
    """Each effect asked for that no handler is registered for, or without an argument it needs."""
    problems = []
    for doc in docs:
        for path, node in _nodes(doc.data):
            if not isinstance(node, Mapping) or not isinstance(node.get("effect"), str):
                continue
            name = node["effect"]
            if name not in effects:
                known = ", ".join(sorted(effects))
                message = f"unknown effect {name!r} (known: {known})"
                problems.append(doc.problem((*path, "effect"), message))
                continue
            missing = sorted(effects[name] - set(node.get("args") or {}))
            if missing:
                where = (*path, "args") if "args" in node else (*path, "effect")
                needs = ", ".join(missing)
                problems.append(doc.problem(where, f"effect {name!r} needs argument(s) {needs}"))
    return problems
