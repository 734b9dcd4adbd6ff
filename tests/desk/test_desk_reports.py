"""The reports page (/desk/reports) and its CSV: the figures of real cases as the page
shows them (in English and Arabic), filters, a map with the cases' dots, hostile
parameters as 400 pages, and the CSV as an audit event. Who may open them is
test_desk_access.py's table."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from desk_kit import Clock, DeskUser, make_case, make_staff

from bot.core.runtime import Runtime
from bot.municipal.prayer import MAKKAH_TZ
from storage import service as store

User = Callable[[str], Awaitable[DeskUser]]
AJYAD = (21.40, 39.82)  # inside the Ajyad sub-municipality of boundaries.yaml
AZIZIYAH = (21.40, 39.86)


def _seed(desk: Runtime, clock: Clock) -> dict[str, str]:
    """Three cases two days ago (Ajyad: one resolved in 3 h, one still open past its
    deadline; Aziziyah: one rejected after 1 h) and one today without a location."""
    earlier = clock.now - timedelta(days=2)
    tickets = {
        "fast": make_case(desk, category="waste", team="ajyad", location_lat=AJYAD[0],
                          location_lon=AJYAD[1], now=earlier),
        "late": make_case(desk, category="food_safety", team="ajyad", location_lat=AJYAD[0],
                          location_lon=AJYAD[1] + 0.005, now=earlier),
        "rejected": make_case(desk, category="waste", team="aziziyah", location_lat=AZIZIYAH[0],
                              location_lon=AZIZIYAH[1], now=earlier),
        "today": make_case(desk, category="street_lighting", team="customer_service"),
    }  # fmt: skip
    with desk.service.database.transaction() as s:
        fast = store.require_case(s, ticket_id=tickets["fast"])
        store.change_case_status(s, case=fast, status="resolved", actor="agent:1",
                                 now=earlier + timedelta(hours=3))  # fmt: skip
        rejected = store.require_case(s, ticket_id=tickets["rejected"])
        store.change_case_status(s, case=rejected, status="rejected", actor="agent:1",
                                 reason="private land",
                                 now=earlier + timedelta(hours=1))  # fmt: skip
    return tickets


def _teams(page: str) -> list[str]:
    table = page[page.index('<table class="teams">') :].split("</table>")[0]
    return re.findall(r'<th scope="row">([^<]+)</th>', table)


def _row(page: str, name: str) -> str:
    """The cells of the teams' table row of `name`, as text."""
    page = page[page.index('<table class="teams">') :]
    found = re.search(
        rf"<tr[^>]*>\s*<th scope=\"row\">{re.escape(name)}</th>(.*?)</tr>", page, re.S
    )
    assert found, name
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


async def test_the_figures_the_charts_and_the_map(desk: Runtime, user: User, clock: Clock) -> None:
    _seed(desk, clock)
    make_staff(desk, "sara", role="supervisor", team=None)
    sara = await user("sara")
    response = await sara.get("/desk/reports")
    assert response.status_code == 200
    page = html.unescape(response.text)
    assert 'aria-current="page">Reports</a>' in page
    assert "4 cases filed from" in page
    # Ajyad: 2 cases, 1 resolved, SLA 1 kept of 2 judged (food safety is 6 h: late), 3 h
    assert _row(page, "Ajyad") == "2 1 50% 1 on time, 1 late 3 h 0%"
    assert _row(page, "Al-Aziziyah") == "1 1 100% 1 on time, 0 late 1 h 0%"
    assert _row(page, "All teams") == "4 2 67% 2 on time, 1 late 2 h 0%"  # median of 1 and 3
    assert page.count('<svg class="chart"') == 2 and "Waste: 2</title>" in page
    dots = re.findall(r'<circle class="(\w+)"[^>]*><title>([^<]+)</title>', page)
    assert sorted(dots) == [
        ("done", "1 case resolved or closed"),
        ("done", "1 case resolved or closed"),
        ("overdue", "1 open case past its deadline"),
    ]
    assert "On the map: the 3 of 4 cases that have a location pin" in page
    assert "<title>Ajyad: 2 cases</title>" in page and "<title>Al-Aziziyah: 1 case</title>" in page

    two_days_ago = (clock.now - timedelta(days=2)).astimezone(MAKKAH_TZ).date()
    only = html.unescape((await sara.get("/desk/reports", team="aziziyah",
                                         to=two_days_ago.isoformat())).text)  # fmt: skip
    assert "1 case filed from" in only and _teams(only) == ["Al-Aziziyah", "All teams"]
    assert (
        html.unescape((await sara.get("/desk/reports", category="food_safety")).text).count(
            "<circle "
        )
        == 1
    )


async def test_arabic_right_to_left_with_its_own_words(
    desk: Runtime, user: User, clock: Clock
) -> None:
    _seed(desk, clock)
    make_staff(desk, "huda", role="supervisor", team=None, lang="ar")
    page = html.unescape((await (await user("huda")).get("/desk/reports")).text)
    page = page.replace("\u2068", "").replace("\u2069", "")  # Fluent's bidi isolation
    assert 'lang="ar" dir="rtl"' in page and "التقارير" in page
    assert "4 بلاغات مسجّلة من" in page
    assert "البلاغات يوميًا حسب النوع" in page and "جميع الفرق" in page
    assert "Reports" not in page and "cases filed" not in page


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("colour=red", 'Unknown parameter: "colour"'),
        ("team=atlantis", 'Unknown team: "atlantis"'),
        ("category=dragons", 'Unknown category: "dragons"'),
        ("from=yesterday", '"yesterday" is not a date'),
        ("from=2026-06-02&to=2026-06-01", "ends before it starts"),
        ("from=2026-01-01&to=2026-12-31", "at most 92 days"),
        ("to=9999-12-31", '"9999-12-31" is not a date'),
        ("team=%00", "is not plain text"),
    ],
)
async def test_bad_parameters_are_a_400_page(
    desk: Runtime, user: User, query: str, words: str
) -> None:
    make_staff(desk, "sara", role="supervisor", team=None)
    sara = await user("sara")
    for path in ("/desk/reports", "/desk/reports.csv"):
        response = await sara.client.get(f"{path}?{query}")
        assert response.status_code == 400 and words in html.unescape(response.text), path


async def test_the_table_as_csv_is_an_audit_event(desk: Runtime, user: User, clock: Clock) -> None:
    _seed(desk, clock)
    make_staff(desk, "sara", role="supervisor", team=None)
    sara = await user("sara")
    response = await sara.get("/desk/reports.csv", team="ajyad")
    assert response.status_code == 200 and response.text.startswith("\ufeffteam,cases,")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    shown = [
        (r["team"], r["cases"], r["sla_kept_share"], r["median_hours_to_resolve"]) for r in rows
    ]
    assert shown == [("ajyad", "2", "0.5000", "3.00"), ("ALL", "2", "0.5000", "3.00")]
    with desk.service.database.session() as s:
        exports = store.list_audit(s, filter=store.AuditFilter(action="report.export")).rows
    assert [(e.detail["rows"], e.detail["filters"]) for e in exports] == [
        (1, ["from", "to", "team"])
    ]
