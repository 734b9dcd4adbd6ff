"""`Database`: an engine and a session factory for one URL, and `upgrade()` to migrate it.

Two databases are supported and behave the same to callers:

- SQLite (`sqlite:///path/to/file.db`, the embedded default). The parent
  directory is created. Every connection runs in WAL mode with foreign keys
  on, `synchronous=NORMAL` (a commit is durable once the WAL is synced at a
  checkpoint; a crash of the process loses nothing, a power cut at most the
  last commits, never the database's consistency) and a busy timeout.
  Transactions opened by `Database.transaction()` start with `BEGIN IMMEDIATE`,
  which takes SQLite's single write lock up front: writers queue one behind
  the other instead of failing half-way with "database is locked". That is how
  one chat's messages are handled in order on SQLite. Within one process the
  writers of a database file first queue on a lock of ours (`_write_lock`),
  so the next one starts the moment the last commits: SQLite's own busy
  handler polls with sleeps of up to 100 ms, which made the slowest replies
  under load (docs/performance.md). Writers of other processes still meet at
  the busy timeout. `Database.session()` begins with a plain (deferred)
  `BEGIN`, for readers; WAL lets them run beside a writer.

  Switching a new file to WAL needs it alone for a moment; when several
  processes open a new file at once SQLite may answer "database is locked"
  at once, without its busy handler, so the switch is retried until the busy
  timeout (`_journal_wal`).
- PostgreSQL (`postgresql+psycopg://...`). Ordering comes from row locks
  (`SELECT ... FOR UPDATE`) taken by the service functions.

On both, a statement's parameters never appear in an error's text
(`hide_parameters`): they are phone numbers and what people wrote, and error
texts end up in logs. Every session checks what it flushes against the
columns (`storage.limits`), so a value a column cannot hold is an
`InvalidValue` naming the column, never a database error.

`Database.hold(name)` takes a lock of that name for work exactly one of
several processes on the database should do (a PostgreSQL session advisory
lock, per schema; on SQLite, which serves one process, always granted).

`upgrade(url)` runs the Alembic migrations in `storage/migrations` to head,
without the alembic command. On SQLite a migration that rebuilds a table
(Alembic's batch mode) runs with foreign keys off, as SQLite requires, and
`PRAGMA foreign_key_check` must come back clean before it commits
(`migration_connection`).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.limits import check_flush

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"
SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_POOL_SIZE = 16  # connections kept open per process (+4 at a peak: 4 workers stay below 100)
_MIGRATION_LOCK_ID = 0x1ABBA1C  # PostgreSQL advisory lock held while migrating
_SQLITE_BEGIN = "labbaik_sqlite_begin"  # execution option: "IMMEDIATE" or "DEFERRED"


def normalize_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (SQLAlchemy would pick psycopg2)."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def resolve_url(url: str, root: Path) -> str:
    """Make a relative SQLite path absolute against `root` (the project root)."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return str(normalize_url(url))
    if parsed.database == ":memory:" or Path(parsed.database).is_absolute():
        return url
    return parsed.set(database=str(root / parsed.database)).render_as_string(hide_password=False)


