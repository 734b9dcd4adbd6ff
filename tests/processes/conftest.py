"""The fake Telegram Bot API the `labbaik run` processes of these tests send to, and `two`:
two real `labbaik run` processes on one PostgreSQL schema."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

# tests/ is on sys.path (for `fakes`), where tests/dialogs/ could shadow the `dialogs`
# package as a namespace package; the project root must come first.
_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[0] != _ROOT:
    sys.path.insert(0, _ROOT)
if str(Path(_ROOT) / "tests" / "web") not in sys.path:  # the browser kit of the web chat
    sys.path.append(str(Path(_ROOT) / "tests" / "web"))

import pytest  # noqa: E402
from fakes.fake_telegram import FakeTelegram  # noqa: E402
from process_kit import TOKEN, Process  # noqa: E402


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
async def two(
    pg_url: str, tmp_path: Path, fake: FakeTelegram
) -> AsyncIterator[tuple[Process, Process]]:
    fake.reset()
    a = Process(tmp_path / "a", pg_url, fake)
    b = Process(tmp_path / "b", pg_url, fake)
    try:
        await asyncio.gather(a.up(), b.up())
        yield a, b
    finally:
        await asyncio.gather(a.stop(), b.stop())
