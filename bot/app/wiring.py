"""The running product wired in one place: settings, database, flows, texts, NLU, service.

`Runtime` is built once (by `labbaik run`, `labbaik chat`, the tests) and
handed to the web app and the channel adapters, each of which takes only
what it needs from it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bot.app.config import Settings
from bot.core.conversation import ConversationService
from bot.core.media import MediaStore
from nlu.language import detect_language


@dataclass
class Runtime:
    settings: Settings
    service: ConversationService
    media: MediaStore
    # set whenever a row is added to the outbox, so the worker sends at once
    outbox_wakeup: asyncio.Event = field(default_factory=asyncio.Event)


def build_runtime(settings: Settings, *, with_nlu: bool = True) -> Runtime:
    """Everything a process needs, from settings; the database is migrated first."""
    service = ConversationService.from_settings(settings, with_nlu=with_nlu)
    detect_language("warm-up")  # builds the language model now, not on the first message
    media = MediaStore(settings.media, settings.path(settings.media.directory))
    runtime = Runtime(settings=settings, service=service, media=media)
    service.on_outbox = runtime.outbox_wakeup.set
    return runtime