def describe_url(url: str) -> str:
    """The URL without its password, for logs and messages."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_engine(url: str, echo: bool) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        echo=echo,
        hide_parameters=True,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _journal_wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_SQLITE_BEGIN, "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _journal_wal(cur: sqlite3.Cursor) -> None:
    """`PRAGMA journal_mode=WAL`, retried while another connection holds the new file.

    The switch needs an exclusive lock; two connections that both hold the file's
    shared lock and want it would deadlock, so SQLite refuses one at once ("database
    is locked") instead of calling the busy handler.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pause = 0.001
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


_WRITE_LOCKS: dict[str, threading.RLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(url: str) -> threading.RLock | None:
    """The process's one lock for writers of this SQLite file (None on PostgreSQL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    on_disk = parsed.database not in (None, "", ":memory:")
    key = str(Path(parsed.database or "").resolve()) if on_disk else url
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(key, threading.RLock())


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for a SQLite or PostgreSQL URL, set up as described above."""
    url = normalize_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, echo)
    if backend == "postgresql":
        # 16 kept open: `labbaik run` does its database work in 16 threads
        # (bot/app/run.py) and beyond the pool's size a connection is opened and
        # closed for each use, a new server process each time on PostgreSQL.
        return create_engine(
            url,
            echo=echo,
            pool_pre_ping=True,
            pool_size=PG_POOL_SIZE,
            max_overflow=4,
            hide_parameters=True,
        )
    raise ValueError(
        f"unsupported database {describe_url(url)}: use sqlite:/// or postgresql+psycopg://"
    )


class HeldLock:
    """A lock taken by `Database.hold`; `release()` gives it back (at most once)."""

    def __init__(self, conn: Connection, *, postgres: bool) -> None:
        self._conn: Connection | None = conn
        self._postgres = postgres

    def alive(self) -> bool:
        """Whether the lock is still held: its connection still answers (SQLite: always)."""
        conn = self._conn
        if conn is None:
            return False
        if not self._postgres:
            return True
        try:
            conn.exec_driver_sql("SELECT 1")
            conn.commit()
        except Exception:  # the connection ended, and the server freed the lock with it
            return False
        return True

    def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if self._postgres:  # the connection goes back to the pool: unlock it first
                conn.exec_driver_sql("SELECT pg_advisory_unlock_all()")
                conn.commit()
        except Exception:
            conn.invalidate()  # the connection is gone, and the lock with it
        finally:
            conn.close()


class Database:
    """One database: `transaction()` for writes, `session()` for reads."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url, echo=echo)
        self.dialect = self.engine.dialect.name  # "sqlite" or "postgresql"
        self._write_lock = _write_lock(self.url)
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        reader_bind = self.engine.execution_options(**{_SQLITE_BEGIN: "DEFERRED"})
        self._reader = sessionmaker(reader_bind, expire_on_commit=False)
        for maker in (self._writer, self._reader):
            event.listen(maker, "before_flush", check_flush)

    def __repr__(self) -> str:
        return f"<Database {describe_url(self.url)}>"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, rolled back on error."""
        if self._write_lock is None:
            with self._writer.begin() as session:
                yield session
            return
        with self._write_lock, self._writer.begin() as session:
            yield session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading (SQLite: deferred BEGIN). Commit yourself if you write."""
        with self._reader() as session:
            yield session

    def hold(self, name: str) -> HeldLock | None:
        """The lock `name` of this schema, held until `release()`; None when another has it.

        PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) keyed by the
        schema and `name`, on a connection kept out of the pool until released;
        the server frees it when that connection ends, so a killed process
        frees it too. It is for work exactly one of several processes should do
        (`labbaik run --workers N`: the Telegram poller). SQLite serves one
        process: the lock is always granted.
        """
        conn = self.engine.connect()
        if self.dialect != "postgresql":
            return HeldLock(conn, postgres=False)
        try:
            got = conn.exec_driver_sql(
                "SELECT pg_try_advisory_lock(hashtext(%(key)s || current_schema()))",
                {"key": f"labbaik:{name}:"},
            ).scalar()
            conn.commit()  # the lock belongs to the session: it outlives this transaction
        except BaseException:
            conn.close()
            raise
        if got:
            return HeldLock(conn, postgres=True)
        conn.close()
        return None

    def upgrade(self) -> None:
        """Migrate this database to the newest schema."""
        with migration_connection(self.engine) as conn:
            _run_alembic(conn, "head")

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration that ships in this package."""
    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(ALEMBIC_INI.parent / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for migrating; on SQLite with foreign keys off.

    SQLite rebuilds a table to change its constraints; dropping the old table
    with foreign keys on would delete (or refuse) the rows that refer to it.
    The pragma cannot change inside a transaction, so it is set before BEGIN,
    and every reference is checked before the commit.
    """
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            with conn.begin():
                yield conn
            return
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _run_alembic(conn: Connection, revision: str) -> None:
    # Several workers may start (and upgrade) at once: one migrates, the others then
    # find the schema at head. SQLite's BEGIN IMMEDIATE already serialises them.
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_ID})")
    command.upgrade(alembic_config(conn), revision)


def upgrade(url: str, revision: str = "head") -> None:
    """Run the migrations on the database at `url` up to `revision` (default: the newest)."""
    db = Database(url)
    try:
        with migration_connection(db.engine) as conn:
            _run_alembic(conn, revision)
    finally:
        db.dispose()
