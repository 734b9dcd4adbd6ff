"""Two real `labbaik run` processes on one PostgreSQL schema, as several workers are run.

Process A and process B each serve the web app on a port of their own, take
Telegram webhooks (the fake Bot API in this test process answers their sends)
and run their own outbox worker and bus listener. This test process is the
agent's side: the desk's chat API (`Chats`) on a runtime of its own, whose bus
listener hears what A and B commit.

- an agent watching the chats hears at once the message a pilgrim's webhook
  brought into the other process, and the agent's reply reaches the pilgrim
  once, sent by whichever process's outbox worker claimed it;
- one update delivered to both processes, several times each, is one turn
  and one reply;
- one chat's messages arriving alternately at A and B are handled one at a
  time, each on the state the other left, and its replies go out in order.

Waits are bounded polls; nothing asserts a duration. On SQLite there is one
process (`labbaik run --workers 2` refuses it: tests/processes/test_workers.py);
the same guarantees within one process are tests/storage/test_storage_conversations.py's
and tests/outbox/'s.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fakes.fake_telegram import FakeTelegram
from process_kit import GUARD, Process, eventually, update, whatsapp_text
from shared_content import runtime_on_settings
from sqlalchemy import func, select

from bot.app.config import load_settings
from bot.core.live import LiveBus
from bot.core.runtime import Runtime
from bot.handoff.chats import ChatEvent, Chats
from storage import service as store
from storage.models import Conversation, Message, OutboxItem, Person

pytestmark = pytest.mark.postgres

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def desk_side(pg_url: str, tmp_path: Path) -> Iterator[Runtime]:
    """The agent's side in this test process: a runtime of its own on the same schema."""
    settings = load_settings(
        env={},
        overrides={
            "database.url": pg_url,
            "media.directory": str(tmp_path / "desk-media"),
            "handoff.hours.opens": "00:00",
            "handoff.hours.closes": "00:00",
        },
    )
    runtime = runtime_on_settings(settings)
    yield runtime
    runtime.service.database.dispose()


@asynccontextmanager
async def listening(live: LiveBus) -> AsyncIterator[None]:
    """This process's bus listener running, as `labbaik run` runs it."""
    stop = asyncio.Event()
    task = asyncio.create_task(live.run(stop))
    try:
        await asyncio.wait_for(live.ready(), GUARD)
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, GUARD)


def signed_in_agent(runtime: Runtime, username: str) -> int:
    with runtime.service.database.transaction() as s:
        agent = store.create_agent(
            s,
            username=username,
            display_name=username.title(),
            password="olive lantern harbour 42",
            role="agent",
            team="customer_service",
            desk_language="en",
            hasher=FAST_HASHER,
        )
        store.create_desk_session(s, agent=agent, now=runtime.service.clock())
        return agent.id


def read(runtime: Runtime, query: Callable[[Any], Any]) -> Any:
    with runtime.service.database.session() as s:
        return query(s)


def person_id(s: Any, chat_id: int) -> int | None:
    return s.scalar(
        select(Person.id).where(Person.channel == "telegram", Person.user_id == str(chat_id))
    )


def outbox_of(s: Any, chat_id: int) -> list[OutboxItem]:
    who = person_id(s, chat_id)
    return list(s.scalars(select(OutboxItem).where(OutboxItem.person_id == who)))


def all_sent(runtime: Runtime, chat_id: int) -> list[OutboxItem] | None:
    """The chat's outbox rows once every one of them is sent (None while one is not)."""
    rows = read(runtime, lambda s: outbox_of(s, chat_id))
    return rows if rows and all(r.status == "sent" for r in rows) else None


async def test_an_agent_hears_at_once_what_a_pilgrim_sent_through_the_other_process(
    two: tuple[Process, Process], desk_side: Runtime, fake: FakeTelegram
) -> None:
    a, b = two
    chat_id = 61_000_001
    chats = Chats(desk_side)
    amina = signed_in_agent(desk_side, "amina")
    try:
        async with listening(desk_side.live), chats.watch(agent_id=amina) as events:
            await b.telegram(update("text", chat_id, text="/human"))  # into process B
            opened = await asyncio.wait_for(anext(events), GUARD)
            assert (opened.change, opened.status) == ("opened", "waiting")
            assert opened.chat_id is not None
            await chats.claim(agent_id=amina, chat_id=opened.chat_id)
            claimed: ChatEvent = await asyncio.wait_for(anext(events), GUARD)
            assert claimed.change == "claimed"
            await a.telegram(update("text", chat_id, text="Is the road to Mina open?"))  # into A
            heard = await asyncio.wait_for(anext(events), GUARD)
        assert (heard.change, heard.chat_id) == ("message", opened.chat_id)
        view = await chats.get(agent_id=amina, chat_id=opened.chat_id)
        assert view.lines[-1].text == "Is the road to Mina open?"
        assert view.lines[-1].id == heard.message_id
        # the agent's reply goes out once, through whichever process's outbox worker
        await chats.reply(agent_id=amina, chat_id=opened.chat_id, text="Yes, it is open.")
        await eventually(
            lambda: any(p["text"] == "Yes, it is open." for p in fake.sent(chat_id)),
            "the agent's reply reaches the pilgrim",
        )
        await eventually(lambda: all_sent(desk_side, chat_id), "every row of the chat sent")
        texts = [p["text"] for p in fake.sent(chat_id)]
        assert texts.count("Yes, it is open.") == 1
        # while the agent holds the chat, the bot said nothing to "Is the road ...?"
        rows = read(desk_side, lambda s: outbox_of(s, chat_id))
        assert len(texts) == len(rows)
    finally:
        await chats.settle()


