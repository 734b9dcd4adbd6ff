"""Sending one neutral reply as Telegram messages: the outbox worker's `ChannelSender`.

A long reply goes out in parts (reply_parts.py). PTB's errors become the outbox's
outcomes: flood control and network trouble are `RetryLater`, a blocked bot
or a refused message `PermanentFailure`.
"""

from __future__ import annotations

import warnings
from datetime import timedelta

from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)

from bot.channels.telegram.bot_api import build_bot
from bot.channels.telegram.reply_parts import Part, render
from bot.core.messages import PermanentFailure, Reply, RetryLater
from bot.core.settings import Settings

_NETWORK_RETRY_SECONDS = 5.0


class TelegramSender:
    """Sends one neutral reply as Telegram messages (ChannelSender for the outbox).

    A long reply goes out in parts. When a later part fails, the parts already
    sent are remembered, so the outbox's retry sends only the rest.
    """

    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        self._sent_parts: dict[tuple[str, str, str], int] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> TelegramSender:
        return cls(build_bot(settings))

    async def send(self, user_id: str, reply: Reply) -> str:
        parts = render(reply)
        progress = (user_id, reply.key, reply.text)
        done = self._sent_parts.get(progress, 0)
        message_id = ""
        for i, part in enumerate(parts[done:], start=done):
            message_id = await self._send_part(user_id, part, progress, i)
        self._sent_parts.pop(progress, None)
        return message_id

    async def _send_part(
        self, user_id: str, part: Part, progress: tuple[str, str, str], i: int
    ) -> str:
        try:
            message = await self._bot.send_message(
                chat_id=int(user_id), text=part.text, reply_markup=part.markup
            )
        except TelegramError as exc:
            failure = _classify(exc)
            if i and isinstance(failure, RetryLater):
                self._sent_parts[progress] = i
            raise failure from exc
        return str(message.message_id)

    async def aclose(self) -> None:
        await self._bot.shutdown()


def _classify(exc: TelegramError) -> Exception:
    """A PTB error as the outbox understands it: wait and retry, or give up."""
    if isinstance(exc, RetryAfter):
        return RetryLater(_retry_seconds(exc), "telegram flood control")
    if isinstance(exc, Forbidden):
        return PermanentFailure("telegram: the person blocked the bot or left")
    if isinstance(exc, (BadRequest, ChatMigrated)):
        return PermanentFailure(f"telegram refused the message: {exc.message}")
    if isinstance(exc, InvalidToken):
        return RetryLater(60.0, "telegram rejects the bot token")
    return RetryLater(_NETWORK_RETRY_SECONDS, f"telegram unreachable: {type(exc).__name__}")


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
