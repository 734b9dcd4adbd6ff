"""Chats nobody answers go back to the bot with an apology; silent ones end; kept ones wait.

The sweep (`Chats.sweep`, run every `handoff.check_seconds` by `labbaik run`)
against the real database, with the service's clock moved on by the test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from handoff_kit import (
    Clock,
    Desk,
    Pilgrim,
    chat_messages,
    deliver,
    handoff_settings,
    make_runtime,
    outbox_payloads,
)
from sqlalchemy import func, select

from bot.core.runtime import Runtime
from bot.handoff.chats import Chats
from storage.models import AuditEvent


async def _queued(runtime: Runtime, user: str) -> tuple[Pilgrim, int]:
    pilgrim = Pilgrim(runtime, user)
    await pilgrim.start("en")
    await pilgrim.send(choice="flow:human_agent")
    chat = pilgrim.chat()
    assert chat is not None
    return pilgrim, chat.id


async def test_a_claimed_chat_the_agent_never_answers_goes_back_with_an_apology(
    runtime: Runtime, desk: Desk, chats: Chats, clock: Clock
) -> None:
    amina = desk.agent("amina")
    pilgrim, chat_id = await _queued(runtime, "browser-sweep-00000001")
    await pilgrim.send(text="Is the road to Mina closed?")
    await chats.claim(agent_id=amina, chat_id=chat_id)
    clock.advance(minutes=14)
    assert await chats.sweep() == {}  # within reply_minutes (15)
    clock.advance(minutes=2)
    assert await chats.sweep() == {"unanswered": 1}
    await deliver(runtime)
    keys = [m["key"] for m in pilgrim.received()]
    assert keys[-2:] == ["handoff-abandoned", "menu-prompt"]  # sorry, and the bot is back
    chat = pilgrim.chat()
    assert chat is not None and (chat.status, chat.ended_by) == ("abandoned", "system")
    texts = [m.payload.get("text") for m in chat_messages(runtime, chat_id)]
    assert "Is the road to Mina closed?" in texts  # kept, for a follow-up
    assert await pilgrim.send(text="hello") != []  # the bot answers again
    assert await chats.sweep() == {}


async def test_the_agents_answer_restarts_the_clock_and_a_silent_chat_is_ended(
    runtime: Runtime, desk: Desk, chats: Chats, clock: Clock
) -> None:
    amina = desk.agent("amina")
    pilgrim, chat_id = await _queued(runtime, "browser-sweep-00000002")
    await chats.claim(agent_id=amina, chat_id=chat_id)
    clock.advance(minutes=10)
    await chats.reply(agent_id=amina, chat_id=chat_id, text="Hello, how can I help?")
    clock.advance(minutes=10)
    await pilgrim.send(text="Thanks, I found it already")
    clock.advance(minutes=14)
    assert await chats.sweep() == {}  # the pilgrim's message waits 14 minutes: not yet
    await chats.reply(agent_id=amina, chat_id=chat_id, text="Glad to hear it!")
    clock.advance(minutes=119)
    assert await chats.sweep() == {}
    clock.advance(minutes=2)  # nobody wrote for idle_minutes (120): the chat ends
    assert await chats.sweep() == {"idle": 1}
    await deliver(runtime)
    assert pilgrim.received()[-1]["key"] == "handoff-ask-rating"
    chat = pilgrim.chat()
    assert chat is not None and (chat.status, chat.ended_by) == ("ended", "system")


async def test_a_waiting_chat_is_kept_while_nobody_is_there_and_given_back_once_ignored(
    runtime: Runtime, desk: Desk, chats: Chats, clock: Clock
) -> None:
    desk.team()
    pilgrim, chat_id = await _queued(runtime, "browser-sweep-00000003")
    assert pilgrim.last[0].key == "handoff-nobody"
    clock.advance(hours=5)  # nobody on duty all that time: the promise is "kept"
    assert await chats.sweep() == {}
    amina = desk.agent("amina")  # someone signs in now: the wait counts from here
    desk.stay(amina, 44)
    assert await chats.sweep() == {}
    desk.stay(amina, 2)  # 46 minutes on duty and nobody took it
    assert await chats.sweep() == {"waiting": 1}
    chat = pilgrim.chat()
    assert chat is not None and chat.status == "abandoned"
    await deliver(runtime)
    assert [m["key"] for m in pilgrim.received()][-2:] == ["handoff-abandoned", "menu-prompt"]


@pytest.mark.postgres
async def test_two_processes_sweeping_at_once_give_a_chat_back_once(
    pg_url: str, tmp_path: Path, clock: Clock
) -> None:
    """Every `labbaik run` process sweeps (docs/performance.md, "Several processes"): two
    runtimes on one PostgreSQL, each with its own connections, as two processes have."""
    here, there = (make_runtime(handoff_settings(pg_url, tmp_path), clock) for _ in range(2))
    mine, theirs = Chats(here), Chats(there)
    try:
        amina = Desk(here, clock).agent("amina")
        pilgrim, chat_id = await _queued(here, "browser-sweep-two-00001")
        await pilgrim.send(text="Is the road to Mina closed?")
        await mine.claim(agent_id=amina, chat_id=chat_id)
        clock.advance(minutes=16)  # past reply_minutes (15)
        done = await asyncio.gather(mine.sweep(), theirs.sweep(), mine.sweep(), theirs.sweep())
        assert sorted(d.get("unanswered", 0) for d in done) == [0, 0, 0, 1]
        keys = [p.get("reply", p).get("key") for _, p in outbox_payloads(here)]
        assert keys.count("handoff-abandoned") == 1  # one apology
        with here.service.database.session() as s:
            given_back = s.scalar(
                select(func.count()).where(AuditEvent.action == "handoff.unanswered")
            )
        assert given_back == 1
        await deliver(here)
        received = [m["key"] for m in pilgrim.received()]
        assert received.count("handoff-abandoned") == 1 and received[-1] == "menu-prompt"
    finally:
        for chats, runtime in ((mine, here), (theirs, there)):
            await chats.settle()
            runtime.service.database.dispose()
