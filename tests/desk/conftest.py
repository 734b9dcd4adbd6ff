"""Fixtures of the desk tests: a real runtime and app per test, on SQLite and PostgreSQL.

`desk` is the runtime (teams seeded from config and the boundaries, as at start);
`clock` drives the service and the desk; `user(...)` gives a signed-in `DeskUser`.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

# pytest puts tests/desk first on sys.path; the project root must win over tests/dialogs.
_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[0] != _ROOT:
    sys.path.insert(0, _ROOT)
# the live-chat tests use the handoff kits and the browser kit of the web chat
for _extra in ("tests/handoff", "tests/web"):
    if str(Path(_ROOT) / _extra) not in sys.path:
        sys.path.append(str(Path(_ROOT) / _extra))

import httpx  # noqa: E402
import pytest  # noqa: E402
from desk_kit import Clock, DeskUser  # noqa: E402
from fakes.fake_libretranslate import fake_libretranslate  # noqa: E402, F401  (a fixture)
from shared_content import runtime_on_settings  # noqa: E402
from starlette.applications import Starlette  # noqa: E402

from bot.app.config import load_settings  # noqa: E402
from bot.app.wiring import create_app  # noqa: E402
from bot.core.runtime import Runtime  # noqa: E402


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(db_url: str, tmp_path: Path, clock: Clock) -> Iterator[Runtime]:
    settings = load_settings(
        env={},
        overrides={"database.url": db_url, "media.directory": str(tmp_path / "media")},
    )
    runtime = runtime_on_settings(settings)
    runtime.service.clock = clock
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
def app(desk: Runtime) -> Starlette:
    return create_app(desk)


@pytest.fixture
async def user(app: Starlette) -> AsyncIterator[Callable[[str], Awaitable[DeskUser]]]:
    clients: list[httpx.AsyncClient] = []

    async def signed_in(username: str) -> DeskUser:
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        clients.append(client)
        who = DeskUser(client)
        response = await who.sign_in(username)
        assert response.status_code == 303, response.text
        return who

    yield signed_in
    for client in clients:
        await client.aclose()


@pytest.fixture
async def anonymous(app: Starlette) -> AsyncIterator[DeskUser]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield DeskUser(client)
