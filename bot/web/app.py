"""`build_app(runtime, providers)`: the one ASGI app `labbaik run` serves under uvicorn.

Routes: GET /healthz, GET /metrics, and whatever each route provider gives
(bot/web/context.py): today the channels' (bot/channels/registry.py: the web
chat at /, /chat, /webchat/api/*, /static/webchat/*, and the webhooks
POST /webhooks/telegram, POST /webhooks/whatsapp when configured); the desk
and Open311 come next. The providers are listed in bot/app/wiring.py, because
they use this package's parts (security, throttle, metrics) and this module
importing them back would make the packages depend on each other.

Every request body is capped at the largest photo we accept plus a margin for
the multipart envelope; a bigger one is refused with 413 before it is read.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Route

from bot.core.runtime import Runtime
from bot.web.context import RouteProvider, WebContext
from bot.web.health import Health
from bot.web.metrics import Metrics, WebhookCountingMiddleware
from bot.web.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from bot.web.throttle import Clock

log = logging.getLogger(__name__)

BODY_MARGIN = 64 * 1024  # multipart boundaries and the small form fields beside the photo


def build_app(
    runtime: Runtime, providers: Sequence[RouteProvider], *, clock: Clock = time.monotonic
) -> Starlette:
    """The web app for one runtime; nothing global, so tests can build several.

    `clock` paces the web chat's flood control (tests pass one they move by hand).
    """
    metrics = Metrics()
    health = Health(runtime, metrics)
    web = WebContext(metrics=metrics, clock=clock)
    routes: list[BaseRoute] = [
        Route("/healthz", health.healthz),
        Route("/metrics", health.metrics_text),
    ]
    for provider in providers:
        routes.extend(provider(runtime, web))
    limit = runtime.media.max_bytes + BODY_MARGIN
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeadersMiddleware),
            Middleware(WebhookCountingMiddleware, metrics=metrics),
            Middleware(BodyLimitMiddleware, max_bytes=limit),
        ],
    )
    app.state.runtime = runtime
    app.state.metrics = metrics
    return app
