"""WhatsApp through Twilio: the webhook that takes people's messages and answers in TwiML.

POST /webhooks/whatsapp is checked before anything is read or stored: the
X-Twilio-Signature must match the request as Twilio signed it, i.e. the
public URL configured for the webhook (`web.public_url` / PUBLIC_URL + path +
query string, so it holds behind a proxy) and every form parameter. Then
every field is held to its real format (form.py: the signature cannot tell
`MessageSid=SMx…&MessageType=text` from `MessageSid=SMx…MessageTypetext`), the
AccountSid must be ours and a MediaUrl must be on a configured media host. A
forged or altered request gets 403, a malformed one 400 naming the field
(`{"error", "field", "message"}`), and neither is stored.

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
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels.fields import Refusal
from bot.channels.whatsapp.form import TwilioForm
from bot.channels.whatsapp.media_download import MediaHosts, fetch_media
from bot.channels.whatsapp.reply_text import render_body, split_body
from bot.channels.whatsapp.sender import WhatsAppSender
from bot.channels.whatsapp.settings import WhatsAppSettings
from bot.core.media import MediaRejected
from bot.core.messages import Inbound, Reply
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.context import WebContext
from bot.web.security import BodyLimitMiddleware
from dialogs.model import Location, Media

__all__ = ["PATH", "WhatsAppSender", "enabled", "routes", "twiml"]

log = logging.getLogger(__name__)

PATH = "/webhooks/whatsapp"
FORM_BODY_LIMIT = 64 * 1024  # a 4096-character body, percent-encoded, and the rest
_READABLE_TYPES = {"text", "image", "location", "button", "interactive"}  # Twilio's MessageType


class MalformedForm(ValueError):
    """The request body is not a Twilio message form; `field` names what is wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field} {reason}")
        self.field = field
        self.reason = reason

    @classmethod
    def of(cls, refusal: Refusal) -> MalformedForm:
        return cls(refusal.field, refusal.reason)


def _malformed(exc: MalformedForm) -> Response:
    body = {"error": "malformed", "field": exc.field, "message": f"malformed request: {exc}"}
    return JSONResponse(body, status_code=400)


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
    limit = Middleware(BodyLimitMiddleware, max_bytes=FORM_BODY_LIMIT)
    handle = _Webhook(runtime).handle
    return [Route(PATH, handle, methods=["POST"], name="whatsapp_webhook", middleware=[limit])]


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
        self._account = wa.account_sid
        self._auth = (wa.account_sid, wa.auth_token)
        self._validator = RequestValidator(wa.auth_token)
        self._url = webhook_url(runtime.settings)
        self._hosts = MediaHosts(wa.media_hosts, wa.media_redirect_hosts)

    async def handle(self, request: Request) -> Response:
        signed = await self._signed_pairs(request)
        if isinstance(signed, Response):
            return signed
        try:
            form = self._checked(signed)
            if form.MessageStatus:  # a delivery receipt of ours, if Twilio posts them here
                return Response(twiml(()), media_type="application/xml")
            inbound = await self._inbound(form)
        except MalformedForm as exc:
            log.info("whatsapp: malformed request refused: %s", exc.field)
            return _malformed(exc)
        result = await self._runtime.service.handle(inbound, deliver="inline")
        log.debug(  # the access log has a line per request already; this one is for debugging
            "whatsapp: message from %s handled%s, %d replies",
            who(inbound.user_id),
            " (redelivery)" if result.duplicate else "",
            len(result.replies),
        )
        return Response(twiml(result.replies), media_type="application/xml")

    async def _signed_pairs(self, request: Request) -> list[tuple[str, str]] | Response:
        """The form's parameters, if Twilio signed exactly this request; else the 403/400."""
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            return JSONResponse({"error": "missing X-Twilio-Signature"}, status_code=403)
        try:
            pairs = _parse_form(request.headers.get("content-type", ""), await request.body())
        except MalformedForm as exc:
            return _malformed(exc)
        url = self._url + (f"?{request.url.query}" if request.url.query else "")
        if not self._validator.validate(url, _for_signature(pairs), signature):
            log.warning("whatsapp: request with a wrong signature refused")
            return JSONResponse({"error": "signature does not match"}, status_code=403)
        return pairs

    def _checked(self, pairs: list[tuple[str, str]]) -> TwilioForm:
        form = TwilioForm.check(pairs)
        if isinstance(form, Refusal):
            raise MalformedForm.of(form)
        if form.AccountSid is not None and form.AccountSid != self._account:
            raise MalformedForm("AccountSid", "is not this webhook's Twilio account")
        if form.num_media and form.MediaUrl0 is None:
            raise MalformedForm("MediaUrl0", "is required when NumMedia is set")
        if form.num_media and form.MediaUrl0 and not self._hosts.allows_first(form.MediaUrl0):
            raise MalformedForm("MediaUrl0", "is not on a configured media host")
        return form

    async def _inbound(self, form: TwilioForm) -> Inbound:
        user_id, message_id = form.From, form.MessageSid
        name = form.ProfileName or None
        kind = _unsupported_kind(form)
        if kind is not None:
            return Inbound("whatsapp", user_id, message_id, display_name=name, unsupported=kind)
        media, rejected = await self._media(form) if form.num_media else (None, None)
        return Inbound(
            "whatsapp",
            user_id,
            message_id,
            text=form.Body.strip() or None,
            choice=form.ButtonPayload or form.ListId or None,
            location=_location(form),
            media=media,
            unsupported=rejected,
            display_name=name,
        )

    async def _media(self, form: TwilioForm) -> tuple[Media | None, str | None]:
        assert form.MediaUrl0 is not None  # checked by _checked
        settings = self._runtime.settings
        try:
            async with httpx.AsyncClient(timeout=20.0) as client:
                media = await fetch_media(
                    client,
                    form.MediaUrl0,
                    form.MediaContentType0 or None,
                    auth=self._auth,
                    store=self._runtime.media,
                    allowed_types=settings.media.allowed_types,
                    hosts=self._hosts,
                )
        except MediaRejected as exc:
            log.info("whatsapp: photo refused (%s): %s", exc.reason, exc)
            reason = exc.reason if exc.reason in ("too_large", "wrong_type") else "unreadable"
            return None, f"media_{reason}"
        return media, None


def _parse_form(content_type: str, body: bytes) -> list[tuple[str, str]]:
    if content_type.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        raise MalformedForm("body", "must be an application/x-www-form-urlencoded form")
    try:
        text = body.decode("utf-8")
        return parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedForm("body", "cannot be parsed as a form") from exc


def _for_signature(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The parameters as the validator takes them (a repeated name is refused later)."""
    return dict(pairs)


def _location(form: TwilioForm) -> Location | None:
    if not form.Latitude or not form.Longitude:
        return None
    label = form.Address or form.Label or None
    return Location(lat=float(form.Latitude), lon=float(form.Longitude), label=label)


def _unsupported_kind(form: TwilioForm) -> str | None:
    """What we cannot read ("sticker", "voice", ...), from MessageType or the media type."""
    message_type = form.MessageType or ""
    if message_type and message_type not in _READABLE_TYPES:
        return {"audio": "voice"}.get(message_type, message_type)
    if form.num_media == 0:
        has_content = form.Body or form.Latitude or form.ButtonPayload or form.ListId
        return None if has_content else "empty"
    media_type = (form.MediaContentType0 or "").lower()
    for prefix, kind in (("audio/", "voice"), ("video/", "video"), ("text/", "contact")):
        if media_type.startswith(prefix):
            return kind
    return None
