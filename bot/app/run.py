"""`labbaik run`: the whole product in one process, for local use and small deployments.

Starts (or reuses) the Rasa NLU server, then serves the web app (web chat,
webhooks, health) with uvicorn, and runs beside it in the same event loop the
outbox worker, each channel's background tasks (the Telegram poller), the
daily tips, the closing of cases whose "is it fixed?" went unanswered, the
content watch (an edit to a flow, a text or the services' data is live within
`content.check_seconds`), the live updates' bus listener (bot/core/live.py)
and the live chats' sweep (chats nobody answered in time go back to the bot:
bot/handoff/chats.py). Ctrl-C stops everything in order.

`labbaik run --workers N` (PostgreSQL only) runs N such processes on one port
with uvicorn's own worker supervisor: the parent starts the NLU server,
migrates the database and checks the content once, then uvicorn starts N
workers, each calling `worker_app` (an app factory: uvicorn needs an import
string to start workers) and running the background work in the app's
lifespan. What the workers share is safe through the database: a chat's
messages in order by its conversation row lock, a redelivery answered once by
the inbound message's unique key, the outbox claimed with SKIP LOCKED and a
lease, the sweeps and timers reading each row again under its lock. The one
thing only one process may do, the Telegram poller (Telegram answers a second
getUpdates with 409 Conflict), runs in whichever process holds its advisory
lock (`Database.hold`); another takes over within `LEADER_RETRY_SECONDS` when
that one ends. That holds on PostgreSQL for every `labbaik run`, so separate
processes (on several machines, behind a load balancer) share it the same
way. Each of N workers sends at 1/N of a channel's overall rate, so together
they stay within it. docs/performance.md, "Several processes".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import uvicorn
from sqlalchemy.engine import make_url
from starlette.applications import Starlette

from bot.app.config import Settings, load_settings
from bot.app.logs import setup_logging
from bot.app.wiring import build_runtime, content_source, create_app
from bot.channels import registry
from bot.channels.base import Task
from bot.core import cases
from bot.core.content import ContentError
from bot.core.outbox import OutboxWorker
from bot.core.ratelimit import RateLimits
from bot.core.runtime import Runtime
from bot.handoff.chats import Chats
from bot.municipal.content import MunicipalData
from bot.municipal.tips import enqueue_daily_tips
from bot.open311.sender import senders as open311_senders
from nlu.server import ServerError, nlu_server
from storage.db import Database, HeldLock, resolve_url, upgrade

log = logging.getLogger("labbaik")


def _start_nlu(settings: Settings, stack: contextlib.ExitStack) -> None:
    """Start (or reuse) the Rasa server; without it the bot still works from menus."""
    try:
        stack.enter_context(nlu_server(settings.nlu))
    except ServerError as exc:
        log.error("NLU server did not start (%s); running with menus only", exc)


WORKER_OPTIONS = "LABBAIK_RUN_WORKER"  # env: `labbaik run`'s options, for its worker processes
LEADER_RETRY_SECONDS = 5.0
WORKER_HEALTHCHECK_SECONDS = 30
CHANNEL_TASKS_LOCK = "channel-tasks"


def _background(
    runtime: Runtime, stop: asyncio.Event, *, shared: bool = False
) -> list[asyncio.Task[None]]:
    """Every channel's own work, the outbox worker, the daily tips and the content watch.

    `shared`: other processes may serve the same database (PostgreSQL); the channels'
    own work (the Telegram poller) then runs in one of them only.
    """
    senders = {**registry.senders(runtime), **open311_senders()}
    worker = OutboxWorker.from_runtime(runtime, senders)
    if shared:

        def channel_tasks() -> list[Task]:  # made only in the process holding the lock
            return registry.tasks(runtime, stop)

        database = runtime.service.database
        channel_work = [one_process_runs(database, stop, CHANNEL_TASKS_LOCK, channel_tasks)]
    else:
        channel_work = registry.tasks(runtime, stop)
    work = [
        *channel_work,  # Telegram polls, or sets its webhook
        worker.run(stop),
        daily_tips(runtime, stop),
        close_unanswered(runtime, stop),  # "is it fixed?" unanswered for too long
        runtime.content.watch(stop),  # an edited file is live within seconds
        runtime.live.run(stop),  # the bus, fanned out to the desk's live pages
        chat_sweeps(Chats(runtime), stop),
    ]
    return [asyncio.create_task(w) for w in work]


async def one_process_runs(
    database: Database,
    stop: asyncio.Event,
    name: str,
    start: Callable[[], Sequence[Awaitable[None]]],
    *,
    retry_seconds: float = LEADER_RETRY_SECONDS,
) -> None:
    """`start()`'s work in exactly one of the processes on this database, until `stop`.

    The process that gets the lock `name` runs it and keeps the lock until `stop`
    (work that ends early, like registering a webhook, is not done again by the
    others); the others ask again every `retry_seconds`, so when the holder dies
    (PostgreSQL frees its lock with its connection) another takes over. The holder
    looks at its lock's connection as often: when that has ended (a database
    restart), another process may hold the lock now, so the work is stopped and
    the lock asked for again.
    """
    told = False
    while not stop.is_set():
        try:
            held = await asyncio.to_thread(database.hold, name)
        except Exception:  # a database hiccup: ask again later
            log.exception("%s: could not ask for the lock; trying again later", name)
            held = None
        if held is not None:
            log.info("process %d runs the %s", os.getpid(), name)
            await _run_holding(held, stop, name, start, retry_seconds)
            told = False
            continue
        if not told:
            log.info("process %d: another process runs the %s", os.getpid(), name)
            told = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), retry_seconds)


async def _run_holding(
    held: HeldLock,
    stop: asyncio.Event,
    name: str,
    start: Callable[[], Sequence[Awaitable[None]]],
    retry_seconds: float,
) -> None:
    """The work, while the lock is held: until `stop`, or until the lock is lost."""
    work = asyncio.ensure_future(asyncio.gather(*start()))
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), retry_seconds)
            if not stop.is_set() and not await asyncio.to_thread(held.alive):
                log.warning("process %d lost the %s lock; stopping that work", os.getpid(), name)
                work.cancel()
                break
        with contextlib.suppress(asyncio.CancelledError):
            await work  # it ends on `stop` by itself
    except Exception:
        log.exception("the %s failed", name)
    finally:
        await asyncio.to_thread(held.release)


TIPS_CHECK_SECONDS = 600.0


def queue_daily_tips(runtime: Runtime) -> int:
    """Queue the day's awareness tip for subscribers; the outbox sends it from 09:00 Makkah time.

    Running it often is harmless: one tip per person per Makkah day.
    """
    tips = runtime.content.current().part(MunicipalData).tips
    with runtime.service.database.transaction() as session:
        queued = enqueue_daily_tips(session, now=runtime.service.clock(), tips=tips)
    if queued:
        runtime.outbox_wakeup.set()
    return queued


async def daily_tips(runtime: Runtime, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            await asyncio.to_thread(queue_daily_tips, runtime)
        except Exception:  # a database hiccup must not end the schedule
            log.exception("daily tips: could not queue; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), TIPS_CHECK_SECONDS)


async def chat_sweeps(chats: Chats, stop: asyncio.Event) -> None:
    """Every `handoff.check_seconds`: unanswered chats back to the bot, silent ones ended."""
    while not stop.is_set():
        try:
            done = await chats.sweep()
            if done:
                log.info("live chats given back to the bot: %s", done)
        except Exception:  # a database hiccup must not end the schedule
            log.exception("live chats: the sweep failed; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), chats.settings.handoff.check_seconds)
    await chats.settle()


def close_unanswered_cases(runtime: Runtime) -> int:
    """Close the resolved cases whose pilgrim did not answer "is it fixed?" in time."""
    with runtime.service.database.transaction() as session:
        closed = cases.close_unanswered(
            session, settings=runtime.settings.fix_question, now=runtime.service.clock()
        )
    if closed:
        log.info("closed %d resolved case(s) nobody answered 'is it fixed?' for", len(closed))
    return len(closed)


async def close_unanswered(runtime: Runtime, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            await asyncio.to_thread(close_unanswered_cases, runtime)
        except Exception:  # a database hiccup must not end the schedule
            log.exception("is it fixed?: could not close unanswered cases; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), runtime.settings.fix_question.check_seconds)


def server_config(runtime: Runtime, host: str, port: int) -> uvicorn.Config:
    """uvicorn for our app: its logs through ours (bot/app/logs.py), no access log of its
    own (ours leaves out query strings and addresses), no proxy headers of its own (the app
    believes them only from `web.trusted_proxies`), no Server header."""
    return uvicorn.Config(
        create_app(runtime),
        host=host,
        port=port,
        log_level="info",
        log_config=None,
        access_log=False,
        proxy_headers=False,
        server_header=False,
    )


# Threads for the database work of messages (asyncio.to_thread): Python's default is the
# number of cores + 4, so on a two-core server the seventh message at once waited for a
# thread. As many as the PostgreSQL pool keeps open (storage/db.py), so no thread waits for a
# connection either.
DATABASE_THREADS = 16


def _database_threads() -> None:
    threads = ThreadPoolExecutor(max_workers=DATABASE_THREADS, thread_name_prefix="labbaik")
    asyncio.get_running_loop().set_default_executor(threads)


async def serve(runtime: Runtime, host: str, port: int) -> None:
    _database_threads()
    server = uvicorn.Server(server_config(runtime, host, port))
    stop = asyncio.Event()
    # on PostgreSQL other `labbaik run` processes (other machines) may serve the same database
    tasks = _background(runtime, stop, shared=runtime.service.database.dialect == "postgresql")
    log.info("Labbaik is up: web chat at http://%s:%d/", host, port)
    try:
        await server.serve()
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)


def share_rate_limits(limits: RateLimits, workers: int) -> RateLimits:
    """One worker's part of a channel's overall rate, so that N workers keep within it.

    The per-chat limit stays whole: a chat's rows are sent oldest first and wait
    for an older row another worker holds (bot/core/outbox.py), so one chat is
    rarely sent to by two workers at once; a platform's 429 is retried after
    its retry-after.
    """
    return dataclasses.replace(
        limits,
        global_per_second=limits.global_per_second / workers,
        global_burst=max(1, limits.global_burst // workers),
    )


def worker_app() -> Starlette:
    """One worker process of `labbaik run --workers N`: uvicorn calls it in each worker.

    The options come from the parent in the environment (`WORKER_OPTIONS`); the
    background work of `labbaik run` runs in the app's lifespan, beside the
    app's own (the health checks).
    """
    options = json.loads(os.environ[WORKER_OPTIONS])
    setup_logging(logging.INFO)
    settings = load_settings(options["config"])
    runtime = build_runtime(settings, with_nlu=not options["no_nlu"])
    workers = int(options["workers"])
    runtime.rate_limits = {
        name: share_rate_limits(limits, workers) for name, limits in runtime.rate_limits.items()
    }
    app = create_app(runtime)
    own = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        _database_threads()
        stop = asyncio.Event()
        tasks = _background(runtime, stop, shared=True)
        log.info("Labbaik worker %d is up", os.getpid())
        try:
            async with own(app):
                yield
        finally:
            stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            runtime.service.database.dispose()

    app.router.lifespan_context = lifespan
    return app


def _check_content(settings: Settings) -> bool:
    try:
        content_source(settings).start()
    except ContentError as exc:
        print(
            "labbaik run: the content does not validate and no last good copy exists "
            f"(fix these and start again):\n{exc}",
            file=sys.stderr,
        )
        return False
    return True


WORKERS_NEED_POSTGRES = (
    "labbaik run: --workers {workers} needs PostgreSQL (database.url is {backend}). "
    "SQLite serves one process: its live updates (storage/bus.py) reach only the process "
    "that wrote them, so an agent connected to one worker would not see a message another "
    "took in. Run one process on SQLite, or set database.url to a PostgreSQL database."
)


def run_workers(args: argparse.Namespace, settings: Settings, host: str, port: int) -> int:
    """`labbaik run --workers N`: N worker processes on one port (see the module's text)."""
    url = resolve_url(settings.database.url, settings.root)
    backend = make_url(url).get_backend_name()
    if backend != "postgresql":
        print(WORKERS_NEED_POSTGRES.format(workers=args.workers, backend=backend), file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        if not args.no_nlu and settings.nlu.manage_server:
            _start_nlu(settings, stack)  # once, for every worker
        upgrade(url)  # once, before the workers start
        if not _check_content(settings):
            return 1
        os.environ[WORKER_OPTIONS] = json.dumps(
            {
                "config": str(Path(args.config).resolve()) if args.config else None,
                "no_nlu": bool(args.no_nlu),
                "workers": args.workers,
            }
        )
        log.info("Labbaik starts %d workers: web chat at http://%s:%d/", args.workers, host, port)
        uvicorn.run(
            "bot.app.run:worker_app",
            factory=True,
            workers=args.workers,
            host=host,
            port=port,
            log_level="info",
            log_config=None,
            access_log=False,
            proxy_headers=False,
            server_header=False,
            # a worker answers the parent's ping only once started; a busy machine can
            # take more than uvicorn's 5 s for that, and the parent kills what is silent
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        )
    return 0


def main(args: argparse.Namespace) -> int:
    setup_logging(logging.INFO)
    settings = load_settings(args.config)
    host = args.host or settings.web.host
    port = args.port or settings.web.port
    if args.workers > 1:
        return run_workers(args, settings, host, port)
    with contextlib.ExitStack() as stack:
        if not args.no_nlu and settings.nlu.manage_server:
            _start_nlu(settings, stack)
        try:
            runtime = build_runtime(settings, with_nlu=not args.no_nlu)
        except ContentError as exc:
            print(
                "labbaik run: the content does not validate and no last good copy exists "
                f"(fix these and start again):\n{exc}",
                file=sys.stderr,
            )
            return 1
        asyncio.run(serve(runtime, host, port))
    return 0
