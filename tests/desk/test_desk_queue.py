"""The queue: filters in the URL, counts per status, sorting, paging, overdue rows, the
CSV export (supervisors; an audit event; no formula injection), and bad parameters."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Awaitable, Callable
from datetime import timedelta

from desk_kit import Clock, DeskUser, make_case, make_staff
from sqlalchemy import insert

from bot.core.runtime import Runtime
from bot.municipal.prayer import MAKKAH_TZ
from storage import service as store
from storage.models import Case

User = Callable[[str], Awaitable[DeskUser]]


def _shown(page: str, tickets: list[str]) -> list[str]:
    """The tickets listed on a queue page, in their order."""
    found = [(page.find(f'href="/desk/cases/{t}"'), t) for t in tickets]
    return [t for position, t in sorted(found) if position >= 0]


async def test_filters_counts_and_sorting(desk: Runtime, user: User, clock: Clock) -> None:
    old = make_case(desk, category="food_safety", language="id", now=clock.now - timedelta(days=2))
    lamp = make_case(desk, category="street_lighting", language="ur", description="dark street")
    web = make_case(
        desk, channel="webchat", user_id="c" * 32, language="fa", location_text="Misfalah"
    )
    make_staff(desk, "amina")
    amina = await user("amina")
    every = [old, lamp, web]
    page = (await amina.get("/desk/cases")).text
    assert _shown(page, every) == [web, lamp, old]  # newest first
    assert 'class="overdue priority-urgent"' in page  # food safety: 6 h, filed two days ago
    assert "Overdue by 42 h" in page
    checks = {
        "category=street_lighting": [lamp],
        "language=fa": [web],
        "channel=webchat": [web],
        "sla=overdue": [old],
        "priority=urgent": [old],
        "q=dark": [lamp],
        "q=misfalah": [web],
        f"q={lamp.lower().replace('-', ' ')}": [lamp],
        f"from={(clock.now - timedelta(days=1)).astimezone(MAKKAH_TZ).date()}": [lamp, web],
        "sort=priority": [old, lamp, web],
    }
    for query, expected in checks.items():
        listed = _shown((await amina.client.get(f"/desk/cases?{query}")).text, every)
        assert sorted(listed) == sorted(expected), query
    by_priority = _shown((await amina.client.get("/desk/cases?sort=priority")).text, every)
    assert by_priority[0] == old
    with desk.service.database.transaction() as s:
        case = store.require_case(s, ticket_id=lamp)
        store.change_case_status(s, case=case, status="in_progress", actor="agent:1")
    counted = (await amina.get("/desk/cases")).text
    assert 'class="status-in_progress"' in counted and '<span class="badge">1</span>' in counted
    only = (await amina.get("/desk/cases", status="in_progress")).text
    assert _shown(only, every) == [lamp]


async def test_paging_over_many_cases(desk: Runtime, user: User) -> None:
    tickets = [make_case(desk, user_id=str(2000 + i)) for i in range(60)]
    make_staff(desk, "amina")
    amina = await user("amina")
    first = (await amina.get("/desk/cases", per_page="25")).text
    assert "Page 1 of 3" in first and len(_shown(first, tickets)) == 25
    last = (await amina.get("/desk/cases", per_page="25", page="3")).text
    assert len(_shown(last, tickets)) == 10 and "60 cases" in last


async def test_a_bad_parameter_is_a_400_that_names_it(desk: Runtime, user: User) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    for query, words in {
        "status=lost": 'Unknown status: "lost"',
        "sort=random": 'Unknown sort: "random"',
        "from=2026-13-40": "is not a date",
        "to=9999-12-31": '"9999-12-31" is not a date',  # the day after it would overflow
        "from=0001-01-01": '"0001-01-01" is not a date',
        "page=0": 'Unknown page: "0"',
        "per_page=9999": "Unknown per_page",
        "colour=red": 'Unknown parameter: "colour"',
        "from=2026-06-02&to=2026-06-01": "ends before it starts",
        "q=" + "x" * 300: "too long",
    }.items():
        response = await amina.client.get(f"/desk/cases?{query}")
        assert response.status_code == 400 and words in html.unescape(response.text), query


async def test_the_csv_export_is_the_filtered_queue_and_an_audit_event(
    desk: Runtime, user: User
) -> None:
    formula = make_case(desk, description='=HYPERLINK("http://evil")', category="waste")
    make_case(desk, category="street_lighting", description="لمبة معطلة")
    for start in ("+1", "-1", "@SUM(A1)"):
        make_case(desk, category="road_hazard", description=start + " cell")
    make_staff(desk, "amina")
    make_staff(desk, "sara", role="supervisor", team=None)
    amina = await user("amina")
    assert (await amina.get("/desk/cases.csv")).status_code == 404  # supervisors only
    sara = await user("sara")
    queue = (await sara.get("/desk/cases", category="waste")).text
    assert 'href="/desk/cases.csv?category=waste"' in queue  # the link keeps the view
    response = await sara.get("/desk/cases.csv", category="waste", q="evil")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbfticket_id,")  # UTF-8 with its BOM
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [r["ticket_id"] for r in rows] == [formula]
    assert rows[0]["description"] == '\'=HYPERLINK("http://evil")'  # never run as a formula
    road = (await sara.get("/desk/cases.csv", category="road_hazard")).text.lstrip("\ufeff")
    cells = sorted(r["description"] for r in csv.DictReader(io.StringIO(road)))
    assert cells == ["'+1 cell", "'-1 cell", "'@SUM(A1) cell"]
    every = list(
        csv.DictReader(io.StringIO((await sara.get("/desk/cases.csv")).text.lstrip("\ufeff")))
    )
    assert "لمبة معطلة" in {r["description"] for r in every} and len(every) == 5
    with desk.service.database.session() as s:
        exports = store.list_audit(s, filter=store.AuditFilter(action="case.export")).rows
    details = sorted((e.detail["rows"], e.detail["filters"]) for e in exports)
    assert details == [(1, ["category=waste", "q=…"]), (3, ["category=road_hazard"]), (5, [])]


async def test_a_long_export_streams_every_row_once_in_order(desk: Runtime, user: User) -> None:
    first = make_case(desk, category="waste")
    with desk.service.database.transaction() as s:
        model = store.require_case(s, ticket_id=first)
        columns = {c.key: getattr(model, c.key) for c in Case.__table__.columns if c.key != "id"}
        s.execute(insert(Case), [
            {**columns, "ticket_id": f"MK-9{n:06d}", "created_at": model.created_at
             - timedelta(minutes=n + 1)}
            for n in range(1_234)
        ])  # fmt: skip
    make_staff(desk, "sara", role="supervisor", team=None)
    sara = await user("sara")
    text = (await sara.get("/desk/cases.csv")).text.lstrip("\ufeff")
    tickets = [r["ticket_id"] for r in csv.DictReader(io.StringIO(text))]
    assert tickets == [first] + [f"MK-9{n:06d}" for n in range(1_234)]  # newest first


async def test_the_queue_page_is_arabic_and_right_to_left_by_default(
    desk: Runtime, user: User
) -> None:
    make_case(desk)
    make_staff(desk, "huda", lang="ar")
    huda = await user("huda")
    page = (await huda.get("/desk/cases")).text
    assert 'lang="ar" dir="rtl"' in page and "البلاغات" in page and "الأردية" in page
