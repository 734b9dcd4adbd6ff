"""Live updates for the desk: the process's one bus listener fanned out to its subscribers.

Within one process on both databases (SQLite: dispatched after the commit;
PostgreSQL: LISTEN/NOTIFY), and between two processes on PostgreSQL: a
pilgrim's message handled by another process is heard here. An agent hears
only their own team's chats.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from handoff_kit import ALL_DAY, Clock, Desk, Pilgrim, handoff_settings, make_runtime

from bot.core.live import RESYNC, LiveBus
from bot.core.runtime import Runtime
from bot.desk.chat_pages import sse
from bot.handoff.chats import ChatEvent, Chats
from storage.bus import BusEvent, publish
from storage.db import Database

GUARD = 30  # seconds: only so that a broken bus fails the test instead of hanging it
ROOT = Path(__file__).resolve().parents[2]


@asynccontextmanager
async def listening(live: LiveBus) -> AsyncIterator[None]:
    """The process's bus listener running, as `labbaik run` runs it."""
    stop = asyncio.Event()
    task = asyncio.create_task(live.run(stop))
    try:
        await asyncio.wait_for(live.ready(), GUARD)
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, GUARD)


async def _next(events: AsyncIterator[ChatEvent]) -> ChatEvent:
    return await asyncio.wait_for(anext(events), GUARD)


