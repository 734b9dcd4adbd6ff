"""The NLU as the conversation core uses it: the dialog contract's normalisers, and parses
turned into the dialog engine's `NluResult`.

`nlu/` and `dialogs/` do not know each other. The ticket format and the digit
scripts have one home, `dialogs/tickets.py`; the NLU client receives them here
as `NORMALISERS` (ticket ids canonical, `MK-` + 7 ASCII digits; a number with a
wrong check digit still comes through as `MK-<digits>` with the typed text in
`raw`, so the engine can re-parse it and say "mistyped"). `engine_result`
turns the NLU's `Parse` into the engine's `NluResult`.
"""

from __future__ import annotations

from dialogs.model import Entity, NluResult
from dialogs.tickets import PREFIX, normalize_digits, parse_ticket
from nlu.client import Normalisers
from nlu.result import Parse


def ticket_value(raw: str) -> str | None:
    """A typed ticket number as the canonical id (also when its check digit is wrong)."""
    found = parse_ticket(raw)
    if found.status == "ok":
        return found.ticket_id
    if found.status == "mistyped":
        return f"{PREFIX}{found.digits}"
    return None


NORMALISERS = Normalisers(text=normalize_digits, entities={"ticket_id": ticket_value})


def engine_result(parse: Parse | None) -> NluResult | None:
    """The NLU's parse in the dialog engine's terms."""
    if parse is None:
        return None
    return NluResult(
        intent=parse.intent,
        confidence=parse.confidence,
        entities=tuple(Entity(e.name, e.value, e.raw, e.key) for e in parse.entities),
        language=parse.language,
        ranking=parse.ranking,
    )
