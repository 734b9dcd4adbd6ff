"""`labbaik run`: the whole product in one process, for local use and small deployments.

Starts (or reuses) the Rasa NLU server, then serves the web app (web chat,
webhooks, health) with uvicorn, and runs beside it in the same event loop the
outbox worker, each channel's background tasks (the Telegram poller), the
daily tips, the closing of cases whose "is it fixed?" went unanswered, the
content watch (an edit to a flow, a text or the services' data is live within
`content.check_seconds`), the live updates' bus listener (bot/core/live.py)
and the live chats' sweep (chats nobody answered in time go back to the bot:
bot/handoff/chats.py). Ctrl-C stops everything in order.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from concurrent.futures import ThreadPoolExecutor

import uvicorn

from bot.app.config import Settings, load_settings
from bot.app.logs import setup_logging
from bot.app.wiring import build_runtime, create_app
from bot.channels import registry
from bot.core import cases
from bot.core.content import ContentError
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from bot.handoff.chats import Chats
from bot.municipal.content import MunicipalData
from bot.municipal.tips import enqueue_daily_tips
from bot.open311.sender import senders as open311_senders
from nlu.server import ServerError, nlu_server

log = logging.getLogger("labbaik")


def _start_nlu(settings: Settings, stack: contextlib.ExitStack) -> None:
    """Start (or reuse) the Rasa server; without it the bot still works from menus."""
    try:
        stack.enter_context(nlu_server(settings.nlu))
    except ServerError as exc:
        log.error("NLU server did not start (%s); running with menus only", exc)


def _background(runtime: Runtime, stop: asyncio.Event) -> list[asyncio.Task[None]]:
    """Every channel's own work, the outbox worker, the daily tips and the content watch."""
    senders = {**registry.senders(runtime), **open311_senders()}
    worker = OutboxWorker.from_runtime(runtime, senders)
    work = [
        *registry.tasks(runtime, stop),  # Telegram polls, or sets its webhook
        worker.run(stop),
        daily_tips(runtime, stop),
        close_unanswered(runtime, stop),  # "is it fixed?" unanswered for too long
        runtime.content.watch(stop),  # an edited file is live within seconds
        runtime.live.run(stop),  # the bus, fanned out to the desk's live pages
        chat_sweeps(Chats(runtime), stop),
    ]
    return [asyncio.create_task(w) for w in work]


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


async def serve(runtime: Runtime, host: str, port: int) -> None:
    threads = ThreadPoolExecutor(max_workers=DATABASE_THREADS, thread_name_prefix="labbaik")
    asyncio.get_running_loop().set_default_executor(threads)
    server = uvicorn.Server(server_config(runtime, host, port))
    stop = asyncio.Event()
    tasks = _background(runtime, stop)
    log.info("Labbaik is up: web chat at http://%s:%d/", host, port)
    try:
        await server.serve()
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)


def main(args: argparse.Namespace) -> int:
    setup_logging(logging.INFO)
    settings = load_settings(args.config)
    host = args.host or settings.web.host
    port = args.port or settings.web.port
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
