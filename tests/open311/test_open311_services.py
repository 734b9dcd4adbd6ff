"""GET services, service definitions, discovery and tokens, against the spec's own examples.

The spec's examples (GeoReport v2, "GET Service List", "GET Service Definition",
"Service Discovery") give the field names and their order; ours must have the
same, in XML (the required format, with the XML declaration and text/xml) and
in JSON (the Spark convention: every container an array, even of one).
"""

from __future__ import annotations

import httpx
import pytest
from open311_kit import as_xml_text, parse

from storage.models import REPORT_CATEGORIES

# From the spec's GET Service List example (XML):
#   <service><service_code>001</service_code><service_name>Cans left out 24x7</service_name>
#   <description>…</description><metadata>true</metadata><type>realtime</type>
#   <keywords>lorem, ipsum, dolor</keywords><group>sanitation</group></service>
SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]
# From the spec's GET Service Definition example: service_definition > service_code,
# attributes > attribute > variable, code, datatype, required, datatype_description,
# order, description, values > value > key, name.
ATTRIBUTE_FIELDS = [
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
]
# From the Service Discovery spec: "All fields are required."
DISCOVERY_FIELDS = ["changeset", "contact", "key_service", "endpoints"]
ENDPOINT_FIELDS = ["specification", "url", "changeset", "type", "formats"]


async def test_the_service_list_has_the_spec_fields_in_json_and_xml(api: httpx.AsyncClient) -> None:
    as_json = await api.get("/open311/v2/services.json", params={"locale": "en"})
    as_xml = await api.get("/open311/v2/services.xml", params={"locale": "en"})

    assert as_json.headers["content-type"] == "application/json; charset=utf-8"
    assert as_xml.headers["content-type"] == "text/xml; charset=utf-8"
    services = parse(as_json)
    assert [list(s) for s in services] == [SERVICE_FIELDS] * len(services)
    codes = [s["service_code"] for s in services]
    assert codes == [*REPORT_CATEGORIES, "home_visit", "proxy_service"]
    waste = services[0]
    assert waste["service_name"] == "Waste and litter"
    assert (waste["metadata"], waste["type"], waste["group"]) == (False, "realtime", "Reports")
    assert "garbage" in waste["keywords"].split(", ")
    assert parse(as_xml) == as_xml_text(services)


async def test_outreach_services_ask_more_so_their_metadata_is_true(
    api: httpx.AsyncClient,
) -> None:
    services = parse(await api.get("/open311/v2/services.json", params={"locale": "en"}))
    by_code = {s["service_code"]: s for s in services}

    assert by_code["home_visit"]["metadata"] is True
    assert by_code["home_visit"]["service_name"] == "Home visit (Wajibna)"
    assert by_code["proxy_service"]["group"] == "Outreach services"
    assert not any(by_code[c]["metadata"] for c in REPORT_CATEGORIES)


@pytest.mark.parametrize(
    ("locale", "name"),
    [
        (None, "نفايات ومخلفات"),  # the municipality's language by default
        ("ar", "نفايات ومخلفات"),
        ("ur-PK", "کچرا اور گندگی"),
        ("fa_IR", "زباله و پسماند"),
        ("id", "Sampah"),
        ("xx", "نفايات ومخلفات"),  # not one of ours: the default
    ],
)
async def test_names_come_in_the_language_of_locale(
    api: httpx.AsyncClient, locale: str | None, name: str
) -> None:
    query = {"locale": locale} if locale else {}
    services = parse(await api.get("/open311/v2/services.json", params=query))

    assert services[0]["service_name"] == name
    assert "\u2068" not in services[0]["description"]  # no chat-bubble bidi marks


async def test_a_service_definition_lists_the_flows_questions(api: httpx.AsyncClient) -> None:
    response = await api.get("/open311/v2/services/home_visit.json", params={"locale": "en"})

    definition = parse(response)
    assert list(definition) == ["service_code", "attributes"]
    assert definition["service_code"] == "home_visit"
    codes = [a["code"] for a in definition["attributes"]]
    assert codes == ["relationship", "name", "need", "service", "when"]  # the flow's order
    relationship = definition["attributes"][0]
    assert list(relationship) == ATTRIBUTE_FIELDS
    assert relationship["datatype"] == "singlevaluelist"
    assert (relationship["variable"], relationship["required"], relationship["order"]) == (
        True,
        True,
        1,
    )
    assert relationship["values"][0] == {"key": "self", "name": "Myself"}
    name = definition["attributes"][1]
    assert name["datatype"] == "string" and "values" not in name
    assert name["datatype_description"] == "Text of 2 to 100 characters."
    xml = await api.get("/open311/v2/services/home_visit.xml", params={"locale": "en"})
    assert parse(xml) == as_xml_text(definition)


async def test_a_report_category_has_a_definition_without_attributes(
    api: httpx.AsyncClient,
) -> None:
    definition = parse(await api.get("/open311/v2/services/waste.xml"))

    assert definition == {"service_code": "waste", "attributes": []}


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_an_unknown_service_code_is_404_in_the_spec_error_format(
    api: httpx.AsyncClient, fmt: str
) -> None:
    response = await api.get(f"/open311/v2/services/DMV66.{fmt}")

    assert response.status_code == 404
    [error] = parse(response)
    assert list(error) == ["code", "description"]
    assert error["code"] in (404, "404")
    assert "DMV66" in error["description"]


async def test_discovery_has_every_required_field(api: httpx.AsyncClient) -> None:
    discovery = parse(await api.get("/open311/discovery.json"))

    assert list(discovery) == DISCOVERY_FIELDS
    [endpoint] = discovery["endpoints"]
    assert list(endpoint) == ENDPOINT_FIELDS
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["type"] == "production"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert parse(await api.get("/open311/discovery.xml")) == as_xml_text(discovery)


async def test_tokens_are_never_issued_so_every_token_is_not_found(
    api: httpx.AsyncClient,
) -> None:
    response = await api.get("/open311/v2/tokens/12345.xml")

    assert response.status_code == 404
    assert "realtime" in parse(response)[0]["description"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/open311/v2/services.html", 400),  # a format we do not speak
        ("GET", "/open311/v2/services", 404),  # no format at all
        ("GET", "/open311/v3/services.xml", 404),
        ("DELETE", "/open311/v2/requests.json", 405),
        ("POST", "/open311/v2/services.xml", 405),
        ("GET", "/open311/v2/services.xml?jurisdiction_id=sfgov.org", 404),
        ("GET", "/open311/v2/services.xml?jurisdiction_id=holymakkah.gov.sa", 200),
    ],
)
async def test_wrong_paths_methods_and_jurisdictions_get_spec_errors(
    api: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await api.request(method, path)

    assert response.status_code == status
    if status != 200:
        assert parse(response)[0]["code"] in (status, str(status))
