"""Telegram through python-telegram-bot: polling, the webhook route and the sender.

Everything that touches PTB lives in `telegram*.py`; the rest of the bot sees
only `Inbound` and `Reply`.

- `enabled(settings)`: whether the channel can run, and why not.
- `run(runtime, stop)`: the channel's background part for `labbaik run`:
  polling (local use), or in webhook mode registering the webhook with
  Telegram; runs beside uvicorn in one event loop until `stop` is set.
- `run_polling(runtime, stop)`: the polling part alone.
- `routes(runtime)`: `POST /webhooks/telegram` for production.
- `TelegramSender`: what the outbox worker sends replies with.

Every update takes one path, `process_update`: convert, hand to the service
with deliver="outbox" (the reply is queued in the same transaction and sent by
the outbox worker, so a crash loses nothing), then answer a button press.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import warnings
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Bot, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.app.config import Settings, TelegramSettings
from bot.app.wiring import Runtime
from bot.channels.base import PermanentFailure, Reply, RetryLater
from bot.channels.telegram.inbound import to_inbound
from bot.channels.telegram.render import Part, render

log = logging.getLogger(__name__)

TELEGRAM_API = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/webhooks/telegram"
ALLOWED_UPDATES = ["message", "callback_query"]
_NETWORK_RETRY_SECONDS = 5.0


# ---- configuration -------------------------------------------------------------------


def enabled(settings: Settings) -> tuple[bool, str]:
    """Whether Telegram can run with these settings; the reason is one log line."""
    tg = settings.channels.telegram
    if not tg.enabled:
        return False, "switched off in config.yaml (channels.telegram.enabled)"
    if not tg.token:
        return False, "TELEGRAM_BOT_TOKEN is not set"
    if tg.mode == "webhook" and not tg.webhook_secret:
        return False, "webhook mode needs TELEGRAM_WEBHOOK_SECRET"
    return True, f"{tg.mode} mode"


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
    tg = settings.channels.telegram
    if not tg.token:
        raise ValueError("Telegram needs TELEGRAM_BOT_TOKEN")
    base_url, base_file_url = _urls(tg)
    return Bot(tg.token, base_url=base_url, base_file_url=base_file_url)


def build_application(runtime: Runtime) -> Application:  # type: ignore[type-arg]
    """The PTB application for polling, built in this one place."""
    _keep_token_out_of_logs()
    tg = runtime.settings.channels.telegram
    if not tg.token:
        raise ValueError("Telegram needs TELEGRAM_BOT_TOKEN")
    base_url, base_file_url = _urls(tg)
    app = (
        ApplicationBuilder()
        .token(tg.token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .job_queue(None)
        .build()
    )

    async def on_update(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        await process_update(runtime, update)

    app.add_handler(TypeHandler(Update, on_update))
    app.add_error_handler(_log_error)
    return app


async def _log_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    update_id = getattr(update, "update_id", None)
    # the error's type only: its text may quote what the person wrote
    log.error("telegram update %s failed: %s", update_id, type(context.error).__name__)
    log.debug("telegram update %s failed", update_id, exc_info=context.error)


# ---- the one path ---------------------------------------------------------------------


async def process_update(runtime: Runtime, update: Update) -> None:
    """Hand the update to the service; returns once it is stored (or had nothing for us)."""
    inbound = await to_inbound(update, runtime.media)
    if inbound is None:
        log.debug("telegram update %s ignored", update.update_id)
        return
    result = await runtime.service.handle(inbound, deliver="outbox")
    if result.replies:
        runtime.outbox_wakeup.set()
    if update.callback_query is not None:
        await _settle_button(update, first_time=not result.duplicate)


async def _settle_button(update: Update, *, first_time: bool) -> None:
    """Stop the spinner on the pressed button and take the spent keyboard away."""
    query = update.callback_query
    assert query is not None
    try:
        await query.answer()
        if first_time and query.message is not None:
            await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError as exc:  # an old query or an already edited message
        log.info("telegram callback %s not settled: %s", update.update_id, type(exc).__name__)


# ---- polling -------------------------------------------------------------------------


async def run_polling(runtime: Runtime, stop: asyncio.Event, *, poll_timeout: int = 10) -> None:
    """Fetch updates with getUpdates until `stop` is set (shares the event loop)."""
    app = build_application(runtime)
    try:
        await app.initialize()
    except TelegramError as exc:
        log.error("Telegram polling did not start: %s", type(exc).__name__)
        return
    try:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(
            timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False
        )
        log.info("Telegram polling as @%s", app.bot.username)
        await stop.wait()
    finally:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()


async def run(runtime: Runtime, stop: asyncio.Event) -> None:
    """Polling, or (webhook mode) tell Telegram our webhook URL; then wait for `stop`."""
    settings = runtime.settings
    if settings.channels.telegram.mode == "polling":
        await run_polling(runtime, stop)
        return
    try:
        url = await register_webhook(settings)
        log.info("Telegram webhook registered at %s", url)
    except (ValueError, TelegramError) as exc:
        log.error("Telegram webhook not registered: %s", exc)
    await stop.wait()


# ---- webhook -------------------------------------------------------------------------


def routes(runtime: Runtime) -> list[Route]:
    """`POST /webhooks/telegram`, for the web app to mount when the channel is on."""
    secret = (runtime.settings.channels.telegram.webhook_secret or "").encode()
    bot = build_bot(runtime.settings)

    async def webhook(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not secret or not hmac.compare_digest(given, secret):
            return JSONResponse({"error": "forbidden"}, status_code=403)
        update = _parse_update(await request.body(), bot)
        if update is None:
            return JSONResponse({"error": "not a Telegram update"}, status_code=400)
        await process_update(runtime, update)  # raises -> 500 -> Telegram redelivers
        return JSONResponse({"ok": True})

    return [Route(WEBHOOK_PATH, webhook, methods=["POST"])]


def _parse_update(body: bytes, bot: Bot) -> Update | None:
    try:
        data = json.loads(body)
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return None
        return Update.de_json(data, bot)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


async def register_webhook(settings: Settings) -> str:
    """Tell Telegram where to deliver updates (public URL + path, with the secret)."""
    tg = settings.channels.telegram
    if not settings.web.public_url or not tg.webhook_secret:
        raise ValueError("the webhook needs web.public_url (or PUBLIC_URL) and the secret")
    url = settings.web.public_url.rstrip("/") + WEBHOOK_PATH
    async with build_bot(settings) as bot:
        await bot.set_webhook(
            url=url, secret_token=tg.webhook_secret, allowed_updates=ALLOWED_UPDATES
        )
    return url


# ---- sending -------------------------------------------------------------------------


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
