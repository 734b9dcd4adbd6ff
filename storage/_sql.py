"""Small SQL helpers shared by the service modules (dialect differences live here)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, TextClause, bindparam, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault
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
    conflict_where: TextClause | None = None,
) -> int | None:
    """INSERT .. ON CONFLICT DO NOTHING RETURNING id: the new id, or None if the row existed.

    Race-safe on both databases: PostgreSQL waits for a concurrent insert of
    the same key to finish and then does nothing; SQLite serialises writers.
    Values a column cannot hold are refused first (`storage.limits`).
    """
    table = cast(Table, model.__table__)
    check_values(table, values)
    values = _with_defaults(table, values)
    stmt = _insert(table, tuple(values), 1, _conflict(conflict_columns, conflict_where), ("id",))
    return session.execute(stmt, values).scalar_one_or_none()


def insert_ignoring_conflict_returning(
    session: Session,
    model: type[Base],
    values: dict[str, Any],
    *,
    conflict_columns: Sequence[str],
    conflict_where: TextClause | None = None,
) -> Any | None:
    """`insert_ignoring_conflict`, giving the new row as a loaded `model` object (one round
    trip: INSERT .. ON CONFLICT DO NOTHING RETURNING the row), or None if the row existed."""
    table = cast(Table, model.__table__)
    check_values(table, values)
    values = _with_defaults(table, values)
    conflict = _conflict(conflict_columns, conflict_where)
    stmt = _insert(table, tuple(values), 1, conflict, tuple(table.c.keys()))
    return session.scalars(select(model).from_statement(stmt), values).one_or_none()


def insert_many_ignoring_conflict(
    session: Session,
    model: type[Base],
    rows: Sequence[dict[str, Any]],
    *,
    conflict_columns: Sequence[str],
) -> None:
    """Several rows in one INSERT .. VALUES (..), (..) ON CONFLICT DO NOTHING (one round trip);
    rows whose key exists already are left as they are. Every row gives the same columns."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    for values in rows:
        check_values(table, values)
    filled = [_with_defaults(table, values) for values in rows]
    columns = tuple(filled[0])
    if any(tuple(values) != columns for values in filled):
        raise ValueError(f"{table.name}: every row must give the same columns")
    stmt = _insert(table, columns, len(filled), _conflict(conflict_columns, None), ())
    if len(filled) == 1:
        params = filled[0]
    else:
        params = {f"{c}_{i}": v for i, values in enumerate(filled) for c, v in values.items()}
    session.execute(stmt, params)


# The dialects' insert().on_conflict_do_nothing() is never cached by SQLAlchemy (their
# Insert has inherit_cache = False): built and compiled again at every call, about a
# millisecond of CPU, on the path of every message (its inbound row, its outbox rows, a new
# person's rows). The same SQL as a typed text statement, made once per shape, is cached
# compiled like every other statement. SQLite (3.35+) and PostgreSQL read the same text.


def _conflict(columns: Sequence[str], where: TextClause | None) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    return f"({quoted})" + (f" WHERE {where.text}" if where is not None else "")


def _with_defaults(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """`values` and the Python-side default of every column they leave out (a text
    statement applies none), as SQLAlchemy's own INSERT would compute them."""
    filled = dict(values)
    for column in table.c:
        default = column.default
        if column.key in filled or default is None:
            continue
        if not isinstance(default, (ScalarElementColumnDefault, CallableColumnDefault)):
            raise ValueError(f"{table.name}.{column.key}: give a value (its default is SQL)")
        if isinstance(default, CallableColumnDefault):  # utcnow, dict, list: no context used
            filled[column.key] = default.arg(None)  # type: ignore[arg-type]
        else:
            filled[column.key] = default.arg
    return filled


@lru_cache(maxsize=128)
def _insert(
    table: Table, columns: tuple[str, ...], rows: int, conflict: str, returning: tuple[str, ...]
) -> TextClause | TextualSelect:
    """INSERT INTO table (columns) VALUES (...) x rows ON CONFLICT conflict DO NOTHING
    [RETURNING returning], typed: the parameters as their columns (`:name`, or `:name_i`
    for several rows), the returned row as the table's columns."""
    names = ", ".join(f'"{table.c[c].name}"' for c in columns)
    if rows == 1:
        params = [bindparam(c, type_=table.c[c].type) for c in columns]
    else:
        params = [
            bindparam(f"{c}_{i}", type_=table.c[c].type) for i in range(rows) for c in columns
        ]
    width = len(columns)
    tuples = ", ".join(
        "(" + ", ".join(f":{p.key}" for p in params[i * width : (i + 1) * width]) + ")"
        for i in range(rows)
    )
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES {tuples} ON CONFLICT {conflict} DO NOTHING'
    if not returning:
        return text(sql).bindparams(*params)
    sql += " RETURNING " + ", ".join(f'"{table.c[c].name}"' for c in returning)
    return text(sql).bindparams(*params).columns(*(table.c[c] for c in returning))


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
