"""The last line before the database: every value written fits its column and is storable text.

The channel adapters check every field (types, lengths, formats) before a
message reaches storage; this module makes sure that whatever slips past
them, or comes from a caller that checks less, is refused with a clear
`InvalidValue` naming the column, never with a database error:

- a string longer than its `String(n)` column (PostgreSQL refuses it; SQLite
  would silently keep it);
- text PostgreSQL cannot store: a NUL character (refused in text and in
  JSONB) or a lone surrogate (not encodable as UTF-8);
- JSON (the payload and state columns) with such text in a key or a value, a
  number that is not finite (JSON has no NaN), or nested deeper than
  `MAX_JSON_DEPTH`.

`check_values` checks one row of a Core insert (`storage._sql`);
`check_flush` is a `before_flush` listener that checks every new or changed
attribute of ORM objects (installed on the sessions of `storage.db.Database`).
The messages name the column and the rule, never the value (it may be a
phone number or what a person wrote).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import JSON, ColumnElement, String, Table
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.attributes import instance_state

from storage.errors import InvalidValue

MAX_JSON_DEPTH = 32


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text (a NUL, a lone surrogate), or None when it can."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (not valid Unicode text)"
    return None


def _json_problem(value: object, depth: int = 0) -> str | None:
    if depth > MAX_JSON_DEPTH:
        return f"is nested deeper than {MAX_JSON_DEPTH} levels"
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, float):
        return None if math.isfinite(value) else "holds a number that is not finite"
    if isinstance(value, Mapping):
        for key, item in value.items():
            problem = text_problem(key) if isinstance(key, str) else None
            if problem := problem or _json_problem(item, depth + 1):
                return problem
        return None
    if isinstance(value, list | tuple):
        return next((p for item in value if (p := _json_problem(item, depth + 1))), None)
    return None


def value_problem(column: ColumnElement[Any], value: object) -> str | None:
    """Why `value` does not fit `column`, or None when it does."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, JSON):
        return _json_problem(value)
    if isinstance(value, str):
        length = kind.length if isinstance(kind, String) else None
        if length is not None and len(value) > length:
            return f"is longer than {length} characters ({len(value)})"
        return text_problem(value)
    return None


def _refuse(table: str, column: str, problem: str) -> InvalidValue:
    return InvalidValue(f"{table}.{column} {problem}")


def check_values(table: Table, values: Mapping[str, object]) -> None:
    """Refuse one row of `table` (a Core insert's values) that a column cannot hold."""
    for name, value in values.items():
        column = table.c.get(name)
        if column is not None and (problem := value_problem(column, value)):
            raise _refuse(table.name, name, problem)


def _changed(obj: object) -> Iterable[tuple[ColumnElement[Any], object]]:
    state = instance_state(obj)
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        for value in history.added:
            yield attr.columns[0], value


def check_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    """`before_flush`: every new or changed value of every object fits its column."""
    for obj in (*session.new, *session.dirty):
        for column, value in _changed(obj):
            if problem := value_problem(column, value):
                table = column.table.name if isinstance(column.table, Table) else "?"
                raise _refuse(table, str(column.name), problem)
