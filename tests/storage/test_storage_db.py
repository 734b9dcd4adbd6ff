"""`Database`: URLs, SQLite settings, foreign keys, UTC datetimes, readers beside a writer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, StatementError
from storage_helpers import T0, count, person

from storage import service as svc
from storage.db import Database, describe_url, normalize_url, resolve_url
from storage.models import Message, Person


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path}/not/yet/there/labbaik.db")
    try:
        assert (tmp_path / "not/yet/there").is_dir()
        with db.session() as s:
            pragma = lambda name: s.connection().exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 30_000
    finally:
        db.dispose()


def test_urls_are_resolved_and_described(tmp_path: Path) -> None:
    assert (
        resolve_url("sqlite:///var/labbaik.db", tmp_path) == f"sqlite:///{tmp_path}/var/labbaik.db"
    )
    assert resolve_url("sqlite:////srv/l.db", tmp_path) == "sqlite:////srv/l.db"
    assert normalize_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgresql://u@h/d", tmp_path) == "postgresql+psycopg://u@h/d"
    assert "s3cret" not in describe_url("postgresql+psycopg://u:s3cret@h/d")
    with pytest.raises(ValueError, match="unsupported database"):
        Database("mysql://u@h/d")


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.transaction() as s:
        s.add(Message(direction="in", person_id=4242, channel="telegram", platform_message_id="1"))
        s.flush()


def test_check_constraints_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.transaction() as s:
        p = person(s)
        s.add(Message(direction="up", person_id=p.id, channel="telegram"))
        s.flush()


def test_datetimes_come_back_timezone_aware_in_utc(database: Database) -> None:
    makkah = timezone(timedelta(hours=3))
    with database.transaction() as s:
        p = person(s)
        svc.record_inbound(
            s,
            person=p,
            channel="telegram",
            platform_message_id="1",
            payload={},
            now=datetime(2026, 6, 1, 12, 0, tzinfo=makkah),
        )
    with database.session() as s:
        seen = person(s).last_inbound_at
    assert seen == T0 and seen.utcoffset() == timedelta(0)


def test_naive_datetimes_are_refused(database: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), database.transaction() as s:
        svc.record_inbound(
            s,
            person=person(s),
            channel="telegram",
            platform_message_id="1",
            payload={},
            now=datetime(2026, 6, 1, 9, 0),
        )


def test_a_reader_is_not_blocked_by_an_open_writer(database: Database) -> None:
    with database.transaction() as writer:
        person(writer, "1")
        writer.flush()  # uncommitted row, write lock held
        with database.session() as reader:
            assert count(reader, Person) == 0
    with database.session() as reader:
        assert count(reader, Person) == 1


def test_a_held_lock_is_one_process_s_until_released(db_url: str) -> None:
    """`Database.hold`: on PostgreSQL one holder per schema and name (the work only one of
    several processes does); SQLite serves one process, so it is always granted."""
    first, second = Database(db_url), Database(db_url)
    try:
        held = first.hold("channel-tasks")
        assert held is not None
        other = second.hold("channel-tasks")
        if first.dialect == "postgresql":
            assert other is None  # another connection, as another process would ask
            elsewhere = second.hold("something-else")  # another name is another lock
            assert elsewhere is not None
            elsewhere.release()
        else:
            assert other is not None
            other.release()
        held.release()
        held.release()  # a second release does nothing
        again = second.hold("channel-tasks")  # the pooled connection gave the lock back
        assert again is not None
        if first.dialect == "postgresql":
            assert first.hold("channel-tasks") is None  # now the other one's
        again.release()
    finally:
        first.dispose()
        second.dispose()
