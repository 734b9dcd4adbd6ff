"""`labbaik run --workers N`: N worker processes on one port, on PostgreSQL only.

- on SQLite it refuses, saying why (the live updates reach only the process
  that wrote them) and what to do;
- on PostgreSQL two workers serve the one port; a redelivered update is one
  turn and one reply whichever worker each copy reached; the Telegram
  channel's own work (here: registering the webhook) is done by one worker,
  and when that worker is killed another takes it over;
- `one_process_runs`, the lock behind that, within this test process.

Waits are bounded polls; nothing asserts a duration.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from fakes.fake_telegram import FakeTelegram
from process_kit import GUARD, Process, eventually, process_env, update, write_config
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.app.run import one_process_runs, share_rate_limits
from bot.core.ratelimit import RateLimits
from bot.core.settings import ROOT
from storage.db import Database
from storage.models import Message, OutboxItem, Person

UP = re.compile(r"Labbaik worker (\d+) is up")
RUNS = re.compile(r"process (\d+) runs the channel-tasks")


def test_several_workers_on_sqlite_are_refused_with_the_reason(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    config = write_config(tmp_path, 8099, fake)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "run", "--no-nlu", "--workers", "2"],
        cwd=tmp_path,
        env=process_env(f"sqlite:///{tmp_path}/labbaik.db"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--workers 2 needs PostgreSQL (database.url is sqlite)" in done.stderr
    assert "Run one process on SQLite" in done.stderr
    assert not (tmp_path / "labbaik.db").exists()  # refused before touching anything


def test_workers_must_be_a_whole_number_of_at_least_one() -> None:
    for given in ("0", "-3", "two"):
        done = subprocess.run(
            [sys.executable, "-m", "bot", "run", "--workers", given],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        assert f"expected a whole number of at least 1, not '{given}'" in done.stderr


def test_each_of_n_workers_sends_at_a_share_of_the_overall_rate() -> None:
    telegram = RateLimits(global_per_second=30.0, per_key_per_second=1.0, global_burst=30)
    share = share_rate_limits(telegram, 4)
    assert (share.global_per_second, share.global_burst) == (7.5, 7)  # 4 x 7.5/s = 30/s
    assert (share.per_key_per_second, share.per_key_burst) == (1.0, 1)  # a chat's stays whole
    assert share_rate_limits(RateLimits(global_per_second=80.0), 3).global_burst == 1


@pytest.mark.postgres
async def test_the_lock_s_work_runs_in_one_process_and_moves_when_it_ends(pg_url: str) -> None:
    """Two databases are two connections, as two processes hold them."""
    first, second = Database(pg_url), Database(pg_url)
    ran: list[str] = []
    stop_first, stop_second = asyncio.Event(), asyncio.Event()

    def work(name: str) -> list[asyncio.Future[None]]:
        ran.append(name)
        return []

    def runner(database: Database, stop: asyncio.Event, name: str) -> asyncio.Task[None]:
        return asyncio.create_task(
            one_process_runs(database, stop, "test-work", lambda: work(name), retry_seconds=0.05)
        )

    try:
        one = runner(first, stop_first, "first")
        await eventually(lambda: ran == ["first"], "the first process runs the work")
        two = runner(second, stop_second, "second")
        await asyncio.sleep(0.3)  # the second asks several times meanwhile
        assert ran == ["first"]
        stop_first.set()
        await asyncio.wait_for(one, GUARD)
        await eventually(lambda: ran == ["first", "second"], "the second takes it over")
        stop_second.set()
        await asyncio.wait_for(two, GUARD)
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.postgres
async def test_a_holder_whose_connection_ends_stops_the_work_and_another_takes_it(
    pg_url: str, pg_server_url: str
) -> None:
    """A database restart ends the holder's connection and with it the lock, which another
    process may take: the holder must notice and stop, or two would poll Telegram."""
    first, second = Database(pg_url), Database(pg_url)
    ran: list[str] = []
    stop = asyncio.Event()

    async def work(name: str) -> None:
        ran.append(name)
        try:
            await stop.wait()
        except asyncio.CancelledError:
            ran.append(f"{name} stopped")
            raise

    def runner(database: Database, name: str) -> asyncio.Task[None]:
        return asyncio.create_task(
            one_process_runs(database, stop, "test-work", lambda: [work(name)], retry_seconds=0.05)
        )

    try:
        one = runner(first, "first")
        await eventually(lambda: ran == ["first"], "the first process runs the work")
        two = runner(second, "second")
        with psycopg.connect(
            make_url(pg_server_url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False),
            autocommit=True,
        ) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(l.pid) FROM pg_locks l"
                " JOIN pg_stat_activity a ON a.pid = l.pid"
                " WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = %s",
                (make_url(pg_url).query["application_name"],),
            )
        # the first notices and stops; then one of the two takes the lock again (the second
        # most likely, but the first may ask first), and runs the work: one runs it at a time
        await eventually(lambda: len(ran) == 3, "the first stops and the work runs again")
        assert ran[:2] == ["first", "first stopped"] and ran[2] in ("first", "second")
        stop.set()
        await asyncio.wait_for(asyncio.gather(one, two), GUARD)
        assert len(ran) == 3  # it ended on stop, nobody else started it
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.postgres
async def test_two_workers_share_the_port_answer_a_redelivery_once_and_one_registers(
    pg_url: str, tmp_path: Path, fake: FakeTelegram
) -> None:
    fake.reset()
    run = Process(tmp_path, pg_url, fake, "--workers", "2")
    database = Database(pg_url)
    try:
        await run.up()

        def workers() -> set[int]:
            return {int(m[1]) for line in run.logged("is up") if (m := UP.search(line))}

        await eventually(lambda: len(workers()) == 2, "two workers up")

        def holders() -> list[int]:
            return [int(m[1]) for line in run.logged("runs the") if (m := RUNS.search(line))]

        await eventually(
            lambda: holders() and run.logged("another process runs the channel-tasks"),
            "one worker holds the channel's work, the other knows it",
        )
        await eventually(lambda: fake.calls_of("setWebhook"), "the webhook registered")
        assert len(fake.calls_of("setWebhook")) == 1

        chat_id = 62_000_001
        once = update("text", chat_id, text="/start")
        await asyncio.gather(*(run.telegram(once) for _ in range(6)))  # both workers take some

        def sent_rows() -> list[OutboxItem] | None:
            with database.session() as s:
                who = s.scalar(select(Person.id).where(Person.user_id == str(chat_id)))
                rows = list(s.scalars(select(OutboxItem).where(OutboxItem.person_id == who)))
                inbound = s.scalar(
                    select(func.count()).where(Message.person_id == who, Message.direction == "in")
                )
            assert inbound in (0, 1)
            return rows if rows and all(r.status == "sent" for r in rows) else None

        rows = await eventually(sent_rows, "the reply sent")
        assert len(fake.sent(chat_id)) == len(rows)

        # the worker holding the channel's work dies: another (the survivor, or the worker
        # uvicorn starts in its place) takes it over, and the port keeps answering
        (holder,) = holders()
        assert holder in workers()
        os.kill(holder, signal.SIGKILL)
        await eventually(
            lambda: len(fake.calls_of("setWebhook")) == 2, "the channel's work taken over"
        )
        later = update("text", 62_000_002, text="/start")
        await run.telegram(later)
        await eventually(lambda: fake.sent(62_000_002), "a reply after the takeover")
    finally:
        database.dispose()
        await run.stop()
