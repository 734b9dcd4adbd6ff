"""Small SQL helpers shared by the service modules (dialect differences live here)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, TextClause, bindparam, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from storage.errors import InvalidValue
from storage.limits import check_values
from storage.models import CHANNEL_NAME, Base

_CHANNEL = re.compile(CHANNEL_NAME)


def insert_ignoring_conflict(
    session: Session,
    model: type[Base],
    values: dict[str, Any],
    *,
    conflict_columns: Sequence[str],
    conflict_where: ColumnElement[bool] | TextClause | None = None,
) -> int | None:
    """INSERT .. ON CONFLICT DO NOTHING RETURNING id: the new id, or None if the row existed.

    Race-safe on both databases: PostgreSQL waits for a concurrent insert of
    the same key to finish and then does nothing; SQLite serialises writers.
    Values a column cannot hold are refused first (`storage.limits`).
    """
    table = cast(Table, model.__table__)
    check_values(table, values)
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(conflict_columns), index_where=conflict_where)
        .returning(table.c.id)
    )
    return session.execute(stmt).scalar_one_or_none()


def insert_ignoring_conflict_returning(
    session: Session,
    model: type[Base],
    values: dict[str, Any],
    *,
    conflict_columns: Sequence[str],
    conflict_where: TextClause | None = None,
) -> Any | None:
    """`insert_ignoring_conflict`, giving the new row as a loaded `model` object (one round
    trip: INSERT .. ON CONFLICT DO NOTHING RETURNING the row), or None if the row existed.

    It runs on the hot path (every inbound message), so the statement is one SQLAlchemy
    can cache compiled (`_insert_returning_row`): the dialects' `insert().on_conflict_...`
    is never cached, and building and compiling it cost about a millisecond per call.
    """
    table = cast(Table, model.__table__)
    check_values(table, values)
    where = conflict_where.text if conflict_where is not None else None
    stmt = _insert_returning_row(table, tuple(values), tuple(conflict_columns), where)
    return session.scalars(select(model).from_statement(stmt), values).one_or_none()


@lru_cache(maxsize=64)
def _insert_returning_row(
    table: Table, columns: tuple[str, ...], conflict: tuple[str, ...], where: str | None
) -> TextualSelect:
    """INSERT INTO table (columns) VALUES (:columns) ON CONFLICT (conflict) [WHERE where]
    DO NOTHING RETURNING every column: the same text on SQLite and PostgreSQL, with the
    columns' types for the parameters and the row. A text statement applies no Python-side
    column default, so a column that has one must be among `columns`."""
    missing = [c.name for c in table.c if c.default is not None and c.name not in columns]
    if missing:
        raise ValueError(
            f"{table.name}: give {', '.join(missing)} (their defaults are not applied)"
        )

    def quoted(names: Iterable[str]) -> str:
        return ", ".join(f'"{name}"' for name in names)

    sql = (
        f'INSERT INTO "{table.name}" ({quoted(columns)}) VALUES '
        f"({', '.join(':' + c for c in columns)}) ON CONFLICT ({quoted(conflict)})"
        f"{' WHERE ' + where if where else ''} DO NOTHING RETURNING {quoted(table.c.keys())}"
    )
    params = [bindparam(c, type_=table.c[c].type) for c in columns]
    return text(sql).bindparams(*params).columns(*table.c)


def insert_many_ignoring_conflict(
    session: Session,
    model: type[Base],
    rows: Sequence[dict[str, Any]],
    *,
    conflict_columns: Sequence[str],
) -> None:
    """Several rows in one INSERT .. VALUES (..), (..) ON CONFLICT DO NOTHING (one round trip);
    rows whose key exists already are left as they are."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    for values in rows:
        check_values(table, values)
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = (
        insert(table)
        .values(list(rows))
        .on_conflict_do_nothing(index_elements=list(conflict_columns))
    )
    session.execute(stmt)


def require_one_of(what: str, value: object, allowed: Sequence[str]) -> str:
    """`value` if it is one of `allowed`, else `InvalidValue` naming what was expected."""
    if not isinstance(value, str) or value not in allowed:
        raise InvalidValue(f"unknown {what} {value!r}; expected one of: {', '.join(allowed)}")
    return value


def require_channel(value: object) -> str:
    """A well-formed channel name ("telegram", "webchat"); which exist, the bot's registry says."""
    if not isinstance(value, str) or not _CHANNEL.fullmatch(value):
        raise InvalidValue(
            f"unknown channel {value!r}: a channel name is lower-case letters, digits and '_'"
        )
    return value
