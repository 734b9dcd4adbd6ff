"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from storage_helpers import run_together

from storage.db import Database, alembic_config, upgrade
from storage.models import Base


def _schema_diff(db: Database) -> list:
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
