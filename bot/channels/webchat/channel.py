"""The web chat as a channel (bot/channels/base.py): its page and API, and its outbox sender."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.routing import BaseRoute

from bot.channels.base import Channel
from bot.channels.webchat.routes import WebChat
from bot.channels.webchat.sender import WebChatSender
from bot.channels.webchat.settings import WebChatSettings
from bot.core.messages import ChannelSender
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.context import WebContext


def enabled(settings: Settings) -> tuple[bool, str]:
    if not settings.channel("webchat", WebChatSettings).enabled:
        return False, "channels.webchat.enabled is false in config.yaml"
    return True, "on"


def _routes(runtime: Runtime, web: WebContext) -> Sequence[BaseRoute]:
    return WebChat(runtime, web.metrics, clock=web.clock).routes()


def _sender(runtime: Runtime) -> ChannelSender:
    """Later messages land in the chat's history, where the page finds them."""
    return WebChatSender(runtime.service.database)


CHANNEL = Channel(
    name="webchat",
    settings_type=WebChatSettings,
    enabled=enabled,
    routes=_routes,
    sender=_sender,
)
