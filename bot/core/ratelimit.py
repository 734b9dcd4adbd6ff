"""Outgoing rate limits: a global rate per channel and a rate per chat.

The outbox worker asks `await limiter.wait(key)` before each send, where `key`
is the person (chat id, phone number). The limiter hands out send slots with
the generic cell rate algorithm: each limit has an interval (1 / rate) and a
burst; a caller books the chat's next slot, sleeps until it, then books and
sleeps for the channel's next slot. Booking is synchronous, so concurrent
callers in one event loop never get the same slot.

When the platform answers "too many requests, retry after N s", call
`hold(seconds, key)` (or `hold(seconds)` for the whole channel) so no slot is
handed out before then.

Time is injected (`clock`, `sleep`) so tests are deterministic. One limiter
counts for one process; several workers would share limits through Redis.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

_PRUNE_AT = 10_000  # per-key entries kept before idle ones are dropped


@dataclass(frozen=True)
class RateLimits:
    """Messages per second overall and per key; `*_burst` sends may go at once."""

    global_per_second: float
    per_key_per_second: float | None = None
    global_burst: int = 1
    per_key_burst: int = 1

    def __post_init__(self) -> None:
        if self.global_per_second <= 0:
            raise ValueError("global_per_second must be positive")
        if self.per_key_per_second is not None and self.per_key_per_second <= 0:
            raise ValueError("per_key_per_second must be positive")
        if self.global_burst < 1 or self.per_key_burst < 1:
            raise ValueError("bursts must be at least 1")


class _Cell:
    """One GCRA limit: `tat` is the theoretical arrival time of the next send."""

    __slots__ = ("interval", "tolerance", "tat")

    def __init__(self, per_second: float, burst: int) -> None:
        self.interval = 1.0 / per_second
        self.tolerance = (burst - 1) * self.interval
        self.tat = float("-inf")

    def earliest(self, now: float) -> float:
        return max(now, self.tat - self.tolerance)

    def book(self, at: float) -> None:
        self.tat = max(self.tat, at) + self.interval

    def hold_until(self, until: float) -> None:
        self.tat = max(self.tat, until + self.tolerance)


class RateLimiter:
    def __init__(
        self,
        limits: RateLimits,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.limits = limits
        self._clock = clock
        self._sleep = sleep
        self._global = _Cell(limits.global_per_second, limits.global_burst)
        self._keys: dict[str, _Cell] = {}

    async def wait(self, key: str) -> None:
        """Return when a message to `key` may be sent (the slot is then taken).

        The per-key slot is booked and waited for first, the global slot only
        then: a chat that must wait a second never holds a global slot that
        other chats could use meanwhile.
        """
        cell = self._key_cell(key, self._clock())
        if cell is not None:
            await self._take(cell)
        await self._take(self._global)

    async def _take(self, cell: _Cell) -> None:
        now = self._clock()
        at = cell.earliest(now)
        cell.book(at)
        if at > now:
            await self._sleep(at - now)

    def hold(self, seconds: float, key: str | None = None) -> None:
        """No slot (for `key`, or for anyone) before `seconds` from now."""
        now = self._clock()
        if key is None:
            self._global.hold_until(now + seconds)
            return
        cell = self._key_cell(key, now)
        (cell or self._global).hold_until(now + seconds)

    def _key_cell(self, key: str, now: float) -> _Cell | None:
        if self.limits.per_key_per_second is None:
            return None
        cell = self._keys.get(key)
        if cell is None:
            if len(self._keys) >= _PRUNE_AT:
                self._prune(now)
            cell = self._keys[key] = _Cell(
                self.limits.per_key_per_second, self.limits.per_key_burst
            )
        return cell

    def _prune(self, now: float) -> None:
        """Forget keys whose whole burst is free again (same as never seen)."""
        idle = [k for k, c in self._keys.items() if c.tat <= now]
        for k in idle:
            del self._keys[k]
