"""Alembic environment: migrate the connection we are handed, or the configured database.

`storage.db.upgrade()` passes an open connection in `config.attributes["connection"]`.
From the alembic command line, the URL comes from `-x url=...`, else from
Labbaik's settings (config.yaml / LABBAIK_DATABASE_URL).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

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


def _url_from_settings() -> str:
    from bot.app.config import load_settings
    from storage.db import resolve_url

    url = context.get_x_argument(as_dictionary=True).get("url")
    if url:
        return url
    settings = load_settings()
    return resolve_url(settings.database.url, settings.root)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    from storage.db import Database

    db = Database(_url_from_settings())
    try:
        with db.engine.begin() as conn:
            _configure_and_run(conn)
    finally:
        db.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
