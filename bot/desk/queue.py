"""The queue (/desk/cases, the agents' home) and its CSV export (/desk/cases.csv).

Every filter is a GET parameter, so a view is a URL to bookmark or export:

    status, category, team, priority, channel, language (each may repeat), sla
    (due_soon | overdue), q (ticket, description or place), from / to (Makkah
    calendar days, both inclusive), assigned (me | none), sort, page, per_page

A value the desk does not know is a 400 page naming it. `storage.case_queue`
keeps an agent to their team's cases whatever the URL says; supervisors and
admins see every team. The export (supervisors and admins; the queue's
"Export CSV" link) is the same filter and sort, every page of it, streamed in
chunks, UTF-8 with a BOM (so Excel reads Arabic), and one audit event
`case.export` (row count and filters, never the search text); cells that a
spreadsheet would run as a formula (= + - @) are quoted with a leading '.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Row
from starlette.responses import Response, StreamingResponse

from bot.desk.pages import SUPERVISORS, Endpoint, Page, Refused, has_control_characters
from bot.municipal.prayer import MAKKAH_TZ
from storage import service as store
from storage.models import CASE_STATUSES, OPEN_CASE_STATUSES, PRIORITIES, REPORT_CATEGORIES, Case
from storage.queue import MAX_TEXT_CHARS, SLA_STATES, SORTS

PER_PAGE = (25, 50, 100, 200)
FIRST_YEAR, LAST_YEAR = 2000, 2199
EXPORT_LIMIT = 100_000  # more is a 400 asking for narrower filters
EXPORT_CHUNK = 1_000
MULTI = ("status", "category", "team", "priority", "channel", "language")
SINGLE = ("sla", "q", "from", "to", "assigned", "sort", "page", "per_page")


@dataclass(frozen=True)
class QueueQuery:
    """The queue's URL parameters, checked."""

    filter: store.CaseFilter
    sort: str
    page: int
    per_page: int
    params: tuple[tuple[str, str], ...]  # as given, for links that keep the view

    def url(self, path: str = "/desk/cases", **changes: object) -> str:
        """This view's URL with some parameters changed (None drops one)."""
        kept = [(k, v) for k, v in self.params if k not in changes]
        for key, value in changes.items():
            if value is not None and value != "":
                kept.append((key, str(value)))
        return f"{path}?{urlencode(kept)}" if kept else path

    def has(self, key: str, value: str) -> bool:
        return (key, value) in self.params

    def one(self, key: str) -> str:
        return next((v for k, v in self.params if k == key), "")


