"""The read side: the answers of the GET endpoints, as `Document`s, from one session each.

Every function takes the query parameters (already known to be this
jurisdiction's) and returns the document or raises the spec's error. GET
requests.*: `service_request_id` (a comma list) overrides every other filter;
otherwise `service_code` and `status` (comma lists), and a `start_date` /
`end_date` window of at most `window_days` (the spec's 90), the most recent
`window_days` when neither is given; newest first, at most `max_requests` per
answer, paged with the widely implemented `page` / `page_size` extension.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.content import Content
from bot.open311 import params
from bot.open311.document import Document, Items, Record
from bot.open311.errors import bad_request, forbidden, not_found
from bot.open311.requests_view import (
    SPEC_STATUSES,
    Reader,
    case_statuses,
    requests_document,
)
from bot.open311.services import BY_CODE, service_definition, service_list
from bot.open311.settings import Open311Settings
from dialogs.tickets import parse_ticket
from storage import service as store
from storage.models import ApiClient, Case, CasePhoto, Team
from storage.queue import MAX_PER_PAGE, CaseFilter

Params = Mapping[str, str]
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


def client_of(session: Session, query: Params) -> ApiClient | None:
    """The client of `api_key`, if one is sent; a wrong or revoked key is the spec's 403."""
    key = params.text(query, "api_key", max_chars=100)
    if key is None:
        return None
    client = store.verify_api_key(session, key=key)
    session.commit()  # its last use, noted at most once a minute
    if client is None:
        raise forbidden("Invalid api_key received -- can't proceed")
    return client


def services(content: Content, lang: str) -> Document:
    return service_list(content, lang)


def definition(content: Content, lang: str, code: str) -> Document:
    service = BY_CODE.get(code)
    if service is None:
        raise not_found(f"service_code {code[:64]!r} not found; GET services.xml lists them")
    return service_definition(content, lang, service)


def _teams(session: Session) -> dict[str, Team]:
    return {t.slug: t for t in store.list_teams(session, include_inactive=True)}


def _ticket(value: str) -> str | None:
    parsed = parse_ticket(value)
    return parsed.ticket_id if parsed.status == "ok" else None


def _window(query: Params, settings: Open311Settings, now: datetime) -> tuple[datetime, datetime]:
    start = params.w3c_datetime(query, "start_date")
    end = params.w3c_datetime(query, "end_date")
    span = timedelta(days=settings.window_days)
    if start is None and end is None:
        return now - span, now
    if start is None:
        assert end is not None
        return end - span, end
    end = end or start + span
    if end <= start:
        raise bad_request("end_date must be later than start_date")
    if end - start > span:
        raise bad_request(
            f"start_date to end_date may not span more than {settings.window_days} days"
        )
    return start, end


def requests_filter(query: Params, settings: Open311Settings, now: datetime) -> CaseFilter | None:
    """What GET requests.* asks for; None when nothing can match (only unknown ids)."""
    ids = params.listed(query, "service_request_id")
    if ids:
        tickets = tuple(dict.fromkeys(t for t in (_ticket(v) for v in ids) if t))
        return CaseFilter(tickets=tickets) if tickets else None
    codes = params.listed(query, "service_code")
    unknown = [c for c in codes if c not in BY_CODE]
    if unknown:
        raise not_found(f"service_code {unknown[0][:64]!r} not found; GET services.xml lists them")
    spec = params.listed(query, "status")
    wrong = [s for s in spec if s not in SPEC_STATUSES]
    if wrong:
        raise bad_request(f"status must be open or closed (comma-separated), got {wrong[0][:20]!r}")
    start, end = _window(query, settings, now)
    return CaseFilter(
        statuses=tuple(s for spec_status in spec for s in case_statuses(spec_status)),
        services=tuple(codes),
        created_from=start,
        created_before=end + timedelta(microseconds=1),  # end_date is inclusive
    )


def _page(query: Params, settings: Open311Settings) -> tuple[int, int]:
    size = params.whole_number(query, "page_size", low=1, high=settings.max_requests)
    page = params.whole_number(query, "page", low=1, high=100_000)
    return page or 1, size or settings.max_requests


def _cases(session: Session, wanted: CaseFilter, page: int, size: int, now: datetime) -> list[Case]:
    """Rows [(page-1)*size, page*size) newest first, read in the storage's page size."""
    first = (page - 1) * size
    rows: list[Case] = []
    storage_page = first // MAX_PER_PAGE + 1
    skip = first - (storage_page - 1) * MAX_PER_PAGE
    while len(rows) < size:
        found = store.find_cases(
            session, filter=wanted, page=storage_page, per_page=MAX_PER_PAGE, now=now
        ).rows
        rows.extend(found[skip:])
        if len(found) < MAX_PER_PAGE:
            break
        storage_page, skip = storage_page + 1, 0
    return rows[:size]


def list_requests(session: Session, reader: Reader, query: Params, now: datetime) -> Document:
    wanted = requests_filter(query, reader.settings, now)
    page, size = _page(query, reader.settings)
    cases = _cases(session, wanted, page, size, now) if wanted is not None else []
    return requests_document(reader, cases, _teams(session))


def one_request(session: Session, reader: Reader, request_id: str) -> Document:
    ticket = _ticket(request_id)
    case = store.get_case(session, ticket_id=ticket) if ticket else None
    if case is None:
        raise not_found(f"service_request_id {request_id[:40]!r} not found")
    return requests_document(reader, [case], _teams(session))


def token(token_id: str) -> Document:
    """Every service here is realtime: POST answers with the id, so no token is ever issued."""
    raise not_found(
        f"token {token_id[:40]!r} not found: every service here is realtime, so POST "
        "requests answers with the service_request_id itself and issues no tokens"
    )


def discovery(settings: Open311Settings, endpoint_url: str) -> Document:
    endpoint: Record = {
        "specification": SPECIFICATION,
        "url": endpoint_url,
        "changeset": settings.changeset,
        "type": settings.endpoint_type,
        "formats": Items("format", ["text/xml", "application/json"]),
    }
    body: Record = {
        "changeset": settings.changeset,
        "contact": settings.contact,
        "key_service": settings.key_service,
        "endpoints": Items("endpoint", [endpoint]),
    }
    return Document("discovery", body)


def photo_case(session: Session, reader: Reader, ref: str) -> Case:
    """The case holding photo `ref`, if this reader may see its photos; else the spec's 404."""
    stmt = select(Case).join(CasePhoto, CasePhoto.case_id == Case.id).where(CasePhoto.ref == ref)
    case = session.scalars(stmt.limit(1)).first()
    if case is None or not reader.private(case):
        raise not_found("no such media")
    return case