async def test_one_update_delivered_to_both_processes_is_one_turn_and_one_reply(
    two: tuple[Process, Process], desk_side: Runtime, fake: FakeTelegram
) -> None:
    a, b = two
    chat_id = 61_000_002
    once = update("text", chat_id, text="/start")
    # Telegram redelivers when it saw no answer: here to both processes, three times each,
    # all at once
    await asyncio.gather(*(p.telegram(once) for p in (a, b, a, b, a, b)))
    rows = await eventually(lambda: all_sent(desk_side, chat_id), "the replies sent")

    def counts(s: Any) -> tuple[int, int]:
        who = person_id(s, chat_id)
        inbound = s.scalar(
            select(func.count()).where(Message.person_id == who, Message.direction == "in")
        )
        version = s.scalar(select(Conversation.version).where(Conversation.person_id == who))
        return inbound, version

    assert read(desk_side, counts) == (1, 2)  # one message stored, the state saved once
    replies = read(
        desk_side,
        lambda s: s.scalar(
            select(func.count()).where(
                Message.person_id == person_id(s, chat_id), Message.direction == "out"
            )
        ),
    )
    assert replies >= 1 and len(rows) == replies  # each reply queued once
    assert len(fake.sent(chat_id)) == replies  # and sent once, by one of the two workers


async def test_one_whatsapp_message_delivered_to_both_processes_is_answered_alike_once(
    two: tuple[Process, Process], desk_side: Runtime
) -> None:
    """Twilio retries a webhook it got no answer to; here the copies reach both processes at
    once. The replies are in the TwiML answer: every copy gets the same, stored once."""
    a, b = two
    form = whatsapp_text("+966500000123", "Hello")
    answers = await asyncio.gather(*(p.whatsapp(form) for p in (a, b, a, b)))
    assert answers[0] and all(answer == answers[0] for answer in answers)

    def stored(s: Any) -> tuple[int, int]:
        who = s.scalar(select(Person.id).where(Person.user_id == "whatsapp:+966500000123"))
        rows = s.execute(
            select(Message.direction, func.count())
            .where(Message.person_id == who)
            .group_by(Message.direction)
        ).all()
        return dict(rows).get("in", 0), dict(rows).get("out", 0)

    assert read(desk_side, stored) == (1, len(answers[0]))


async def test_a_web_chat_walks_a_flow_with_its_messages_alternating_between_processes(
    two: tuple[Process, Process],
) -> None:
    a, b = two
    client = secrets.token_hex(16)
    assert "menu-prompt" in await a.webchat(client, command="start")
    await b.webchat(client, choice="flow:services_locate")  # B reads the state A left
    keys = await a.webchat(client, location={"lat": 21.41, "lon": 39.82})  # and A B's
    assert keys and all(k.startswith("services-") for k in keys), keys


async def test_messages_of_one_chat_arriving_alternately_at_both_go_one_at_a_time_in_order(
    two: tuple[Process, Process], desk_side: Runtime, fake: FakeTelegram
) -> None:
    a, b = two
    chat_id = 61_000_003
    await a.telegram(update("text", chat_id, text="/start"))
    texts = [f"question number {n}" for n in range(8)]
    # all at once, alternately to A and B: each is handled on the state the last one left
    await asyncio.gather(
        *((a, b)[n % 2].telegram(update("text", chat_id, text=t)) for n, t in enumerate(texts))
    )
    rows = await eventually(lambda: all_sent(desk_side, chat_id), "the replies sent")

    def stored(s: Any) -> tuple[list[Message], int]:
        who = person_id(s, chat_id)
        messages = list(
            s.scalars(select(Message).where(Message.person_id == who).order_by(Message.id))
        )
        version = s.scalar(select(Conversation.version).where(Conversation.person_id == who))
        return messages, version

    messages, version = read(desk_side, stored)
    inbound = [m for m in messages if m.direction == "in"]
    assert len(inbound) == 1 + len(texts)
    assert version == 1 + len(inbound)  # every turn saved on the one before it, none lost
    # one turn at a time: the replies (numbered as stored) come in one block per message,
    # never one turn's replies between another's
    blocks: list[int] = []
    for m in messages:
        if m.direction == "out" and (not blocks or blocks[-1] != m.in_reply_to_id):
            blocks.append(m.in_reply_to_id)
    assert sorted(blocks) == sorted(m.id for m in inbound), "a turn's replies were split"
    # and they reach the pilgrim in the order they were queued, whichever worker sent them
    sent = [p["text"] for p in fake.sent(chat_id)]
    queued = [r.payload["reply"]["text"] for r in sorted(rows, key=lambda r: r.id)]
    assert sent == queued
