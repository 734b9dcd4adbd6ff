"""The desk's live-chat event stream (/desk/chats/events) under a real uvicorn server.

A pilgrim's request for a person and their message reach the agent's stream as
events (ids and codes only); the stream ends with `signed-out` once the desk
session does, and ends at once when the server is told to stop (as a SIGTERM
tells it), unsubscribing from the bus. SQLite (the bus within the process).
"""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from chat_kit import LiveDesk, Pilgrim, handoff_settings, live_desk, make_runtime
from desk_kit import DeskUser, make_staff
from handoff_kit import Clock
from sse_starlette.sse import AppStatus
from webchat_kit import free_port

from bot.core.runtime import Runtime

GUARD = 30.0  # seconds: only so that a broken stream fails the test instead of hanging it


@pytest.fixture
def runtime(sqlite_url: str, tmp_path: Path) -> Iterator[Runtime]:
    runtime = make_runtime(handoff_settings(sqlite_url, tmp_path), Clock())
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
def served(runtime: Runtime) -> Iterator[LiveDesk]:
    with live_desk(runtime, free_port(), outbox=False) as served:
        yield served


class Stream:
    """Server-sent events as (event, data) pairs, read from an open response."""

    def __init__(self, response: httpx.Response) -> None:
        self.lines = response.aiter_lines()

    async def next(self) -> tuple[str, dict[str, object]] | None:
        """The next event (pings skipped), or None when the stream ended."""
        return await asyncio.wait_for(self._next(), GUARD)

    async def _next(self) -> tuple[str, dict[str, object]] | None:
        name, data = "message", ""
        async for line in self.lines:
            if line.startswith("event:"):
                name = line.removeprefix("event:").strip()
            elif line.startswith("data:"):
                data += line.removeprefix("data:").strip()
            elif line == "" and data:
                return name, json.loads(data)
        return None


async def agent(served: LiveDesk, username: str) -> AsyncIterator[DeskUser]:
    async with httpx.AsyncClient(base_url=served.url, timeout=GUARD) as client:
        who = DeskUser(client)
        assert (await who.sign_in(username)).status_code == 303
        yield who


async def test_a_pilgrims_request_and_message_reach_the_stream_until_sign_out(
    runtime: Runtime, served: LiveDesk
) -> None:
    make_staff(runtime, "amina")
    async for amina in agent(served, "amina"):
        async with amina.client.stream("GET", "/desk/chats/events") as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            events = Stream(response)
            assert await events.next() == ("ready", {})
            pilgrim = Pilgrim(runtime, "browser-desk-live-000001")
            await pilgrim.start("ur")
            assert await pilgrim.send(choice="flow:human_agent") == ["handoff-queued"]
            chat = pilgrim.chat()
            assert chat is not None
            name, data = await events.next() or ("", {})
            assert (name, data["change"], data["chat"], data["status"]) == (
                "chat", "opened", chat.id, "waiting",
            )  # fmt: skip
            assert await pilgrim.send(text="کوئی ہے؟") == []
            name, data = await events.next() or ("", {})
            assert (name, data["change"], data["chat"]) == ("chat", "message", chat.id)
            assert isinstance(data["message"], int)
            assert "کوئی" not in json.dumps(data)  # ids and codes, never what was written

            assert (await amina.post("/desk/logout")).status_code == 303
            await pilgrim.send(text="ہیلو؟")  # the next event finds the session gone
            assert await events.next() == ("signed-out", {})
            assert await events.next() is None  # and the stream ends
        async with amina.client.stream("GET", "/desk/chats/events") as response:
            assert response.status_code == 303  # signed out: no new stream
    assert runtime.live.subscribers == 0


async def test_the_stream_ends_when_the_session_went_idle(
    runtime: Runtime, served: LiveDesk
) -> None:
    make_staff(runtime, "amina")
    async for amina in agent(served, "amina"):
        async with amina.client.stream("GET", "/desk/chats/events") as response:
            events = Stream(response)
            assert await events.next() == ("ready", {})
            idle = runtime.settings.desk.idle_minutes
            runtime.service.clock.advance(minutes=idle + 1)  # type: ignore[attr-defined]
            pilgrim = Pilgrim(runtime, "browser-desk-live-000002")
            await pilgrim.start("en")
            await pilgrim.send(choice="flow:human_agent")  # an event: the session is checked
            assert await events.next() == ("signed-out", {})
            assert await events.next() is None


async def test_a_quiet_stream_still_ends_when_the_session_does(
    runtime: Runtime, served: LiveDesk
) -> None:
    make_staff(runtime, "amina")
    async for amina in agent(served, "amina"):
        async with amina.client.stream("GET", "/desk/chats/events") as response:
            events = Stream(response)
            assert await events.next() == ("ready", {})
            assert (await amina.post("/desk/logout")).status_code == 303
            # no event comes: the stream's own check (every SESSION_CHECK_SECONDS) ends it
            assert await events.next() == ("signed-out", {})
            assert await events.next() is None  # and the stream ends
    assert runtime.live.subscribers == 0


async def test_the_stream_ends_when_the_server_is_told_to_stop(
    runtime: Runtime, served: LiveDesk
) -> None:
    make_staff(runtime, "amina")
    try:
        async for amina in agent(served, "amina"):
            async with amina.client.stream("GET", "/desk/chats/events") as response:
                events = Stream(response)
                assert await events.next() == ("ready", {})
                assert runtime.live.subscribers == 1
                served.server.handle_exit(signal.SIGTERM, None)  # what the signal calls
                assert await events.next() is None
        await asyncio.to_thread(served.thread.join, GUARD)
        assert not served.thread.is_alive()  # uvicorn did not wait on the open stream
        assert runtime.live.subscribers == 0
    finally:
        AppStatus.should_exit = False  # the library's flag is process-wide
