"""Helpers for the Open311 tests: a runtime per test, keys, the answers parsed, cases filed.

XML answers are parsed with defusedxml (never the standard library's parser on
input), and turned into the same plain structure as the JSON answers by the
Spark convention, so one assertion checks both formats.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import httpx
from defusedxml.ElementTree import fromstring
from shared_content import runtime_on_settings

from bot.app.config import load_settings
from bot.core.runtime import Runtime
from dialogs.tickets import make_ticket_id
from storage import service as store
from storage.db import Database
from storage.models import Case

# Inside the Ajyad sub-municipality's area (bot/municipal/data/boundaries.yaml).
HARAM_LAT, HARAM_LONG = 21.4225, 39.8262
# Elements whose children are an array in JSON (Spark): the container names of the spec.
CONTAINERS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}


def runtime_for_test(db_url: str, tmp_path: Path, **overrides: object) -> Runtime:
    settings = load_settings(
        env={},
        overrides={
            "database.url": db_url,
            "media.directory": str(tmp_path / "media"),
            **overrides,
        },
    )
    return runtime_on_settings(settings)


def issue_key(database: Database, name: str, scopes: Sequence[str] = ()) -> str:
    with database.transaction() as session:
        return store.create_api_client(session, name=name, scopes=scopes).key


def spark(element: Element) -> Any:
    """An XML answer as the JSON the Spark convention gives for it."""
    if element.tag in CONTAINERS:
        return [spark(child) for child in element]
    if len(element):
        return {child.tag: spark(child) for child in element}
    text = element.text
    return text if text is not None else None


def parse(response: httpx.Response) -> Any:
    """The answer's body, from XML or JSON, as one plain structure."""
    if response.headers["content-type"].startswith("text/xml"):
        assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
        return spark(fromstring(response.content))
    return response.json()


def as_xml_text(value: Any) -> Any:
    """A JSON value as it reads in XML (every leaf text; null and "" alike)."""
    if isinstance(value, list):
        return [as_xml_text(v) for v in value]
    if isinstance(value, dict):
        return {k: as_xml_text(v) for k, v in value.items()}
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or value == "":
        return None
    return str(value)


def bot_case(database: Database, **fields: Any) -> str:
    """A case a pilgrim filed through the web chat; its ticket id."""
    with database.transaction() as session:
        person = store.get_or_create_person(session, channel="webchat", user_id="a1b2c3d4e5f6a7b8")
        values: dict[str, Any] = {
            "kind": "report",
            "category": "waste",
            "description": "Rubbish piled by the camp gate, my name is Amina",
            "location_lat": HARAM_LAT,
            "location_lon": HARAM_LONG,
            "location_text": "Gate 79",
            "channel": "webchat",
            "language": "en",
            "contact_phone": "+966501234567",
            **fields,
        }
        case = store.create_case(session, reporter=person, new_ticket_id=make_ticket_id, **values)
        return case.ticket_id


def get_case(database: Database, ticket_id: str) -> Case:
    with database.session() as session:
        case = store.require_case(session, ticket_id=ticket_id)
        session.expunge(case)
        return case


def png() -> bytes:
    """A small valid PNG (a photo a pilgrim sent)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    pixels = zlib.compress((b"\x00" + b"\x0b\x6e\x4f" * 8) * 8)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
