"""The web chat's flood control, with a clock the test moves by hand."""

from __future__ import annotations

import pytest

from bot.web.throttle import Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_passes_then_the_rate_holds() -> None:
    clock = Clock()
    throttle = Throttle(per_second=1, burst=3, clock=clock)
    assert [throttle.allow("a") for _ in range(4)] == [True, True, True, False]
    assert throttle.allow("b"), "keys are counted apart"
    clock.now += 1.0
    assert throttle.allow("a") and not throttle.allow("a")


def test_an_idle_key_gets_its_whole_burst_back() -> None:
    clock = Clock()
    throttle = Throttle(per_second=2, burst=2, clock=clock)
    assert throttle.allow("a") and throttle.allow("a") and not throttle.allow("a")
    clock.now += 60
    assert throttle.allow("a") and throttle.allow("a") and not throttle.allow("a")


def test_nonsense_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        Throttle(per_second=0, burst=1)
    with pytest.raises(ValueError):
        Throttle(per_second=1, burst=0)
