"""Live updates between processes: `publish` inside the writing transaction, `listen` in a task.

    publish(session, "handoff", {"handoff_id": 7, "team": "ajyad", "change": "claimed"})

is delivered to every listener once the transaction commits, and never if it
rolls back (a savepoint rolled back drops what was published inside it):

- PostgreSQL: `pg_notify` on the channel "labbaik:<schema>" (the schema of
  the connection's search path, so databases sharing a server do not hear
  each other). Every process that listens hears it, whichever wrote it.
- SQLite: dispatched in-process right after the commit to the listeners of
  the same database file. SQLite serves one process, so that is everyone.

A listener is an async context manager yielding an async iterator:

    async with listen(database_url, topics={"handoff"}) as events:
        async for event in events:         # BusEvent(topic, payload)
            ...

On PostgreSQL it holds a psycopg `AsyncConnection` with `LISTEN`; when the
connection drops it reconnects (with backoff) and yields
`BusEvent(RECONNECTED, {})`, because notifications sent meanwhile are lost:
a consumer re-reads what it shows. Payloads are ids and short codes only
(never text, names or phone numbers): `publish` refuses anything else.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, SessionTransaction

from storage.errors import InvalidValue

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "labbaik:"
RECONNECTED = "bus.reconnected"  # the topic a listener yields after reconnecting
MAX_PAYLOAD_BYTES = 2000  # PostgreSQL allows 8000; ids need far less
MAX_VALUE_CHARS = 64
_TOPIC = re.compile(r"^[a-z][a-z0-9_.]{0,39}$")
_PENDING = "labbaik_bus_pending"  # session.info key: [(transaction, event), ...]


@dataclass(frozen=True)
class BusEvent:
    topic: str
    payload: dict[str, Any]


def _check(topic: str, payload: dict[str, Any]) -> str:
    if not isinstance(topic, str) or not _TOPIC.match(topic):
        raise InvalidValue(f"bus topic {topic!r}: expected lower-case letters, digits, '_', '.'")
    if not isinstance(payload, dict):
        raise InvalidValue("a bus payload is a dict of ids")
    for key, value in payload.items():
        if not isinstance(key, str) or not (
            value is None
            or isinstance(value, bool | int)
            or (isinstance(value, str) and len(value) <= MAX_VALUE_CHARS)
        ):
            raise InvalidValue(
                f"bus payload {key!r}: only ids and short codes (numbers, strings of at most "
                f"{MAX_VALUE_CHARS} characters) go on the bus, never text or personal data"
            )
    data = json.dumps({"topic": topic, "payload": payload}, separators=(",", ":"))
    if len(data.encode()) > MAX_PAYLOAD_BYTES:
        raise InvalidValue(f"bus payload is larger than {MAX_PAYLOAD_BYTES} bytes")
    return data


def publish(session: Session, topic: str, payload: dict[str, Any]) -> None:
    """Announce a change to every listener once the session's transaction commits."""
    data = _check(topic, payload)
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:prefix || current_schema(), :data)"),
            {"prefix": CHANNEL_PREFIX, "data": data},
        )
        return
    transaction = session.get_nested_transaction() or session.get_transaction()
    pending = session.info.setdefault(_PENDING, [])
    pending.append(
        (transaction, _database_key(str(bind.engine.url)), BusEvent(topic, dict(payload)))
    )


# ---- SQLite: in-process delivery after commit ------------------------------------------


class _Subscriber:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[BusEvent] = asyncio.Queue()

    def deliver(self, bus_event: BusEvent) -> bool:
        """Hand the event to the listener's loop; False once that loop is gone."""
        try:
            self.loop.call_soon_threadsafe(self.queue.put_nowait, bus_event)
        except RuntimeError:  # the loop is closed
            return False
        return True


_subscribers: dict[str, set[_Subscriber]] = {}
_subscribers_lock = threading.Lock()


