"""Fixtures of the Open311 tests: a real runtime and app per test, on SQLite and PostgreSQL.

`api` is an httpx client talking to the real app in-process; `runtime` its
runtime (real storage, content, texts); `clock` the throttle's clock, moved by
hand. Keys are issued through storage like `labbaik open311 keys add` does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from open311_kit import runtime_for_test

from bot.app.wiring import create_app
from bot.core.runtime import Runtime


class HandClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> HandClock:
    return HandClock()


@pytest.fixture
def runtime(db_url: str, tmp_path: Path) -> Iterator[Runtime]:
    runtime = runtime_for_test(db_url, tmp_path)
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
async def api(runtime: Runtime, clock: HandClock) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(runtime, clock=clock))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
