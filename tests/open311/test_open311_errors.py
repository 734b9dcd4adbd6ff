"""Bad input to POST requests.* gets the spec's error, in the format asked for, and files nothing.

The spec's error example is the first case: a wrong api_key answers
HTTP/1.1 403 Forbidden with
    <errors><error><code>403</code>
    <description>Invalid api_key received -- can't proceed with create_request.</description>
    </error></errors>
"""

from __future__ import annotations

import httpx
import pytest
from conftest import HandClock
from open311_kit import issue_key, parse

from bot.core.runtime import Runtime
from storage import service as store

GOOD = {"service_code": "waste", "lat": "21.4225", "long": "39.8262"}


async def test_the_spec_error_example_in_xml_and_json(api: httpx.AsyncClient) -> None:
    form = {"api_key": "xyz", **GOOD}
    as_xml = await api.post("/open311/v2/requests.xml", data=form)
    as_json = await api.post("/open311/v2/requests.json", data=form)

    expected = "Invalid api_key received -- can't proceed with create_request."
    assert as_xml.status_code == as_json.status_code == 403
    assert parse(as_xml) == [{"code": "403", "description": expected}]
    assert as_json.json() == [{"code": 403, "description": expected}]


def cases(runtime: Runtime) -> int:
    with runtime.service.database.session() as session:
        return store.find_cases(session).total


@pytest.mark.parametrize(
    ("change", "status", "says"),
    [
        ({"api_key": None}, 403, "api_key was not provided"),
        ({"service_code": None}, 400, "service_code was not provided"),
        ({"service_code": "001"}, 404, "service_code '001' not found"),
        ({"jurisdiction_id": "city.gov"}, 404, "jurisdiction_id 'city.gov' not found"),
        ({"lat": None, "long": None}, 400, "a location is required"),
        ({"long": None}, 400, "lat and long are sent together"),
        ({"lat": None, "long": None, "address_id": "545483"}, 400, "address_id is not known"),
        ({"lat": "91"}, 400, "lat must be between -90 and 90"),
        ({"long": "nan"}, 400, "long must be between"),
        ({"lat": "north"}, 400, "lat must be a number"),
        ({"description": "x" * 4001}, 400, "at most 4000"),
        ({"description": "a\x00b"}, 400, "control characters"),
        ({"email": "not-an-address"}, 400, "email is not an e-mail address"),
        ({"phone": "12"}, 400, "phone is not a valid phone number"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url must be an http(s) URL"),
        ({"media_url": "http://[::1"}, 400, "media_url must be an http(s) URL"),
        ({"media_url": "http://127.0.0.1:99999/"}, 400, "media_url must be an http(s) URL"),
        ({"whatsapp_number": "0501234567", "telegram_id": "1"}, 400, "not both"),
        ({"telegram_id": "@someone"}, 400, "telegram_id must be a Telegram chat id"),
        ({"attribute": "x"}, 400, "attribute[code]=value"),
    ],
)
@pytest.mark.parametrize("fmt", ["xml", "json"])
async def test_bad_input_gets_a_spec_error_and_files_nothing(
    api: httpx.AsyncClient,
    runtime: Runtime,
    change: dict[str, str | None],
    status: int,
    says: str,
    fmt: str,
) -> None:
    form = {"api_key": issue_key(runtime.service.database, "client"), **GOOD, **change}
    data = {k: v for k, v in form.items() if v is not None}

    response = await api.post(f"/open311/v2/requests.{fmt}", data=data)

    assert response.status_code == status
    [error] = parse(response)
    assert str(error["code"]) == str(status)
    assert says in error["description"]
    assert cases(runtime) == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"service_code": "waste"}', "application/json", 400),
        (b"service_code=waste&lat=%ff%fe", "application/x-www-form-urlencoded", 400),
        (b"a=1&" * 300, "application/x-www-form-urlencoded", 400),  # too many fields
        (b"x=" + b"a" * 70_000, "application/x-www-form-urlencoded", 413),
    ],
)
async def test_a_body_that_is_not_a_small_utf8_form_is_refused(
    api: httpx.AsyncClient, runtime: Runtime, body: bytes, content_type: str, status: int
) -> None:
    response = await api.post(
        "/open311/v2/requests.json", content=body, headers={"content-type": content_type}
    )

    assert response.status_code == status
    assert response.json()[0]["code"] == status
    assert cases(runtime) == 0


async def test_requests_over_the_rate_are_refused_with_429_until_time_passes(
    api: httpx.AsyncClient, runtime: Runtime, clock: HandClock
) -> None:
    key = issue_key(runtime.service.database, "busy-client")
    burst = 30  # open311.burst in config.yaml; 5 a second after it

    async def status() -> httpx.Response:
        return await api.get("/open311/v2/requests.json", params={"api_key": key})

    answers = [(await status()).status_code for _ in range(burst + 1)]
    refused = await status()
    clock.t += 1.0
    later = await status()

    assert answers[: burst - 1] == [200] * (burst - 1)  # the burst (give or take rounding)
    assert answers[-1] == refused.status_code == 429
    assert refused.json()[0]["description"].startswith("too many requests for this api_key")
    assert later.status_code == 200
