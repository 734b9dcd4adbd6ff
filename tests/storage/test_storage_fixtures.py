"""The shared database fixtures: every test starts from an empty, migrated database."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from storage_helpers import count, person

from storage.db import Database
from storage.models import Base, Person


@pytest.mark.parametrize("round", [1, 2])
def test_each_test_starts_empty_with_ids_from_one(database: Database, round: int) -> None:
    """Run twice: the second run must not see the first one's rows or ids."""
    with database.session() as s:
        assert count(s, Person) == 0
    with database.transaction() as s:
        assert person(s).id == 1


def test_the_database_is_migrated(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


def test_blank_db_url_is_not_migrated(blank_db_url: str) -> None:
    db = Database(blank_db_url)
    try:
        assert inspect(db.engine).get_table_names() == []
    finally:
        db.dispose()
