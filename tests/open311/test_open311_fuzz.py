"""Fuzzing every Open311 endpoint: no answer is a 5xx, and a refused POST files nothing.

Hypothesis with a fixed seed (`derandomize`) and a bounded count draws paths,
methods, query strings and form bodies (known parameters with hostile values:
control characters, huge and odd numbers, broken URLs and dates, raw bytes
that are not UTF-8) against the real app on SQLite and PostgreSQL. The
throttle is opened wide here; it has its own test.

`ROUTES` lists the endpoints; the hardening suite can take it as it is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from open311_kit import bot_case, issue_key, runtime_for_test

from bot.app.wiring import create_app
from bot.core.runtime import Runtime
from storage import service as store

ROUTES = (
    ("GET", "/open311/discovery.{fmt}"),
    ("GET", "/open311/v2/services.{fmt}"),
    ("GET", "/open311/v2/services/{code}.{fmt}"),
    ("GET", "/open311/v2/requests.{fmt}"),
    ("POST", "/open311/v2/requests.{fmt}"),
    ("GET", "/open311/v2/requests/{id}.{fmt}"),
    ("GET", "/open311/v2/tokens/{id}.{fmt}"),
    ("GET", "/open311/v2/media/{id}"),
)
EXPECTED = {200, 400, 403, 404, 405, 413, 429}
NAMES = [
    "api_key",
    "jurisdiction_id",
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "email",
    "device_id",
    "account_id",
    "first_name",
    "last_name",
    "phone",
    "description",
    "media_url",
    "attribute[relationship]",
    "attribute[name][]",
    "attribute",
    "whatsapp_number",
    "telegram_id",
    "locale",
    "service_request_id",
    "start_date",
    "end_date",
    "status",
    "page",
    "page_size",
    "extensions",
]
HOSTILE = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "\ufeff",
        "٣٤",
        "²",
        "nan",
        "inf",
        "-0",
        "1e309",
        "91",
        "-181",
        "21.4225",
        "39.8262",
        "waste",
        "home_visit",
        "MK-1234566",
        "open,closed",
        "2010-01-01",
        "2010-01-01T00:00:00Z",
        "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00-12:00",
        "http://[::1",
        "http://127.0.0.1:99999/",
        "http://☃/",
        "javascript:x",
        "x" * 5000,
        "<x>&amp;</x>",
        "'; DROP TABLE cases; --",
        "../../etc/passwd",
        "true",
        "-1",
        "0",
        "99999999999999999999",
        "holymakkah.gov.sa",
        "+966501234567",
        "%",
        "a,b," * 300,
    ]
)
VALUES = st.one_of(HOSTILE, st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
PARAMS = st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=8)), VALUES, max_size=8)
SEGMENTS = st.one_of(HOSTILE, st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))


@pytest.fixture
def fuzz_runtime(db_url: str, tmp_path: Path) -> Iterator[tuple[Runtime, str]]:
    """A runtime with the throttle opened wide, a key that may do everything, and a case."""
    wide_open = {"open311.requests_per_second": 1e6, "open311.burst": 1_000_000}
    runtime = runtime_for_test(db_url, tmp_path, **wide_open)
    scopes = ["read_private", "notify_whatsapp", "notify_telegram"]
    key = issue_key(runtime.service.database, "fuzzer", scopes)
    bot_case(runtime.service.database)
    yield runtime, key
    runtime.service.database.dispose()


def _cases(runtime: Runtime) -> int:
    with runtime.service.database.session() as session:
        return store.find_cases(session).total


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(ROUTES),
    method=st.sampled_from(["GET", "GET", "POST", "PUT", "DELETE"]),
    fmt=st.sampled_from(["json", "xml", "JSON", "html", ""]),
    segment=SEGMENTS,
    query=PARAMS,
    form=PARAMS,
    raw=st.one_of(st.none(), st.binary(max_size=200)),
    with_key=st.booleans(),
)
def test_no_input_gets_a_5xx_and_refused_posts_store_nothing(
    fuzz_runtime: tuple[Runtime, str],
    route: tuple[str, str],
    method: str,
    fmt: str,
    segment: str,
    query: dict[str, str],
    form: dict[str, str],
    raw: bytes | None,
    with_key: bool,
) -> None:
    runtime, key = fuzz_runtime
    if with_key:  # the key of a client that may do everything, in the form and the query
        form, query = {**form, "api_key": key}, {**query, "api_key": key}
    wanted, path = route
    path = path.format(fmt=fmt, code=quote(segment, safe=""), id=quote(segment, safe=""))
    before = _cases(runtime)
    if wanted == "POST":
        method = "POST"
    response = asyncio.run(_send(runtime, method, path, query, form, raw))

    assert response.status_code in EXPECTED, (response.status_code, response.text[:300])
    if response.status_code != 200 or not path.startswith("/open311/v2/requests."):
        assert _cases(runtime) == before


async def _send(
    runtime: Runtime,
    method: str,
    path: str,
    query: dict[str, str],
    form: dict[str, str],
    raw: bytes | None,
) -> httpx.Response:
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        if method != "POST":
            return await client.request(method, path, params=query)
        if raw:
            headers = {"content-type": "application/x-www-form-urlencoded"}
            return await client.post(path, params=query, content=raw, headers=headers)
        return await client.post(path, params=query, data=form)
