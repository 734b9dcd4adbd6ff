"""Message and effect arguments written in YAML, evaluated against a scope.

An `args:` value in a flow file is one of:

- a literal (`42`, `"MK"`), or `"$name"`: the value of `name` from the scope
  (the current list item, then the effect results of this flow, then the slots, then
  the constants the service passes in, such as `$hotline`);
- `{slot: name}`: the slot's answer ready to show (a choice's label, "Pin on
  the map", "Photo attached", or the slot's `none:` message when skipped);
- `{answered: name}`: whether the slot has an answer (true/false, for a select);
- `{date: name}`: an ISO timestamp as a datetime in the service's time zone;
- `{count: name}`: the length of a list;
- `{enum: name, messages: {value: message-id, "*": fallback-id}}`: a label;
- `{label_of: flow.slot, value: name}`: the label of that choice slot's answer.

Labels are message references (`model.msg_ref`), rendered in the person's
language by the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from dialogs.flowset import FlowSet, SlotSpec
from dialogs.model import msg_ref

NOT_GIVEN = "summary-skipped"


class Scope:
    """Where `$name` values come from, first match wins."""

    def __init__(self, *layers: Mapping[str, Any]) -> None:
        self.layers = layers

    def get(self, name: str) -> Any:
        for layer in self.layers:
            if name in layer:
                return layer[name]
        return None


def show_slot(slot: SlotSpec | None, value: Any) -> Any:
    """A slot's stored answer as a message argument."""
    if value is None:
        return msg_ref(slot.none if slot is not None and slot.none else NOT_GIVEN)
    if slot is None:
        return value
    if slot.type == "choice":
        label = next((c.label for c in slot.choices if c.id == value), None)
        return msg_ref(label) if label else str(value)
    if slot.type == "yes_no":
        return msg_ref("choice-yes" if value else "choice-no")
    if slot.type == "media":
        return msg_ref("summary-photo-attached")
    if slot.type == "location" and isinstance(value, Mapping):
        if value.get("text") or value.get("label"):
            return value.get("text") or value.get("label")
        lat, lon = f"{value['lat']:.5f}", f"{value['lon']:.5f}"  # text: no number formatting
        return msg_ref("summary-location-pin", lat=lat, lon=lon)
    return value


def _date(value: Any, tz: tzinfo) -> Any:
    if not value:
        return msg_ref(NOT_GIVEN)
    try:
        return datetime.fromisoformat(str(value)).astimezone(tz)
    except ValueError:
        return str(value)


def _label_of(flows: FlowSet, ref: str, value: Any) -> Any:
    flow_id, slot_id = ref.split(".", 1)
    flow = flows.get(flow_id)
    return show_slot(flow.slot(slot_id) if flow else None, value)


def evaluate(
    expr: Any,
    scope: Scope,
    *,
    flows: FlowSet,
    flow_id: str | None,
    slots: Mapping[str, Any],
    tz: tzinfo,
) -> Any:
    """One argument's value."""
    if isinstance(expr, str) and expr.startswith("$"):
        return scope.get(expr[1:])  # None stays None: effects get it as is
    if not isinstance(expr, Mapping):
        return expr
    if "slot" in expr:
        flow = flows.get(flow_id)
        return show_slot(flow.slot(expr["slot"]) if flow else None, slots.get(expr["slot"]))
    if "answered" in expr:
        return slots.get(expr["answered"]) is not None
    if "date" in expr:
        return _date(scope.get(expr["date"]), tz)
    if "count" in expr:
        return len(scope.get(expr["count"]) or ())
    if "enum" in expr:
        messages = expr["messages"]
        return msg_ref(messages.get(str(scope.get(expr["enum"])), messages["*"]))
    if "label_of" in expr:
        return _label_of(flows, expr["label_of"], scope.get(expr["value"]))
    raise ValueError(f"unknown argument form {dict(expr)!r}")
