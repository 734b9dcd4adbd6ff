"""Fixtures of the outbox worker tests (helpers live in worker_kit.py)."""

from __future__ import annotations

import pytest
from fakes.fake_twilio import fake_twilio  # noqa: F401  (a fixture)
from worker_kit import WallClock


@pytest.fixture
def wall() -> WallClock:
    return WallClock()
