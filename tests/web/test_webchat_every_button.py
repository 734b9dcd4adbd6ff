"""Every button of every flow, pressed through the web chat's API.

The web chat once refused every button whose id held `?`, `=` or `&` (consultant
questions, 👍/👎, other service points, each ticket under "My tickets"). This walk
starts from the menu, presses each button the bot offers (and shares a pin where
the bot asks for a place), and so reaches every flow the buttons lead to. Each
press must be accepted (200, never `bad_choice`) and understood (never "please
choose" or "that button is old"). A report is filed first, so "My tickets" has a
ticket to press. Every path is replayed from the menu on the same browser; its
clock is the test's, so flood control never gets in the way of the walk.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from bot.app.wiring import create_app
from bot.core.runtime import Runtime
from dialogs.tokens import CHOICE_ID

CLIENT = "e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7"
HARAM = {"lat": 21.4225, "lon": 39.8262}
MAX_NODES = 400
NOT_UNDERSTOOD = {"please-choose", "choice-expired", "please-use-menu", "nlu-slow"}

Step = tuple[str, Any]  # ("choice", token) or ("location", pin)


EVENING = datetime(2024, 11, 18, 16, 0, tzinfo=UTC)  # 19:00 in Makkah: Itlala desks open


@pytest.fixture
def walk_app(webchat_runtime: Runtime) -> Starlette:
    webchat_runtime.service.clock = lambda: EVENING  # the same screens whatever the hour
    ticks = itertools.count()
    return create_app(webchat_runtime, clock=lambda: float(next(ticks) * 60))


@pytest.fixture
async def walker(walk_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=walk_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def send(client: httpx.AsyncClient, **fields: Any) -> list[dict[str, Any]]:
    body = {"client_id": CLIENT, "message_id": uuid.uuid4().hex[:16], "lang": "en", **fields}
    response = await client.post("/webchat/api/messages", json=body)
    assert response.status_code == 200, (fields, response.text)
    return list(response.json()["replies"])


async def file_a_report(client: httpx.AsyncClient) -> None:
    await send(client, command="start")
    for step in (
        {"choice": "flow:report_issue"},
        {"choice": "waste"},
        {"text": "The bins at the corner are overflowing"},
        {"text": "Ibrahim Al-Khalil Street"},
        {"choice": "skip"},
        {"choice": "skip"},
        {"choice": "confirm"},
    ):
        replies = await send(client, **step)
    assert replies[0]["key"] == "report-filed"


async def to_menu(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    """Back to the main menu with nothing kept aside, as at the start of the walk."""
    await send(client, command="cancel")
    replies = await send(client, command="start")
    if replies[-1]["lang"] != "en":  # a language button was pressed: back to English
        await send(client, command="language")
        await send(client, choice="en")
        replies = await send(client, command="start")
    while replies[-1]["choices"] and replies[-1]["choices"][0]["id"] == "resume":
        await send(client, choice="resume")
        await send(client, command="cancel")
        replies = await send(client, command="start")
    return replies


def edges(replies: list[dict[str, Any]]) -> list[Step]:
    last = replies[-1] if replies else {}
    found: list[Step] = [("choice", c["id"]) for c in last.get("choices") or ()]
    if last.get("expects") == "location":
        found.append(("location", HARAM))
    return found


def node(replies: list[dict[str, Any]]) -> tuple[str, ...]:
    last = replies[-1] if replies else {"key": "", "choices": []}
    return (last["key"], *sorted(c["label"] for c in last["choices"]))


async def test_every_button_of_every_flow_works_through_the_web_chat(
    walker: httpx.AsyncClient,
) -> None:
    await file_a_report(walker)
    start = await to_menu(walker)
    seen = {node(start)}
    queue: list[list[Step]] = [[e] for e in edges(start)]
    pressed: list[tuple[str, str]] = []  # (the reply the button was on, its token)
    while queue:
        path = queue.pop(0)
        replies = await to_menu(walker)
        for kind, value in path:
            offered = node(replies)
            replies = await send(walker, **{kind: value})
            keys = [r["key"] for r in replies]
            assert not NOT_UNDERSTOOD & set(keys), (path, keys)
            if kind == "choice":
                assert CHOICE_ID.fullmatch(value)
                pressed.append((offered[0], value))
        here = node(replies)
        if here not in seen and len(seen) < MAX_NODES:
            seen.add(here)
            queue += [[*path, e] for e in edges(replies)]
    assert len(seen) < MAX_NODES, "the walk did not finish: raise MAX_NODES"
    tokens = {token for _, token in pressed}
    on = {reply for reply, token in pressed if token.startswith("@")}
    # the buttons that once failed: consultant questions and feedback, other points, tickets
    assert {"kb-topic-shops-intro", "kb-more", "services-points-open", "status-my-tickets"} <= on
    print(f"walked {len(seen)} screens, {len(pressed)} presses, {len(tokens)} buttons")
    assert len(tokens) > 60
