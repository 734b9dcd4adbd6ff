"""`create_app(runtime)`: the one ASGI app `labbaik run` serves under uvicorn.

Routes: the web chat (/, /chat, /webchat/api/*, /static/webchat/*), GET /healthz,
GET /metrics, and the channel webhooks (POST /webhooks/telegram,
POST /webhooks/whatsapp) when those channels are configured; a channel that is
off is not mounted, and its reason is logged once.

Every request body is capped at the largest photo we accept plus a margin for
the multipart envelope; a bigger one is refused with 413 before it is read.
"""

from __future__ import annotations

import logging
import time
from types import ModuleType

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Route

from bot.app.wiring import Runtime
from bot.channels.telegram import channel as telegram
from bot.channels.webchat.routes import WebChat
from bot.channels.whatsapp import webhook as whatsapp
from bot.web.health import Health
from bot.web.metrics import Metrics, WebhookCountingMiddleware
from bot.web.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from bot.web.throttle import Clock

log = logging.getLogger(__name__)

BODY_MARGIN = 64 * 1024  # multipart boundaries and the small form fields beside the photo
WEBHOOK_CHANNELS: tuple[ModuleType, ...] = (telegram, whatsapp)


def _channel_routes(runtime: Runtime) -> list[BaseRoute]:
    routes: list[BaseRoute] = []
    for module in WEBHOOK_CHANNELS:
        on, reason = module.enabled(runtime.settings)
        if on:
            routes.extend(module.routes(runtime))
        else:
            log.info("webhook not mounted: %s", reason)
    return routes


def create_app(runtime: Runtime, *, clock: Clock = time.monotonic) -> Starlette:
    """The web app for one runtime; nothing global, so tests can build several.

    `clock` paces the web chat's flood control (tests pass one they move by hand).
    """
    metrics = Metrics()
    health = Health(runtime, metrics)
    routes: list[BaseRoute] = [
        Route("/healthz", health.healthz),
        Route("/metrics", health.metrics_text),
        *_channel_routes(runtime),
    ]
    if runtime.settings.channels.webchat.enabled:
        routes.extend(WebChat(runtime, metrics, clock=clock).routes())
    else:
        log.info("web chat not mounted: channels.webchat.enabled is false in config.yaml")
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
