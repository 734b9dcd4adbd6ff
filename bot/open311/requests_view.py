"""Cases as GeoReport v2 service requests, under the privacy rules.

Status: the case workflow's open statuses (new, assigned, in_progress,
reopened) are `open`; resolved, closed and rejected are `closed`. The detailed
status is in `status_notes` (a Fluent text in the `locale`'s language; a
rejected case's referral is added to it). `agency_responsible` is the display
name of the case's team, `expected_datetime` its SLA due time, and every time
is ISO 8601 in Makkah time with its offset (+03:00).

Privacy: who may read what. A request's reporter contact, description and
photos are private: they leave through the API only to the client that filed
the case, or to a key with the `read_private` scope. A report's description is
public when the `open311.public_descriptions` setting says so; an outreach
request's never is (it is about a named person at home, in prison or abroad),
and neither is its place. Everyone sees the status, the service, the dates,
the team and a report's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from bot.core.content import Content
from bot.open311.document import Document, Items, Record, Value
from bot.open311.services import Service, say, service_of
from bot.open311.settings import Open311Settings
from storage import service as store
from storage.models import CASE_STATUSES, OPEN_CASE_STATUSES, ApiClient, Case, Team

MAKKAH_TIME = timezone(timedelta(hours=3))  # Saudi Arabia keeps +03:00 all year
SPEC_STATUSES = ("open", "closed")
OUTREACH_KINDS = ("home_visit", "proxy_service")


def spec_status(status: str) -> str:
    return "open" if status in OPEN_CASE_STATUSES else "closed"


def case_statuses(spec: str) -> tuple[str, ...]:
    """The case statuses behind a spec status ("open" or "closed")."""
    return tuple(s for s in CASE_STATUSES if spec_status(s) == spec)


def w3c(moment: datetime | None) -> str | None:
    """ISO 8601 with the offset, to the second: 2026-05-01T09:30:00+03:00."""
    if moment is None:
        return None
    return moment.astimezone(MAKKAH_TIME).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Reader:
    """Who asks (their key, if any), in which language, and what the settings allow."""

    content: Content
    settings: Open311Settings
    lang: str
    client: ApiClient | None = None
    media_base: str = ""  # the absolute URL of /open311/v2/media/
    extensions: bool = False

    def private(self, case: Case) -> bool:
        """Whether this reader may see the case's private fields."""
        if self.client is None:
            return False
        return case.api_client_id == self.client.id or store.has_scope(self.client, "read_private")

    def description(self, case: Case) -> str | None:
        if self.private(case):
            return case.description or None
        public = self.settings.public_descriptions and case.kind not in OUTREACH_KINDS
        return (case.description or None) if public else None

    def place(self, case: Case) -> tuple[str | None, float | None, float | None]:
        if case.kind in OUTREACH_KINDS and not self.private(case):
            return None, None, None
        return case.location_text, case.location_lat, case.location_lon

    def media_url(self, case: Case) -> str | None:
        if not self.private(case):
            return None
        given = (case.extra or {}).get("media_url")
        if isinstance(given, str):
            return given
        photos = case.photos or []
        return f"{self.media_base}{quote(photos[0])}" if photos and self.media_base else None


def _status_notes(reader: Reader, case: Case) -> str:
    note = say(reader.content, reader.lang, f"open311-status-{case.status.replace('_', '-')}")
    if case.status == "rejected" and case.referral:
        referral = say(reader.content, reader.lang, "open311-status-referral")
        note = f"{note} {referral} {case.referral}"
    return note


def _team_name(team: Team | None, lang: str) -> str | None:
    if team is None:
        return None
    names = team.names or {}
    for candidate in (lang, "en", "ar"):
        if names.get(candidate):
            return str(names[candidate])
    return None


def _service_fields(reader: Reader, case: Case) -> tuple[str | None, str | None]:
    service: Service | None = service_of(case.kind, case.category)
    if service is None:
        return None, case.category or case.kind
    return say(reader.content, reader.lang, service.name_key), service.code


def _extended(reader: Reader, case: Case) -> Record:
    extended: dict[str, Value] = {
        "ticket_status": case.status,
        "source": case.source,
        "sub_municipality": case.sub_municipality,
    }
    if reader.private(case):
        reporter = (case.extra or {}).get("reporter") or {}
        extended.update(
            phone=case.contact_phone,
            email=reporter.get("email"),
            first_name=reporter.get("first_name"),
            last_name=reporter.get("last_name"),
            account_id=reporter.get("account_id"),
        )
    return extended


def request_record(reader: Reader, case: Case, team: Team | None) -> Record:
    service_name, service_code = _service_fields(reader, case)
    address, lat, lon = reader.place(case)
    record: dict[str, Value] = {
        "service_request_id": case.ticket_id,
        "status": spec_status(case.status),
        "status_notes": _status_notes(reader, case),
        "service_name": service_name,
        "service_code": service_code,
        "description": reader.description(case),
        "agency_responsible": _team_name(team, reader.lang),
        "service_notice": None,
        "requested_datetime": w3c(case.created_at),
        "updated_datetime": w3c(case.updated_at),
        "expected_datetime": w3c(case.sla_due_at),
        "address": address,
        "address_id": None,
        "zipcode": None,
        "lat": lat,
        "long": lon,
        "media_url": reader.media_url(case),
    }
    if reader.extensions:
        record["extended_attributes"] = _extended(reader, case)
    return record


def requests_document(reader: Reader, cases: list[Case], teams: dict[str, Team]) -> Document:
    rows = [request_record(reader, c, teams.get(c.team or "")) for c in cases]
    return Document("service_requests", Items("request", rows))
