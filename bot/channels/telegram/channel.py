"""Telegram through python-telegram-bot: the channel, polling and the webhook route.

Everything that touches PTB lives in this package; the rest of the bot sees
only `Inbound` and `Reply`. `CHANNEL` (bot/channels/base.py) is:

- `enabled(settings)`: whether the channel can run, and why not.
- `run(runtime, stop)`: the channel's background part for `labbaik run`:
  polling (local use), or in webhook mode registering the webhook with
  Telegram; runs beside uvicorn in one event loop until `stop` is set.
- `run_polling(runtime, stop)`: the polling part alone.
- `routes(runtime)`: `POST /webhooks/telegram` for production.
- `TelegramSender` (sender.py): what the outbox worker sends replies with.
- `TELEGRAM_LIMITS`: about 30 messages/s overall and 1/s in one chat.

Every update takes one path, `process_update`: convert, hand to the service
with deliver="outbox" (the reply is queued in the same transaction and sent by
the outbox worker, so a crash loses nothing), then answer a button press.

Before that, every field we read is checked against the Bot API's types
(update_schema.py). What the webhook answers to what it refuses:

- 403: no or a wrong secret header (not Telegram).
- 413 / 400: a body too large, not JSON, nested too deep, not an object, or
  without an integer `update_id`. Telegram never sends such a body, so it is
  not Telegram's delivery of an update: the sender gets a clear 4xx.
- 200 with `{"ok": true, "ignored": "<field> <why>"}` and nothing stored: a
  well-formed update whose fields break the Bot API's types or our limits
  (text that is not a string, callback data over 64 bytes, a name over its
  column). Telegram redelivers every update it does not get a 2xx for, and
  this one can never become valid: a 4xx would have it sent again and again
  (and hold back the chat's later updates), so it is acknowledged, logged
  with its update id and the field, and dropped.
- 500 (Telegram redelivers): only when storing failed, e.g. the database is
  down; the same update then succeeds later.
"""

from __future__ import annotations

import asyncio
import hmac
import logging

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.channels.base import Channel, Task
from bot.channels.telegram.bot_api import _keep_token_out_of_logs, _urls, build_bot, section
from bot.channels.telegram.inbound import to_inbound
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.settings import SECRETS, TelegramSettings
from bot.channels.telegram.update_schema import refusal
from bot.core.messages import ChannelSender
from bot.core.ratelimit import RateLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.bodies import BadBody, read_json
from bot.web.context import WebContext
from bot.web.security import BodyLimitMiddleware

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/webhooks/telegram"
ALLOWED_UPDATES = ["message", "callback_query"]
# Telegram: about 30 messages/s overall and 1/s in one chat (a short burst of a
# multi-part reply is tolerated, so three go at once and then one a second).
TELEGRAM_LIMITS = RateLimits(global_per_second=30.0, per_key_per_second=1.0, per_key_burst=3)
UPDATE_BODY_LIMIT = 1024 * 1024  # an update is a few kilobytes; a long text with entities, more

# ---- configuration -------------------------------------------------------------------


def enabled(settings: Settings) -> tuple[bool, str]:
    """Whether Telegram can run with these settings; the reason is one log line."""
    tg = section(settings)
    if not tg.enabled:
        return False, "switched off in config.yaml (channels.telegram.enabled)"
    if not tg.token:
        return False, "TELEGRAM_BOT_TOKEN is not set"
    if tg.mode == "webhook" and not tg.webhook_secret:
        return False, "webhook mode needs TELEGRAM_WEBHOOK_SECRET"
    return True, f"{tg.mode} mode"


def build_application(runtime: Runtime) -> Application:  # type: ignore[type-arg]
    """The PTB application for polling, built in this one place."""
    _keep_token_out_of_logs()
    tg = section(runtime.settings)
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
        refused = _refusal_of_parsed(update)
        if refused is not None:  # polling has consumed it already: log and move on
            log.warning("telegram update %s ignored: %s", update.update_id, refused)
            return
        await process_update(runtime, update)

    app.add_handler(TypeHandler(Update, on_update))
    app.add_error_handler(_log_error)
    return app


