"""The web chat's routes: the page, its texts, and the JSON API the page talks to.

GET  /, /chat                  the page (language from Accept-Language as a first hint)
GET  /webchat/api/strings      the page's own texts in one language
POST /webchat/api/messages     {client_id, message_id, lang?, text|choice|location|command}
POST /webchat/api/media        multipart: client_id, message_id, lang?, photo
GET  /webchat/api/history      ?client_id=  the conversation so far, for a reload (and
                               "live": whether a person has the chat, so the page looks
                               for their answers more often)

Messages, photos and history are throttled per browser and per peer address
(behind a configured proxy, the client's address: bot/web/app.py).

Replies are produced by the conversation service with deliver="inline" and
returned in the response. Logs name the client id and status only, never text.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
from pathlib import Path
from string import Template
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.channels.webchat import page_texts as strings
from bot.channels.webchat import payloads as adapter
from bot.core.conversation import language_from_hint
from bot.core.media import MediaRejected
from bot.core.messages import Inbound
from bot.core.runtime import Runtime
from bot.web.bodies import BadBody, read_json
from bot.web.metrics import Metrics
from bot.web.security import BodyLimitMiddleware
from bot.web.throttle import Clock, Throttle

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
PAGE = Template((WEB_DIR / "templates" / "chat.html").read_text(encoding="utf-8"))
JSON_BODY_LIMIT = 16 * 1024
# Flood control (messages and photos): per browser, and per peer address, which a
# crowd behind one carrier NAT may share, hence the larger figures.
PER_CLIENT_RATE, PER_CLIENT_BURST = 1.0, 20
PER_PEER_RATE, PER_PEER_BURST = 20.0, 200
HISTORY_LIMIT = 200
_MEDIA_STATUS = {"too_large": 413, "wrong_type": 415, "empty": 400}
_NO_STORE = {"cache-control": "no-store"}


def pick_language(accept_language: str, languages: tuple[str, ...], default: str) -> str:
    """The first supported language in an Accept-Language header, by quality."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        lang = language_from_hint(tag.strip(), languages)
        if lang is not None:
            ranked.append((-quality, index, lang))
    return min(ranked)[2] if ranked else default


def _megabytes(size: int) -> float | int:
    mb = size / (1024 * 1024)
    return int(mb) if mb.is_integer() else round(mb, 1)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=_NO_STORE)


