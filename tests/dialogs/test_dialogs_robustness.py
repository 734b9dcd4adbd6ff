"""Whatever arrives, in whatever order, the engine answers and its state stays JSON.

A seeded random walk over buttons, numbers, words, attachments, commands, NLU
results and effect results (deterministic: the same seed, the same walk).
"""

from __future__ import annotations

import json
import random

import pytest
from dialog_helpers import Chat, nlu

from dialogs.engine import Context
from dialogs.flowset import FlowSet
from dialogs.model import EffectResult, Event, Location, Media, UserInput
from locales.render import Localizer

CASE = {
    "found": True,
    "is_reporter": True,
    "ticket_id": "MK-1234566",
    "status": "new",
    "created_at": "2026-06-01T09:00:00+00:00",
    "updated_at": None,
    "category": None,
    "description": None,
    "location_text": None,
}
EVENTS: list[Event] = [
    UserInput(text="1"),
    UserInput(text="٢"),
    UserInput(text="۱۲"),
    UserInput(text="Cancel"),
    UserInput(text="MK-1234566"),
    UserInput(text="1234567"),
    UserInput(text="A long enough description of a problem"),
    UserInput(text=""),
    UserInput(text="؟"),
    UserInput(text="x" * 3000),
    UserInput(text="hmm", nlu=nlu("nlu_fallback", 0.1)),
    UserInput(text="report", nlu=nlu("report_issue", category="water_sewage")),
    UserInput(text="status", nlu=nlu("check_status", ticket_id="MK-1234566")),
    UserInput(text="yes", nlu=nlu("affirm")),
    UserInput(text="no", nlu=nlu("deny")),
    UserInput(text="visit", nlu=nlu("request_home_visit")),
    UserInput(text="bye", nlu=nlu("goodbye")),
    UserInput(choice="confirm"),
    UserInput(choice="edit"),
    UserInput(choice="edit:description"),
    UserInput(choice="skip"),
    UserInput(choice="waste"),
    UserInput(choice="flow:report_issue"),
    UserInput(choice="flow:my_tickets"),
    UserInput(choice="flow:nowhere"),
    UserInput(choice="stale-button"),
    UserInput(command="start"),
    UserInput(command="status"),
    UserInput(command="unknown"),
    UserInput(location=Location(21.4, 39.8)),
    UserInput(media=Media("a.jpg", "image/jpeg", 10)),
    UserInput(phone="+966501234567"),
    EffectResult("create_case", {"ticket_id": "MK-1234566"}),
    EffectResult("find_case", CASE),
    EffectResult("find_case", {"found": False, "ticket_id": "MK-1234566"}),
    EffectResult("list_cases", {"cases": []}),
    EffectResult("list_cases", {"cases": [{"ticket_id": "MK-1234566", "status": "new"}]}),
    EffectResult("set_language", {"language": "ar"}),
    EffectResult("handoff", {"error": "handoff"}),
]


@pytest.mark.parametrize("seed", range(12))
def test_random_walks_never_break_the_engine(
    flows: FlowSet, ctx: Context, localizer: Localizer, seed: int
) -> None:
    rng = random.Random(seed)
    chat = Chat(flows, ctx)
    for _ in range(150):
        event = rng.choice(EVENTS)
        result = chat.send(event)
        json.dumps(result.state)
        if isinstance(event, UserInput):
            assert result.outputs or result.effects, f"no answer to {event!r}"
        for output in result.outputs:
            assert localizer.has("en", output.key), output.key
            assert all(c.id and localizer.has("en", c.key) for c in output.choices)
