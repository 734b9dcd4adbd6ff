"""The conversation service: the one path every inbound message takes.

PUBLIC INTERFACE (channel adapters and the web app rely on it):

    result = await service.handle(inbound, deliver="inline" | "outbox")
    result.replies    -> tuple[Reply, ...], rendered in the person's language
    result.duplicate  -> True when this (channel, message_id) was handled before;
                         replies are then the ones stored the first time, so a
                         redelivery can be answered again without acting twice.

`handle` commits the inbound message before it returns; an adapter answers the
platform with 2xx only after `handle` returned (or after `store_only`).
With deliver="outbox" the replies are also queued in the outbox (same
transaction) for the worker to send (Telegram); with "inline" the adapter sends
them itself in its HTTP response (TwiML, web chat, console).

    service.history(channel, user_id, limit) -> list[dict]  # for a web chat reload
    service.render(lang, key, args) -> str
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.channels.base import Inbound, Reply
from bot.config import Settings

Delivery = Literal["inline", "outbox"]


@dataclass(frozen=True)
class HandleResult:
    replies: tuple[Reply, ...]
    duplicate: bool = False


class ConversationService:
    on_outbox: Callable[[], None] | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, with_nlu: bool = True) -> ConversationService:
        raise NotImplementedError("being written by the lead")

    async def handle(self, inbound: Inbound, *, deliver: Delivery = "inline") -> HandleResult:
        raise NotImplementedError("being written by the lead")
