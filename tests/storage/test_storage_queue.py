"""The queue over 20,000 cases: every filter, sort and page, the total and the counts per
status agree with a plain-Python reading of the same rows (correctness, not speed:
speed is `make bench`'s)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert
from storage_helpers import T0, agent, person

from dialogs.tickets import make_ticket_id
from storage import service as svc
from storage.db import Database
from storage.errors import InvalidValue
from storage.models import CASE_STATUSES, OPEN_CASE_STATUSES, Case
from storage.queue import CaseFilter

N = 20_000
TEAMS = ("customer_service", "ajyad", "aziziyah", "wajibna", "roads")
CATEGORIES = ("waste", "food_safety", "water_sewage", "road_hazard", "street_lighting")
PRIORITY_RANK = {"urgent": 0, "high": 1, "normal": 2, "low": 3}
NOW = T0 + timedelta(days=20)
PLACES = ("Ajyad street", "gate 3 of the Haram", "Aziziyah bridge", None)


def _rows(reporter_id: int, agent_id: int) -> list[dict[str, Any]]:
    rng = random.Random(940)
    rows = []
    for n in range(N):
        created = T0 + timedelta(minutes=2 * n)
        sla = None if n % 97 == 0 else created + timedelta(hours=rng.choice((4, 24, 72, 168)) * 8)
        rows.append(
            {
                "id": n + 1,
                "ticket_id": make_ticket_id(f"{100000 + n:06d}"),
                "kind": "report",
                "category": rng.choice(CATEGORIES),
                "description": f"report {n} near {rng.choice(PLACES)}",
                "location_text": rng.choice(PLACES),
                "photos": [],
                "status": rng.choice(CASE_STATUSES),
                "priority": rng.choice(tuple(PRIORITY_RANK)),
                "team": rng.choice(TEAMS),
                "sla_due_at": sla,
                "reporter_id": reporter_id,
                "channel": rng.choice(("telegram", "whatsapp", "webchat")),
                "language": rng.choice(("ar", "en", "id", "ur", "fa")),
                "extra": {},
                "created_at": created,
                "updated_at": created,
                "source": "bot",
                "reopen_count": 0,
                "assigned_agent_id": agent_id if n % 5 == 0 else None,
            }
        )
    return rows


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return _rows(reporter_id=1, agent_id=1)


@pytest.fixture
def loaded(database: Database, rows: list[dict[str, Any]]) -> Database:
    """20,000 cases written in bulk (the test data; the queue only reads)."""
    with database.transaction() as s:
        assert person(s).id == 1 and agent(s).id == 1
        s.execute(insert(Case), rows)
    return database


def _sla_ok(row: dict, f: CaseFilter) -> bool:
    due = row["sla_due_at"]
    if f.sla is None:
        return True
    if row["status"] not in OPEN_CASE_STATUSES or due is None:
        return False
    return due < NOW if f.sla == "overdue" else NOW <= due < NOW + f.due_soon_within


def _text_ok(row: dict, text: str | None) -> bool:
    if not text:
        return True
    fields = (row["ticket_id"], row["description"], row["location_text"] or "")
    return any(text.lower() in value.lower() for value in fields)


def _matches(row: dict, f: CaseFilter, *, with_status: bool = True) -> bool:
    checks: list[tuple[tuple | None, Any]] = [
        (f.statuses if with_status else (), row["status"]),
        (f.tickets, row["ticket_id"]),
        (f.categories, row["category"]),
        (f.priorities, row["priority"]),
        (f.channels, row["channel"]),
        (f.languages, row["language"]),
    ]
    if any(values and value not in values for values, value in checks):
        return False
    if f.teams is not None and row["team"] not in f.teams:
        return False
    if f.created_from and row["created_at"] < f.created_from:
        return False
    if f.created_before and row["created_at"] >= f.created_before:
        return False
    if f.unassigned and row["assigned_agent_id"] is not None:
        return False
    if f.assigned_agent_id is not None and row["assigned_agent_id"] != f.assigned_agent_id:
        return False
    return _sla_ok(row, f) and _text_ok(row, f.text)


FAR = datetime.max.replace(tzinfo=T0.tzinfo)
SORT_KEYS: dict[str, Callable[[dict], Any]] = {
    "-created_at": lambda r: (-r["created_at"].timestamp(), -r["id"]),
    "created_at": lambda r: (r["created_at"], r["id"]),
    "sla_due_at": lambda r: (r["sla_due_at"] or FAR, r["id"]),
    "-sla_due_at": lambda r: (
        r["sla_due_at"] is None,
        -(r["sla_due_at"] or T0).timestamp(),
        -r["id"],
    ),
    "priority": lambda r: (PRIORITY_RANK[r["priority"]], r["sla_due_at"] or FAR, r["id"]),
    "-updated_at": lambda r: (-r["updated_at"].timestamp(), -r["id"]),
}

CASES = [
    (CaseFilter(), "-created_at", 1),
    (CaseFilter(), "-created_at", 400),  # the last page
    (CaseFilter(teams=("ajyad",), statuses=("new", "assigned")), "sla_due_at", 3),
    (CaseFilter(teams=("ajyad", "roads"), sla="overdue"), "sla_due_at", 1),
    (CaseFilter(sla="due_soon", due_soon_within=timedelta(days=2)), "priority", 2),
    (CaseFilter(text="gate 3"), "-created_at", 2),
    (CaseFilter(text="MK-10012"), "created_at", 1),
    (CaseFilter(categories=("food_safety",), priorities=("urgent", "high")), "priority", 5),
    (
        CaseFilter(
            channels=("whatsapp",),
            languages=("ur", "fa"),
            created_from=T0 + timedelta(days=3),
            created_before=T0 + timedelta(days=9),
        ),
        "-sla_due_at",
        2,
    ),
    (CaseFilter(unassigned=True, statuses=("reopened",)), "-updated_at", 1),
    (CaseFilter(assigned_agent_id=1, teams=("wajibna",)), "created_at", 1),
    (
        CaseFilter(tickets=(make_ticket_id("100007"), make_ticket_id("100042"), "MK-0000000")),
        "created_at",
        1,
    ),
    (CaseFilter(teams=()), "-created_at", 1),  # no team at all: nothing
]


def test_every_filter_sort_and_page_agrees_with_the_rows(
    loaded: Database, rows: list[dict[str, Any]]
) -> None:
    with loaded.session() as s:
        for f, sort, page in CASES:
            got = svc.find_cases(s, filter=f, sort=sort, page=page, per_page=50, now=NOW)
            matching = sorted((r for r in rows if _matches(r, f)), key=SORT_KEYS[sort])
            expected = [r["ticket_id"] for r in matching[(page - 1) * 50 : page * 50]]
            assert got.total == len(matching), (f, sort)
            assert [c.ticket_id for c in got.rows] == expected, (f, sort, page)
            counts = Counter(r["status"] for r in rows if _matches(r, f, with_status=False))
            assert got.status_counts == {st: counts.get(st, 0) for st in CASE_STATUSES}, f
            assert got.pages == max(1, -(-len(matching) // 50))
        typed = svc.find_cases(s, filter=CaseFilter(text="mk ١٠٠١٢"), now=NOW)
        assert typed.total == svc.find_cases(s, filter=CaseFilter(text="MK-10012"), now=NOW).total
        amina = svc.require_agent(s, username="amina")  # team "cleanliness" has no case here
        assert svc.case_queue(s, agent=amina, now=NOW).total == 0


def test_the_filters_used_above_are_not_trivially_empty(rows: list[dict[str, Any]]) -> None:
    sizes = [sum(_matches(r, f) for r in rows) for f, _, _ in CASES[:-1]]
    assert all(size > 50 for size in sizes[:3]) and all(size > 0 for size in sizes), sizes


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sort": "ticket"}, "unknown sort 'ticket'"),
        ({"page": 0}, "pages start at 1"),
        ({"per_page": 1000}, "at most 200"),
        ({"filter": CaseFilter(statuses=("waiting",))}, "unknown case status 'waiting'"),
        ({"filter": CaseFilter(sla="late")}, "unknown SLA state 'late'"),
        ({"filter": CaseFilter(text="x" * 201)}, "at most 200 characters"),
        ({"filter": CaseFilter(created_from=T0, created_before=T0)}, "ends before it starts"),
    ],
)
def test_bad_queue_requests_are_refused(
    sqlite_database: Database, kwargs: dict, message: str
) -> None:
    with sqlite_database.session() as s, pytest.raises(InvalidValue, match=message):
        svc.find_cases(s, **kwargs)
