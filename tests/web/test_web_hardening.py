"""The web app's own defences: proxy headers only from trusted proxies, a ceiling on every
endpoint, security headers on every answer (errors and 500s too, HSTS on https), a 500 that
says nothing, /healthz from cached states naming what is degraded, and the pages working
with a config file outside the repository."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fakes.hung_server import HungServer, hung_server  # noqa: F401  (a fixture)
from shared_content import repo_content
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from webchat_kit import web_settings

from bot.app.config import load_settings
from bot.app.wiring import ROUTE_PROVIDERS, build_runtime, build_service, runtime_for
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.web.app import build_app
from bot.web.context import WebContext
from bot.web.security import HEADERS
from storage import service as store
from storage.db import Database
from storage.types import utcnow

CLIENT = "c" * 24
PHONE = "+966500000123"


def _client(app: Starlette, peer: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(peer, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def _failing_routes(runtime: Runtime, web: WebContext) -> Sequence[BaseRoute]:
    """Routes that fail the way a bug would: an exception quoting a phone number, and a
    storage refusal of a value no adapter checked."""

    async def boom(request: Request) -> Response:
        raise RuntimeError(f"could not reach {PHONE}")

    async def unstorable(request: Request) -> Response:
        def write() -> None:
            with runtime.service.database.transaction() as session:
                store.get_or_create_person(session, channel="webchat", user_id="x" * 500)

        write()
        return Response("stored")

    return [Route("/test/boom", boom), Route("/test/unstorable", unstorable)]


@pytest.fixture
async def failing(webchat_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(build_app(webchat_runtime, (*ROUTE_PROVIDERS, _failing_routes))) as c:
        yield c


def _runtime(settings: Settings, *, with_nlu: bool = False) -> Runtime:
    database = Database(settings.database.url)
    return runtime_for(build_service(settings, database, repo_content(), with_nlu=with_nlu))


def _has_security_headers(response: httpx.Response) -> bool:
    return all(response.headers.get(name.decode()) == value.decode() for name, value in HEADERS)


# ---- errors --------------------------------------------------------------------------


async def test_an_unhandled_error_is_a_json_500_with_the_headers_and_a_log_without_its_text(
    failing: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = await failing.get("/test/boom")
    assert response.status_code == 500
    assert response.json()["error"] == "server_error"
    assert PHONE not in response.text
    assert _has_security_headers(response)
    assert "GET /test/boom failed: RuntimeError" in caplog.text
    assert PHONE not in caplog.text


async def test_a_value_storage_refuses_is_a_400_naming_the_column(
    failing: httpx.AsyncClient,
) -> None:
    response = await failing.get("/test/unstorable")
    assert response.status_code == 400
    assert "people.user_id" in response.json()["message"]
    assert _has_security_headers(response)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/nowhere", 404), ("DELETE", "/webchat/api/messages", 405), ("GET", "/", 200)],
)
async def test_every_answer_has_the_security_headers(
    client: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await client.request(method, path)
    assert response.status_code == status
    assert _has_security_headers(response)
    assert "strict-transport-security" not in response.headers  # not https here


async def test_hsts_when_the_public_url_is_https(sqlite_url: str, tmp_path: Path) -> None:
    settings = web_settings(sqlite_url, tmp_path, **{"web.public_url": "https://labbaik.example"})
    runtime = _runtime(settings)
    try:
        async with _client(build_app(runtime, ROUTE_PROVIDERS)) as c:
            for response in (await c.get("/"), await c.get("/nowhere")):
                assert response.headers["strict-transport-security"].startswith("max-age=")
    finally:
        runtime.service.database.dispose()


# ---- proxies and ceilings -----------------------------------------------------------


async def _history_until_refused(c: httpx.AsyncClient, headers: dict[str, str]) -> int:
    """How many history reads one browser gets before a 429 (at most 100)."""
    for n in range(100):
        response = await c.get(f"/webchat/api/history?client_id={CLIENT}", headers=headers)
        if response.status_code == 429:
            return n
        assert response.status_code == 200
    return 100


async def test_the_history_endpoint_is_throttled(client: httpx.AsyncClient) -> None:
    assert await _history_until_refused(client, {}) < 100


async def test_a_spoofed_forwarded_for_gets_no_fresh_bucket(webchat_runtime: Runtime) -> None:
    """Without trusted proxies, X-Forwarded-For is ignored: every request is the peer's."""
    app = build_app(webchat_runtime, ROUTE_PROVIDERS)
    async with _client(app, peer="203.0.113.7") as c:
        refused = 0
        for n in range(400):
            response = await c.get("/healthz", headers={"x-forwarded-for": f"198.51.100.{n % 250}"})
            refused += response.status_code == 429
    assert refused > 0


