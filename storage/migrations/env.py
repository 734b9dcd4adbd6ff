"""Alembic environment: migrate the connection we are handed, or the configured database.

`storage.db.upgrade()` passes an open connection in `config.attributes["connection"]`
(`labbaik db upgrade` reads config.yaml and does that). From the alembic command
line, the URL comes from `-x url=...`, else from LABBAIK_DATABASE_URL: storage
reads no configuration of the bot's.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy.engine import Connection

from storage.db import Database
from storage.models import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url_from_command_line() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "LABBAIK_DATABASE_URL"
    )
    if not url:
        raise SystemExit(
            "no database: pass -x url=... or set LABBAIK_DATABASE_URL "
            "(or run `labbaik db upgrade`, which reads config.yaml)"
        )
    return url


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    db = Database(_url_from_command_line())
    try:
        with db.engine.begin() as conn:
            _configure_and_run(conn)
    finally:
        db.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
