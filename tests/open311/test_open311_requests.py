"""POST requests and GET requests / requests/{id}: the spec's examples, filing and reading back.

The spec's example request is sent as it is written there, with this city's
values in place of San Francisco's (our jurisdiction, a service code, a pin in
Makkah, a Saudi phone number); the answers have the spec's fields in its order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from open311_kit import HARAM_LAT, HARAM_LONG, as_xml_text, bot_case, get_case, issue_key, parse

from bot.core.runtime import Runtime
from dialogs.tickets import parse_ticket
from storage import service as store
from storage.audit import AuditFilter

FORM = {"content-type": "application/x-www-form-urlencoded; charset=utf-8"}
# The spec's "POST Service Request" example, with Makkah's values:
SPEC_EXAMPLE = (
    "api_key={key}&jurisdiction_id=holymakkah.gov.sa&service_code=road_hazard"
    f"&lat={HARAM_LAT}&long={HARAM_LONG}&address_string=1234+5th+street"
    "&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john"
    "&last_name=smith&phone=0501234567&description=A+large+sinkhole+is+destroying+the+street"
    "&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg"
)
# From the spec's GET Service Requests example, in order.
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]


async def post(api: httpx.AsyncClient, body: str, fmt: str = "json") -> httpx.Response:
    return await api.post(f"/open311/v2/requests.{fmt}", content=body.encode(), headers=FORM)


async def file(api: httpx.AsyncClient, key: str, **fields: str) -> str:
    data = {"api_key": key, "service_code": "waste", "address_string": "Ibrahim Al-Khalil St"}
    response = await api.post("/open311/v2/requests.json", data={**data, **fields})
    assert response.status_code == 200, response.text
    return str(response.json()[0]["service_request_id"])


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_the_spec_example_request_files_a_case(
    api: httpx.AsyncClient, runtime: Runtime, fmt: str
) -> None:
    key = issue_key(runtime.service.database, "call-centre")

    response = await post(api, SPEC_EXAMPLE.format(key=key), fmt)

    assert response.status_code == 200
    [answer] = parse(response)
    assert list(answer) == ["service_request_id", "service_notice", "account_id"]  # no token
    assert parse_ticket(answer["service_request_id"]).status == "ok"
    assert answer["account_id"] == "123456"
    case = get_case(runtime.service.database, answer["service_request_id"])
    assert (case.kind, case.category, case.source) == ("report", "road_hazard", "open311")
    assert case.team == "ajyad"  # routed by the pin, as the bot routes
    assert case.sub_municipality == "ajyad"
    assert case.description == "A large sinkhole is destroying the street"
    assert case.contact_phone == "+966501234567"
    assert case.extra["reporter"]["email"] == "smit333@sfgov.edu"
    assert case.extra["media_url"].startswith("http://farm3.static.flickr.com/")
    assert case.sla_due_at is not None


async def test_filing_is_an_audit_event_and_the_case_event_names_the_client(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    key = issue_key(database, "partner-app")
    ticket = await file(api, key, description="Bins overflowing")

    with database.session() as session:
        client = store.require_api_client(session, name="partner-app")
        audit = store.list_audit(session, filter=AuditFilter(actor=client.actor)).rows
        case = store.require_case(session, ticket_id=ticket)
        assert [(a.action, a.object_id) for a in audit] == [("open311.request", ticket)]
        assert audit[0].detail == {"service_code": "waste", "notify": None}
        assert [(e.type, e.actor) for e in case.events] == [("created", client.actor)]
        assert case.api_client_id == client.id
        assert case.reporter.channel == "open311"


async def test_an_outreach_request_takes_its_attributes_and_goes_to_its_team(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    key = issue_key(runtime.service.database, "call-centre")
    attributes = {
        "attribute[relationship]": "parent",
        "attribute[name]": "Fatima Al-Harbi",
        "attribute[need]": "elderly",
        "attribute[service]": "licence",
        "attribute[when]": "morning",
    }

    ticket = await file(
        api,
        key,
        service_code="home_visit",
        description="Renew shop licence",
        phone="+62 812 3456 7890",
        **attributes,
    )

    case = get_case(runtime.service.database, ticket)
    assert (case.kind, case.team) == ("home_visit", "wajibna")
    assert case.contact_phone == "+6281234567890"
    assert case.extra["name"] == "Fatima Al-Harbi" and case.extra["when"] == "morning"


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"attribute[relationship]": "cousin"}, 400, "must be one of self, parent"),
        ({"attribute[name]": ""}, 400, "attribute[name] is required"),
        ({"attribute[favourite]": "x"}, 400, "no attribute 'favourite'"),
        ({"phone": ""}, 400, "phone is required for service home_visit"),
        ({"attribute[name][]": "Fatima"}, 400, None),  # a list for a single value: fine if one
    ],
)
async def test_attributes_are_checked_against_the_definition(
    api: httpx.AsyncClient, runtime: Runtime, fields: dict[str, str], status: int, says: str | None
) -> None:
    key = issue_key(runtime.service.database, "call-centre")
    base = {
        "api_key": key,
        "service_code": "home_visit",
        "address_string": "Aziziyah, building 12",
        "phone": "0501234567",
        "attribute[relationship]": "parent",
        "attribute[name]": "Fatima",
        "attribute[need]": "elderly",
        "attribute[service]": "licence",
        "attribute[when]": "any",
    }
    if "attribute[name][]" in fields:
        del base["attribute[name]"]
    response = await api.post("/open311/v2/requests.xml", data={**base, **fields})

    if says is None:
        assert response.status_code == 200
        return
    assert response.status_code == status
    assert says in parse(response)[0]["description"]


async def test_reading_a_request_back_has_the_spec_fields_and_formats(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    key = issue_key(database, "call-centre")
    with database.transaction() as session:
        ajyad = store.require_team(session, slug="ajyad")  # seeded from the boundaries
        store.update_team(session, team=ajyad, names={"ar": "بلدية أجياد", "en": "Ajyad"})
    ticket = await file(api, key, lat=str(HARAM_LAT), long=str(HARAM_LONG), description="Bins")

    json_answer = await api.get(f"/open311/v2/requests/{ticket}.json", params={"locale": "en"})
    [request] = parse(json_answer)

    assert list(request) == REQUEST_FIELDS
    case = get_case(database, ticket)
    assert request["service_request_id"] == ticket
    assert (request["status"], request["status_notes"]) == (
        "open",
        "Received, waiting for the team.",
    )
    assert (request["service_code"], request["service_name"]) == ("waste", "Waste and litter")
    assert request["agency_responsible"] == "Ajyad"
    assert request["description"] is None  # private: read without the client's key
    assert request["requested_datetime"].endswith("+03:00")
    assert datetime.fromisoformat(request["requested_datetime"]) == case.created_at.replace(
        microsecond=0
    )
    assert datetime.fromisoformat(request["expected_datetime"]) == case.sla_due_at.replace(
        microsecond=0
    )
    assert (request["lat"], request["long"]) == (HARAM_LAT, HARAM_LONG)
    xml_answer = await api.get(f"/open311/v2/requests/{ticket}.xml", params={"locale": "en"})
    assert parse(xml_answer) == as_xml_text([request])
    arabic = parse(await api.get(f"/open311/v2/requests/{ticket}.json"))[0]
    assert arabic["agency_responsible"] == "بلدية أجياد"


async def test_a_status_change_in_the_desk_shows_as_closed_with_notes(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    key = issue_key(database, "call-centre")
    ticket = await file(api, key)
    with database.transaction() as session:
        case = store.require_case(session, ticket_id=ticket)
        store.change_case_status(session, case=case, status="in_progress", actor="system")
    in_progress = parse(await api.get(f"/open311/v2/requests/{ticket}.json?locale=en"))[0]
    with database.transaction() as session:
        case = store.require_case(session, ticket_id=ticket)
        store.change_case_status(
            session,
            case=case,
            status="rejected",
            actor="system",
            reason="private land",
            referral="Ministry of Municipalities",
        )
    rejected = parse(await api.get(f"/open311/v2/requests/{ticket}.json?locale=en"))[0]

    assert (in_progress["status"], in_progress["status_notes"]) == (
        "open",
        "The team is working on it.",
    )
    assert rejected["status"] == "closed"
    assert rejected["status_notes"] == "Not accepted. Referred to: Ministry of Municipalities"
    assert "private land" not in str(rejected)  # the reason is internal
    assert rejected["updated_datetime"] >= in_progress["updated_datetime"]


async def test_listing_filters_by_status_service_code_and_ids(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    key = issue_key(database, "call-centre")
    waste = await file(api, key)
    lights = await file(api, key, service_code="street_lighting")
    closed = bot_case(database, category="public_toilets")
    with database.transaction() as session:
        case = store.require_case(session, ticket_id=closed)
        store.change_case_status(session, case=case, status="resolved", actor="system")

    async def ids(**query: str) -> list[str]:
        response = await api.get("/open311/v2/requests.json", params=query)
        assert response.status_code == 200, response.text
        return [r["service_request_id"] for r in response.json()]

    assert await ids() == [closed, lights, waste]  # newest first
    assert await ids(status="open") == [lights, waste]
    assert await ids(status="closed") == [closed]
    assert await ids(status="open,closed") == [closed, lights, waste]
    assert await ids(service_code="waste,public_toilets") == [closed, waste]
    assert await ids(service_code="home_visit") == []
    assert await ids(service_request_id=f"{waste},{closed.lower()}", status="open") == [
        closed,
        waste,
    ]  # the id list overrides every other argument
    assert await ids(service_request_id="MK-0000000,nonsense") == []
    assert await ids(page_size="1") == [closed]
    assert await ids(page_size="1", page="3") == [waste]
    assert await ids(page="2") == []


async def test_the_default_window_is_the_last_90_days(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    now = datetime.now(UTC)
    old = bot_case(database, now=now - timedelta(days=100))
    recent = bot_case(database, now=now - timedelta(days=10))

    async def ids(**query: str) -> list[str]:
        response = await api.get("/open311/v2/requests.xml", params=query)
        assert response.status_code == 200, response.text
        return [r["service_request_id"] for r in parse(response)]

    def w3c(moment: datetime) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    assert await ids() == [recent]
    assert await ids(start_date=w3c(now - timedelta(days=120))) == [old]  # 90 days from there
    assert await ids(end_date=w3c(now - timedelta(days=50))) == [old]
    both = {"start_date": w3c(now - timedelta(days=101)), "end_date": w3c(now - timedelta(days=11))}
    assert await ids(**both) == [old]
    assert await ids(start_date=(now - timedelta(days=11)).date().isoformat()) == [recent]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({"start_date": "2010-01-01T00:00:00Z", "end_date": "2010-06-01T00:00:00Z"}, "90 days"),
        ({"start_date": "2010-06-01T00:00:00Z", "end_date": "2010-05-01T00:00:00Z"}, "later"),
        ({"start_date": "yesterday"}, "W3C date-time"),
        ({"start_date": "2010-01-01T00:00:00"}, "time zone"),
        ({"status": "pending"}, "open or closed"),
        ({"service_code": "001"}, "not found"),
        ({"page_size": "5000"}, "page_size"),
        ({"page": "-1"}, "page"),
        ({"extensions": "maybe"}, "true or false"),
        ({"api_key": "not-a-key"}, "Invalid api_key"),
    ],
)
async def test_bad_listing_arguments_get_the_spec_error(
    api: httpx.AsyncClient, query: dict[str, str], says: str
) -> None:
    response = await api.get("/open311/v2/requests.json", params=query)

    assert response.status_code in (400, 403, 404)
    [error] = response.json()
    assert error["code"] == response.status_code
    assert says in error["description"]


@pytest.mark.parametrize("request_id", ["MK-1234567", "MK-0000000", "1234566", "..", "%00"])
async def test_an_unknown_request_is_404(api: httpx.AsyncClient, request_id: str) -> None:
    response = await api.get(f"/open311/v2/requests/{request_id}.xml")

    assert response.status_code == 404
    assert parse(response)[0]["code"] == "404"