def _database_key(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return "sqlite:" + str(Path(parsed.database or "").resolve())
    return parsed.render_as_string(hide_password=True)


def _within(transaction: SessionTransaction | None, ended: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is ended:
            return True
        transaction = transaction.parent
    return False


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    pending = session.info.get(_PENDING)
    if pending:
        pending[:] = [p for p in pending if not _within(p[0], previous_transaction)]


@event.listens_for(Session, "after_commit")
def _deliver_committed(session: Session) -> None:
    if session.get_nested_transaction() is not None:  # a savepoint released, not the commit
        return
    pending = session.info.pop(_PENDING, None)
    for _, key, bus_event in pending or ():
        with _subscribers_lock:
            subscribers = list(_subscribers.get(key, ()))
        for subscriber in subscribers:
            if not subscriber.deliver(bus_event):
                _unsubscribe(key, subscriber)


@event.listens_for(Session, "after_transaction_end")
def _forget_uncommitted(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the whole transaction is over: nothing more to send
        session.info.pop(_PENDING, None)


def _unsubscribe(key: str, subscriber: _Subscriber) -> None:
    with _subscribers_lock:
        _subscribers.get(key, set()).discard(subscriber)


async def _sqlite_events(subscriber: _Subscriber) -> AsyncIterator[BusEvent]:
    while True:
        yield await subscriber.queue.get()


# ---- PostgreSQL: LISTEN on an async psycopg connection ---------------------------------


def _connect_args(url: str) -> dict[str, Any]:
    """psycopg's keyword arguments for a SQLAlchemy URL (its query too, e.g. options)."""
    parsed = make_url(url)
    args: dict[str, Any] = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "password": parsed.password,
        "dbname": parsed.database,
    }
    args.update({k: v if isinstance(v, str) else v[-1] for k, v in parsed.query.items()})
    return {k: v for k, v in args.items() if v is not None}


async def _pg_connect(connect_args: dict[str, Any]) -> psycopg.AsyncConnection[Any]:
    conn = await psycopg.AsyncConnection.connect(autocommit=True, **connect_args)
    cursor = await conn.execute("SELECT %s || current_schema()", (CHANNEL_PREFIX,))
    row = await cursor.fetchone()
    if row is None or row[0] is None:
        await conn.close()
        raise RuntimeError("bus: the connection has no current schema (check its search_path)")
    await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(row[0])))
    return conn


def _parse(data: str) -> BusEvent | None:
    try:
        message = json.loads(data)
        return BusEvent(str(message["topic"]), dict(message["payload"]))
    except (ValueError, KeyError, TypeError):
        log.warning("bus: ignored a notification that is not one of ours")
        return None


class _PgListener:
    def __init__(self, connect_args: dict[str, Any], delay: float, max_delay: float) -> None:
        self._connect_args = connect_args
        self._delay = delay
        self._max_delay = max_delay
        self.conn: psycopg.AsyncConnection[Any] | None = None

    async def start(self) -> None:
        self.conn = await _pg_connect(self._connect_args)

    async def close(self) -> None:
        if self.conn is not None:
            await self.conn.close()

    async def _reconnect(self) -> None:
        delay = self._delay
        while True:
            await asyncio.sleep(delay)
            try:
                self.conn = await _pg_connect(self._connect_args)
                return
            except psycopg.OperationalError as exc:
                log.warning("bus: reconnecting failed (%s); next try in %.0f s", exc, delay)
                delay = min(delay * 2, self._max_delay)

    async def events(self) -> AsyncIterator[BusEvent]:
        while True:
            assert self.conn is not None
            try:
                async for notify in self.conn.notifies():
                    parsed = _parse(notify.payload)
                    if parsed is not None:
                        yield parsed
            except psycopg.OperationalError:
                log.warning("bus: lost the PostgreSQL connection; reconnecting")
            await self.close()
            await self._reconnect()
            yield BusEvent(RECONNECTED, {})


async def _filtered(
    source: AsyncIterator[BusEvent], topics: Collection[str] | None
) -> AsyncIterator[BusEvent]:
    async for bus_event in source:
        if topics is None or bus_event.topic in topics or bus_event.topic == RECONNECTED:
            yield bus_event


@asynccontextmanager
async def listen(
    url: str,
    *,
    topics: Collection[str] | None = None,
    reconnect_delay: float = 0.5,
    max_reconnect_delay: float = 30.0,
) -> AsyncIterator[AsyncIterator[BusEvent]]:
    """Events published on the database at `url` from now on (those of `topics`, if given).

    Listening has begun when the context is entered: what commits after that
    is heard. `RECONNECTED` events always pass the topic filter.
    """
    from storage.db import normalize_url

    url = normalize_url(url)
    if make_url(url).get_backend_name() == "postgresql":
        listener = _PgListener(_connect_args(url), reconnect_delay, max_reconnect_delay)
        await listener.start()
        try:
            yield _filtered(listener.events(), topics)
        finally:
            await listener.close()
        return
    key = _database_key(url)
    subscriber = _Subscriber(asyncio.get_running_loop())
    with _subscribers_lock:
        _subscribers.setdefault(key, set()).add(subscriber)
    try:
        yield _filtered(_sqlite_events(subscriber), topics)
    finally:
        _unsubscribe(key, subscriber)
