"""`labbaik run`: the whole product in one process, for local use and small deployments.

Starts (or reuses) the Rasa NLU server, then serves the web app (web chat,
webhooks, health) with uvicorn, and runs beside it in the same event loop the
outbox worker and, when Telegram is configured for polling, the Telegram
poller. Ctrl-C stops everything in order.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging

import uvicorn

from bot.app.config import Settings, load_settings
from bot.app.wiring import Runtime, build_runtime
from bot.channels.base import ChannelSender

log = logging.getLogger("labbaik")


def _start_nlu(settings: Settings, stack: contextlib.ExitStack) -> None:
    """Start (or reuse) the Rasa server; without it the bot still works from menus."""
    from nlu.server import ServerError, nlu_server

    try:
        stack.enter_context(nlu_server(settings.nlu))
    except ServerError as exc:
        log.error("NLU server did not start (%s); running with menus only", exc)


async def _channel_tasks(runtime: Runtime, stop: asyncio.Event) -> list[asyncio.Task[None]]:
    from bot.channels.telegram import channel as telegram
    from bot.channels.webchat import messages as webchat
    from bot.channels.whatsapp import webhook as whatsapp
    from bot.core.outbox import OutboxWorker

    senders: dict[str, ChannelSender] = {}
    tasks = []
    settings = runtime.settings
    on, _why = telegram.enabled(settings)  # the web app logs why it is off
    if on:
        senders["telegram"] = telegram.TelegramSender.from_settings(settings)
        tasks.append(asyncio.create_task(telegram.run(runtime, stop)))  # polls, or sets the webhook
    on, _why = whatsapp.enabled(settings)
    if on:
        senders["whatsapp"] = whatsapp.WhatsAppSender.from_settings(
            settings, runtime.service.database
        )
    if settings.channels.webchat.enabled:  # later messages land in the chat's history
        senders["webchat"] = webchat.WebChatSender(runtime.service.database)
    worker = OutboxWorker.from_runtime(runtime, senders)
    tasks.append(asyncio.create_task(worker.run(stop)))
    tasks.append(asyncio.create_task(daily_tips(runtime, stop)))
    return tasks


TIPS_CHECK_SECONDS = 600.0


def queue_daily_tips(runtime: Runtime) -> int:
    """Queue the day's awareness tip for subscribers; the outbox sends it from 09:00 Makkah time.

    Running it often is harmless: one tip per person per Makkah day.
    """
    from bot.municipal.tips import enqueue_daily_tips

    with runtime.service.database.transaction() as session:
        queued = enqueue_daily_tips(session, now=runtime.service.clock())
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


async def serve(runtime: Runtime, host: str, port: int) -> None:
    from bot.web.app import create_app

    server = uvicorn.Server(
        uvicorn.Config(create_app(runtime), host=host, port=port, log_level="info")
    )
    stop = asyncio.Event()
    tasks = await _channel_tasks(runtime, stop)
    log.info("Labbaik is up: web chat at http://%s:%d/", host, port)
    try:
        await server.serve()
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)


def main(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings(args.config)
    host = args.host or settings.web.host
    port = args.port or settings.web.port
    with contextlib.ExitStack() as stack:
        if not args.no_nlu and settings.nlu.manage_server:
            _start_nlu(settings, stack)
        runtime = build_runtime(settings, with_nlu=not args.no_nlu)
        asyncio.run(serve(runtime, host, port))
    return 0
