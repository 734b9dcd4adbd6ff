"""WhatsApp through Twilio: the webhook that takes people's messages and answers in TwiML.

POST /webhooks/whatsapp is checked before anything is read or stored: the
X-Twilio-Signature must match the request as Twilio signed it, i.e. the
public URL configured for the webhook (`web.public_url` / PUBLIC_URL + path +
query string, so it holds behind a proxy) and every form parameter. A forged
or altered request gets 403, a malformed one 400, and neither is stored.

The form becomes a neutral `Inbound` (text, location pin, photo, quick-reply
payload, profile name); `MessageSid` is its message id, so Twilio's
redeliveries are handled once and answered with the replies stored the first
time. Replies go back in the HTTP response as TwiML, one <Message> per part.
Later messages (status changes, agents) go out via the outbox and
`WhatsAppSender` (sender.py). No twilio type leaves this package.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from urllib.parse import parse_qsl

import httpx
from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels.whatsapp.media_download import fetch_media
from bot.channels.whatsapp.reply_text import render_body, split_body
from bot.channels.whatsapp.sender import WhatsAppSender
from bot.channels.whatsapp.settings import WhatsAppSettings
from bot.core.media import MediaRejected
from bot.core.messages import Inbound, Reply
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.context import WebContext
from dialogs.model import Location, Media

__all__ = ["PATH", "WhatsAppSender", "enabled", "routes", "twiml"]

log = logging.getLogger(__name__)

PATH = "/webhooks/whatsapp"
_READABLE_TYPES = {"text", "image", "location", "button", "interactive"}  # Twilio's MessageType


class MalformedForm(ValueError):
    """The request body is not a Twilio message form."""


def enabled(settings: Settings) -> tuple[bool, str]:
    """Whether the WhatsApp webhook can run, and one line saying why (not)."""
    wa = section(settings)
    if not wa.enabled:
        return False, "switched off in config.yaml (channels.whatsapp.enabled)"
    missing = [
        name
        for name, value in (
            ("TWILIO_ACCOUNT_SID", wa.account_sid),
            ("TWILIO_AUTH_TOKEN", wa.auth_token),
            ("PUBLIC_URL (or web.public_url)", settings.web.public_url),
        )
        if not value
    ]
    if missing:
        return False, f"{', '.join(missing)} not set"
    return True, f"Twilio webhook at {webhook_url(settings)}"


def webhook_url(settings: Settings) -> str:
    """The URL to configure in Twilio (and the one its signatures are computed over)."""
    return f"{(settings.web.public_url or '').rstrip('/')}{PATH}"


def section(settings: Settings) -> WhatsAppSettings:
    """`channels.whatsapp` of the settings."""
    return settings.channel("whatsapp", WhatsAppSettings)


def routes(runtime: Runtime, web: WebContext | None = None) -> list[Route]:
    """The webhook route, or none when WhatsApp is off (see `enabled`)."""
    on, _reason = enabled(runtime.settings)
    if not on:
        return []
    return [Route(PATH, _Webhook(runtime).handle, methods=["POST"], name="whatsapp_webhook")]


def twiml(replies: Sequence[Reply]) -> str:
    """The TwiML answer: one <Message> per part of each reply (≤ 1600 characters)."""
    response = MessagingResponse()
    for reply in replies:
        for part in split_body(render_body(reply)):
            response.message(part)
    return str(response)


def who(user_id: str) -> str:
    """A short stable tag for logs instead of the phone number."""
    return hashlib.sha256(user_id.encode()).hexdigest()[:10]


class _Webhook:
    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        wa = section(runtime.settings)
        assert wa.account_sid and wa.auth_token  # checked by enabled()
        self._auth = (wa.account_sid, wa.auth_token)
        self._validator = RequestValidator(wa.auth_token)
        self._url = webhook_url(runtime.settings)

    async def handle(self, request: Request) -> Response:
        checked = await self._signed_form(request)
        if isinstance(checked, Response):
            return checked
        if checked.get("MessageStatus"):  # a delivery receipt of ours, if Twilio posts them here
            return Response(twiml(()), media_type="application/xml")
        try:
            inbound = await self._inbound(checked)
        except MalformedForm as exc:
            return PlainTextResponse(f"malformed request: {exc}", status_code=400)
        result = await self._runtime.service.handle(inbound, deliver="inline")
        log.info(
            "whatsapp: message from %s handled%s, %d replies",
            who(inbound.user_id),
            " (redelivery)" if result.duplicate else "",
            len(result.replies),
        )
        return Response(twiml(result.replies), media_type="application/xml")

    async def _signed_form(self, request: Request) -> ImmutableMultiDict[str, str] | Response:
        """The form, if Twilio signed exactly this request; else the 403/400 answer."""
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            return PlainTextResponse("missing X-Twilio-Signature", status_code=403)
        try:
            params = _parse_form(request.headers.get("content-type", ""), await request.body())
        except MalformedForm as exc:
            return PlainTextResponse(f"malformed request: {exc}", status_code=400)
        url = self._url + (f"?{request.url.query}" if request.url.query else "")
        if not self._validator.validate(url, params, signature):
            log.warning("whatsapp: request with a wrong signature refused")
            return PlainTextResponse("signature does not match", status_code=403)
        return params

    async def _inbound(self, form: ImmutableMultiDict[str, str]) -> Inbound:
        message_id = form.get("MessageSid") or form.get("SmsMessageSid")
        user_id = form.get("From")
        if not message_id or not user_id:
            raise MalformedForm("MessageSid and From are required")
        name = form.get("ProfileName") or None
        kind = _unsupported_kind(form)
        if kind is not None:
            return Inbound("whatsapp", user_id, message_id, display_name=name, unsupported=kind)
        media, rejected = await self._media(form) if _num_media(form) else (None, None)
        return Inbound(
            "whatsapp",
            user_id,
            message_id,
            text=(form.get("Body") or "").strip() or None,
            choice=form.get("ButtonPayload") or form.get("ListId") or None,
            location=_location(form),
            media=media,
            unsupported=rejected,
            display_name=name,
        )

    async def _media(self, form: ImmutableMultiDict[str, str]) -> tuple[Media | None, str | None]:
        url = form.get("MediaUrl0")
        if not url:
            raise MalformedForm("NumMedia is set but MediaUrl0 is missing")
        settings = self._runtime.settings
        try:
            async with httpx.AsyncClient(timeout=20.0) as client:
                media = await fetch_media(
                    client,
                    url,
                    form.get("MediaContentType0"),
                    auth=self._auth,
                    store=self._runtime.media,
                    allowed_types=settings.media.allowed_types,
                )
        except MediaRejected as exc:
            log.info("whatsapp: photo refused (%s): %s", exc.reason, exc)
            reason = exc.reason if exc.reason in ("too_large", "wrong_type") else "unreadable"
            return None, f"media_{reason}"
        return media, None


def _parse_form(content_type: str, body: bytes) -> ImmutableMultiDict[str, str]:
    if content_type.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        raise MalformedForm("expected an application/x-www-form-urlencoded body")
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedForm("the form cannot be parsed") from exc
    return ImmutableMultiDict(pairs)


def _num_media(form: ImmutableMultiDict[str, str]) -> int:
    raw = form.get("NumMedia") or "0"
    if not raw.isdigit():
        raise MalformedForm("NumMedia is not a number")
    return int(raw)


def _location(form: ImmutableMultiDict[str, str]) -> Location | None:
    lat, lon = form.get("Latitude"), form.get("Longitude")
    if not lat or not lon:
        return None
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError as exc:
        raise MalformedForm("Latitude/Longitude are not numbers") from exc
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise MalformedForm("Latitude/Longitude out of range")
    label = form.get("Address") or form.get("Label") or None
    return Location(lat=latitude, lon=longitude, label=label)


def _unsupported_kind(form: ImmutableMultiDict[str, str]) -> str | None:
    """What we cannot read ("sticker", "voice", ...), from MessageType or the media type."""
    message_type = (form.get("MessageType") or "").lower()
    if message_type and message_type not in _READABLE_TYPES:
        return {"audio": "voice"}.get(message_type, message_type)
    if _num_media(form) == 0:
        has_content = form.get("Body") or form.get("Latitude") or form.get("ButtonPayload")
        return None if has_content or form.get("ListId") else "empty"
    media_type = (form.get("MediaContentType0") or "").lower()
    for prefix, kind in (("audio/", "voice"), ("video/", "video"), ("text/", "contact")):
        if media_type.startswith(prefix):
            return kind
    return None
