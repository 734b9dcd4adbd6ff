"""The same worker sends Telegram's queue: python-telegram-bot against a fake Bot API.

Telegram's limits (about 30 messages a second overall, one a second per chat
after a short burst) and its flood-control `retry_after` are honoured; time is
injected, so nothing waits for real.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes.fake_telegram import FakeTelegram
from telegram import Bot
from worker_kit import Ticks, WallClock, row

from bot.app.config import OutboxSettings
from bot.channels.telegram.channel import TELEGRAM_LIMITS
from bot.channels.telegram.sender import TelegramSender
from bot.core.outbox import OutboxWorker
from bot.core.ratelimit import RateLimiter
from storage import service as store
from storage.db import Database

TOKEN = "123456:TEST-outbox"


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


def _worker(database: Database, fake: FakeTelegram, wall: WallClock, ticks: Ticks) -> OutboxWorker:
    bot = Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url)
    limiter = RateLimiter(TELEGRAM_LIMITS, clock=ticks.clock, sleep=ticks.sleep)
    return OutboxWorker(
        database,
        {"telegram": TelegramSender(bot)},
        limiters={"telegram": limiter},
        settings=OutboxSettings(poll_seconds=1.0, max_attempts=4),
        render=lambda lang, key, args: key,
        clock=wall,
        jitter=lambda: 0.5,
    )


def _queue(database: Database, chat_id: int, text: str) -> int:
    reply = {"key": "test", "text": text, "lang": "id", "choices": [], "expects": "none"}
    with database.transaction() as session:
        person = store.get_or_create_person(session, channel="telegram", user_id=str(chat_id))
        item = store.enqueue_outbox(
            session, person=person, channel="telegram", payload={"reply": reply}
        )
        return item.id


async def test_telegram_queue_is_sent_paced_per_chat(
    database: Database, fake_telegram: FakeTelegram, wall: WallClock
) -> None:
    ids = [_queue(database, 4242, f"pesan {n}") for n in range(5)]
    ticks = Ticks()

    assert await _worker(database, fake_telegram, wall, ticks).run_once() == 5

    assert [m["text"] for m in fake_telegram.sent(4242)] == [f"pesan {n}" for n in range(5)]
    # a burst of three (each 1/30 s apart: the global limit), then one a second
    assert ticks.t == pytest.approx(2.0)
    assert ticks.sleeps[-2:] == [pytest.approx(1 - 2 / 30), 1.0]
    delivered = [str(m["message_id"]) for m in fake_telegram.delivered(4242)]
    assert [row(database, i).platform_message_id for i in ids] == delivered


async def test_telegram_flood_control_retry_after_is_honoured(
    database: Database, fake_telegram: FakeTelegram, wall: WallClock
) -> None:
    item_id = _queue(database, 777, "Status tiket Anda berubah.")
    fake_telegram.fail_next("sendMessage", 429, retry_after=9)
    worker = _worker(database, fake_telegram, wall, Ticks())

    await worker.run_once()
    item = row(database, item_id)
    assert (item.status, (item.next_attempt_at - wall()).total_seconds()) == ("pending", 9.0)

    wall.advance(9)
    await worker.run_once()
    assert row(database, item_id).status == "sent"
    assert [m["text"] for m in fake_telegram.delivered(777)] == ["Status tiket Anda berubah."]


async def test_telegram_blocked_by_the_person_fails_for_good(
    database: Database, fake_telegram: FakeTelegram, wall: WallClock
) -> None:
    item_id = _queue(database, 555, "Halo")
    fake_telegram.fail_next("sendMessage", 403)

    await _worker(database, fake_telegram, wall, Ticks()).run_once()

    item = row(database, item_id)
    assert item.status == "failed" and "blocked" in (item.last_error or "")