def _refusal_of_parsed(update: Update) -> str | None:
    """The schema's refusal of an update PTB already parsed (polling), as one line."""
    try:
        found = refusal(update.to_dict())
    except Exception as exc:  # PTB objects built from garbage may not even serialise
        return f"not readable ({type(exc).__name__})"
    return None if found is None else str(found)


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
    if section(settings).mode == "polling":
        await run_polling(runtime, stop)
        return
    try:
        url = await register_webhook(settings)
        log.info("Telegram webhook registered at %s", url)
    except (ValueError, TelegramError) as exc:
        log.error("Telegram webhook not registered: %s", exc)
    await stop.wait()


# ---- webhook -------------------------------------------------------------------------


def routes(runtime: Runtime, web: WebContext | None = None) -> list[Route]:
    """`POST /webhooks/telegram`, for the web app to mount when the channel is on."""
    secret = (section(runtime.settings).webhook_secret or "").encode()
    bot = build_bot(runtime.settings)

    async def webhook(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not secret or not hmac.compare_digest(given, secret):
            return JSONResponse({"error": "forbidden"}, status_code=403)
        checked = await _checked_update(request, bot)
        if isinstance(checked, Response):
            return checked
        await process_update(runtime, checked)  # raises -> 500 -> Telegram redelivers
        return JSONResponse({"ok": True})

    limit = Middleware(BodyLimitMiddleware, max_bytes=UPDATE_BODY_LIMIT)
    return [Route(WEBHOOK_PATH, webhook, methods=["POST"], middleware=[limit])]


async def _checked_update(request: Request, bot: Bot) -> Update | Response:
    """The update in the body, or the answer to a body we refuse (see the module docstring)."""
    try:
        data = await read_json(request, max_bytes=UPDATE_BODY_LIMIT)
    except BadBody as exc:
        return _refused(exc.status, exc.code, "body", exc.detail)
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        detail = "an update is an object with an integer update_id"
        return _refused(400, "not_an_update", "update_id", detail)
    refused = refusal(data)
    update = _parse_update(data, bot) if refused is None else None
    if update is None:  # it can never be valid: acknowledged, so Telegram stops sending it
        why = str(refused) if refused else "is not readable as a Telegram update"
        log.warning("telegram update %s ignored: %s", data["update_id"], why)
        return JSONResponse({"ok": True, "ignored": why})
    return update


def _refused(status: int, code: str, field: str, detail: str) -> Response:
    return JSONResponse({"error": code, "field": field, "message": detail}, status_code=status)


def _parse_update(data: dict[str, object], bot: Bot) -> Update | None:
    """PTB's Update of a checked update, or None when PTB cannot build one from it."""
    try:
        return Update.de_json(data, bot)
    except Exception:  # PTB's parser fails in many ways on fields we do not check
        return None


async def register_webhook(settings: Settings) -> str:
    """Tell Telegram where to deliver updates (public URL + path, with the secret)."""
    tg = section(settings)
    if not settings.web.public_url or not tg.webhook_secret:
        raise ValueError("the webhook needs web.public_url (or PUBLIC_URL) and the secret")
    url = settings.web.public_url.rstrip("/") + WEBHOOK_PATH
    async with build_bot(settings) as bot:
        await bot.set_webhook(
            url=url, secret_token=tg.webhook_secret, allowed_updates=ALLOWED_UPDATES
        )
    return url


# ---- the channel ---------------------------------------------------------------------


def _sender(runtime: Runtime) -> ChannelSender:
    return TelegramSender(build_bot(runtime.settings))


def _tasks(runtime: Runtime, stop: asyncio.Event) -> list[Task]:
    return [run(runtime, stop)]  # polls, or sets the webhook


CHANNEL = Channel(
    name="telegram",
    settings_type=TelegramSettings,
    secrets=SECRETS,
    enabled=enabled,
    routes=lambda runtime, web: routes(runtime, web),
    sender=_sender,
    tasks=_tasks,
    rate_limits=lambda settings: TELEGRAM_LIMITS,
)
