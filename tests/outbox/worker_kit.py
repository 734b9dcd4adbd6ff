"""Helpers for the outbox worker tests: a real database, the real WhatsApp sender, a fake Twilio.

Time is injected: `wall` is the clock the worker and the database use (leases,
retry times, the 24-hour window); `ticks` is the rate limiter's monotonic clock
and sleep. Nothing waits for real time.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fakes.fake_twilio import FakeTwilio

from bot.app.config import OutboxSettings, WhatsAppSettings
from bot.channels.whatsapp.sender import WhatsAppSender, last_inbound_from
from bot.core.outbox import OutboxWorker
from bot.core.ratelimit import RateLimiter, RateLimits
from dialogs.tickets import make_ticket_id
from storage import service as store
from storage.db import Database
from storage.models import OutboxItem


class WallClock:
    """Starts a minute ahead of real time, so rows queued during the test are due."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Ticks:
    """The limiter's clock: `sleep` records how long it was asked to wait and moves time on."""

    def __init__(self, *, advance: bool = True) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []
        self._advance = advance

    def clock(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        if self._advance:
            self.t += seconds


def wa_settings(fake: FakeTwilio, **overrides: Any) -> WhatsAppSettings:
    return WhatsAppSettings(
        account_sid=fake.account_sid,
        auth_token=fake.auth_token,
        api_base_url=fake.base_url,
        **overrides,
    )


def make_worker(
    database: Database,
    fake: FakeTwilio,
    wall: WallClock,
    *,
    template: str | None = None,
    limits: RateLimits | None = None,
    ticks: Ticks | None = None,
    max_attempts: int = 4,
    render: Callable[[str, str, Any], str] | None = None,
    wakeup: asyncio.Event | None = None,
) -> OutboxWorker:
    """A worker with the real WhatsApp sender pointed at the fake Twilio."""
    sender = WhatsAppSender(
        wa_settings(fake, template_content_sid=template),
        last_inbound=last_inbound_from(database),
        clock=wall,
    )
    ticks = ticks or Ticks()
    limiter = RateLimiter(
        limits or RateLimits(global_per_second=80.0), clock=ticks.clock, sleep=ticks.sleep
    )
    return OutboxWorker(
        database,
        {"whatsapp": sender},
        limiters={"whatsapp": limiter},
        settings=OutboxSettings(poll_seconds=1.0, max_attempts=max_attempts),
        render=render or (lambda lang, key, args: f"{key} {dict(args)}"),
        wakeup=wakeup,
        clock=wall,
        jitter=lambda: 0.5,  # no jitter: backoff is exactly 2, 4, 8 ... seconds
        lease_seconds=60.0,
    )


def new_user() -> str:
    return f"whatsapp:+9665{uuid.uuid4().int % 10**8:08d}"


def person_wrote(database: Database, user_id: str, at: datetime) -> None:
    """The person sent us a message at `at` (opens their 24-hour window)."""
    with database.transaction() as session:
        person = store.get_or_create_person(session, channel="whatsapp", user_id=user_id)
        store.record_inbound(
            session,
            person=person,
            channel="whatsapp",
            platform_message_id="SM" + uuid.uuid4().hex,
            payload={"text": "hello"},
            now=at,
        )


def queue_reply(
    database: Database, user_id: str, text: str, *, with_case: bool = False, lang: str = "en"
) -> int:
    """Queue a rendered reply the way the conversation service does; returns the row id."""
    reply = {"key": "test", "text": text, "lang": lang, "choices": [], "expects": "none"}
    return queue_payload(database, user_id, {"reply": reply}, with_case=with_case, lang=lang)


def queue_payload(
    database: Database,
    user_id: str,
    payload: dict[str, Any],
    *,
    with_case: bool = False,
    lang: str = "en",
) -> int:
    """Queue any outbox payload for the person (optionally with a case of theirs)."""
    with database.transaction() as session:
        person = store.get_or_create_person(session, channel="whatsapp", user_id=user_id)
        case = None
        if with_case:
            case = store.create_case(
                session,
                reporter=person,
                kind="report",
                category="waste",
                description="rubbish by the road",
                channel="whatsapp",
                language=lang,
                new_ticket_id=make_ticket_id,
            )
        item = store.enqueue_outbox(
            session, person=person, channel="whatsapp", payload=payload, case=case
        )
        return item.id


def row(database: Database, item_id: int) -> OutboxItem:
    with database.session() as session:
        item = session.get(OutboxItem, item_id)
        assert item is not None
        return item
