"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import warnings

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.exc import IntegrityError
from storage_helpers import run_together

from storage.db import Database, alembic_config, migration_connection, upgrade
from storage.models import Base


def _schema_diff(db: Database) -> list:
    with warnings.catch_warnings():
        # SQLite cannot reflect the lower(username) index; PostgreSQL compares it
        warnings.filterwarnings("ignore", message=".*expression-based index")
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)


def test_migrations_match_the_models(blank_db_url: str) -> None:
    upgrade(blank_db_url)
    db = Database(blank_db_url)
    try:
        assert _schema_diff(db) == []
    finally:
        db.dispose()


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    upgrade(db_url)
    db = Database(db_url)
    try:
        assert _schema_diff(db) == []
    finally:
        db.dispose()


def test_downgrade_to_nothing_and_back(blank_db_url: str) -> None:
    db = Database(blank_db_url)
    try:
        db.upgrade()
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
        db.upgrade()
        assert _schema_diff(db) == []
    finally:
        db.dispose()


def test_one_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_workers_starting_together_all_find_the_schema_migrated(blank_db_url: str) -> None:
    run_together(4, lambda: upgrade(blank_db_url))
    db = Database(blank_db_url)
    try:
        assert _schema_diff(db) == []
    finally:
        db.dispose()


def _old_case(conn: Connection, ticket: str, status: str, photos: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO cases (ticket_id, kind, category, description, photos, status, priority,"
        " team, reporter_id, channel, extra, created_at, updated_at) VALUES"
        f" ('{ticket}', 'report', 'waste', 'x', '{photos}', '{status}', 'normal', 'roads', 1,"
        " 'telegram', '{}', '2026-06-01 09:00:00+00', '2026-06-01 09:00:00+00')"
    )


def test_0003_migrates_existing_cases_and_back(blank_db_url: str) -> None:
    """Rows written before the human side survive it: waiting → in_progress, events renamed,
    photos indexed; the downgrade maps the new statuses back. (On SQLite the cases table is
    rebuilt with rows pointing to it, which needs the foreign-key handling of db.upgrade.)"""
    upgrade(blank_db_url, "0002_tips")
    db = Database(blank_db_url)
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO people (channel, user_id, created_at)"
                " VALUES ('telegram', '1', '2026-06-01 09:00:00+00')"
            )
            _old_case(conn, "MK-1000009", "waiting", '["telegram/2026/06/01/a.jpg"]')
            _old_case(conn, "MK-1000017", "resolved", "[]")
            conn.exec_driver_sql(
                "INSERT INTO case_events (case_id, actor, at, type, from_value, to_value)"
                " VALUES (1, 'agent:1', '2026-06-01 09:00:00+00', 'assigned', 'health', 'roads')"
            )
        db.upgrade()
        with db.engine.begin() as conn:
            rows = conn.exec_driver_sql("SELECT ticket_id, status, source, reopen_count FROM cases")
            assert sorted(rows) == [
                ("MK-1000009", "in_progress", "bot", 0),
                ("MK-1000017", "resolved", "bot", 0),
            ]
            assert conn.exec_driver_sql("SELECT type FROM case_events").scalar() == "team_changed"
            photos = conn.exec_driver_sql("SELECT case_id, ref FROM case_photos").all()
            assert photos == [(1, "telegram/2026/06/01/a.jpg")]
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE cases SET status = 'waiting' WHERE id = 1")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE cases SET status = 'reopened' WHERE id = 2")
        with migration_connection(db.engine) as conn:
            command.downgrade(alembic_config(conn), "0002_tips")
        with db.engine.begin() as conn:
            statuses = conn.exec_driver_sql("SELECT status FROM cases ORDER BY id").scalars()
            assert list(statuses) == ["in_progress", "in_progress"]
            assert conn.exec_driver_sql("SELECT type FROM case_events").scalar() == "assigned"
    finally:
        db.dispose()
