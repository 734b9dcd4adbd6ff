"""The Bot API client built from the settings, in one place (URLs, token, quiet logs)."""

from __future__ import annotations

import logging

from telegram import Bot

from bot.channels.telegram.settings import TelegramSettings
from bot.core.settings import Settings

TELEGRAM_API = "https://api.telegram.org"


def section(settings: Settings) -> TelegramSettings:
    """`channels.telegram` of the settings."""
    return settings.channel("telegram", TelegramSettings)


def _urls(tg: TelegramSettings) -> tuple[str, str]:
    """Bot API and file URLs; `api_base_url` points both at another server (tests)."""
    root = (tg.api_base_url or TELEGRAM_API).rstrip("/")
    return f"{root}/bot", f"{root}/file/bot"


def _keep_token_out_of_logs() -> None:
    """httpx logs every request URL at INFO, and Bot API URLs carry the bot token."""
    httpx_log = logging.getLogger("httpx")
    if httpx_log.level < logging.WARNING:
        httpx_log.setLevel(logging.WARNING)


def build_bot(settings: Settings) -> Bot:
    _keep_token_out_of_logs()
    tg = section(settings)
    if not tg.token:
        raise ValueError("Telegram needs TELEGRAM_BOT_TOKEN")
    base_url, base_file_url = _urls(tg)
    return Bot(tg.token, base_url=base_url, base_file_url=base_file_url)


