"""Ticket numbers: `MK-` + six digits + a Luhn check digit, and digit normalisation.

People type ticket numbers as `MK-1234566`, `mk 1234566`, `1234566`, or with
Arabic-Indic (٠-٩) or Persian (۰-۹) digits. Everything normalises to the
canonical `MK-1234566`. A number whose check digit is wrong is a typo, which
the bot says differently from "not found".
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Literal

PREFIX = "MK-"

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "01234567890123456789",
)
# "MK", "mk", "ام كي" are optional; separators may be spaces, dashes or dots.
_TICKET_RE = re.compile(r"(?<![\w])(?:mk)?[\s\-_.#:]*((?:\d[\s\-]?){6}\d)(?!\d)", re.IGNORECASE)


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII; everything else unchanged."""
    return text.translate(_DIGITS)


def luhn_check_digit(payload: str) -> str:
    """The Luhn digit that makes `payload + digit` valid."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:  # doubled positions, counted from the right of the payload
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_ticket_id(payload: str | None = None) -> str:
    """A new ticket id; `payload` (six digits) only for tests and fixtures."""
    payload = payload if payload is not None else f"{secrets.randbelow(900000) + 100000}"
    if not re.fullmatch(r"\d{6}", payload):
        raise ValueError("a ticket payload is six digits")
    return f"{PREFIX}{payload}{luhn_check_digit(payload)}"


@dataclass(frozen=True)
class TicketParse:
    status: Literal["ok", "mistyped", "absent"]
    ticket_id: str | None = None  # canonical, when status is "ok"
    digits: str | None = None  # the seven digits found, when any


def parse_ticket(text: str) -> TicketParse:
    """Find a ticket number in free text and check its digit."""
    m = _TICKET_RE.search(normalize_digits(text))
    if not m:
        return TicketParse("absent")
    digits = re.sub(r"\D", "", m.group(1))
    if luhn_check_digit(digits[:6]) != digits[6]:
        return TicketParse("mistyped", digits=digits)
    return TicketParse("ok", ticket_id=f"{PREFIX}{digits}", digits=digits)
