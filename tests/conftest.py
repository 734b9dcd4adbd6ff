"""Shared fixtures: real databases, SQLite and PostgreSQL, isolated per test.

Database fixtures (the same test runs once per database, as `[sqlite]` and `[postgres]`):

- `db_url`: the URL (a plain string) of an empty database migrated to the newest
  schema, private to this test. Parametrised over "sqlite" and "postgres".
  SQLite: a file in the test's tmp dir (copied from one migrated once per session).
  PostgreSQL: a schema of its own in the database named by LABBAIK_TEST_PG_URL
  (default postgresql+psycopg://postgres@127.0.0.1:5432/labbaik_test), selected
  through the URL (`?options=-csearch_path=<schema>&application_name=<schema>`), so
  the URL works anywhere a database URL does (Database(url), LABBAIK_DATABASE_URL
  of a subprocess, ...). One migrated schema serves the whole test process: after
  each test its connections are closed and every table emptied (ids restart at 1);
  it is dropped at the end. So: do not change the schema itself in a `db_url`
  test (use `blank_db_url`), and do not keep connections across tests.
  Tests on PostgreSQL carry the `postgres` mark.
- `database`: a `storage.db.Database` on `db_url`, disposed afterwards.
- `sqlite_url` / `sqlite_database`: the same on SQLite only, for tests that do not
  need both databases.
- `pg_url` / `pg_database`: the same on PostgreSQL only, for what only it can do
  (row locks seen from two sessions, SKIP LOCKED, ...).
- `blank_db_url`: like `db_url` but not migrated, a fresh schema or file each time
  (for migration tests).

Schemas left behind by a killed test run (named test_<pid>_..., pid gone) are
dropped when the next run starts.

When PostgreSQL does not answer, the postgres variants are skipped with the
reason, or fail when LABBAIK_REQUIRE_SERVICES=1 (as `make test` sets).

- `nlu_url`: the URL of one real Rasa NLU server for the whole session.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from nlu import project
from nlu.server import NluServer, ServerError, free_port
from storage.db import Database, upgrade
from storage.models import Base

PG_URL = os.environ.get(
    "LABBAIK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/labbaik_test"
)
REQUIRE_SERVICES = os.environ.get("LABBAIK_REQUIRE_SERVICES") == "1"
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _libpq_conninfo(url: str) -> str:
    """A SQLAlchemy URL as a libpq connection string, for admin work with plain psycopg."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """LABBAIK_TEST_PG_URL once PostgreSQL answers; skips (or fails) the test otherwise."""
    try:
        with psycopg.connect(_libpq_conninfo(PG_URL), connect_timeout=3):
            pass
    except psycopg.Error as exc:
        reason = f"PostgreSQL at {make_url(PG_URL).render_as_string()} is unreachable: {exc}"
        if REQUIRE_SERVICES:
            pytest.fail(f"{reason} (LABBAIK_REQUIRE_SERVICES=1)")
        pytest.skip(reason)
    return PG_URL


@pytest.fixture(scope="session")
def _migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    url = f"sqlite:///{path}"
    upgrade(url)  # closes its connections: SQLite folds the WAL into the main file
    return path


def _sqlite(tmp_path: Path, template: Path | None) -> str:
    path = tmp_path / "labbaik.db"
    if template is not None:
        for suffix in ("", "-wal"):  # no -wal file is left once all connections closed
            if Path(f"{template}{suffix}").exists():
                shutil.copyfile(f"{template}{suffix}", f"{path}{suffix}")
    return f"sqlite:///{path}"


def _schema_url(server_url: str, schema: str) -> str:
    url = make_url(server_url)
    query = dict(url.query) | {
        # tests need no durability: not waiting for the disk makes commits much cheaper
        "options": f"-csearch_path={schema} -csynchronous_commit=off",
        "application_name": schema,  # lets teardown find this test's connections
    }
    return url.set(query=query).render_as_string(hide_password=False)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _drop_abandoned_schemas(admin: psycopg.Connection) -> None:
    """Schemas of test runs that were killed before their teardown (their pid is gone)."""
    rows = admin.execute(r"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'test\_%'")
    for (schema,) in rows.fetchall():
        pid = schema.split("_")[1]
        if pid.isdigit() and not _pid_alive(int(pid)):
            admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(scope="session")
def _pg_admin(pg_server_url: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(_libpq_conninfo(pg_server_url), autocommit=True) as conn:
        _drop_abandoned_schemas(conn)
        yield conn


def _pg_disconnect(admin: psycopg.Connection, schema: str) -> None:
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
        (schema,),
    )


def _pg_schema(admin: psycopg.Connection, server_url: str, migrate: bool) -> Iterator[str]:
    schema = f"test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    url = _schema_url(server_url, schema)
    try:
        if migrate:
            upgrade(url)
        yield url
    finally:
        _pg_disconnect(admin, schema)
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def _pg_migrated_schema(_pg_admin: psycopg.Connection, pg_server_url: str) -> Iterator[str]:
    """One migrated schema per test process, emptied after every test (much faster than
    migrating a new schema each time)."""
    yield from _pg_schema(_pg_admin, pg_server_url, migrate=True)


def _pg_empty(admin: psycopg.Connection, url: str) -> None:
    """Delete every row and restart the ids, keeping the schema and its Alembic version.

    DELETE, not TRUNCATE: on a few rows it is far cheaper (TRUNCATE makes new files).
    """
    schema = make_url(url).query["application_name"]
    assert isinstance(schema, str)
    _pg_disconnect(admin, schema)
    with admin.transaction():
        for table in reversed(Base.metadata.sorted_tables):  # children before parents
            admin.execute(f'DELETE FROM "{schema}"."{table.name}"')
        admin.execute(
            "SELECT setval(pg_get_serial_sequence(quote_ident(%s) || '.' || quote_ident(c.relname),"
            " 'id'), 1, false) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s AND c.relkind = 'r' AND c.relname <> 'alembic_version'",
            (schema, schema),
        )


def _isolated_url(request: pytest.FixtureRequest, tmp_path: Path, migrate: bool) -> Iterator[str]:
    if request.param == "sqlite":
        template = request.getfixturevalue("_migrated_sqlite_template") if migrate else None
        yield _sqlite(tmp_path, template)
        return
    admin = request.getfixturevalue("_pg_admin")
    if not migrate:
        yield from _pg_schema(admin, request.getfixturevalue("pg_server_url"), migrate=False)
        return
    url = request.getfixturevalue("_pg_migrated_schema")
    try:
        yield url
    finally:
        _pg_empty(admin, url)


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a migrated, empty database private to this test (SQLite, then PostgreSQL)."""
    yield from _isolated_url(request, tmp_path, migrate=True)


