"""`build_app(runtime, providers)`: the one ASGI app `labbaik run` serves under uvicorn.

Routes: GET /healthz, GET /metrics, and whatever each route provider gives
(bot/web/context.py): today the channels' (bot/channels/registry.py: the web
chat at /, /chat, /webchat/api/*, /static/webchat/*, and the webhooks
POST /webhooks/telegram, POST /webhooks/whatsapp when configured); the desk
and Open311 come next. The providers are listed in bot/app/wiring.py, because
they use this package's parts (security, throttle, metrics) and this module
importing them back would make the packages depend on each other.

The middleware, outermost first:

1. proxy headers: X-Forwarded-For and -Proto are believed only from
   `web.trusted_proxies` (nobody by default; uvicorn's own handling is off,
   bot/app/run.py), so a spoofed header gets no fresh rate-limit bucket;
2. the access log (bot/web/access_log.py): no query strings, no addresses;
3. security headers on every answer, errors and 500s included, with HSTS when
   `PUBLIC_URL` is https;
4. the error shield: an unhandled exception is a JSON 500 logged without its
   text (storage's `InvalidValue`, a 400);
5. a ceiling per peer on every public endpoint (bot/web/throttle.py);
6. webhook counting for /metrics;
7. every request body capped at the largest photo we accept plus a margin
   for the multipart envelope (routes cap theirs lower): a bigger one is
   refused with 413 before it is read.

/healthz answers from states a `HealthMonitor` refreshes in the app's
lifespan (bot/web/health.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Route
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from bot.core.runtime import Runtime
from bot.web.access_log import AccessLogMiddleware
from bot.web.context import RouteProvider, WebContext
from bot.web.health import Health, HealthMonitor
from bot.web.metrics import Metrics, WebhookCountingMiddleware
from bot.web.security import (
    BodyLimitMiddleware,
    ErrorShieldMiddleware,
    SecurityHeadersMiddleware,
    headers_for,
)
from bot.web.throttle import CeilingMiddleware, Clock

log = logging.getLogger(__name__)

BODY_MARGIN = 64 * 1024  # multipart boundaries and the small form fields beside the photo


def build_app(
    runtime: Runtime, providers: Sequence[RouteProvider], *, clock: Clock = time.monotonic
) -> Starlette:
    """The web app for one runtime; nothing global, so tests can build several.

    `clock` paces the web chat's flood control (tests pass one they move by hand).
    """
    metrics = Metrics()
    monitor = HealthMonitor(runtime)
    health = Health(runtime, metrics, monitor)
    web = WebContext(metrics=metrics, clock=clock)
    routes: list[BaseRoute] = [
        Route("/healthz", health.healthz),
        Route("/metrics", health.metrics_text),
    ]
    for provider in providers:
        routes.extend(provider(runtime, web))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        checks = asyncio.create_task(monitor.run(stop))
        try:
            yield
        finally:
            stop.set()
            await checks

    middleware = _middleware(runtime, metrics, clock)
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.runtime = runtime
    app.state.metrics = metrics
    app.state.health = monitor
    return app


def _middleware(runtime: Runtime, metrics: Metrics, clock: Clock) -> list[Middleware]:
    web = runtime.settings.web
    return [
        Middleware(ProxyHeadersMiddleware, trusted_hosts=list(web.trusted_proxies)),
        Middleware(AccessLogMiddleware),
        Middleware(SecurityHeadersMiddleware, headers=headers_for(web.public_url)),
        Middleware(ErrorShieldMiddleware),
        Middleware(CeilingMiddleware, clock=clock),
        Middleware(WebhookCountingMiddleware, metrics=metrics),
        Middleware(BodyLimitMiddleware, max_bytes=runtime.media.max_bytes + BODY_MARGIN),
    ]
