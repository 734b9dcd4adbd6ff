"""The one small protocol every channel package offers: `Channel`.

A channel is a package under bot/channels/<name>/ that turns a platform's
payloads into neutral `Inbound` messages and renders `Reply`s back
(bot/core/messages.py), and says, through its `CHANNEL` object:

- `settings_type`: its section of config.yaml (`channels.<name>`), and
  `secrets`: the environment variables that fill keys of it;
- `enabled(settings)`: whether it can run, and one line saying why (not);
- `routes(runtime, web)`: its webhooks or pages, mounted only when enabled;
- `sender(runtime)`: what the outbox worker delivers its later messages with;
- `tasks(runtime, stop)`: its background work in `labbaik run` (polling, ...);
- `rate_limits(settings)`: its platform's outgoing limits;
- `reply_window`: how long after a person's last message the platform lets
  us write to them freely (WhatsApp's 24 hours), if it limits that at all.

Only `name` is required; a part a channel does not have stays None. The list
of channels is bot/channels/registry.py, the one place a new one is added.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from pydantic import BaseModel
from starlette.routing import BaseRoute

from bot.core.messages import ChannelSender
from bot.core.ratelimit import RateLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.context import WebContext

Task = Coroutine[Any, Any, None]


def always_on(settings: Settings) -> tuple[bool, str]:
    return True, "always on"


@dataclass(frozen=True)
class Channel:
    name: str  # the channel's name everywhere: config, storage rows, Inbound.channel
    settings_type: type[BaseModel] | None = None
    secrets: Mapping[str, str] = field(default_factory=dict)  # env var -> key of its section
    enabled: Callable[[Settings], tuple[bool, str]] = always_on
    routes: Callable[[Runtime, WebContext], Sequence[BaseRoute]] | None = None
    sender: Callable[[Runtime], ChannelSender] | None = None
    tasks: Callable[[Runtime, asyncio.Event], Sequence[Task]] | None = None
    rate_limits: Callable[[Settings], RateLimits] | None = None
    reply_window: timedelta | None = None
