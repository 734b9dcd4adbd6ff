"""Inbound flood control: allow or refuse, never wait.

One `Throttle` is a set of token buckets (GCRA) keyed by a string: the client
id, or the peer address. A request over the rate is refused with 429 at once;
the page says "slow down" and keeps what the person typed. The limits are
generous (a Hajj crowd can share one carrier address) and count per process.
Time is injected so tests are deterministic.

`CeilingMiddleware` gives every public endpoint a ceiling per peer address
(`CEILINGS`); the web chat's API adds its own per-browser limits.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

Clock = Callable[[], float]
_PRUNE_AT = 10_000  # keys kept before idle ones are dropped


class Throttle:
    def __init__(self, per_second: float, burst: int, *, clock: Clock = time.monotonic) -> None:
        if per_second <= 0 or burst < 1:
            raise ValueError("per_second must be > 0 and burst >= 1")
        self._interval = 1.0 / per_second
        self._tolerance = self._interval * (burst - 1)
        self._clock = clock
        self._next: dict[str, float] = {}  # theoretical arrival time per key

    def allow(self, key: str) -> bool:
        """Take one request for `key` if the rate allows it now."""
        now = self._clock()
        tat = max(self._next.get(key, now), now)
        if tat - now > self._tolerance:
            return False
        self._next[key] = tat + self._interval
        if len(self._next) > _PRUNE_AT:
            self._next = {k: t for k, t in self._next.items() if t > now}
        return True


@dataclass(frozen=True)
class Ceiling:
    """At most `per_second` requests (bursts of `burst`) per peer to the paths under `prefix`."""

    prefix: str
    per_second: float
    burst: int


# Every public endpoint has one (the first prefix that matches). Webhooks: what the
# platforms deliver from their few addresses, so only a runaway or a flood reaches it.
# Everything else (the page, static files, the chat API, health, metrics, the desk):
# generous, since a crowd behind one carrier address shares it; the web chat's API
# adds its own per-browser limits (bot/channels/webchat/routes.py).
CEILINGS: tuple[Ceiling, ...] = (
    Ceiling("/webhooks/", 100.0, 1000),
    Ceiling("/", 30.0, 300),
)


class CeilingMiddleware:
    """Refuses a request over its path's ceiling with 429, before any route runs.

    The peer is the connection's address, or the client's behind a trusted
    proxy (the proxy-headers middleware runs first and never trusts others).
    """

    def __init__(
        self, app: ASGIApp, ceilings: Sequence[Ceiling] = CEILINGS, *, clock: Clock = time.monotonic
    ) -> None:
        self.app = app
        self.ceilings = [(c, Throttle(c.per_second, c.burst, clock=clock)) for c in ceilings]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._allowed(scope):
            await slow_down()(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, scope: Scope) -> bool:
        path = scope.get("path", "")
        client = scope.get("client")
        peer = str(client[0]) if client else "unknown"
        for ceiling, throttle in self.ceilings:
            if path.startswith(ceiling.prefix):
                return throttle.allow(peer)
        return True


def slow_down() -> Response:
    body = {"error": "slow_down", "message": "too many requests; wait a moment and try again"}
    return JSONResponse(body, status_code=429, headers={"retry-after": "1"})
