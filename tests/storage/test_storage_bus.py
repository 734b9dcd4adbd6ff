"""Live updates: published in the writing transaction, heard after commit, never after a
rollback; between two processes on PostgreSQL, within the process on SQLite; a listener
that loses its PostgreSQL connection reconnects and says so."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator

import psycopg
import pytest
from sqlalchemy.engine import make_url
from storage_helpers import person, team

from storage import service as svc
from storage.bus import RECONNECTED, BusEvent, listen, publish
from storage.db import Database
from storage.errors import InvalidValue

GUARD = 30  # seconds: only so that a broken bus fails the test instead of hanging it


async def _next(events: AsyncIterator[BusEvent]) -> BusEvent:
    return await asyncio.wait_for(anext(events), GUARD)


def _publish(database: Database, topic: str, payload: dict, *, fail: bool = False) -> None:
    class RolledBack(Exception):
        pass

    try:
        with database.transaction() as s:
            publish(s, topic, payload)
            if fail:
                raise RolledBack
    except RolledBack:
        pass


async def test_commits_are_heard_and_rollbacks_are_not(database: Database) -> None:
    async with listen(database.url) as events:
        await asyncio.to_thread(_publish, database, "case", {"case_id": 1}, fail=True)
        await asyncio.to_thread(_publish, database, "case", {"case_id": 2})
        assert await _next(events) == BusEvent("case", {"case_id": 2})


def _savepoints(database: Database) -> None:
    with database.transaction() as s:
        publish(s, "case", {"case_id": 1})
        try:
            with s.begin_nested():
                publish(s, "case", {"case_id": 2})
                raise ValueError
        except ValueError:
            pass
        with s.begin_nested():
            publish(s, "case", {"case_id": 3})


async def test_a_rolled_back_savepoint_drops_only_what_it_published(database: Database) -> None:
    async with listen(database.url) as events:
        await asyncio.to_thread(_savepoints, database)
        await asyncio.to_thread(_publish, database, "case", {"case_id": 4})
        heard = [(await _next(events)).payload["case_id"] for _ in range(3)]
    assert heard == [1, 3, 4]


async def test_topics_filter_what_a_listener_hears(database: Database) -> None:
    async with listen(database.url, topics={"handoff"}) as events:
        await asyncio.to_thread(_publish, database, "case", {"case_id": 1})
        await asyncio.to_thread(_publish, database, "handoff", {"handoff_id": 7})
        assert await _next(events) == BusEvent("handoff", {"handoff_id": 7})


async def test_write_functions_publish_ids_only(database: Database) -> None:
    def open_chat() -> int:
        with database.transaction() as s:
            team(s, "cleanliness")
            handoff, _ = svc.open_handoff(s, person=person(s), team="cleanliness", reason="asked")
            return handoff.id

    async with listen(database.url, topics={"handoff"}) as events:
        handoff_id = await asyncio.to_thread(open_chat)
        event = await _next(events)
    assert event.payload == {
        "handoff_id": handoff_id,
        "team": "cleanliness",
        "status": "waiting",
        "change": "opened",
        "agent_id": None,
    }


@pytest.mark.parametrize(
    ("topic", "payload", "message"),
    [
        ("Case", {}, "bus topic 'Case'"),
        ("case", {"text": "x" * 65}, "never text or personal data"),
        ("case", {"where": [1, 2]}, "only ids"),
        ("case", "7", "a dict of ids"),
    ],
)
def test_the_bus_refuses_what_is_not_an_id(
    sqlite_database: Database, topic: str, payload: object, message: str
) -> None:
    with sqlite_database.transaction() as s, pytest.raises(InvalidValue, match=message):
        publish(s, topic, payload)  # type: ignore[arg-type]


PUBLISHER = """
import sys
from storage.bus import publish
from storage.db import Database
db = Database(sys.argv[1])
with db.transaction() as s:
    publish(s, "handoff", {"handoff_id": 42, "change": "message"})
db.dispose()
"""


async def test_another_process_is_heard_on_postgres(pg_url: str) -> None:
    async with listen(pg_url) as events:
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-c", PUBLISHER, pg_url],
            capture_output=True,
            text=True,
            timeout=GUARD,
        )
        assert done.returncode == 0, done.stderr
        assert await _next(events) == BusEvent("handoff", {"handoff_id": 42, "change": "message"})


def _drop_listeners(pg_url: str) -> int:
    url = make_url(pg_url)
    conninfo = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = %s AND query LIKE 'LISTEN%%'",
            (url.query["application_name"],),
        ).fetchall()
    return len(rows)


async def test_a_listener_reconnects_after_its_connection_drops(pg_url: str) -> None:
    database = Database(pg_url)
    try:
        async with listen(pg_url, topics={"case"}, reconnect_delay=0.05) as events:
            assert await asyncio.to_thread(_drop_listeners, pg_url) == 1
            assert (await _next(events)).topic == RECONNECTED  # what was missed must be re-read
            await asyncio.to_thread(_publish, database, "case", {"case_id": 9})
            assert await _next(events) == BusEvent("case", {"case_id": 9})
    finally:
        database.dispose()
