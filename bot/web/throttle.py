"""Inbound flood control for the public web chat: allow or refuse, never wait.

One `Throttle` is a set of token buckets (GCRA) keyed by a string: the client
id, or the peer address. A request over the rate is refused with 429 at once;
the page says "slow down" and keeps what the person typed. The limits are
generous (a Hajj crowd can share one carrier address) and count per process.
Time is injected so tests are deterministic.
"""

from __future__ import annotations

import time
from collections.abc import Callable

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