@pytest.fixture(params=DATABASES)
def blank_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty, NOT migrated database private to this test."""
    yield from _isolated_url(request, tmp_path, migrate=False)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """A `storage.db.Database` on `db_url`."""
    db = Database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path, _migrated_sqlite_template: Path) -> str:
    """URL of a migrated, empty SQLite database private to this test."""
    return _sqlite(tmp_path, _migrated_sqlite_template)


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    """A `storage.db.Database` on a migrated SQLite file (no PostgreSQL needed)."""
    db = Database(sqlite_url)
    yield db
    db.dispose()


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres)])
def pg_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a migrated, empty PostgreSQL schema private to this test."""
    yield from _isolated_url(request, tmp_path, migrate=True)


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[Database]:
    """A `storage.db.Database` on PostgreSQL (skipped, or failed, when it is unreachable)."""
    db = Database(pg_url)
    yield db
    db.dispose()


# ---- the NLU server ----------------------------------------------------------------


@pytest.fixture(scope="session")
def nlu_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Rasa server with the current model (trained first if missing), on a free port,
    once per session; fails when it cannot start under LABBAIK_REQUIRE_SERVICES=1."""
    log_path = tmp_path_factory.mktemp("nlu") / "nlu-server.log"
    try:
        server = NluServer(project.ensure_model(), port=free_port(), log_path=log_path)
        server.start()
    except (ServerError, project.TrainingError) as exc:
        message = f"NLU server could not start: {exc}"
        if REQUIRE_SERVICES:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield server.url
    finally:
        server.stop()
