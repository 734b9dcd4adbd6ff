"""The desk's case queue: one filter, one sort, one page; the total and counts per status.

    page = case_queue(session, agent=me, filter=CaseFilter(statuses=("new",), sla="overdue"),
                      sort="sla_due_at", page=1, per_page=50)
    page.rows            # the cases of this page (their assigned agent loaded)
    page.total           # how many match in all
    page.status_counts   # {"new": 12, "assigned": 3, ...} for the same filter, any status

`case_queue` shows an agent only their team's cases (supervisors and admins
every team's; a disabled agent nothing), whatever the filter asks.
`find_cases` is the same without an agent, for the system's own readers
(Open311). An export reads `case_ids` (every match, in order, as the agent
may see them) and then their columns a chunk at a time (`export_rows`).

Indexes on (team, status, created_at | sla_due_at), (status, created_at |
sla_due_at) and (created_at) serve the usual shapes: a team's open cases
newest first or by due time, and every team's the same way. Free text is a
substring match over the ticket, the description and the place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, case, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from storage._sql import require_one_of
from storage.errors import InvalidValue
from storage.models import (
    CASE_STATUSES,
    OPEN_CASE_STATUSES,
    PRIORITIES,
    REPORT_CATEGORIES,
    Agent,
    Case,
)
from storage.types import utcnow

SLA_STATES = ("due_soon", "overdue")
MAX_PER_PAGE = 200
MAX_TEXT_CHARS = 200
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PRIORITY_RANK = case({"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=Case.priority)
SORTS: dict[str, tuple[Any, ...]] = {
    "-created_at": (Case.created_at.desc(), Case.id.desc()),  # newest first (the default)
    "created_at": (Case.created_at.asc(), Case.id.asc()),
    "sla_due_at": (Case.sla_due_at.asc().nulls_last(), Case.id.asc()),  # most urgent first
    "-sla_due_at": (Case.sla_due_at.desc().nulls_last(), Case.id.desc()),
    "priority": (_PRIORITY_RANK, Case.sla_due_at.asc().nulls_last(), Case.id.asc()),
    "-updated_at": (Case.updated_at.desc(), Case.id.desc()),
}


@dataclass(frozen=True)
class CaseFilter:
    """What the queue shows. Empty tuples and None mean "any"."""

    statuses: tuple[str, ...] = ()
    tickets: tuple[str, ...] = ()  # canonical ticket ids (Open311's service_request_id list)
    categories: tuple[str, ...] = ()
    # Open311 service codes: a report category (of a report or complaint) or another kind
    services: tuple[str, ...] = ()
    teams: tuple[str, ...] | None = None
    priorities: tuple[str, ...] = ()
    sla: str | None = None  # "due_soon" (open, due within `due_soon_within`) or "overdue"
    due_soon_within: timedelta = timedelta(hours=4)
    channels: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    text: str | None = None  # ticket, description or place contains it
    created_from: datetime | None = None  # inclusive
    created_before: datetime | None = None  # exclusive
    assigned_agent_id: int | None = None
    unassigned: bool = False


@dataclass(frozen=True)
class QueuePage:
    rows: list[Case]
    total: int
    status_counts: dict[str, int] = field(default_factory=dict)
    page: int = 1
    per_page: int = 50

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _check(f: CaseFilter, sort: str, page: int, per_page: int) -> None:
    for status in f.statuses:
        require_one_of("case status", status, CASE_STATUSES)
    for priority in f.priorities:
        require_one_of("priority", priority, PRIORITIES)
    if f.sla is not None:
        require_one_of("SLA state", f.sla, SLA_STATES)
    require_one_of("sort", sort, tuple(SORTS))
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidValue(
            f"page {page} of {per_page}: pages start at 1, at most {MAX_PER_PAGE} rows"
        )
    if f.text is not None and len(f.text) > MAX_TEXT_CHARS:
        raise InvalidValue(f"search text is at most {MAX_TEXT_CHARS} characters")
    if f.created_from and f.created_before and f.created_from >= f.created_before:
        raise InvalidValue("the date range ends before it starts")


def _ticket_needle(needle: str) -> str:
    """What a typed ticket looks like stored: "mk 1234566" and "MK1234566" → "MK-1234566"."""
    return re.sub(r"^MK[\s-]*", "MK-", needle.upper().replace(" ", ""))


def _text_condition(text: str) -> ColumnElement[bool] | None:
    needle = text.translate(_DIGITS).strip()
    if not needle:
        return None
    return or_(
        Case.ticket_id.contains(_ticket_needle(needle), autoescape=True),
        Case.description.icontains(needle, autoescape=True),
        Case.location_text.icontains(needle, autoescape=True),
    )


def _services_condition(codes: Sequence[str]) -> ColumnElement[bool]:
    categories = [c for c in codes if c in REPORT_CATEGORIES]
    kinds = [c for c in codes if c not in REPORT_CATEGORIES]
    return or_(
        Case.kind.in_(("report", "complaint")) & Case.category.in_(categories),
        Case.kind.in_(kinds),
    )


def _sla_condition(f: CaseFilter, now: datetime) -> ColumnElement[bool]:
    is_open = Case.status.in_(OPEN_CASE_STATUSES)
    if f.sla == "overdue":
        return is_open & (Case.sla_due_at < now)
    return is_open & (Case.sla_due_at >= now) & (Case.sla_due_at < now + f.due_soon_within)


def _conditions(f: CaseFilter, now: datetime, *, with_status: bool) -> list[ColumnElement[bool]]:
    pairs: list[tuple[Sequence[str] | None, Any]] = [
        (f.statuses if with_status else (), Case.status),
        (f.tickets, Case.ticket_id),
        (f.categories, Case.category),
        (f.priorities, Case.priority),
        (f.channels, Case.channel),
        (f.languages, Case.language),
    ]
    conditions = [column.in_(list(values)) for values, column in pairs if values]
    if f.services:
        conditions.append(_services_condition(f.services))
    if f.teams is not None:
        conditions.append(Case.team.in_(list(f.teams)) if f.teams else false())
    if f.sla is not None:
        conditions.append(_sla_condition(f, now))
    if f.text and (text := _text_condition(f.text)) is not None:
        conditions.append(text)
    if f.created_from is not None:
        conditions.append(Case.created_at >= f.created_from)
    if f.created_before is not None:
        conditions.append(Case.created_at < f.created_before)
    if f.assigned_agent_id is not None:
        conditions.append(Case.assigned_agent_id == f.assigned_agent_id)
    if f.unassigned:
        conditions.append(Case.assigned_agent_id.is_(None))
    return conditions


def _rows(stmt: Select[tuple[Case]], sort: str, page: int, per_page: int) -> Select[tuple[Case]]:
    return (
        stmt.order_by(*SORTS[sort])
        .limit(per_page)
        .offset((page - 1) * per_page)
        .options(selectinload(Case.assigned_agent))
    )


def find_cases(
    session: Session,
    *,
    filter: CaseFilter = CaseFilter(),
    sort: str = "-created_at",
    page: int = 1,
    per_page: int = 50,
    now: datetime | None = None,
) -> QueuePage:
    """Cases of every team matching `filter`: one page, the total, counts per status."""
    _check(filter, sort, page, per_page)
    now = now or utcnow()
    where = _conditions(filter, now, with_status=True)
    total = session.scalar(select(func.count()).select_from(Case).where(*where)) or 0
    rows = list(session.scalars(_rows(select(Case).where(*where), sort, page, per_page)))
    counts_stmt = (
        select(Case.status, func.count())
        .where(*_conditions(filter, now, with_status=False))
        .group_by(Case.status)
    )
    counts = {status: 0 for status in CASE_STATUSES}
    counts.update({status: n for status, n in session.execute(counts_stmt).tuples()})
    return QueuePage(rows=rows, total=total, status_counts=counts, page=page, per_page=per_page)


def _visible_filter(agent: Agent, filter: CaseFilter) -> CaseFilter:
    """`filter` narrowed to what `agent` may see: their team or every team; nothing if disabled."""
    if not agent.active:
        return replace(filter, teams=())
    if not agent.sees_every_team:
        wanted = filter.teams
        mine = agent.team or ""
        return replace(filter, teams=(mine,) if wanted is None or mine in wanted else ())
    return filter


def case_ids(
    session: Session,
    *,
    agent: Agent,
    filter: CaseFilter = CaseFilter(),
    sort: str = "-created_at",
    now: datetime | None = None,
    limit: int = 100_000,
) -> list[int]:
    """The ids of every case of the agent's queue matching `filter`, in `sort` order, at most
    `limit` + 1 (so a caller can tell there were more)."""
    filter = _visible_filter(agent, filter)
    _check(filter, sort, 1, 1)
    where = _conditions(filter, now or utcnow(), with_status=True)
    stmt = select(Case.id).where(*where).order_by(*SORTS[sort]).limit(limit + 1)
    return list(session.scalars(stmt))


EXPORT_COLUMNS = (
    Case.id, Case.ticket_id, Case.created_at, Case.status, Case.priority, Case.kind,
    Case.category, Case.team, Case.sub_municipality, Agent.username.label("assigned_to"),
    Case.channel, Case.language, Case.sla_due_at, Case.reopen_count, Case.location_text,
    Case.location_lat, Case.location_lon, Case.description,
)  # fmt: skip


def export_rows(session: Session, *, ids: Sequence[int]) -> list[Row[Any]]:
    """The export's columns of these cases (the assigned agent's username joined), in the
    order of `ids`: plain rows, not ORM objects, so 20,000 of them are quick to write."""
    stmt = (
        select(*EXPORT_COLUMNS)
        .outerjoin(Agent, Agent.id == Case.assigned_agent_id)
        .where(Case.id.in_(list(ids)))
    )
    found = {row.id: row for row in session.execute(stmt)}
    return [found[i] for i in ids if i in found]


def case_queue(
    session: Session,
    *,
    agent: Agent,
    filter: CaseFilter = CaseFilter(),
    sort: str = "-created_at",
    page: int = 1,
    per_page: int = 50,
    now: datetime | None = None,
) -> QueuePage:
    """The queue as this agent may see it: `find_cases` within their team (or every team)."""
    filter = _visible_filter(agent, filter)
    return find_cases(session, filter=filter, sort=sort, page=page, per_page=per_page, now=now)