async def test_the_desk_hears_a_chat_open_be_claimed_and_get_a_message(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina")
    desk.team("customer_service", languages=("ar", "en"))
    desk.team("ajyad", languages=("ur",))
    khalid = desk.agent("khalid", team="ajyad")
    mine = Pilgrim(runtime, "browser-live-00000000001")
    await mine.start("en")
    async with (
        listening(runtime.live),
        chats.watch(agent_id=amina) as events,
        chats.watch(agent_id=khalid) as theirs,
    ):
        await mine.send(choice="flow:human_agent")
        opened = await _next(events)
        assert (opened.change, opened.status, opened.team) == (
            "opened",
            "waiting",
            "customer_service",
        )
        await chats.claim(agent_id=amina, chat_id=opened.chat_id or 0)
        claimed = await _next(events)
        assert (claimed.change, claimed.agent_id) == ("claimed", amina)
        await mine.send(text="Is Ajyad street closed today?")
        message = await _next(events)
        assert message.change == "message" and message.chat_id == opened.chat_id
        view = await chats.get(agent_id=amina, chat_id=opened.chat_id or 0)
        assert view.lines[-1].id == message.message_id  # ids on the bus, text from the page
        # Khalid's team is another: the first he hears of is his own team's chat
        urdu = Pilgrim(runtime, "browser-live-00000000002")
        await urdu.start("ur")
        await urdu.send(choice="flow:human_agent")
        first = await _next(theirs)
        assert (first.change, first.team) == ("opened", "ajyad")
    assert runtime.live.subscribers == 0


async def test_a_transfer_to_another_team_is_heard_by_the_old_team_and_the_new(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    desk.team("customer_service", languages=("ar", "en"))
    desk.team("wajibna", languages=())
    desk.team("ajyad", languages=("ur",))
    amina, nadia = desk.agent("amina"), desk.agent("nadia", team="wajibna")
    khalid = desk.agent("khalid", team="ajyad")
    pilgrim = Pilgrim(runtime, "browser-live-transfer-001")
    await pilgrim.start("en")
    async with (
        listening(runtime.live),
        chats.watch(agent_id=amina) as old_team,
        chats.watch(agent_id=nadia) as new_team,
        chats.watch(agent_id=khalid) as neither,
    ):
        await pilgrim.send(choice="flow:human_agent")
        opened = await _next(old_team)
        chat = opened.chat_id
        assert chat is not None and not opened.gone
        await chats.claim(agent_id=amina, chat_id=chat)
        assert (await _next(old_team)).change == "claimed"
        await chats.transfer(agent_id=amina, chat_id=chat, to_team="wajibna")
        left = await _next(old_team)  # Amina's team sees it go
        assert (left.change, left.chat_id, left.status, left.team, left.gone) == (
            "transferred", chat, "waiting", "wajibna", True,
        )  # fmt: skip
        came = await _next(new_team)  # the first Nadia's team hears of it
        assert (came.change, came.chat_id, came.status, came.team, came.gone) == (
            "transferred", chat, "waiting", "wajibna", False,
        )  # fmt: skip
        assert json.loads(sse(left).data)["gone"] is True  # what chats.js is told
        assert "gone" not in json.loads(sse(came).data)

        # from now on the chat is Nadia's team's alone
        await pilgrim.send(text="Is anyone there?")
        heard = await _next(new_team)
        assert (heard.change, heard.chat_id) == ("message", chat)
        other = Pilgrim(runtime, "browser-live-transfer-002")
        await other.start("en")
        await other.send(choice="flow:human_agent")
        following = await _next(old_team)  # not the message: the next chat of her team
        assert following.change == "opened" and following.chat_id != chat
        # Khalid's team was neither: the first he hears of is his own team's chat
        urdu = Pilgrim(runtime, "browser-live-transfer-003")
        await urdu.start("ur")
        await urdu.send(choice="flow:human_agent")
        first = await _next(neither)
        assert (first.change, first.team) == ("opened", "ajyad")
    assert runtime.live.subscribers == 0


async def test_a_subscriber_that_falls_behind_is_told_to_read_again(sqlite_url: str) -> None:
    live = LiveBus(sqlite_url, queue_size=2)
    database = Database(sqlite_url)

    def publish_three() -> None:
        for n in range(3):
            with database.transaction() as s:
                publish(s, "case", {"case_id": n})

    try:
        async with (
            listening(live),
            live.subscribe(topics={"case"}) as slow,
            live.subscribe(topics={"case"}, queue_size=10) as witness,
        ):
            await asyncio.to_thread(publish_three)
            for n in range(3):  # the witness keeps up; the slow one reads nothing meanwhile
                assert (await asyncio.wait_for(anext(witness), GUARD)).payload == {"case_id": n}
            assert await asyncio.wait_for(anext(slow), GUARD) == BusEvent(RESYNC, {})
    finally:
        database.dispose()


PILGRIM_IN_ANOTHER_PROCESS = """
import asyncio, json, sys
from bot.app.config import load_settings
from bot.app.wiring import build_service, content_source
from bot.core.messages import Inbound
from storage.db import Database

url, user, text, overrides = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
settings = load_settings(env={}, overrides={"database.url": url, **overrides})
content = content_source(settings, keep_last_good=False).start()
database = Database(url)
service = build_service(settings, database, content, with_nlu=False)
inbound = Inbound(channel="webchat", user_id=user, message_id=user + ":second-process", text=text)
result = asyncio.run(service.handle(inbound))
print(json.dumps([r.key for r in result.replies]))
database.dispose()
"""


@pytest.mark.postgres
async def test_a_message_handled_by_another_process_is_heard_here(
    pg_url: str, tmp_path: Path
) -> None:
    clock = Clock()
    runtime = make_runtime(handoff_settings(pg_url, tmp_path), clock)
    chats = Chats(runtime)
    try:
        desk = Desk(runtime, clock)
        amina = desk.agent("amina")
        pilgrim = Pilgrim(runtime, "browser-two-process-0001")
        await pilgrim.start("ar")
        await pilgrim.send(choice="flow:human_agent")
        chat = pilgrim.chat()
        assert chat is not None
        await chats.claim(agent_id=amina, chat_id=chat.id)
        async with listening(runtime.live), chats.watch(agent_id=amina) as events:
            done = await asyncio.to_thread(
                subprocess.run,
                [
                    sys.executable,
                    "-c",
                    PILGRIM_IN_ANOTHER_PROCESS,
                    pg_url,
                    pilgrim.user,
                    "هل الطريق إلى منى مفتوح؟",
                    json.dumps(ALL_DAY),
                ],
                capture_output=True,
                text=True,
                timeout=120,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout.splitlines()[-1]) == []  # the bot stays silent there too
            heard = await _next(events)
        assert (heard.change, heard.chat_id) == ("message", chat.id)
        view = await chats.get(agent_id=amina, chat_id=chat.id)
        assert view.lines[-1].text == "هل الطريق إلى منى مفتوح؟"
    finally:
        await chats.settle()
        runtime.service.database.dispose()
