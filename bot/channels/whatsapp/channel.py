"""WhatsApp as a channel (bot/channels/base.py): the signed webhook, the sender, its MPS."""

from __future__ import annotations

from bot.channels.base import Channel
from bot.channels.whatsapp.sender import WINDOW, WhatsAppSender
from bot.channels.whatsapp.settings import SECRETS, WhatsAppSettings
from bot.channels.whatsapp.webhook import enabled, routes, section
from bot.core.messages import ChannelSender
from bot.core.ratelimit import RateLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings


def _sender(runtime: Runtime) -> ChannelSender:
    return WhatsAppSender.from_settings(runtime.settings, runtime.service.database)


def _limits(settings: Settings) -> RateLimits:
    """The sender's throughput at Twilio (its MPS, 80 by default)."""
    return RateLimits(global_per_second=section(settings).messages_per_second)


CHANNEL = Channel(
    name="whatsapp",
    settings_type=WhatsAppSettings,
    secrets=SECRETS,
    enabled=enabled,
    routes=routes,
    sender=_sender,
    rate_limits=_limits,
    reply_window=WINDOW,  # WhatsApp's customer-service window
)
