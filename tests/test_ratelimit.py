"""The outbox rate limiter, on a fake clock: slots are computed, never timed."""

from __future__ import annotations

import asyncio

import pytest

from bot.channels.telegram.channel import TELEGRAM_LIMITS
from bot.core.ratelimit import RateLimiter, RateLimits


class FakeClock:
    """A clock that only moves when a sleeper wakes; sleepers wake in time order."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._pending: list[tuple[float, int]] = []
        self._seq = 0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self._seq += 1
        me = (self.now + seconds, self._seq)
        self._pending.append(me)
        while True:
            for _ in range(5):  # let every other ready task run (and book) first
                await asyncio.sleep(0)
            if min(self._pending) == me:
                self._pending.remove(me)
                self.now = max(self.now, me[0])
                return


def limiter(limits: RateLimits, clock: FakeClock) -> RateLimiter:
    return RateLimiter(limits, clock=clock, sleep=clock.sleep)


async def send_times(rl: RateLimiter, clock: FakeClock, keys: list[str]) -> list[float]:
    """One after another, like a single worker: the moment each send may go."""
    start, times = clock.now, []
    for k in keys:
        await rl.wait(k)
        times.append(clock.now - start)
    return times


async def test_one_chat_gets_its_burst_then_one_per_second() -> None:
    clock = FakeClock()
    rl = limiter(RateLimits(global_per_second=30, per_key_per_second=1, per_key_burst=3), clock)
    times = await send_times(rl, clock, ["chat-1"] * 5)
    # three at once (spaced only by the global 1/30 s), then one a second
    assert times[:3] == pytest.approx([0, 1 / 30, 2 / 30])
    assert times[3:] == pytest.approx([1.0, 2.0])


async def test_global_rate_spaces_messages_to_different_chats() -> None:
    clock = FakeClock()
    rl = limiter(TELEGRAM_LIMITS, clock)
    times = await send_times(rl, clock, [f"chat-{i}" for i in range(60)])
    assert times[0] == 0
    assert times[29] == pytest.approx(29 / 30)
    assert times[59] == pytest.approx(59 / 30)  # 60 messages take two seconds


async def test_a_busy_chat_does_not_hold_up_the_others() -> None:
    clock = FakeClock()
    rl = limiter(RateLimits(global_per_second=100, per_key_per_second=1), clock)
    sent: list[tuple[str, float]] = []

    async def send(key: str) -> None:
        await rl.wait(key)
        sent.append((key, clock.now - 1000.0))

    await asyncio.gather(send("busy"), send("busy"), send("busy"), send("quiet"))
    assert dict((k, t) for k, t in sent if k == "quiet")["quiet"] < 0.1
    assert sorted(t for k, t in sent if k == "busy") == pytest.approx([0, 1, 2], abs=0.05)


async def test_slots_free_up_as_time_passes() -> None:
    clock = FakeClock()
    rl = limiter(RateLimits(global_per_second=10, per_key_per_second=1), clock)
    await rl.wait("a")
    clock.now += 5
    assert await send_times(rl, clock, ["a"]) == [0]


async def test_concurrent_waiters_get_distinct_slots() -> None:
    clock = FakeClock()
    rl = limiter(RateLimits(global_per_second=1), clock)
    done: list[float] = []

    async def one() -> None:
        await rl.wait("k")
        done.append(clock.now - 1000.0)

    await asyncio.gather(*(one() for _ in range(4)))
    assert sorted(done) == pytest.approx([0, 1, 2, 3])


async def test_hold_for_one_chat_after_retry_after() -> None:
    clock = FakeClock()
    rl = limiter(TELEGRAM_LIMITS, clock)
    rl.hold(7, "chat-1")
    assert await send_times(rl, clock, ["chat-2"]) == [0]  # others go on
    assert await send_times(rl, clock, ["chat-1"]) == pytest.approx([7])


async def test_hold_for_the_whole_channel() -> None:
    clock = FakeClock()
    rl = limiter(TELEGRAM_LIMITS, clock)
    rl.hold(12)
    assert await send_times(rl, clock, ["chat-1", "chat-2"]) == pytest.approx([12, 12 + 1 / 30])


async def test_no_per_key_limit() -> None:
    clock = FakeClock()
    rl = limiter(RateLimits(global_per_second=4, global_burst=2), clock)
    assert await send_times(rl, clock, ["same"] * 4) == pytest.approx([0, 0, 0.25, 0.5])
    rl.hold(3, "same")  # without a per-key limit a hold applies to the channel
    assert await send_times(rl, clock, ["other"]) == pytest.approx([3])


async def test_idle_keys_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.core.ratelimit._PRUNE_AT", 3)
    clock = FakeClock()
    rl = limiter(RateLimits(global_per_second=1000, per_key_per_second=1), clock)
    await send_times(rl, clock, ["a", "b", "c"])
    clock.now += 10
    await rl.wait("d")
    assert set(rl._keys) == {"d"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"global_per_second": 0},
        {"global_per_second": 1, "per_key_per_second": -1},
        {"global_per_second": 1, "per_key_burst": 0},
    ],
)
def test_nonsense_limits_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        RateLimits(**kwargs)