async def test_a_trusted_proxy_is_believed(sqlite_url: str, tmp_path: Path) -> None:
    settings = web_settings(sqlite_url, tmp_path, **{"web.trusted_proxies": ["10.0.0.0/8"]})
    runtime = _runtime(settings)
    try:
        async with _client(build_app(runtime, ROUTE_PROVIDERS), peer="10.1.2.3") as c:
            statuses = [
                (await c.get("/healthz", headers={"x-forwarded-for": client})).status_code
                for client in (f"198.51.{k}.{n}" for k in range(2) for n in range(1, 250))
            ]
        assert set(statuses) == {200}  # each client has its own bucket behind the proxy
    finally:
        runtime.service.database.dispose()


# ---- health --------------------------------------------------------------------------


async def test_healthz_answers_from_the_cache_while_the_nlu_hangs(
    db_url: str, media_dir: Path, hung_server: HungServer  # noqa: F811
) -> None:
    settings = web_settings(
        db_url,
        media_dir,
        **{
            "nlu.url": hung_server.url,
            "nlu.timeout_seconds": 30,
            "health.nlu_timeout_seconds": 0.2,
        },
    )
    runtime = _runtime(settings, with_nlu=True)
    app = build_app(runtime, ROUTE_PROVIDERS)
    try:
        async with _client(app) as c:
            first = await c.get("/healthz")
            states = app.state.health.states
            second = await c.get("/healthz")
        assert app.state.health.states is states  # the second answer came from the cache
    finally:
        runtime.service.database.dispose()
    assert first.status_code == second.status_code == 200
    assert first.json() == {
        "status": "degraded",
        "degraded": ["nlu"],
        "database": "up",
        "nlu": "down",
    }


async def test_healthz_names_an_outbox_backlog(
    webchat_runtime: Runtime, client: httpx.AsyncClient
) -> None:
    with webchat_runtime.service.database.transaction() as session:
        person = store.get_or_create_person(session, channel="webchat", user_id=CLIENT)
        store.enqueue_outbox(
            session,
            person=person,
            channel="webchat",
            payload={"key": "menu-prompt", "lang": "en", "args": {}},
            not_before=utcnow() - timedelta(hours=1),
        )
    body = (await client.get("/healthz")).json()
    assert body["status"] == "degraded"
    assert body["degraded"] == ["outbox"]
    assert body["outbox"]["pending"] == 1
    assert body["outbox"]["oldest_due_seconds"] >= 3600


# ---- a config file outside the repository -----------------------------------------


async def test_every_page_works_with_a_config_file_outside_the_repository(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = tmp_path / "elsewhere" / "config.yaml"
    config.parent.mkdir()
    config.write_text(
        f"database:\n  url: {sqlite_url}\nnlu:\n  manage_server: false\n", encoding="utf-8"
    )
    runtime = build_runtime(load_settings(config, env={}), with_nlu=False)
    try:
        async with _client(build_app(runtime, ROUTE_PROVIDERS)) as c:
            for path in ("/", "/chat", "/webchat/api/strings?lang=ur", "/healthz", "/metrics"):
                assert (await c.get(path)).status_code == 200, path
            assert (await c.get("/static/webchat/chat.js")).status_code == 200
    finally:
        runtime.service.database.dispose()
