"""Telegram's section of config.yaml (`channels.telegram`); token and secret from the env."""

from __future__ import annotations

from typing import Literal

from bot.core.settings import Section


class TelegramSettings(Section):
    enabled: bool = True
    mode: Literal["polling", "webhook"] = "polling"
    api_base_url: str | None = None  # tests point this at a local fake Bot API
    token: str | None = None  # from TELEGRAM_BOT_TOKEN only
    webhook_secret: str | None = None  # from TELEGRAM_WEBHOOK_SECRET only


SECRETS = {"TELEGRAM_BOT_TOKEN": "token", "TELEGRAM_WEBHOOK_SECRET": "webhook_secret"}
