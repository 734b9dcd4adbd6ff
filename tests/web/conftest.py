"""Fixtures for the web app: a real runtime (real service, storage, flows, texts) per test.

`webchat_runtime` runs on the database of `db_url` (SQLite and PostgreSQL), without
the NLU server (menus and typed text still work; the flows do not need it here).
It reuses flows and texts parsed once per session; the NLU-down health test builds
its runtime with `build_runtime` itself, as `labbaik run` does.
`client` talks to the app in-process through httpx's ASGI transport.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from webchat_kit import SharedTexts, runtime_on, web_settings

from bot.app.config import ROOT
from bot.app.wiring import create_app
from bot.core.runtime import Runtime


@pytest.fixture
def media_dir(tmp_path: Path) -> Path:
    return tmp_path / "media"


@pytest.fixture(scope="session")
def shared_texts() -> SharedTexts:
    return SharedTexts(ROOT)


@pytest.fixture
def webchat_runtime(db_url: str, media_dir: Path, shared_texts: SharedTexts) -> Iterator[Runtime]:
    runtime = runtime_on(web_settings(db_url, media_dir), shared_texts)
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
def app(webchat_runtime: Runtime) -> Starlette:
    return create_app(webchat_runtime)


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c
