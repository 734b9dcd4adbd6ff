"""Fixtures for the live-handoff tests: the real service and desk API on both databases.

`runtime` is the product as `build_runtime` builds it (without the NLU server),
chats open around the clock, on the test's database (SQLite, then PostgreSQL),
with the service's clock in the test's hands. `desk` makes teams and agents,
`chats` is the desk's chat API on that runtime.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

# tests/ is on sys.path (for `fakes`), where tests/dialogs/ could shadow the `dialogs`
# package as a namespace package; the project root must come first.
_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[0] != _ROOT:
    sys.path.insert(0, _ROOT)

import pytest  # noqa: E402
from fakes.fake_libretranslate import fake_libretranslate  # noqa: E402, F401  (a fixture)
from handoff_kit import Clock, Desk, handoff_settings, make_runtime  # noqa: E402

from bot.core.runtime import Runtime  # noqa: E402
from bot.handoff.chats import Chats  # noqa: E402


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def runtime(db_url: str, tmp_path: Path, clock: Clock) -> Iterator[Runtime]:
    runtime = make_runtime(handoff_settings(db_url, tmp_path), clock)
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
def desk(runtime: Runtime, clock: Clock) -> Desk:
    return Desk(runtime, clock)


@pytest.fixture
async def chats(runtime: Runtime) -> AsyncIterator[Chats]:
    chats = Chats(runtime)
    yield chats
    await chats.settle()
    await runtime.service.background.settle()
