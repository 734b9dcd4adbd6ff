"""The supervisors' figures (storage.reports) on a small, hand-built history with exact answers.

Seven cases over two Makkah days in two teams, moved through the real service
functions at known times (resolved, rejected, "is it fixed?" yes and no, an
open case past its due time), and two rated live chats. Every figure below is
worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert
from storage_helpers import T0, agent, person, report, team

from storage import service as svc
from storage.db import Database
from storage.models import Case
from storage.reports import ReportFilter

H = timedelta(hours=1)
NOW = T0 + timedelta(days=3)
MAKKAH_JUNE_2 = T0 + 12 * H  # T0 is 09:00 UTC = 12:00 Makkah on June 1


def _resolve(s, case, at):  # type: ignore[no-untyped-def]
    svc.change_case_status(s, case=case, status="resolved", actor="agent:1", now=at)


@pytest.fixture
def history(database: Database) -> Database:
    with database.transaction() as s:
        for slug in ("ajyad", "aziziyah"):
            team(s, slug)
        agent(s, "sara", role="supervisor", team_slug=None)
        agent(s, "amina", team_slug="ajyad")
        me = person(s)

        def case(at, team, category, sla_hours, **more):  # type: ignore[no-untyped-def]
            return report(s, me, team=team, category=category, now=T0 + at * H,
                          sla_due_at=T0 + (at + sla_hours) * H, **more)  # fmt: skip

        # June 1 (Makkah)
        a = case(0, "ajyad", "waste", 24, location_lat=21.4213, location_lon=39.8313,
                 sub_municipality="ajyad")  # fmt: skip
        _resolve(s, a, T0 + 2 * H)  # 2 h, kept
        svc.ask_if_fixed(s, case=a, now=T0 + 2 * H)
        svc.record_fix_answer(s, case=a, fixed=True, actor="person:1", now=T0 + 3 * H)
        b = case(1, "ajyad", "waste", 4)
        _resolve(s, b, T0 + 11 * H)  # 10 h, late ... then "not fixed": open again, due later
        svc.ask_if_fixed(s, case=b, now=T0 + 11 * H)
        svc.record_fix_answer(s, case=b, fixed=False, actor="person:1",
                              sla_due_at=NOW + 10 * H, now=T0 + 12 * H)  # fmt: skip
        case(2, "aziziyah", "food_safety", 1, location_lat=21.40, location_lon=39.87,
             sub_municipality="aziziyah")  # open, overdue  # fmt: skip
        # June 2 (Makkah): 21:30 UTC on June 1 is 00:30 in Makkah
        d = case(12.5, "ajyad", "waste", 48, location_lat=21.4217, location_lon=39.8317)
        svc.change_case_status(s, case=d, status="rejected", actor="agent:1",
                               reason="private land", now=T0 + 16.5 * H)  # 4 h, kept  # fmt: skip
        case(20, "aziziyah", "food_safety", 200, location_lat=21.41, location_lon=39.86,
             sub_municipality="aziziyah")  # open, not yet due  # fmt: skip
        f = case(21, "ajyad", "waste", 4)
        _resolve(s, f, T0 + 27 * H)  # 6 h, late
        g = case(22, "aziziyah", "food_safety", 24)
        _resolve(s, g, T0 + 30 * H)  # 8 h, kept

        for user_id, slug, rating in (("2001", "ajyad", 4), ("2002", "aziziyah", 2)):
            handoff, _ = svc.open_handoff(s, person=person(s, user_id), team=slug,
                                          reason="asked", now=T0 + H)  # fmt: skip
            svc.end_handoff(s, handoff=handoff, by="system", now=T0 + 2 * H)
            svc.rate_handoff(s, handoff=handoff, rating=rating, now=T0 + 3 * H)
    return database


def _report(database: Database, username: str = "sara", **filter):  # type: ignore[no-untyped-def]
    with database.session() as s:
        me = svc.find_agent(s, username=username)
        assert me is not None
        return svc.case_report(s, agent=me, filter=ReportFilter(**filter), now=NOW)


def test_every_figure_over_every_team(history: Database) -> None:
    r = _report(history)
    june1, june2 = T0.date(), (T0 + timedelta(days=1)).date()
    assert [(d.day, d.group, d.team, d.count) for d in r.per_day] == [
        (june1, "food_safety", "aziziyah", 1),
        (june1, "waste", "ajyad", 2),
        (june2, "food_safety", "aziziyah", 2),
        (june2, "waste", "ajyad", 2),  # d was filed on June 1 by UTC, June 2 in Makkah
    ]
    ajyad, aziziyah = r.teams
    assert (ajyad.team, ajyad.cases, ajyad.handled) == ("ajyad", 4, 3)  # b is open again
    assert (ajyad.sla_kept, ajyad.sla_missed) == (2, 1)  # a, d kept; f late; b not judged yet
    assert ajyad.median_hours == pytest.approx(4.0)  # 2, 4, 6
    assert (ajyad.reopened, ajyad.ever_handled) == (1, 4)
    assert ajyad.reopen_share == pytest.approx(0.25)
    assert (aziziyah.cases, aziziyah.handled, aziziyah.sla_kept, aziziyah.sla_missed) == (
        3, 1, 1, 1)  # fmt: skip
    assert aziziyah.median_hours == pytest.approx(8.0)
    assert aziziyah.sla_share == pytest.approx(0.5)
    overall = r.overall
    assert (overall.cases, overall.sla_kept, overall.sla_missed) == (7, 3, 2)
    assert overall.median_hours == pytest.approx(5.0)  # 2, 4, 6, 8: between 4 and 6
    assert overall.sla_share == pytest.approx(0.6)
    assert r.fix_answers == {"yes": 1, "no": 1}
    assert r.chat_ratings == {1: 0, 2: 1, 3: 0, 4: 1, 5: 0}
    assert r.located == 4  # a and d 40 m apart share one map cell
    assert [(c.state, c.count, round(c.lat, 4), round(c.lon, 4)) for c in r.cells] == [
        ("done", 2, 21.4215, 39.8315),
        ("open", 1, 21.41, 39.86),
        ("overdue", 1, 21.40, 39.87),
    ]


def test_filters_by_team_category_and_makkah_days(history: Database) -> None:
    only_ajyad = _report(history, teams=("ajyad",))
    assert [t.team for t in only_ajyad.teams] == ["ajyad"]
    assert only_ajyad.overall.median_hours == pytest.approx(4.0)
    assert only_ajyad.chat_ratings == {1: 0, 2: 0, 3: 0, 4: 1, 5: 0}
    food = _report(history, categories=("food_safety",))
    assert [(t.team, t.cases) for t in food.teams] == [("aziziyah", 3)]
    assert food.fix_answers == {"yes": 0, "no": 0}
    june2 = _report(history, created_from=MAKKAH_JUNE_2, created_before=MAKKAH_JUNE_2 + 24 * H)
    assert [(t.team, t.cases) for t in june2.teams] == [("ajyad", 2), ("aziziyah", 2)]
    assert june2.overall.median_hours == pytest.approx(6.0)  # 4, 6, 8
    assert june2.chat_ratings == dict.fromkeys(range(1, 6), 0)  # the chats were on June 1
    nothing = _report(history, teams=())
    assert (nothing.teams, nothing.overall.cases, nothing.overall.median_hours) == ([], 0, None)
    assert nothing.overall.sla_share is None and nothing.cells == []


def test_an_agent_gets_their_own_team_whatever_the_filter_says(history: Database) -> None:
    mine = _report(history, "amina")
    assert [(t.team, t.cases) for t in mine.teams] == [("ajyad", 4)]
    assert mine.chat_ratings[2] == 0  # aziziyah's chat is not theirs
    assert _report(history, "amina", teams=("aziziyah",)).teams == []


def test_a_map_of_thousands_of_places_gets_coarser_cells(database: Database) -> None:
    with database.transaction() as s:
        sara = agent(s, "sara", role="supervisor", team_slug=None)
        me = person(s)
        template = report(s, me, team="ajyad", now=T0)
        columns = {c.key: getattr(template, c.key) for c in Case.__table__.columns}
        del columns["id"]
        s.execute(insert(Case), [
            {**columns, "ticket_id": f"MK-8{n:06d}", "location_lat": 21.30 + n * 0.0021,
             "location_lon": 39.80}
            for n in range(1_600)
        ])  # fmt: skip
        found = svc.case_report(s, agent=sara, now=NOW)
    assert found.located == 1_600  # each ~230 m from the next: 1,600 cells of 1/500 degree
    assert {c.grid for c in found.cells} == {100} and len(found.cells) < 400
