"""Cases: ticket ids, SLA, teams, events, listing, and refusal of bad input."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from storage_helpers import T0, count, person, report, team

from dialogs.tickets import make_ticket_id, parse_ticket
from storage import service as svc
from storage.db import Database
from storage.errors import CaseNotFound, InvalidValue, TicketIdExhausted
from storage.models import Case, CaseEvent


def test_a_new_case_has_a_valid_ticket_sla_team_and_created_event(database: Database) -> None:
    with database.transaction() as s:
        reporter = person(s)
        case = report(
            s,
            reporter,
            category="food_safety",
            location_lat=21.4225,
            location_lon=39.8262,
            location_text="Ajyad street",
            photos=["2026/06/01/a.jpg", "2026/06/01/b.jpg"],
            contact_phone="+966500000002",
            extra={"shop_name": "X"},
            now=T0,
        )
    assert parse_ticket(case.ticket_id).status == "ok"
    assert parse_ticket(case.ticket_id).ticket_id == case.ticket_id
    with database.session() as s:
        case = svc.require_case(s, ticket_id=case.ticket_id)
        assert (case.status, case.priority, case.team) == ("new", "normal", "health")
        assert case.sla_due_at == T0 + timedelta(hours=72)
        assert (case.created_at, case.updated_at) == (T0, T0)
        assert case.photos == ["2026/06/01/a.jpg", "2026/06/01/b.jpg"]
        assert case.extra == {"shop_name": "X"}
        assert (case.location_lat, case.location_lon) == (21.4225, 39.8262)
        assert case.reporter.id == reporter.id
        [event] = case.events
        assert (event.type, event.actor, event.to_value, event.at) == (
            "created", f"person:{reporter.id}", "new", T0
        )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "category", "priority", "team", "hours"),
    [
        ("report", "waste", "urgent", "cleanliness", 4),
        ("complaint", "building_violation", "low", "building_control", 168),
        ("home_visit", None, "normal", "wajibna", 120),
        ("proxy_service", None, "high", "mutmainnun", 72),
        ("inquiry", "engineering_offices", "normal", "customer_service", 72),
    ],
)
def test_sla_and_team_follow_kind_category_and_priority(
    sqlite_database: Database, kind: str, category: str | None, priority: str, team: str, hours: int
) -> None:
    with sqlite_database.transaction() as s:
        case = report(s, person(s), kind=kind, category=category, priority=priority, now=T0)
    assert case.team == team
    assert case.sla_due_at == T0 + timedelta(hours=hours)


def test_a_given_team_wins_over_the_default(database: Database) -> None:
    with database.transaction() as s:
        assert report(s, person(s), team="sub-municipality:ajyad").team == "sub-municipality:ajyad"


def test_a_colliding_ticket_id_is_drawn_again(database: Database) -> None:
    taken, free = make_ticket_id("123456"), make_ticket_id("654321")
    with database.transaction() as s:
        p = person(s)
        report(s, p, new_ticket_id=lambda: taken)
        draws = iter([taken, taken, free])
        case = report(s, p, new_ticket_id=lambda: next(draws))
    assert case.ticket_id == free
    with database.session() as s:
        assert count(s, Case) == 2


def test_no_free_ticket_id_is_a_clear_error(database: Database) -> None:
    taken = make_ticket_id("111111")
    with database.transaction() as s:
        p = person(s)
        report(s, p, new_ticket_id=lambda: taken)
        with pytest.raises(TicketIdExhausted, match="no free ticket id"):
            report(s, p, new_ticket_id=lambda: taken)


def test_database_refuses_a_duplicate_ticket_id(database: Database) -> None:
    with database.transaction() as s:
        case = report(s, person(s))
        ticket_id, reporter_id = case.ticket_id, case.reporter_id
    with pytest.raises(IntegrityError), database.transaction() as s:
        s.add(Case(ticket_id=ticket_id, kind="report", reporter_id=reporter_id, channel="telegram"))
        s.flush()


def test_get_case_and_require_case(database: Database) -> None:
    with database.transaction() as s:
        ticket_id = report(s, person(s)).ticket_id
    with database.session() as s:
        assert svc.get_case(s, ticket_id=ticket_id).ticket_id == ticket_id
        typed = " " + ticket_id.lower().translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        assert svc.get_case(s, ticket_id=typed).ticket_id == ticket_id
        assert svc.get_case(s, ticket_id="MK-1234566") is None
        with pytest.raises(CaseNotFound, match="MK-1234566"):
            svc.require_case(s, ticket_id="MK-1234566")


def test_list_cases_for_person_newest_first(database: Database) -> None:
    ids = (make_ticket_id(f"{n:06d}") for n in itertools.count(100001))
    with database.transaction() as s:
        me, someone_else = person(s, "1"), person(s, "2")
        for hours in (0, 5, 2):
            report(s, me, now=T0 + timedelta(hours=hours), new_ticket_id=lambda: next(ids))
        same_time = [report(s, me, now=T0, new_ticket_id=lambda: next(ids)) for _ in range(2)]
        report(s, someone_else, now=T0 + timedelta(days=1))
    with database.session() as s:
        mine = svc.list_cases_for_person(s, person=person(s, "1"))
        two = svc.list_cases_for_person(s, person=person(s, "1"), limit=2)
    assert [c.created_at - T0 for c in mine] == [timedelta(hours=h) for h in (5, 2, 0, 0, 0)]
    assert [c.ticket_id for c in mine[2:4]] == [same_time[1].ticket_id, same_time[0].ticket_id]
    assert [c.ticket_id for c in two] == [c.ticket_id for c in mine[:2]]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kind": "wish"}, "unknown case kind 'wish'"),
        ({"category": "noise"}, "unknown report category 'noise'"),
        ({"category": None}, "unknown report category None"),
        ({"priority": "asap"}, "unknown priority 'asap'"),
        ({"channel": "SMS"}, "unknown channel 'SMS'"),
        ({"location_lat": 21.4}, "location_lat and location_lon"),
    ],
)
def test_bad_case_input_is_refused_and_nothing_is_stored(
    database: Database, overrides: dict, message: str
) -> None:
    with database.transaction() as s:
        p = person(s)
        with pytest.raises(InvalidValue, match=message):
            report(s, p, **overrides)
    with database.session() as s:
        assert count(s, Case) == 0


def test_notes_and_assignment_are_events(database: Database) -> None:
    with database.transaction() as s:
        case = report(s, person(s), now=T0)
        team(s, "roads")
        svc.add_case_note(s, case=case, actor="agent:3", note="called the reporter")
        svc.assign_case(s, case=case, team="roads", actor="agent:3")
        with pytest.raises(InvalidValue, match="note"):
            svc.add_case_note(s, case=case, actor="agent:3", note="  ")
        with pytest.raises(InvalidValue, match="actor"):
            svc.add_case_note(s, case=case, actor="", note="x")
    with database.session() as s:
        case = svc.require_case(s, ticket_id=case.ticket_id)
        assert case.team == "roads"
        assert [(e.type, e.actor, e.from_value, e.to_value, e.note) for e in case.events] == [
            ("created", f"person:{case.reporter_id}", None, "new", None),
            ("note", "agent:3", None, None, "called the reporter"),
            ("team_changed", "agent:3", "cleanliness", "roads", None),
        ]
        assert count(s, CaseEvent) == 3


def test_an_agent_can_file_a_case_for_a_caller(database: Database) -> None:
    with database.transaction() as s:
        case = report(s, person(s, channel="whatsapp"), actor="agent:7")
        assert [(e.type, e.actor) for e in case.events] == [("created", "agent:7")]
