"""Who may read what: reporter contact, descriptions and photos stay private by default.

A pilgrim's case (filed through the bot) read anonymously or with a plain key
shows its status, service, times, team and a report's place, nothing of the
person; a `read_private` key, or the client that filed a case, sees the rest;
the `open311.public_descriptions` setting makes report descriptions public,
never those of outreach requests (about a named person at home, in prison or
abroad), whose place also stays private.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from open311_kit import HARAM_LAT, bot_case, issue_key, png, runtime_for_test

from bot.app.wiring import create_app
from bot.core.runtime import Runtime
from storage import service as store

PRIVATE_EXTENSIONS = {"phone", "email", "first_name", "last_name", "account_id"}


async def read(api: httpx.AsyncClient, ticket: str, key: str | None = None) -> dict:
    query = {"extensions": "true", **({"api_key": key} if key else {})}
    response = await api.get(f"/open311/v2/requests/{ticket}.json", params=query)
    assert response.status_code == 200, response.text
    return dict(response.json()[0])


async def test_a_pilgrims_report_shows_nothing_of_the_person_without_the_scope(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    ticket = bot_case(runtime.service.database, photos=["webchat/2026/01/01/abc.jpg"])
    plain = issue_key(runtime.service.database, "dashboard")

    for key in (None, plain):
        request = await read(api, ticket, key)
        assert request["description"] is None
        assert request["media_url"] is None
        assert not PRIVATE_EXTENSIONS & set(request["extended_attributes"])
        assert "+966501234567" not in str(request) and "Amina" not in str(request)
        assert (request["address"], request["lat"]) == ("Gate 79", HARAM_LAT)  # a report's place


async def test_a_read_private_key_sees_description_contact_and_photo(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    ticket = bot_case(runtime.service.database, photos=["webchat/2026/01/01/abc.jpg"])
    key = issue_key(runtime.service.database, "940-crm", ["read_private"])

    request = await read(api, ticket, key)

    assert request["description"].startswith("Rubbish piled by the camp gate")
    assert request["extended_attributes"]["phone"] == "+966501234567"
    assert request["media_url"] == ("http://testserver/open311/v2/media/webchat/2026/01/01/abc.jpg")


async def test_the_filing_client_sees_its_own_case_and_another_client_does_not(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    mine, other = issue_key(database, "partner-app"), issue_key(database, "another-app")
    form = {
        "api_key": mine,
        "service_code": "waste",
        "address_string": "Street 5",
        "description": "Bins left open",
        "phone": "0551234567",
        "media_url": "https://partner.example/photos/1.jpg",
    }
    ticket = (await api.post("/open311/v2/requests.json", data=form)).json()[0][
        "service_request_id"
    ]

    own = await read(api, ticket, mine)
    theirs = await read(api, ticket, other)

    assert own["description"] == "Bins left open"
    assert own["media_url"] == "https://partner.example/photos/1.jpg"
    assert own["extended_attributes"]["phone"] == "+966551234567"
    assert (theirs["description"], theirs["media_url"]) == (None, None)
    assert "phone" not in theirs["extended_attributes"]


async def test_a_revoked_key_reads_nothing_more(api: httpx.AsyncClient, runtime: Runtime) -> None:
    database = runtime.service.database
    key = issue_key(database, "old-crm", ["read_private"])
    ticket = bot_case(database)
    with database.transaction() as session:
        store.revoke_api_client(session, client=store.require_api_client(session, name="old-crm"))

    response = await api.get(f"/open311/v2/requests/{ticket}.json", params={"api_key": key})

    assert response.status_code == 403
    assert response.json()[0]["description"].startswith("Invalid api_key")


@pytest.fixture
async def public_api(
    db_url: str, tmp_path: Path
) -> AsyncIterator[tuple[httpx.AsyncClient, Runtime]]:
    runtime = runtime_for_test(db_url, tmp_path, **{"open311.public_descriptions": True})
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client, runtime
    runtime.service.database.dispose()


async def test_public_descriptions_open_reports_but_never_outreach_requests(
    public_api: tuple[httpx.AsyncClient, Runtime],
) -> None:
    api, runtime = public_api
    database = runtime.service.database
    report = bot_case(database)
    visit = bot_case(
        database,
        kind="home_visit",
        category=None,
        description="My mother Fatima, flat 4",
        team="wajibna",
    )

    public_report = await read(api, report)
    public_visit = await read(api, visit)

    assert public_report["description"].startswith("Rubbish piled")
    assert "phone" not in public_report["extended_attributes"]  # contact stays private
    assert public_visit["description"] is None
    assert (public_visit["address"], public_visit["lat"], public_visit["long"]) == (
        None,
        None,
        None,
    )
    assert public_visit["service_code"] == "home_visit"


async def test_photos_are_served_only_to_a_key_that_may_see_them(
    api: httpx.AsyncClient, runtime: Runtime, tmp_path: Path
) -> None:
    media = runtime.media.store(png(), channel="webchat")
    ticket = bot_case(runtime.service.database, photos=[media.ref])
    database = runtime.service.database
    private, plain = issue_key(database, "crm", ["read_private"]), issue_key(database, "dash")
    url = (await read(api, ticket, private))["media_url"]

    allowed = await api.get(url, params={"api_key": private})
    refused = await api.get(url, params={"api_key": plain})
    anonymous = await api.get(url)

    assert allowed.status_code == 200 and allowed.content == png()
    assert allowed.headers["cache-control"] == "private, no-store"
    assert (refused.status_code, anonymous.status_code) == (404, 404)


async def test_a_key_in_the_x_api_key_header_counts_like_the_parameter(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    ticket = bot_case(runtime.service.database)
    key = issue_key(runtime.service.database, "940-crm", ["read_private"])
    headers = {"X-Api-Key": key}

    read_back = await api.get(f"/open311/v2/requests/{ticket}.json", headers=headers)
    filed = await api.post(
        "/open311/v2/requests.json",
        data={"service_code": "waste", "address_string": "Misfalah"},
        headers=headers,
    )

    assert read_back.json()[0]["description"].startswith("Rubbish piled")
    assert filed.status_code == 200
