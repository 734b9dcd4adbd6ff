"""What a route provider gets and gives: the web app's shared parts in, routes out.

A route provider is `(runtime, web) -> routes`: the channels' webhooks and
pages (bot/channels/registry.py `routes`), and next the desk and Open311.
bot/app/wiring.py lists the providers; bot/web/app.py mounts what they give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from starlette.routing import BaseRoute

from bot.core.runtime import Runtime
from bot.web.metrics import Metrics
from bot.web.throttle import Clock


@dataclass(frozen=True)
class WebContext:
    metrics: Metrics  # counters every provider adds to (/metrics)
    clock: Clock  # paces flood control; tests pass one they move by hand


RouteProvider = Callable[[Runtime, WebContext], Sequence[BaseRoute]]
