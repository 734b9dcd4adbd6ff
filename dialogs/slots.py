"""Reading one answer into a slot: the checks of each slot type.

`read_answer` turns what the person sent into the slot's stored value (plain
JSON) or a `Failure` naming what was wrong, so the engine can say why and ask
again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dialogs.flowset import SlotSpec
from dialogs.model import UserInput
from dialogs.tickets import normalize_digits, parse_ticket
from dialogs.words import find_phone

_PHONE = re.compile(r"\+?\d{7,15}")


@dataclass(frozen=True)
class Failure:
    reason: str  # "expected", "too_short", "too_long", "invalid", "mistyped", "absent", "choose"
    args: dict[str, Any] = field(default_factory=dict)


def normalize_phone(raw: str) -> str | None:
    """Digits with an optional leading +, or None when it is not a phone number."""
    phone = re.sub(r"[\s\-().]", "", normalize_digits(raw))
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    return phone if _PHONE.fullmatch(phone) else None


def _text(slot: SlotSpec, text: str | None) -> Any:
    if text is None or not text.strip():
        return Failure("expected")
    text = text.strip()
    if len(text) < slot.min_length:
        return Failure("too_short", {"min": slot.min_length})
    if len(text) > slot.max_length:
        return Failure("too_long", {"max": slot.max_length})
    return text


def _location(slot: SlotSpec, ui: UserInput) -> Any:
    if ui.location is not None:
        loc = ui.location
        return {"lat": loc.lat, "lon": loc.lon, "label": loc.label}
    if ui.text is None:
        return Failure("expected")
    text = _text(slot, ui.text)
    return text if isinstance(text, Failure) else {"text": text}


def _media(ui: UserInput) -> Any:
    if ui.media is None:
        return Failure("expected")
    m = ui.media
    return {"ref": m.ref, "content_type": m.content_type, "size": m.size}


def _phone(ui: UserInput) -> Any:
    """A shared contact, typed digits, or a number inside a sentence ("my number is 055...")."""
    raw = ui.phone or ui.text
    if raw is None:
        return Failure("expected")
    found = normalize_phone(raw) or normalize_phone(find_phone(raw) or "")
    return found or Failure("invalid")


def _ticket(ui: UserInput) -> Any:
    if ui.text is None:
        return Failure("expected")
    parsed = parse_ticket(ui.text)
    if parsed.status == "mistyped":
        return Failure("mistyped", {"digits": parsed.digits})
    if parsed.status == "absent":
        return Failure("absent")
    return parsed.ticket_id


def _choice(slot: SlotSpec, ui: UserInput) -> Any:
    ids = {c.id for c in slot.choices}
    if slot.type == "yes_no":
        ids = {"yes", "no"}
    if ui.choice not in ids:
        return Failure("choose")
    return ui.choice == "yes" if slot.type == "yes_no" else ui.choice


def read_answer(slot: SlotSpec, ui: UserInput) -> Any:
    """The slot's value for this input, or a `Failure`."""
    if slot.type in ("choice", "yes_no"):
        return _choice(slot, ui)
    if slot.type == "text":
        return _text(slot, ui.text)
    if slot.type == "location":
        return _location(slot, ui)
    if slot.type == "media":
        return _media(ui)
    if slot.type == "phone":
        return _phone(ui)
    if slot.type == "ticket_id":
        return _ticket(ui)
    raise ValueError(f"unknown slot type {slot.type!r}")