class WebChat:
    """The web chat endpoints, bound to one runtime."""

    def __init__(self, runtime: Runtime, metrics: Metrics, *, clock: Clock) -> None:
        self.runtime = runtime
        self.per_client = Throttle(PER_CLIENT_RATE, PER_CLIENT_BURST, clock=clock)
        self.per_peer = Throttle(PER_PEER_RATE, PER_PEER_BURST, clock=clock)
        self.settings = runtime.settings
        self.languages: tuple[str, ...] = tuple(runtime.settings.languages)
        self.metrics = metrics

    @property
    def page_texts(self) -> strings.PageTexts:
        """The page's words in the content snapshot in force (an edit shows at once)."""
        return strings.PageTexts(self.runtime.content.current().texts)

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/", self.page, name="webchat"),
            Route("/chat", self.page),
            Route("/webchat/api/strings", self.strings_json),
            Route(
                "/webchat/api/messages",
                self.message,
                methods=["POST"],
                middleware=[Middleware(BodyLimitMiddleware, max_bytes=JSON_BODY_LIMIT)],
            ),
            Route("/webchat/api/media", self.upload, methods=["POST"]),
            Route("/webchat/api/history", self.history),
            Mount("/static/webchat", StaticFiles(directory=STATIC_DIR), name="webchat-static"),
        ]

    async def page(self, request: Request) -> Response:
        lang = pick_language(
            request.headers.get("accept-language", ""),
            self.languages,
            self.settings.default_language,
        )
        texts = self._page_strings(lang)
        body = PAGE.substitute(
            lang=lang,
            dir="rtl" if strings.is_rtl(lang) else "ltr",
            languages=html.escape(
                json.dumps(self.page_texts.language_names(self.languages), ensure_ascii=False)
            ),
            strings=html.escape(json.dumps(texts, ensure_ascii=False)),
            max_bytes=self.runtime.media.max_bytes,
            **{key.replace("-", "_"): html.escape(value) for key, value in texts.items()},
        )
        return HTMLResponse(body, headers={"cache-control": "no-cache", "vary": "Accept-Language"})

    async def strings_json(self, request: Request) -> Response:
        lang = adapter.parse_lang(request.query_params.get("lang"), self.languages)
        if lang is None:
            return _error(400, "bad_lang", f"lang must be one of {list(self.languages)}")
        return JSONResponse(
            {
                "lang": lang,
                "rtl": strings.is_rtl(lang),
                "strings": self._page_strings(lang),
            },
            headers={"cache-control": "no-cache"},
        )

    def _page_strings(self, lang: str) -> dict[str, str]:
        """The page's words, plus the photo errors it shows before uploading anything."""
        megabytes = _megabytes(self.runtime.media.max_bytes)
        texts = self.page_texts
        return {
            **texts.page_strings(lang, {"hotline": self.settings.contact.hotline}),
            "error-too-large": texts.render(lang, "media-too-large", {"megabytes": megabytes}),
            "error-wrong-type": texts.render(lang, "media-wrong-type"),
            "error-empty": texts.render(lang, "media-unreadable"),
        }

    async def message(self, request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            # a cross-site form cannot send this type without a CORS preflight we never allow
            return self._reject("bad_content_type", "send the message as application/json")
        try:  # no recursion, no lone surrogates, no NaN, a depth cap (bot/web/bodies.py)
            payload = await read_json(request, max_bytes=JSON_BODY_LIMIT)
        except BadBody as exc:
            return self._reject(exc.code, exc.detail, status=exc.status)
        try:
            inbound = adapter.parse_message(payload, languages=self.languages)
        except adapter.BadMessage as exc:
            return self._reject(exc.code, exc.detail)
        if not self._allowed(request, inbound.user_id):
            return self._slow_down()
        return await self._handle(inbound)

    async def upload(self, request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=4, max_part_size=1024)
        try:
            return await self._upload(request, form)
        finally:
            await form.close()

    async def _upload(self, request: Request, form: FormData) -> Response:
        try:
            client_id = adapter.parse_client_id(form.get("client_id"))
            message_id = adapter.parse_message_id(form.get("message_id"))
        except adapter.BadMessage as exc:
            return self._reject(exc.code, exc.detail)
        if not self._allowed(request, client_id):
            return self._slow_down()
        lang = adapter.parse_lang(form.get("lang"), self.languages)
        photo = form.get("photo")
        if not isinstance(photo, UploadFile):
            return self._reject("no_photo", "send the picture in a file field named 'photo'")
        store = self.runtime.media
        try:
            store.check_size(photo.size)
            data = await photo.read(store.max_bytes + 1)
            media = await asyncio.to_thread(store.store, data, channel=adapter.CHANNEL)
        except MediaRejected as exc:
            return self._media_rejected(exc, lang or self.settings.default_language)
        return await self._handle(adapter.media_inbound(client_id, message_id, media, lang))

    async def history(self, request: Request) -> Response:
        try:
            client_id = adapter.parse_client_id(request.query_params.get("client_id"))
        except adapter.BadMessage as exc:
            return self._reject(exc.code, exc.detail)
        if not self._allowed(request, client_id):
            return self._slow_down()
        service = self.runtime.service
        items = await asyncio.to_thread(service.history, adapter.CHANNEL, client_id, HISTORY_LIMIT)
        live = await asyncio.to_thread(service.in_live_chat, adapter.CHANNEL, client_id)
        body = {"messages": adapter.history_json(items), "live": live}
        return JSONResponse(body, headers=_NO_STORE)

    async def _handle(self, inbound: Inbound) -> Response:
        self.metrics.count_inbound(adapter.CHANNEL)
        result = await self.runtime.service.handle(inbound, deliver="inline")
        self.metrics.count_outbound(adapter.CHANNEL, len(result.replies))
        log.info(
            "webchat message handled: replies=%d duplicate=%s",
            len(result.replies),
            result.duplicate,
        )
        live = await asyncio.to_thread(
            self.runtime.service.in_live_chat, adapter.CHANNEL, inbound.user_id
        )
        body: dict[str, Any] = {
            "replies": [adapter.reply_json(r) for r in result.replies],
            "duplicate": result.duplicate,
            "live": live,  # a person has the chat: the page looks for their answers often
        }
        return JSONResponse(body, headers=_NO_STORE)

    def _allowed(self, request: Request, client_id: str) -> bool:
        peer = request.client.host if request.client else "unknown"
        return self.per_peer.allow(peer) and self.per_client.allow(client_id)

    def _slow_down(self) -> Response:
        self.metrics.count_rejected(adapter.CHANNEL, "slow_down")
        log.info("webchat request refused: too many messages")
        response = _error(429, "slow_down", "too many messages; wait a moment and try again")
        response.headers["retry-after"] = "1"
        return response

    def _reject(self, code: str, detail: str, *, status: int = 400) -> Response:
        self.metrics.count_rejected(adapter.CHANNEL, code)
        log.info("webchat request rejected: %s", code)
        return _error(status, code, detail)

    def _media_rejected(self, exc: MediaRejected, lang: str) -> Response:
        status = _MEDIA_STATUS.get(exc.reason, 400)
        self.metrics.count_rejected(adapter.CHANNEL, f"media_{exc.reason}")
        log.info("webchat photo rejected: %s", exc.reason)
        text = self._page_strings(lang)[f"error-{exc.reason.replace('_', '-')}"]
        return _error(status, exc.reason, text)
