"""Every channel, listed once: the registry the rest of the bot asks.

Adding a channel means its package under bot/channels/<name>/ (with a
`CHANNEL` of bot/channels/base.py), one line in `CHANNELS` below and its
section in config.yaml (docs/channels.md). Everything else asks this module:
the settings' `channels` sections (bot/app/config.py), the routes mounted
(bot/app/wiring.py), the outbox senders and rate limits, the background tasks
of `labbaik run`. Storage takes any well-formed channel name; the registry is
the truth about which exist.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from pydantic import BaseModel
from starlette.routing import BaseRoute

from bot.channels.base import Channel, Task
from bot.channels.console.terminal import CONSOLE
from bot.channels.phone.channel import CHANNEL as PHONE
from bot.channels.telegram.channel import CHANNEL as TELEGRAM
from bot.channels.webchat.channel import CHANNEL as WEBCHAT
from bot.channels.whatsapp.channel import CHANNEL as WHATSAPP
from bot.core.messages import ChannelSender
from bot.core.ratelimit import RateLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.context import WebContext

log = logging.getLogger(__name__)

CHANNELS: tuple[Channel, ...] = (CONSOLE, TELEGRAM, WHATSAPP, WEBCHAT, PHONE)


def get(name: str) -> Channel:
    found = next((c for c in CHANNELS if c.name == name), None)
    if found is None:
        raise LookupError(f"no channel {name!r} in bot/channels/registry.py")
    return found


def sections() -> dict[str, type[BaseModel]]:
    """Each channel's section type of config.yaml, by name."""
    return {c.name: c.settings_type for c in CHANNELS if c.settings_type is not None}


def secrets() -> dict[str, tuple[str, str]]:
    """Environment variable -> (channel, key of its section), for every channel."""
    return {env: (c.name, key) for c in CHANNELS for env, key in c.secrets.items()}


def _on(channel: Channel, settings: Settings) -> bool:
    return channel.enabled(settings)[0]


def routes(runtime: Runtime, web: WebContext) -> list[BaseRoute]:
    """The routes of every channel that is on; one log line for each that is off, saying why."""
    found: list[BaseRoute] = []
    for channel in CHANNELS:
        if channel.routes is None:
            continue
        on, why = channel.enabled(runtime.settings)
        if on:
            found.extend(channel.routes(runtime, web))
        else:
            log.info("%s not mounted: %s", channel.name, why)
    return found


def senders(runtime: Runtime) -> dict[str, ChannelSender]:
    """The outbox worker's sender for every channel that is on and sends later messages."""
    return {
        c.name: c.sender(runtime)
        for c in CHANNELS
        if c.sender is not None and _on(c, runtime.settings)
    }


def rate_limits(settings: Settings) -> dict[str, RateLimits]:
    return {c.name: c.rate_limits(settings) for c in CHANNELS if c.rate_limits is not None}


def reply_windows() -> dict[str, timedelta]:
    """The channels that limit when we may write to a person, and for how long after their
    last message (a live chat's agent is warned once it has closed)."""
    return {c.name: c.reply_window for c in CHANNELS if c.reply_window is not None}


def tasks(runtime: Runtime, stop: asyncio.Event) -> list[Task]:
    """The background work of every channel that is on (polling, registering a webhook)."""
    return [
        task
        for c in CHANNELS
        if c.tasks is not None and _on(c, runtime.settings)
        for task in c.tasks(runtime, stop)
    ]
