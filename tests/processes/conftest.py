"""The fake Telegram Bot API the `labbaik run` processes of these tests send to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes.fake_telegram import FakeTelegram
from process_kit import TOKEN


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()
