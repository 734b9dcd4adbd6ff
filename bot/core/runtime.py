"""`Runtime`: the running product's parts that channels, routes and workers use.

bot/app/wiring.py builds it once per process (`labbaik run`, `labbaik chat`,
the tests) from the settings: the database migrated, the content snapshot
loaded, the NLU client, the conversation service, the media store, the
process's live updates (`live`, bot/core/live.py). Each channel or route
provider takes what it needs from it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta

from bot.core.content import ContentSource
from bot.core.conversation import ConversationService
from bot.core.live import LiveBus
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
    # how long after a person's last message each channel lets us write to them freely
    # (WhatsApp: 24 hours; absent: no such window)
    reply_windows: dict[str, timedelta] = field(default_factory=dict)
    # the process's one bus listener (`labbaik run` runs it); desk pages subscribe to it
    live: LiveBus = field(init=False)

    def __post_init__(self) -> None:
        self.live = LiveBus(self.service.database.url)

    @property
    def content(self) -> ContentSource:
        return self.service.content
