"""`Runtime`: the running product's parts that channels, routes and workers use.

bot/app/wiring.py builds it once per process (`labbaik run`, `labbaik chat`,
the tests) from the settings: the database migrated, the content snapshot
loaded, the NLU client, the conversation service, the media store. Each
channel or route provider takes what it needs from it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bot.core.content import ContentSource
from bot.core.conversation import ConversationService
from bot.core.media import MediaStore
from bot.core.ratelimit import RateLimits
from bot.core.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    service: ConversationService
    media: MediaStore
    # set whenever a row is added to the outbox, so the worker sends at once
    outbox_wakeup: asyncio.Event = field(default_factory=asyncio.Event)
    # each channel's outgoing limits (bot/channels/registry.py fills them in)
    rate_limits: dict[str, RateLimits] = field(default_factory=dict)
    # every channel's name, in the registry's order (the desk's filters list them)
    channels: tuple[str, ...] = ()

    @property
    def content(self) -> ContentSource:
        return self.service.content
