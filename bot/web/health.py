"""GET /healthz and GET /metrics, answered from cached component states in milliseconds.

A `HealthMonitor` checks the parts every `health.refresh_seconds`, each with
its own short timeout: the database (`SELECT 1`), the NLU server
(`health.nlu_timeout_seconds`, far below the parse timeout, so a hung Rasa
costs the check half a second, not the probe) and the outbox (how many
messages wait, and how long the oldest due one has been due). `labbaik run`
runs the checks in the app's lifespan; without one (in-process tests) a
request finds the states stale and starts a refresh in the background, and
only the very first request waits for one. The content snapshot reports its
own state, read at each request (it is in memory).

The answer: 200 while the app can take messages. `status` is "ok", or
"degraded" with `degraded` naming the parts: "nlu" (down: the bot works from
menus), "content" (a broken edit: the last good snapshot serves, and
`content.problems` names every `file:line`), "outbox" (a backlog: a message
due for longer than `health.outbox_backlog_seconds`). Without a reachable
database the app cannot store anything: 503, "down".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from bot.core.runtime import Runtime
from bot.web.metrics import Metrics
from storage.models import OutboxItem

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Outbox:
    pending: int
    oldest_due_seconds: float  # 0 when nothing is overdue


@dataclass(frozen=True)
class States:
    database: bool
    nlu: str  # "up", "down", "disabled"
    outbox: Outbox | None  # None: not readable (the database is down)
    checked_at: float  # monotonic


def _database_ok(runtime: Runtime) -> bool:
    try:
        with runtime.service.database.session() as session:
            session.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError as exc:
        log.warning("health: database unreachable: %s", type(exc).__name__)
        return False


def _outbox(runtime: Runtime, now: datetime) -> Outbox | None:
    try:
        with runtime.service.database.session() as session:
            waiting = OutboxItem.status.in_(("pending", "sending"))
            query = select(func.count(), func.min(OutboxItem.next_attempt_at)).where(waiting)
            count, oldest = session.execute(query).one()
    except SQLAlchemyError as exc:
        log.warning("health: outbox not readable: %s", type(exc).__name__)
        return None
    if oldest is not None and oldest.tzinfo is None:  # SQLite's aggregate loses the type
        oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=now.tzinfo)
    overdue = max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0
    return Outbox(int(count or 0), round(overdue, 1))


async def _within(seconds: float, work: Awaitable[T], fallback: T) -> T:
    try:
        return await asyncio.wait_for(work, seconds)
    except TimeoutError:
        return fallback


class HealthMonitor:
    """The parts' last known states, refreshed in the background."""

    def __init__(self, runtime: Runtime, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.runtime = runtime
        self.settings = runtime.settings.health
        self.clock = clock
        self.states: States | None = None
        self._refreshing: asyncio.Task[States] | None = None

    async def refresh(self) -> States:
        """Check every part now, each within its own timeout."""
        timeout = self.settings.database_timeout_seconds
        now = self.runtime.service.clock()
        database, nlu, outbox = await asyncio.gather(
            _within(timeout, asyncio.to_thread(_database_ok, self.runtime), False),
            self._nlu(),
            _within(timeout, asyncio.to_thread(_outbox, self.runtime, now), None),
        )
        self.states = States(database, nlu, outbox, self.clock())
        return self.states

    async def _nlu(self) -> str:
        nlu = self.runtime.service.nlu
        if nlu is None:
            return "disabled"
        up = await _within(self.settings.nlu_timeout_seconds, nlu.health(), False)
        return "up" if up else "down"

    async def current(self) -> States:
        """The cached states; a stale cache starts a refresh and is answered meanwhile."""
        if self.states is None:
            return await self._refresh_once()
        if self.clock() - self.states.checked_at > self.settings.refresh_seconds:
            self._start_refresh()
        return self.states

    def _start_refresh(self) -> asyncio.Task[States]:
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.create_task(self.refresh())
        return self._refreshing

    async def _refresh_once(self) -> States:
        return await asyncio.shield(self._start_refresh())

    async def run(self, stop: asyncio.Event) -> None:
        """Refresh every `health.refresh_seconds` until `stop` is set (the app's lifespan)."""
        while not stop.is_set():
            try:
                await self._refresh_once()
            except Exception as exc:  # a check that fails oddly must not end the checks
                log.error("health: a check failed: %s", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.refresh_seconds)


class Health:
    def __init__(self, runtime: Runtime, metrics: Metrics, monitor: HealthMonitor) -> None:
        self.runtime = runtime
        self.metrics = metrics
        self.monitor = monitor

    def body(self, states: States) -> dict[str, object]:
        content = self.runtime.content.status
        backlog = self.runtime.settings.health.outbox_backlog_seconds
        overdue = states.outbox.oldest_due_seconds if states.outbox is not None else 0.0
        degraded = [
            part
            for part, bad in (
                ("nlu", states.nlu == "down"),
                ("content", bool(content.problems)),
                ("outbox", overdue > backlog),
            )
            if bad
        ]
        body: dict[str, object] = {
            "status": "down" if not states.database else ("degraded" if degraded else "ok"),
            "database": "up" if states.database else "down",
            "nlu": states.nlu,
        }
        if degraded:
            body["degraded"] = degraded
        if states.outbox is not None and states.outbox.pending:
            body["outbox"] = {
                "pending": states.outbox.pending,
                "oldest_due_seconds": states.outbox.oldest_due_seconds,
            }
        if content.problems:  # only then: what is broken, and what serves meanwhile
            body["content"] = content.as_json()
        return body

    async def healthz(self, request: Request) -> Response:
        states = await self.monitor.current()
        return JSONResponse(
            self.body(states),
            status_code=200 if states.database else 503,
            headers={"cache-control": "no-store"},
        )

    async def metrics_text(self, request: Request) -> Response:
        states = await self.monitor.current()
        pending = states.outbox.pending if states.outbox is not None else None
        return PlainTextResponse(
            self.metrics.render(pending), media_type="text/plain; version=0.0.4"
        )
