"""The desk over 20,000 cases: the server time of the queue, the reports and the CSV export.

`python -m bench.desk` (also part of `python -m bench`) fills a fresh SQLite file
and a fresh PostgreSQL database with 20,000 cases spread over a month, the
teams, statuses, categories, languages and channels the product has, then
signs in (a supervisor, who sees every team: the largest queue; and an agent
of the 940 centre) and times each request through the real app in-process
(routing, session check, the queue's three queries, the page rendered): what
the server spends, without the network. The target is under 300 ms for a
queue page. The supervisor also times /desk/reports (its aggregates, the SVG
charts and the map over a month of cases) and the CSV export of every case.

The cases are inserted in bulk (a benchmark's fixture, not a product path);
everything the page reads is what `storage.create_case` would have written.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from argon2 import PasswordHasher
from sqlalchemy import insert, select

from bench.service import Row, fresh_pg
from bench.stats import percentile
from bot.app.config import load_settings
from bot.app.wiring import build_runtime, create_app
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.municipal.prayer import MAKKAH_TZ
from storage import service as store
from storage.models import CASE_STATUSES, PRIORITIES, REPORT_CATEGORIES, Case, CaseEvent

CASES = 20_000
PEOPLE = 4_000
PASSWORD = "bench desk lantern 42"
QUERIES: tuple[tuple[str, str], ...] = (
    ("newest first (the default)", ""),
    ("open, most urgent first", "status=new&status=assigned&status=in_progress&sort=sla_due_at"),
    ("overdue, by priority", "sla=overdue&sort=priority"),
    ("a category in one language", "category=food_safety&language=ur"),
    ("one team's work in progress", "team=aziziyah&status=in_progress"),
    ("free text", "q=hotel"),
    ("a ticket typed loosely", "q=mk+12"),
    ("a date range, oldest first", "from={week_ago}&to={today}&sort=created_at"),
    ("page 40 of 100", "per_page=50&page=40"),
)
REPORT_QUERIES: tuple[tuple[str, str], ...] = (
    ("the last 14 days (the default)", ""),
    ("30 days", "from={month_ago}&to={today}"),
    ("30 days, one team", "from={month_ago}&to={today}&team=aziziyah"),
    ("30 days, one category", "from={month_ago}&to={today}&category=waste"),
)
TEXTS = (
    "Rubbish piled up by the hotel entrance",
    "تسرب مياه أمام الفندق منذ الصباح",
    "Lampu jalan mati di dekat masjid",
    "ہوٹل کے سامنے کوڑا پڑا ہے",
    "چاله بزرگ در خیابان نزدیک هتل",
)


def _case_rows(
    now: datetime,
    teams: list[str],
    people: list[int],
    taken: set[str],
    rng: random.Random,
    count: int,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    numbers = (n for n in range(10**7) if f"MK-{n:07d}" not in taken)
    for n in itertools.islice(numbers, count):
        created = now - timedelta(minutes=rng.randrange(30 * 24 * 60))
        status = rng.choice(CASE_STATUSES)
        handled = created + timedelta(minutes=rng.randrange(20, 96 * 60))
        located = rng.random() < 0.7  # inside the boundaries' box (most inside a polygon)
        rows.append(
            {
                "ticket_id": f"MK-{n:07d}",
                "kind": "report",
                "category": rng.choice(REPORT_CATEGORIES),
                "description": rng.choice(TEXTS),
                "location_text": rng.choice(("Aziziyah", "Misfalah", "near gate 5", None)),
                "photos": [],
                "status": status,
                "priority": rng.choice(PRIORITIES),
                "team": rng.choice(teams),
                "sla_due_at": created + timedelta(hours=rng.choice((6, 12, 24, 72))),
                "reporter_id": rng.choice(people),
                "channel": rng.choice(("telegram", "whatsapp", "webchat")),
                "language": rng.choice(("ar", "en", "id", "ur", "fa")),
                "extra": {},
                "created_at": created,
                "updated_at": created,
                "source": "bot",
                "reopen_count": 1 if status == "reopened" else int(rng.random() < 0.05),
                "resolved_at": handled if status in ("resolved", "closed") else None,
                "closed_at": handled if status in ("closed", "rejected") else None,
                "location_lat": rng.uniform(21.30, 21.58) if located else None,
                "location_lon": rng.uniform(39.70, 40.05) if located else None,
            }
        )
    return rows


def fill(runtime: Runtime, cases: int = CASES, people_count: int = PEOPLE) -> None:
    """The people, the cases (each with its "created" event), and two staff accounts."""
    rng = random.Random(940)
    now = datetime.now(UTC)
    db = runtime.service.database
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with db.transaction() as s:
        teams = [t.slug for t in store.list_teams(s)]
        people = [
            store.get_or_create_person(s, channel="telegram", user_id=f"desk-{n}").id
            for n in range(people_count)
        ]
        taken = set(s.scalars(select(Case.ticket_id)))  # the other benchmarks' cases
        for username, role, team in (
            ("bench.supervisor", "supervisor", None),
            ("bench.agent", "agent", "customer_service"),
        ):
            store.create_agent(
                s, username=username, display_name="Bench", password=PASSWORD, role=role,
                team=team, desk_language="en", hasher=fast,
            )  # fmt: skip
    rows = _case_rows(now, teams, people, taken, rng, cases)
    for start in range(0, cases, 2_000):
        with db.transaction() as s:
            batch = rows[start : start + 2_000]
            ids = s.scalars(
                insert(Case).returning(Case.id, sort_by_parameter_order=True), batch
            ).all()
            events = [
                {"case_id": i, "actor": "system", "type": "created", "at": row["created_at"]}
                for i, row in zip(ids, batch, strict=True)
            ]
            s.execute(insert(CaseEvent), events)


async def _signed_in(client: httpx.AsyncClient, username: str) -> None:
    form = await client.get("/desk/login?lang=en")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    data = {"csrf": token.group(1), "username": username, "password": PASSWORD}
    answer = await client.post("/desk/login?lang=en", data=data)
    assert answer.status_code == 303, answer.text[:300]


async def _time(
    client: httpx.AsyncClient, query: str, repeat: int, path: str = "/desk/cases"
) -> dict[str, float]:
    today = datetime.now(MAKKAH_TZ).date()
    query = query.format(
        today=today, week_ago=today - timedelta(days=7), month_ago=today - timedelta(days=30)
    )
    await client.get(f"{path}?{query}")  # warm: the first run compiles the template
    took = []
    for _ in range(repeat):
        began = time.perf_counter()
        response = await client.get(f"{path}?{query}")
        took.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.text[:300]
    return {"p50_ms": percentile(took, 50), "p95_ms": percentile(took, 95)}


async def queue_times(runtime: Runtime, repeat: int) -> list[tuple[str, dict[str, float]]]:
    results = []
    transport = httpx.ASGITransport(app=create_app(runtime))
    for who, queries in (("supervisor", QUERIES), ("agent", QUERIES[:3])):
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            await _signed_in(client, f"bench.{who}")
            for label, query in queries:
                results.append((f"{who}: {label}", await _time(client, query, repeat)))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        await _signed_in(client, "bench.supervisor")
        for label, query in REPORT_QUERIES:
            figures = await _time(client, query, repeat, "/desk/reports")
            results.append((f"reports: {label}", figures))
        figures = await _time(client, "", max(3, repeat // 5), "/desk/cases.csv")
        results.append((f"CSV export of all {CASES} cases", figures))
    return results


def _runtime(settings: Settings, url: str, media: Path) -> Runtime:
    settings = settings.model_copy(
        update={
            "database": settings.database.model_copy(update={"url": url}),
            "media": settings.media.model_copy(update={"directory": media}),
        }
    )
    return build_runtime(settings, with_nlu=False)


async def measure(settings: Settings, name: str, url: str, quick: bool) -> list[Row]:
    """The queue's rows of the bench table, on the database at `url`."""
    with tempfile.TemporaryDirectory() as media:
        runtime = _runtime(settings, url, Path(media))
        began = time.perf_counter()
        fill(runtime)
        filled = time.perf_counter() - began
        rows: list[Row] = [(f"desk: {CASES} cases inserted", name, {"s": filled})]
        for label, figures in await queue_times(runtime, repeat=5 if quick else 20):
            page = "desk" if label.startswith(("reports", "CSV")) else "desk queue,"
            rows.append((f"{page} {label}", name, figures))
        runtime.service.database.dispose()
    return rows


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (argv or [])
    settings = load_settings()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", f"sqlite:///{tmp}/desk.db")]
        pg = fresh_pg()
        if pg:
            targets.append(("PostgreSQL", pg))
        for name, url in targets:
            rows += asyncio.run(measure(settings, name, url, quick))
    print(f"\n`python -m bench.desk{' --quick' if quick else ''}`, {time.strftime('%Y-%m-%d')}\n")
    print("| what | database | p50 ms | p95 ms |\n|---|---|---|---|")
    for label, db, figures in rows:
        if "p50_ms" in figures:
            print(f"| {label} | {db} | {figures['p50_ms']:.0f} | {figures['p95_ms']:.0f} |")
        else:
            print(f"| {label} | {db} | {figures['s']:.1f} s to fill | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
