"""The supervisors' figures: aggregates over cases computed by the database, not in Python.

    report = case_report(session, agent=me, filter=ReportFilter(created_from=..., teams=("ajyad",)),
                         now=now)
    report.per_day        # [DayCount(day, category_or_kind, team, n)] Makkah calendar days
    report.teams          # [TeamFigures] cases, SLA kept / missed, median hours, reopened
    report.overall        # the same over every team together (its own median)
    report.fix_answers    # {"yes": n, "no": n}: answers to "is it fixed?"
    report.chat_ratings   # {1: n, ..., 5: n}: live chat ratings (team and dates only)
    report.cells          # located cases counted per cell (~200 m, 1 km or 4 km) and state

Which cases: those *filed* in the date range (Makkah days, like the queue's
from/to), of the teams and categories asked. Definitions, kept in one place:

- handled: the case was resolved, or closed/rejected without being resolved
  (`coalesce(resolved_at, closed_at)`); time to resolve is handled - created.
- SLA kept: handled by its due time; missed: handled after it, or still
  unhandled past it. Cases with no due time, or open and not yet due, count
  in neither; the percentage is kept / (kept + missed).
- reopen rate: cases reopened at least once / cases ever handled or reopened.
- the median is the middle value (the mean of the two middle ones) from an
  ordered window query, the same SQL on SQLite and PostgreSQL.

Few statements, one pass over the cases each (the page is read over a month of
cases): the per-day x category x team counts with the SLA and reopen flags (the
team figures are summed from those rows), both medians (per team and overall)
in one query, the "is it fixed?" answers, the chat ratings, and the map cells of
every grid at once (the finest grid that fits is chosen in SQL).
- "is it fixed?" answers are counted from their events (a "no" reopens the
  case and clears the answer on the case row, its event stays).

An agent who does not see every team gets their own team's figures only,
whatever the filter says (the desk shows the page to supervisors and admins).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from storage.models import OPEN_CASE_STATUSES, RATINGS, Agent, Case, CaseEvent, Handoff
from storage.types import utcnow

GRIDS = (500, 100, 25)  # map cells of 1/500, 1/100, 1/25 degree: ~200 m, 1 km, 4 km here
MAX_CELLS = 1500
MAKKAH_OFFSET_HOURS = 3  # Arabia Standard Time, no daylight saving
_HANDLED = func.coalesce(Case.resolved_at, Case.closed_at)


@dataclass(frozen=True)
class ReportFilter:
    """Empty tuples mean "any". Dates are instants (the desk passes Makkah midnights)."""

    created_from: datetime | None = None  # inclusive
    created_before: datetime | None = None  # exclusive
    teams: tuple[str, ...] | None = None  # None: any; () : none
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class DayCount:
    day: date
    group: str  # the category, else the kind (a home visit has no category)
    team: str  # "" for a case without a team
    count: int


@dataclass(frozen=True)
class TeamFigures:
    team: str | None  # None: every team together
    cases: int = 0
    handled: int = 0
    sla_kept: int = 0
    sla_missed: int = 0
    reopened: int = 0
    ever_handled: int = 0
    median_hours: float | None = None

    @property
    def sla_share(self) -> float | None:
        judged = self.sla_kept + self.sla_missed
        return self.sla_kept / judged if judged else None

    @property
    def reopen_share(self) -> float | None:
        return self.reopened / self.ever_handled if self.ever_handled else None


@dataclass(frozen=True)
class MapCell:
    """Located cases close together (one grid cell) in one state: overdue, open or done."""

    lat: float
    lon: float
    state: str
    count: int
    grid: int = GRIDS[0]  # the cell is 1/grid degree


@dataclass(frozen=True)
class CaseReport:
    per_day: list[DayCount]
    teams: list[TeamFigures]
    overall: TeamFigures
    fix_answers: dict[str, int]
    chat_ratings: dict[int, int]
    cells: list[MapCell]

    @property
    def located(self) -> int:
        return sum(c.count for c in self.cells)

    @property
    def days(self) -> list[date]:
        return sorted({d.day for d in self.per_day})


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def makkah_day(session: Session, column: Any) -> ColumnElement[Any]:
    """The Makkah calendar day of a UTC timestamp column, in SQL."""
    if _is_pg(session):
        return func.date(func.timezone("Asia/Riyadh", column))
    return func.date(column, f"+{MAKKAH_OFFSET_HOURS} hours")


def _hours(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    """later - earlier in hours, in SQL."""
    if _is_pg(session):
        return func.extract("epoch", later - earlier) / 3600.0
    return (func.julianday(later) - func.julianday(earlier)) * 24.0


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _visible(agent: Agent, teams: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if not agent.active:
        return ()
    if agent.sees_every_team:
        return teams
    mine = agent.team or ""
    return (mine,) if teams is None or mine in teams else ()


def _conditions(f: ReportFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.teams is not None:
        conditions.append(Case.team.in_(list(f.teams)) if f.teams else false())
    if f.categories:
        conditions.append(Case.category.in_(list(f.categories)))
    if f.created_from is not None:
        conditions.append(Case.created_at >= f.created_from)
    if f.created_before is not None:
        conditions.append(Case.created_at < f.created_before)
    return conditions


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def _per_day_and_teams(
    session: Session, where: list[ColumnElement[bool]], now: datetime
) -> tuple[list[DayCount], dict[str, TeamFigures]]:
    """One pass over the cases: counts and SLA/reopen flags per day x category x team; the
    per-team sums are added up from those rows (the rows are few: days x categories x teams).
    The teams keep the database's order (its collation) through a rank, not Python's sort."""
    due = Case.sla_due_at
    kept = and_(due.is_not(None), _HANDLED.is_not(None), due >= _HANDLED)
    missed = and_(
        due.is_not(None),
        or_(and_(_HANDLED.is_not(None), due < _HANDLED), and_(_HANDLED.is_(None), due < now)),
    )
    day = makkah_day(session, Case.created_at).label("day")
    group = func.coalesce(Case.category, Case.kind).label("grp")
    team = func.coalesce(Case.team, "").label("team")
    stmt = (
        select(
            day,
            group,
            team,
            func.dense_rank().over(order_by=team),
            func.count(),
            _flag(_HANDLED.is_not(None)),
            _flag(kept),
            _flag(missed),
            _flag(Case.reopen_count > 0),
            _flag(or_(_HANDLED.is_not(None), Case.reopen_count > 0)),
        )
        .where(*where)
        .group_by(day, group, team)
        .order_by(day, group, team)
    )
    per_day: list[DayCount] = []
    sums: dict[str, list[int]] = {}
    rank: dict[str, int] = {}
    for d, g, t, r, *figures in session.execute(stmt).tuples():
        per_day.append(DayCount(_as_date(d), g, t, figures[0]))
        rank[t] = r
        total = sums.setdefault(t, [0] * len(figures))
        for i, n in enumerate(figures):
            total[i] += int(n or 0)
    teams = {slug: TeamFigures(slug, *sums[slug]) for slug in sorted(sums, key=rank.__getitem__)}
    return per_day, teams


def _medians(
    session: Session, where: list[ColumnElement[bool]]
) -> tuple[dict[str, float], float | None]:
    """Median hours from filing to handling per team, and over every team together: one
    query, both windows over the same rows (the middle row, or the two middle rows)."""
    hours = _hours(session, _HANDLED, Case.created_at).label("hours")
    team = func.coalesce(Case.team, "").label("team")
    ranked = (
        select(
            team,
            hours,
            func.row_number().over(partition_by=team, order_by=hours).label("rn"),
            func.count().over(partition_by=team).label("n"),
            func.row_number().over(order_by=hours).label("rn_all"),
            func.count().over().label("n_all"),
        )
        .where(*where, _HANDLED.is_not(None))
        .cte("ranked")
    )
    c = ranked.c

    def middle(rn: Any, n: Any) -> ColumnElement[bool]:  # n <= 2 rn <= n + 2
        return and_(2 * rn >= n, 2 * rn <= n + 2)

    per_team = select(c.team, func.avg(c.hours)).where(middle(c.rn, c.n)).group_by(c.team)
    overall = select(literal(None).label("team"), func.avg(c.hours)).where(
        middle(c.rn_all, c.n_all)
    )
    medians: dict[str, float] = {}
    together: float | None = None
    for slug, value in session.execute(per_team.union_all(overall)).tuples():
        if value is None:
            continue
        if slug is None:
            together = float(value)
        else:
            medians[slug] = float(value)
    return medians, together


def _fix_answers(session: Session, where: list[ColumnElement[bool]]) -> dict[str, int]:
    stmt = (
        select(CaseEvent.to_value, func.count())
        .join(Case, Case.id == CaseEvent.case_id)
        .where(CaseEvent.type == "fix_answered", *where)
        .group_by(CaseEvent.to_value)
    )
    counts = {"yes": 0, "no": 0}
    counts.update({str(answer): n for answer, n in session.execute(stmt).tuples()})
    return counts


def _chat_ratings(session: Session, f: ReportFilter) -> dict[int, int]:
    where: list[ColumnElement[bool]] = [Handoff.rating.is_not(None)]
    if f.teams is not None:
        where.append(Handoff.team.in_(list(f.teams)) if f.teams else false())
    if f.created_from is not None:
        where.append(Handoff.queued_at >= f.created_from)
    if f.created_before is not None:
        where.append(Handoff.queued_at < f.created_before)
    stmt = select(Handoff.rating, func.count()).where(*where).group_by(Handoff.rating)
    counts = dict.fromkeys(RATINGS, 0)
    counts.update({int(r or 0): n for r, n in session.execute(stmt).tuples()})
    return counts


def _state(now: datetime) -> ColumnElement[str]:
    return case(
        (and_(_HANDLED.is_(None), Case.sla_due_at < now), "overdue"),
        (Case.status.in_(OPEN_CASE_STATUSES), "open"),
        else_="done",
    ).label("state")


def _finest_cells(
    session: Session, where: list[ColumnElement[bool]], now: datetime
) -> list[MapCell]:
    """The cells of the finest grid, MAX_CELLS + 1 at most (more: that grid does not fit)."""
    grid = GRIDS[0]
    lat_bin = cast(Case.location_lat * grid, Integer).label("lat_bin")
    lon_bin = cast(Case.location_lon * grid, Integer).label("lon_bin")
    state = _state(now)
    stmt = (
        select(state, func.count(), func.avg(Case.location_lat), func.avg(Case.location_lon))
        .where(*where, Case.location_lat.is_not(None), Case.location_lon.is_not(None))
        .group_by(lat_bin, lon_bin, state)
        .order_by(state, lat_bin, lon_bin)
        .limit(MAX_CELLS + 1)
    )
    return [
        MapCell(float(lat), float(lon), str(kind), n, grid)
        for kind, n, lat, lon in session.execute(stmt).tuples()
    ]


def _cells(session: Session, where: list[ColumnElement[bool]], now: datetime) -> list[MapCell]:
    """Located cases counted per grid cell and state, at their mean position: the finest
    grid of GRIDS that needs at most MAX_CELLS dots (a map of thousands of dots is neither
    readable nor quick), else the coarsest cut to MAX_CELLS.

    One statement, one pass over the cases: they are grouped by their cell on every grid
    at once (a few hundred rows), each grid's cells are summed up from those, counted, and
    only the chosen grid's rows come back. A small selection (most filters) fits the
    finest grid: that simpler query is tried first."""
    finest = _finest_cells(session, where, now)
    if len(finest) <= MAX_CELLS:
        return finest
    state = _state(now)
    bins = [
        cast(column * grid, Integer).label(f"{name}{grid}")
        for grid in GRIDS
        for name, column in (("lat", Case.location_lat), ("lon", Case.location_lon))
    ]
    fine = (
        select(
            state,
            *bins,
            func.count().label("n"),
            func.sum(Case.location_lat).label("lat_sum"),
            func.sum(Case.location_lon).label("lon_sum"),
        )
        .where(*where, Case.location_lat.is_not(None), Case.location_lon.is_not(None))
        .group_by(state, *bins)
        .cte("fine")
    )
    c = fine.c
    per_grid = union_all(
        *(
            select(
                literal(grid).label("grid"),
                c.state,
                c[f"lat{grid}"].label("lat_bin"),
                c[f"lon{grid}"].label("lon_bin"),
                func.sum(c.n).label("n"),
                func.sum(c.lat_sum).label("lat_sum"),
                func.sum(c.lon_sum).label("lon_sum"),
            ).group_by(c.state, c[f"lat{grid}"], c[f"lon{grid}"])
            for grid in GRIDS
        )
    ).subquery("per_grid")
    g = per_grid.c
    counted = select(per_grid, func.count().over(partition_by=g.grid).label("cells")).cte(
        "counted"
    )
    k = counted.c
    fitting = select(func.max(k.grid)).where(k.cells <= MAX_CELLS).scalar_subquery()
    chosen = func.coalesce(fitting, min(GRIDS))
    stmt = (
        select(k.grid, k.state, k.n, k.lat_sum, k.lon_sum)
        .where(k.grid == chosen)
        .order_by(k.state, k.lat_bin, k.lon_bin)
        .limit(MAX_CELLS)
    )
    return [
        MapCell(float(lat) / int(n), float(lon) / int(n), str(kind), int(n), int(grid))
        for grid, kind, n, lat, lon in session.execute(stmt).tuples()
    ]


def case_report(
    session: Session,
    *,
    agent: Agent,
    filter: ReportFilter = ReportFilter(),
    now: datetime | None = None,
) -> CaseReport:
    """The figures of the cases `filter` selects, as far as `agent` may see them."""
    now = now or utcnow()
    f = replace(filter, teams=_visible(agent, filter.teams))
    where = _conditions(f)
    per_day, sums = _per_day_and_teams(session, where, now)
    medians, together = _medians(session, where)
    teams = [replace(figures, median_hours=medians.get(slug)) for slug, figures in sums.items()]
    overall = TeamFigures(
        team=None,
        cases=sum(t.cases for t in teams),
        handled=sum(t.handled for t in teams),
        sla_kept=sum(t.sla_kept for t in teams),
        sla_missed=sum(t.sla_missed for t in teams),
        reopened=sum(t.reopened for t in teams),
        ever_handled=sum(t.ever_handled for t in teams),
        median_hours=together,
    )
    return CaseReport(
        per_day=per_day,
        teams=teams,
        overall=overall,
        fix_answers=_fix_answers(session, where),
        chat_ratings=_chat_ratings(session, f),
        cells=_cells(session, where, now),
    )
