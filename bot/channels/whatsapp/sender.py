"""Sending WhatsApp messages later (from the outbox) through Twilio's REST API.

`WhatsAppSender` is the outbox worker's `ChannelSender` for WhatsApp. Twilio's
answers become the outbox's outcomes: a rate limit or a Twilio/network outage
is `RetryLater`, a refusal is `PermanentFailure`, and a person outside
WhatsApp's 24-hour customer-service window gets the configured template
(Content SID + variables) or, without one, the message is `Held` so an agent
sees it on the case. The twilio client is synchronous, so every call runs in
a thread; each thread keeps its own client (and so its own last response).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from bot.channels.whatsapp.reply_text import render_body, split_body
from bot.channels.whatsapp.settings import WhatsAppSettings
from bot.core.messages import Held, PermanentFailure, Reply, RetryLater
from bot.core.settings import Settings
from storage import service as store
from storage.db import Database, resolve_url

LastInbound = Callable[[str], Awaitable[datetime | None]]  # user id -> their last message's time

WINDOW = timedelta(hours=24)
_OUTSIDE_WINDOW_CODES = {63016}  # "outside the allowed window": only templates go out
_RETRY_CODES = {20429, 21611, 63018}  # too many requests, queue full, WhatsApp sender rate limit
_TEMPLATE_VARIABLE_LIMIT = 1024
# the twilio library logs every request at INFO; ours says what matters, so keep it quiet
_TWILIO_HTTP_LOG = logging.getLogger("labbaik.twilio_http")
_TWILIO_HTTP_LOG.setLevel(logging.WARNING)


def last_inbound_from(database: Database) -> LastInbound:
    """Read a WhatsApp user's last message time (their 24-hour window) from the database."""

    def read(user_id: str) -> datetime | None:
        with database.session() as session:
            person = store.find_person(session, channel="whatsapp", user_id=user_id)
            return person.last_inbound_at if person is not None else None

    async def lookup(user_id: str) -> datetime | None:
        return await asyncio.to_thread(read, user_id)

    return lookup


class _OutsideWindow(Exception):
    """Twilio said the person's 24-hour window is closed."""


class _RetryAfterHttpClient(TwilioHttpClient):
    """Twilio's HTTP client, also keeping the last response's Retry-After header."""

    retry_after: str | None = None

    def request(self, *args: Any, **kwargs: Any) -> Any:
        self.retry_after = None
        response = super().request(*args, **kwargs)
        self.retry_after = (response.headers or {}).get("Retry-After")
        return response


class WhatsAppSender:
    """Deliver one reply to one WhatsApp user now, or say why not."""

    def __init__(
        self,
        settings: WhatsAppSettings,
        *,
        last_inbound: LastInbound | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        timeout_seconds: float = 15.0,
    ) -> None:
        if not (settings.account_sid and settings.auth_token):
            raise ValueError("WhatsAppSender needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN")
        self._settings = settings
        self._last_inbound = last_inbound
        self._clock = clock
        self._timeout = timeout_seconds
        self._local = threading.local()
        # parts of a long reply Twilio already took, so a retry sends only the rest
        self._sent_parts: dict[tuple[str, str, str], int] = {}

    @classmethod
    def from_settings(cls, settings: Settings, database: Database | None = None) -> WhatsAppSender:
        """The sender `labbaik run` uses; the database tells it each person's 24-hour window."""
        database = database or Database(resolve_url(settings.database.url, settings.root))
        section = settings.channel("whatsapp", WhatsAppSettings)
        return cls(section, last_inbound=last_inbound_from(database))

    async def send(self, user_id: str, reply: Reply) -> str:
        if await self._outside_window(user_id):
            return await self._send_template(user_id, reply)
        try:
            return await self._send_parts(user_id, reply)
        except _OutsideWindow:
            return await self._send_template(user_id, reply)

    async def _send_parts(self, user_id: str, reply: Reply) -> str:
        progress = (user_id, reply.key, reply.text)
        parts = split_body(render_body(reply))
        sid = ""
        for index in range(self._sent_parts.get(progress, 0), len(parts)):
            sid = await asyncio.to_thread(self._create, to=user_id, body=parts[index])
            self._sent_parts[progress] = index + 1
        self._sent_parts.pop(progress, None)
        return sid

    async def _outside_window(self, user_id: str) -> bool:
        if self._last_inbound is None:
            return False
        last = await self._last_inbound(user_id)
        return last is None or self._clock() - last > WINDOW

    async def _send_template(self, user_id: str, reply: Reply) -> str:
        content_sid = self._settings.template_content_sid
        if not content_sid:
            raise Held(
                "outside WhatsApp's 24-hour window and no template is configured "
                "(channels.whatsapp.template_content_sid); an agent must reach the person"
            )
        variables = json.dumps({"1": _template_text(reply)}, ensure_ascii=False)
        try:
            return await asyncio.to_thread(
                self._create, to=user_id, content_sid=content_sid, content_variables=variables
            )
        except _OutsideWindow as exc:
            raise Held("Twilio refused the template outside the 24-hour window") from exc

    def _create(self, **fields: str) -> str:
        """One Messages.json POST (runs in a worker thread); Twilio's errors mapped to ours."""
        client = self._client()
        try:
            message = client.messages.create(from_=self._settings.from_number, **fields)
        except (TwilioRestException, TwilioServiceException) as exc:
            raise _classify(exc, client.http_client.retry_after) from None
        except requests.RequestException as exc:
            raise RetryLater(0, f"Twilio not reachable: {type(exc).__name__}") from None
        return str(message.sid)

    def _client(self) -> Client:
        client: Client | None = getattr(self._local, "client", None)
        if client is None:
            http = _RetryAfterHttpClient(timeout=self._timeout, logger=_TWILIO_HTTP_LOG)
            client = Client(self._settings.account_sid, self._settings.auth_token, http_client=http)
            if self._settings.api_base_url:
                client.api.base_url = self._settings.api_base_url.rstrip("/")
            self._local.client = client
        return client


def _classify(
    exc: TwilioRestException | TwilioServiceException, retry_after: str | None
) -> Exception:
    status, code = int(exc.status), int(exc.code or exc.status)
    if code in _OUTSIDE_WINDOW_CODES:
        return _OutsideWindow()
    if status == 429 or code in _RETRY_CODES:
        return RetryLater(_seconds(retry_after), f"Twilio rate limit: error {code} (HTTP {status})")
    if status >= 500:
        return RetryLater(
            _seconds(retry_after), f"Twilio unavailable: error {code} (HTTP {status})"
        )
    # Twilio's own message can name the phone number: keep only the codes
    return PermanentFailure(f"Twilio refused the message: error {code} (HTTP {status})")


def _seconds(retry_after: str | None) -> float:
    """Retry-After in seconds (0: none given, the worker's backoff decides)."""
    try:
        return max(0.0, float(retry_after)) if retry_after else 0.0
    except ValueError:
        return 0.0


def _template_text(reply: Reply) -> str:
    """The reply as one template variable: WhatsApp refuses line breaks and long runs of spaces."""
    flat = " ".join(render_body(reply).split())
    return flat[:_TEMPLATE_VARIABLE_LIMIT]
