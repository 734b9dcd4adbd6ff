"""Security headers on every response, errors that never leak, and a body limit in JSON.

The chat page loads only its own script and stylesheet (no inline script, no
CDN), so the Content-Security-Policy can allow 'self' and nothing else. HSTS
is added when the public URL is https (the app itself may sit behind a TLS
proxy and never see https).

`ErrorShieldMiddleware` sits inside the headers: an exception no route
handled becomes a JSON 500 (with the security headers, like every other
answer), or a 400 when storage refused a value as `InvalidValue` (the last
line of storage.limits: bad input, not our failure). Its log line names the
route, the exception's type and where it was raised, never the exception's
text, which may quote a phone number or what a person wrote.
"""

from __future__ import annotations

import logging
import traceback

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storage.errors import InvalidValue

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"geolocation=(self), camera=(self), microphone=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def headers_for(public_url: str | None) -> tuple[tuple[bytes, bytes], ...]:
    """HEADERS, and HSTS when the public URL is https."""
    https = (public_url or "").lower().startswith("https://")
    return (*HEADERS, HSTS) if https else HEADERS


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp, headers: tuple[tuple[bytes, bytes], ...] = HEADERS) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ErrorShieldMiddleware:
    """An exception no route handled: a JSON 500 (400 for storage's InvalidValue), logged safely."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        except Exception as exc:
            _log_failure(scope, exc)
            if not started:
                await _error_response(exc)(scope, receive, send)


def _error_response(exc: Exception) -> Response:
    if isinstance(exc, InvalidValue):
        detail = "a value cannot be stored; " + str(exc)  # names the column, never the value
        return JSONResponse({"error": "invalid_value", "message": detail}, status_code=400)
    body = {"error": "server_error", "message": "something went wrong on our side; try again"}
    return JSONResponse(body, status_code=500)


def _log_failure(scope: Scope, exc: Exception) -> None:
    """The route, the type and the frames: an exception's text may quote personal data."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    level = logging.INFO if isinstance(exc, InvalidValue) else logging.ERROR
    method, path = scope.get("method", "?"), scope.get("path", "?")
    log.log(level, "%s %s failed: %s\n%s", method, path, type(exc).__name__, frames.rstrip())


class _TooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuses a request body over `max_bytes` with a JSON 413 the web chat can show.

    A declared Content-Length over the limit is refused before anything is
    read; a chunked body is counted as it arrives and cut off at the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await too_large_response(self.max_bytes)(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise _TooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLarge:
            if started:
                raise
            await too_large_response(self.max_bytes)(scope, receive, send)


def too_large_response(max_bytes: int) -> Response:
    detail = f"the request body is larger than {max_bytes} bytes"
    return JSONResponse({"error": "too_large", "message": detail}, status_code=413)
