"""`labbaik chat`: talk to the bot in the console (bot/channels/console/terminal.py talks)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys

from bot.app.config import load_settings
from bot.app.wiring import build_runtime
from bot.channels.console.terminal import chat
from bot.core.runtime import Runtime


def main(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings(args.config)
    if args.lang and args.lang not in settings.languages:
        print(
            f"labbaik chat: --lang {args.lang!r} is not one of the configured languages "
            f"{list(settings.languages)} (config.yaml `languages:`)",
            file=sys.stderr,
        )
        return 2
    runtime = build_runtime(settings, with_nlu=not args.no_nlu)
    return asyncio.run(_main(runtime, args))


async def _main(runtime: Runtime, args: argparse.Namespace) -> int:
    nlu = runtime.service.nlu
    if nlu is not None and not await nlu.health():
        print(
            f"labbaik chat: the NLU server at {runtime.settings.nlu.url} is not answering; "
            "menus and buttons work (start it with `labbaik nlu serve` or `labbaik run`)",
            file=sys.stderr,
        )
    stop = asyncio.Event()
    watch = asyncio.create_task(runtime.content.watch(stop))  # edits show in a long session
    try:
        return await chat(runtime, args, sys.stdin, sys.stdout)
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await watch
        if nlu is not None:
            await nlu.aclose()
