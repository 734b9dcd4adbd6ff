"""The web chat's section of config.yaml (`channels.webchat`)."""

from __future__ import annotations

from bot.core.settings import Section


class WebChatSettings(Section):
    enabled: bool = True
