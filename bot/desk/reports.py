"""The supervisors' reports (/desk/reports) and their table as CSV (/desk/reports.csv).

GET parameters, like the queue's: from / to (Makkah calendar days, both
inclusive; the last 14 days by default, at most MAX_DAYS), team and category
(each may repeat). Anything else, or a value the desk does not know, is a 400
page naming it. The figures are `storage.reports.case_report`'s (its docstring
defines SLA kept, median and reopen rate); this module only draws them:
bars per day stacked by category and by team, the teams' table, the answers
to "is it fixed?" and the live chat ratings, and a map of the located cases
over the sub-municipalities. Every chart has its numbers in a table too.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from bot.desk.casemap import MapPoint, svg_map
from bot.desk.charts import Series, meter, stacked_bars
from bot.desk.pages import SUPERVISORS, Endpoint, Page, Refused, has_control_characters
from bot.desk.queue import _cell, _choose, _day, _start_of
from bot.municipal.content import MunicipalData
from bot.municipal.prayer import MAKKAH_TZ
from storage import service as store
from storage.models import CASE_KINDS, REPORT_CATEGORIES
from storage.reports import CaseReport, TeamFigures

DEFAULT_DAYS = 14
MAX_DAYS = 92
PARAMS = ("from", "to", "team", "category")
MAP_WIDTH = 520


@dataclass(frozen=True)
class ReportQuery:
    first: date
    last: date
    teams: tuple[str, ...]
    categories: tuple[str, ...]

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def params(self) -> list[tuple[str, str]]:
        pairs = [("from", self.first.isoformat()), ("to", self.last.isoformat())]
        pairs += [("team", t) for t in self.teams] + [("category", c) for c in self.categories]
        return pairs

    def url(self, path: str) -> str:
        return f"{path}?{urlencode(self.params())}"

    def filter(self) -> store.ReportFilter:
        return store.ReportFilter(
            created_from=_start_of(self.first),
            created_before=_start_of(self.last + timedelta(days=1)),
            teams=self.teams or None,
            categories=self.categories,
        )


def parse_query(page: Page, team_slugs: tuple[str, ...]) -> ReportQuery:
    params = page.request.query_params
    for key, value in params.multi_items():
        if key not in PARAMS:
            raise Refused(400, "error-unknown-value", what="parameter", value=key[:40])
        if has_control_characters(value):
            raise Refused(400, "error-field", field=key)
    today = page.now.astimezone(MAKKAH_TZ).date()
    last = _day(params.get("to", ""), "to") or today
    first = _day(params.get("from", ""), "from") or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise Refused(400, "error-date-range")
    if (last - first).days + 1 > MAX_DAYS:
        raise Refused(400, "error-range-too-long", max=MAX_DAYS)

    def get(key: str) -> list[str]:
        return [v for v in params.getlist(key) if v != ""]

    return ReportQuery(
        first,
        last,
        _choose(get("team"), team_slugs, "team"),
        _choose(get("category"), REPORT_CATEGORIES, "category"),
    )


def _day_label(day: date) -> str:
    return day.strftime("%m-%d")


def _bars(
    page: Page, query: ReportQuery, report: CaseReport, *, by: str, labels: Mapping[str, str]
) -> dict[str, Any]:
    """A chart and its table: per day, stacked by category ("group") or by team."""
    index = {day: i for i, day in enumerate(query.days)}
    values: dict[tuple[int, str], int] = {}
    for row in report.per_day:
        key = row.group if by == "group" else row.team
        if row.day in index:
            values[(index[row.day], key)] = values.get((index[row.day], key), 0) + row.count
    keys = sorted(
        {k for _, k in values}, key=lambda k: -sum(n for (_, kk), n in values.items() if kk == k)
    )
    series = [Series(k, labels.get(k, k) or page.t("none")) for k in keys]
    chart = stacked_bars(
        [_day_label(d) for d in query.days],
        series,
        values,
        label=page.t(f"reports-per-day-by-{by}-label"),
        number=lambda n: page.t("number", value=n),
        rtl=page.t.rtl,
    )
    return {"svg": chart, "series": series, "values": values}


def _radius(count: int) -> float:
    return round(min(12.0, 2.5 + 1.5 * math.sqrt(count - 1)), 1)


def _map(page: Page, report: CaseReport) -> dict[str, Any]:
    """The located cases as dots (one per cell and state) over shaded sub-municipalities."""
    boundaries = page.desk.runtime.content.current().part(MunicipalData).boundaries
    subs = boundaries.sub_municipalities
    counts = dict.fromkeys((s.id for s in subs), 0)
    outside = 0
    dots = []
    for cell in report.cells:  # bounded by the map's area, not by the number of cases
        sub = boundaries.locate(cell.lat, cell.lon)
        if sub is None:
            outside += cell.count
            continue
        counts[sub.id] += cell.count
        title = page.t(f"reports-map-dot-{cell.state}", count=cell.count)
        dots.append(MapPoint(cell.lat, cell.lon, cell.state, title, _radius(cell.count)))
    peak = max(counts.values(), default=0)
    shades = {sub: (0 if not n else 1 + min(3, 4 * n // (peak + 1))) for sub, n in counts.items()}
    plain = {s.id: page.t.pilgrim(page.t.lang, f"submun-{s.id}") for s in subs}
    names = {
        sub: page.t("reports-map-area", name=name, count=counts[sub]) for sub, name in plain.items()
    }
    svg = svg_map(
        boundaries,
        points=dots,
        names=names,
        width=MAP_WIDTH,
        shades=shades,
        label=page.t("reports-map-label"),
    )
    grid = report.cells[0].grid if report.cells else 500
    metres = round(111_000 / grid, -2)  # a degree of latitude is about 111 km
    return {
        "svg": svg,
        "metres": int(metres),
        "located": report.located,
        "outside": outside,
        "areas": [(plain[s.id], counts[s.id]) for s in subs],
    }


def _query_and_report(page: Page) -> tuple[ReportQuery, CaseReport, dict[str, Any]]:
    teams = {t.slug: t for t in store.list_teams(page.session, include_inactive=True)}
    query = parse_query(page, tuple(teams))
    report = store.case_report(page.session, agent=page.agent, filter=query.filter(), now=page.now)
    return query, report, teams


def team_name(page: Page, teams: Mapping[str, Any], slug: str | None) -> str:
    if slug is None:
        return page.t("reports-all-teams")
    team = teams.get(slug)
    return (team.names.get(page.t.lang) or slug) if team else (slug or page.t("none"))


def reports_page(page: Page) -> Response:
    query, report, teams = _query_and_report(page)
    category_names = {c: page.t.label("category", c) for c in REPORT_CATEGORIES}
    category_names.update({k: page.t.label("kind", k) for k in CASE_KINDS})
    team_names = {slug: team_name(page, teams, slug) for slug in teams}
    ratings = report.chat_ratings
    rated = sum(ratings.values())
    answered = sum(report.fix_answers.values())
    return page.render(
        "reports.html",
        query=query,
        report=report,
        teams=teams,
        team_names=team_names,
        categories=REPORT_CATEGORIES,
        by_category=_bars(page, query, report, by="group", labels=category_names),
        by_team=_bars(page, query, report, by="team", labels=team_names),
        day_label=_day_label,
        casemap=_map(page, report),
        meter=lambda share, css="": meter(share, rtl=page.t.rtl, css_class=css),
        team_name=lambda slug: team_name(page, teams, slug),
        number=lambda n: page.t("number", value=n),
        percent=lambda share: page.t("percent", value=share) if share is not None else "—",
        hours=lambda h: page.t("hours", value=round(h, 1)) if h is not None else "—",
        rated=rated,
        mean_rating=sum(r * n for r, n in ratings.items()) / rated if rated else None,
        answered=answered,
    )


# ---- the table as CSV ------------------------------------------------------------------

TEAM_COLUMNS = (
    "team", "cases", "handled", "sla_kept", "sla_missed", "sla_kept_share",
    "median_hours_to_resolve", "reopened", "reopen_share",
)  # fmt: skip


def _team_row(figures: TeamFigures) -> list[str]:
    def share(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    median = "" if figures.median_hours is None else f"{figures.median_hours:.2f}"
    return [
        _cell(figures.team if figures.team is not None else "ALL"),
        str(figures.cases), str(figures.handled), str(figures.sla_kept), str(figures.sla_missed),
        share(figures.sla_share), median, str(figures.reopened), share(figures.reopen_share),
    ]  # fmt: skip


def reports_csv(page: Page) -> Response:
    query, report, _ = _query_and_report(page)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(TEAM_COLUMNS)
    for figures in [*report.teams, report.overall]:
        writer.writerow(_team_row(figures))
    page.audit("report.export", object_type="report", rows=len(report.teams),
               filters=[k for k, _ in query.params()])  # fmt: skip
    stamp = _stamp(page.now)
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="report-{stamp}.csv"',
            "cache-control": "no-store",
        },
    )


def _stamp(now: datetime) -> str:
    return now.astimezone(MAKKAH_TZ).strftime("%Y%m%d-%H%M")


ENDPOINTS = (
    Endpoint("/desk/reports", reports_page, roles=SUPERVISORS, name="desk_reports"),
    Endpoint(
        "/desk/reports.csv", reports_csv, roles=SUPERVISORS, writes=True, name="desk_reports_csv"
    ),
)