def _choose(values: list[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    for value in values:
        if value not in allowed:
            raise Refused(400, "error-unknown-value", what=what, value=value[:40])
    return tuple(dict.fromkeys(values))


def _day(value: str, what: str) -> date | None:
    """A calendar day of a filter; years outside FIRST_YEAR..LAST_YEAR are no date anyone
    means (and 9999-12-31 + one day would overflow)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Refused(400, "error-date", what=what, value=value[:20]) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Refused(400, "error-date", what=what, value=value[:20])
    return day


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), MAKKAH_TZ)


def _number(value: str, what: str, default: int) -> int:
    if not value:
        return default
    if not value.isascii() or not value.isdigit() or len(value) > 6 or int(value) < 1:
        raise Refused(400, "error-unknown-value", what=what, value=value[:20])
    return int(value)


def parse_query(page: Page) -> QueueQuery:
    params = page.request.query_params
    known = set(MULTI) | set(SINGLE)
    for key, value in params.multi_items():
        if key not in known:
            raise Refused(400, "error-unknown-value", what="parameter", value=key[:40])
        if has_control_characters(value):
            raise Refused(400, "error-field", field=key)

    def get(key: str) -> list[str]:  # an empty field of the GET form means "any"
        return [v for v in params.getlist(key) if v != ""]

    languages = tuple(page.desk.settings.languages)
    channels = page.desk.runtime.channels
    first, last = _day(params.get("from", ""), "from"), _day(params.get("to", ""), "to")
    text = params.get("q", "").strip()
    if len(text) > MAX_TEXT_CHARS:
        raise Refused(400, "error-too-long", field="q", max=MAX_TEXT_CHARS)
    assigned = params.get("assigned", "")
    if assigned not in ("", "me", "none"):
        raise Refused(400, "error-unknown-value", what="assigned", value=assigned[:20])
    sla = params.get("sla", "")
    sort = params.get("sort", "") or "-created_at"
    per_page = _number(params.get("per_page", ""), "per_page", 50)
    if sla and sla not in SLA_STATES:
        raise Refused(400, "error-unknown-value", what="sla", value=sla[:20])
    if sort not in SORTS:
        raise Refused(400, "error-unknown-value", what="sort", value=sort[:20])
    if per_page not in PER_PAGE:
        raise Refused(400, "error-unknown-value", what="per_page", value=str(per_page))
    teams = tuple(dict.fromkeys(get("team")))
    filter = store.CaseFilter(
        statuses=_choose(get("status"), CASE_STATUSES, "status"),
        categories=_choose(get("category"), REPORT_CATEGORIES, "category"),
        teams=teams or None,
        priorities=_choose(get("priority"), PRIORITIES, "priority"),
        sla=sla or None,
        channels=_choose(get("channel"), channels, "channel"),
        languages=_choose(get("language"), languages, "language"),
        text=text or None,
        created_from=_start_of(first) if first else None,
        created_before=_start_of(last + timedelta(days=1)) if last else None,
        assigned_agent_id=page.agent.id if assigned == "me" else None,
        unassigned=assigned == "none",
    )
    if first and last and first > last:
        raise Refused(400, "error-date-range")
    number = _number(params.get("page", ""), "page", 1)
    pairs = tuple((k, v) for k, v in params.multi_items() if v != "")
    return QueueQuery(filter, sort, number, per_page, pairs)


def sla_state(case: Case, now: datetime, soon: timedelta = timedelta(hours=4)) -> str:
    """ "overdue", "due_soon", "ok" or "" (a case no longer open has no SLA to keep)."""
    return sla_of(case.status, case.sla_due_at, now, soon)


def sla_of(
    status: str, due: datetime | None, now: datetime, soon: timedelta = timedelta(hours=4)
) -> str:
    if status not in OPEN_CASE_STATUSES or due is None:
        return ""
    if due < now:
        return "overdue"
    return "due_soon" if due < now + soon else "ok"


def hours_between(a: datetime, b: datetime) -> int:
    return int(abs((b - a).total_seconds()) // 3600)


def queue_page(page: Page) -> Response:
    query = parse_query(page)
    result = store.case_queue(
        page.session,
        agent=page.agent,
        filter=query.filter,
        sort=query.sort,
        page=query.page,
        per_page=query.per_page,
        now=page.now,
    )
    teams = {t.slug: t for t in store.list_teams(page.session, include_inactive=True)}
    return page.render(
        "queue.html",
        query=query,
        result=result,
        teams=teams,
        statuses=CASE_STATUSES,
        categories=REPORT_CATEGORIES,
        priorities=PRIORITIES,
        sorts=tuple(SORTS),
        per_pages=PER_PAGE,
        languages=page.desk.settings.languages,
        channels=page.desk.runtime.channels,
        sla_of=lambda case: sla_state(case, page.now),
        hours=lambda case: hours_between(page.now, case.sla_due_at) if case.sla_due_at else 0,
        now=page.now,
    )


# ---- the export ------------------------------------------------------------------------

COLUMNS = (
    "ticket_id", "created_at", "status", "priority", "kind", "category", "team",
    "sub_municipality", "assigned_to", "channel", "language", "sla_due_at", "sla_state",
    "reopen_count", "location_text", "location_lat", "location_lon", "description",
)  # fmt: skip


def _cell(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula is quoted with a leading '."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _local(value: datetime | None) -> str:
    return value.astimezone(MAKKAH_TZ).isoformat(timespec="minutes") if value else ""


def _row(case: Row[Any], now: datetime) -> list[str]:
    """One CSV row from `store.export_rows`' columns."""
    values: Mapping[str, Any] = {
        **case._mapping,
        "created_at": _local(case.created_at),
        "assigned_to": case.assigned_to or "",
        "sla_due_at": _local(case.sla_due_at),
        "sla_state": sla_of(case.status, case.sla_due_at, now),
    }
    return [_cell(values[c]) for c in COLUMNS]


def _audited_filters(query: QueueQuery) -> list[str]:
    """The export's filters for the audit log: names and values, but never the search text
    (it may be a phone number or a pilgrim's words)."""
    return [f"{k}={'…' if k == 'q' else v}" for k, v in query.params if k != "page"]


def _csv_chunks(page: Page, ids: list[int]) -> Iterator[str]:
    """The file, a chunk of rows at a time, each chunk read in a session of its own (the
    page's has ended by the time the response streams)."""
    database, now = page.desk.database, page.now
    out = io.StringIO()
    writer = csv.writer(out)
    out.write("\ufeff")  # the BOM makes spreadsheets read the Arabic as UTF-8
    writer.writerow(COLUMNS)
    for start in range(0, len(ids), EXPORT_CHUNK):
        with database.session() as s:
            for case in store.export_rows(s, ids=ids[start : start + EXPORT_CHUNK]):
                writer.writerow(_row(case, now))
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    if out.tell():
        yield out.getvalue()


def export_csv(page: Page) -> Response:
    query = parse_query(page)
    ids = store.case_ids(
        page.session, agent=page.agent, filter=query.filter, sort=query.sort, now=page.now,
        limit=EXPORT_LIMIT,
    )  # fmt: skip
    if len(ids) > EXPORT_LIMIT:
        raise Refused(400, "error-export-too-big", max=EXPORT_LIMIT)
    page.audit("case.export", object_type="queue", rows=len(ids), filters=_audited_filters(query))
    stamp = page.now.astimezone(MAKKAH_TZ).strftime("%Y%m%d-%H%M")
    return StreamingResponse(
        _csv_chunks(page, ids),
        media_type="text/csv; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="cases-{stamp}.csv"',
            "cache-control": "no-store",
        },
    )


def home(page: Page) -> Response:
    return page.redirect("/desk/cases")


ENDPOINTS = (
    Endpoint("/desk", home, name="desk_home"),
    Endpoint("/desk/", home),
    Endpoint("/desk/cases", queue_page, name="desk_queue"),
    Endpoint("/desk/cases.csv", export_csv, roles=SUPERVISORS, writes=True, name="desk_export"),
)
