"""The outbox worker: sends queued messages on every channel, never losing one.

Rows are claimed with a lease (`storage.service.claim_outbox`), sent through
their channel's `ChannelSender` within the channel's rate limits, and marked
in one short transaction right after the platform accepted them. What can go
wrong, and what the row becomes:

- the platform asks to wait (`RetryLater`), is down, or the network fails:
  pending again after exponential backoff with jitter (at least the platform's
  retry-after), until `max_attempts` — then failed, visible on the case;
- the platform refuses it for good (`PermanentFailure`): failed, visible;
- it cannot go out now (`Held`, e.g. outside WhatsApp's 24-hour window
  without a template): held, visible on the case for an agent.

A crash never loses a message: a row stays "sending" until marked, and after
its lease ends another worker claims it again. The one possible repeat is a
crash in the instant between the platform's acceptance and the mark; the mark
is the very next thing after the send returns, to keep that instant short.

One chat's messages go out in order: the rows of a batch are grouped per
person and sent oldest first, one after the other; when one cannot go now, the
later ones of that person wait with it, and a row whose person still has an
older unsent row waits for it: until its retry time when it waits for a retry,
or `LEASED_RECHECK_SECONDS` at a time while another worker (another process
of `labbaik run --workers N`) is sending it. A row that waited this way has still used an attempt.

A row for a message that is already stored (an agent's reply in a live chat,
a chat notice: payload "message_id") goes to a `StoredMessageSender` (the web
chat) through `send_stored`, so the stored row is marked, not written twice.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core.messages import (
    ChannelSender,
    Held,
    PermanentFailure,
    Reply,
    ReplyChoice,
    ReplyLink,
    RetryLater,
    StoredMessageSender,
)
from bot.core.ratelimit import RateLimiter
from bot.core.runtime import Runtime
from bot.core.settings import OutboxSettings
from locales.render import is_rtl
from storage import service as store
from storage.db import Database
from storage.models import OutboxItem

log = logging.getLogger(__name__)

Render = Callable[[str, str, Mapping[str, Any]], str]  # (lang, key, args) -> text
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 15 * 60.0
# a later row of a person whose older row another worker is sending looks again this soon
LEASED_RECHECK_SECONDS = 1.0


@dataclass(frozen=True)
class _Claimed:
    """What the worker needs of a claimed row, detached from its session."""

    id: int
    channel: str
    user_id: str
    payload: dict[str, Any]
    attempts: int


class OutboxWorker:
    """Sends the outbox through `senders` (one per channel), within each channel's limiter.

    `run(stop)` loops until `stop` is set, waking on `wakeup` (the runtime's
    `outbox_wakeup`) or every `settings.poll_seconds`; `run_once()` handles one
    batch. `clock` and `jitter` are injected so tests control time.
    """

    def __init__(
        self,
        database: Database,
        senders: Mapping[str, ChannelSender],
        *,
        limiters: Mapping[str, RateLimiter],
        settings: OutboxSettings,
        render: Render,
        wakeup: asyncio.Event | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        jitter: Callable[[], float] = random.random,
        lease_seconds: float = 120.0,
        batch_size: int = 50,
        default_language: str = "ar",
    ) -> None:
        self._db = database
        self._senders = dict(senders)
        self._limiters = dict(limiters)
        self._settings = settings
        self._render = render
        self._wakeup = wakeup or asyncio.Event()
        self._clock = clock
        self._jitter = jitter
        self._lease = lease_seconds
        self._batch = batch_size
        self._default_language = default_language

    @classmethod
    def from_runtime(cls, runtime: Runtime, senders: Mapping[str, ChannelSender]) -> OutboxWorker:
        """The worker `labbaik run` starts: the runtime's database, texts, wake-up signal,
        clock (the service's) and each channel's rate limits (`runtime.rate_limits`)."""
        limits = runtime.rate_limits
        limiters = {name: RateLimiter(limits[name]) for name in senders if name in limits}
        return cls(
            runtime.service.database,
            senders,
            limiters=limiters,
            settings=runtime.settings.outbox,
            render=runtime.service.render,
            wakeup=runtime.outbox_wakeup,
            clock=runtime.service.clock,
            default_language=runtime.settings.default_language,
        )

    async def run(self, stop: asyncio.Event) -> None:
        """Send until `stop` is set; sleep between batches until woken or `poll_seconds` pass."""
        log.info("outbox worker started for %s", ", ".join(sorted(self._senders)) or "no channel")
        while not stop.is_set():
            self._wakeup.clear()
            try:
                handled = await self.run_once()
            except Exception:  # a database hiccup must not end the worker
                log.exception("outbox: batch failed; trying again")
                handled = 0
            if handled < self._batch:
                await _first_of(stop, self._wakeup, timeout=self._settings.poll_seconds)

    async def run_once(self) -> int:
        """Claim the due rows and handle each; returns how many were claimed."""
        claimed, blocked = await asyncio.to_thread(self._claim)
        groups: dict[tuple[str, str], list[_Claimed]] = {}
        for item in sorted(claimed, key=lambda i: i.id):  # oldest first within a person
            groups.setdefault((item.channel, item.user_id), []).append(item)
        for person, until in blocked.items():  # an older message of theirs is not out yet
            await asyncio.to_thread(self._postpone, groups.pop(person), until)
        await asyncio.gather(*(self._send_in_order(items) for items in groups.values()))
        return len(claimed)

    # ---- one person's messages, in order ---------------------------------------------

    async def _send_in_order(self, items: list[_Claimed]) -> None:
        for index, item in enumerate(items):
            retry_at = await self._deliver(item)
            if retry_at is not None:
                later = items[index + 1 :]
                if later:
                    await asyncio.to_thread(self._postpone, later, retry_at)
                return

    async def _deliver(self, item: _Claimed) -> datetime | None:
        """Send one row and record the outcome; returns its retry time when it must wait."""
        sender = self._senders.get(item.channel)
        if sender is None:
            await asyncio.to_thread(self._fail, item, f"no sender for channel {item.channel!r}")
            return None
        try:
            reply = self._reply(item.payload)
        except (KeyError, TypeError, ValueError) as exc:
            await asyncio.to_thread(self._fail, item, f"unreadable outbox payload: {exc!r}")
            return None
        limiter = self._limiters.get(item.channel)
        try:
            if limiter is not None:
                await limiter.wait(item.user_id)
            platform_id = await _send(sender, item, reply)
        except RetryLater as exc:
            if limiter is not None and exc.seconds > 0:
                limiter.hold(exc.seconds, item.user_id)
            return await self._retry_or_give_up(item, str(exc), exc.seconds)
        except PermanentFailure as exc:
            await asyncio.to_thread(self._fail, item, f"refused by {item.channel}: {exc}")
            return None
        except Held as exc:
            await asyncio.to_thread(self._hold, item, str(exc))
            return None
        except Exception as exc:  # unknown trouble: treat as transient, and say so in the log
            log.exception("outbox: item %s on %s: unexpected error", item.id, item.channel)
            return await self._retry_or_give_up(item, f"unexpected error: {exc!r}", 0)
        await asyncio.to_thread(self._mark_sent, item, platform_id)
        return None

    async def _retry_or_give_up(
        self, item: _Claimed, error: str, at_least: float
    ) -> datetime | None:
        if item.attempts >= self._settings.max_attempts:
            await asyncio.to_thread(
                self._fail, item, f"gave up after {item.attempts} attempts: {error}"
            )
            return None
        retry_at = self._clock() + timedelta(seconds=max(at_least, self.backoff(item.attempts)))
        await asyncio.to_thread(self._retry, item, error, retry_at)
        log.info("outbox: item %s on %s retries at %s", item.id, item.channel, retry_at.isoformat())
        return retry_at

    def backoff(self, attempts: int) -> float:
        """Seconds to wait after the `attempts`-th failed try: doubling, capped, jittered ±50%."""
        base = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1))
        return base * (0.5 + self._jitter())

    def _reply(self, payload: Mapping[str, Any]) -> Reply:
        fields = dict(payload.get("reply", payload))
        fields["lang"] = fields.get("lang") or self._default_language
        if "text" not in fields:  # a message id to render, e.g. a case status notification
            fields["text"] = self._render(fields["lang"], fields["key"], fields.get("args") or {})
            if fields["text"] == fields["key"]:  # the renderer's sign of a missing message
                raise ValueError(f"no text for message {fields['key']!r} in locales/")
        choices = tuple(ReplyChoice(**c) for c in fields.get("choices") or ())
        choices += tuple(  # buttons named by message id ("is it fixed?"), rendered here too
            ReplyChoice(id=c["id"], label=self._render(fields["lang"], c["key"], {}))
            for c in fields.get("choice_keys") or ()
        )
        links = tuple(ReplyLink(**link) for link in fields.get("links") or ())
        return Reply(
            key=fields["key"],
            text=fields["text"],
            lang=fields["lang"],
            choices=choices,
            expects=fields.get("expects", "none"),
            rtl=bool(fields.get("rtl", is_rtl(fields["lang"]))),
            links=links,
        )

    # ---- short transactions ------------------------------------------------------------

    def _claim(self) -> tuple[list[_Claimed], dict[tuple[str, str], datetime]]:
        """Lease the due rows; also say whose rows must wait for an older unsent one."""
        with self._db.transaction() as session:
            items = store.claim_outbox(
                session, now=self._clock(), limit=self._batch, lease_seconds=self._lease
            )
            claimed = [
                _Claimed(i.id, i.channel, i.user_id, dict(i.payload), i.attempts) for i in items
            ]
            return claimed, _earlier_unsent(session, claimed, self._clock())

    def _mark_sent(self, item: _Claimed, platform_id: str) -> None:
        with self._db.transaction() as session:
            row = session.get(OutboxItem, item.id, with_for_update=True)
            if row is None or row.status != "sending":  # reclaimed and finished by another worker
                log.warning("outbox: item %s was sent twice (its lease had expired)", item.id)
                return
            store.mark_outbox_sent(
                session, item=row, platform_message_id=platform_id, now=self._clock()
            )

    def _retry(self, item: _Claimed, error: str, retry_at: datetime) -> None:
        self._change(
            item,
            lambda s, row: store.mark_outbox_retry(s, item=row, error=error, retry_at=retry_at),
        )

    def _postpone(self, items: list[_Claimed], retry_at: datetime) -> None:
        """Give rows back unsent behind an earlier message: waiting is not a failed attempt."""
        for item in items:
            self._change(item, lambda s, row: store.release_outbox(s, item=row, retry_at=retry_at))

    def _fail(self, item: _Claimed, error: str) -> None:
        log.warning("outbox: item %s on %s failed: %s", item.id, item.channel, error)
        self._change(item, lambda s, row: store.mark_outbox_failed(s, item=row, error=error))

    def _hold(self, item: _Claimed, error: str) -> None:
        log.warning("outbox: item %s on %s held: %s", item.id, item.channel, error)
        self._change(item, lambda s, row: store.mark_outbox_held(s, item=row, error=error))

    def _change(self, item: _Claimed, change: Callable[[Any, OutboxItem], None]) -> None:
        with self._db.transaction() as session:
            row = session.get(OutboxItem, item.id, with_for_update=True)
            if row is not None and row.status == "sending":
                change(session, row)


async def _send(sender: ChannelSender, item: _Claimed, reply: Reply) -> str:
    """Through the channel; a stored message (payload "message_id") marked, not copied."""
    message_id = item.payload.get("message_id")
    if isinstance(sender, StoredMessageSender) and isinstance(message_id, int):
        return await sender.send_stored(item.user_id, reply, message_id)
    return await sender.send(item.user_id, reply)


def _earlier_unsent(
    session: Session, claimed: list[_Claimed], now: datetime
) -> dict[tuple[str, str], datetime]:
    """For each person whose older message is still pending or leased elsewhere: when to look
    again. A pending row is waited for until its retry time; a row another worker has leased
    is being sent now, so the later ones look again in `LEASED_RECHECK_SECONDS`, not at the
    end of its lease (that is only for a worker that died: then the row is sent again)."""
    firsts: dict[tuple[str, str], int] = {}
    for item in claimed:
        person = (item.channel, item.user_id)
        firsts[person] = min(firsts.get(person, item.id), item.id)
    soon = now + timedelta(seconds=LEASED_RECHECK_SECONDS)
    blocked = {}
    for (channel, user_id), first in firsts.items():
        older = session.execute(
            select(OutboxItem.status, func.max(OutboxItem.next_attempt_at))
            .where(
                OutboxItem.channel == channel,
                OutboxItem.user_id == user_id,
                OutboxItem.status.in_(("pending", "sending")),
                OutboxItem.id < first,
            )
            .group_by(OutboxItem.status)
        ).all()
        times = [min(at, soon) if status == "sending" else at for status, at in older]
        if times:
            blocked[(channel, user_id)] = max(times)
    return blocked


async def _first_of(*events: asyncio.Event, timeout: float) -> None:
    """Wait until any of `events` is set, or `timeout` seconds pass."""
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()
