"""The desk's case workflow: assignment, priority, rejection, messages to the pilgrim,
"is it fixed?", closing unanswered cases, satisfaction, and two agents at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_helpers import T0, agent, count, person, report, run_together, team

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidTransition, InvalidValue, NotPermitted, TeamNotFound
from storage.models import Case, CaseEvent, OutboxItem

DAY = timedelta(days=1)


def _case(database: Database, **fields: object) -> str:
    with database.transaction() as s:
        team(s, "cleanliness")
        return report(s, person(s), language="id", now=T0, **fields).ticket_id


def _events(database: Database, ticket_id: str) -> list[tuple]:
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        return [(e.type, e.actor, e.from_value, e.to_value) for e in case.events]


def _payloads(database: Database) -> list[dict]:
    with database.session() as s:
        return [i.payload for i in s.query(OutboxItem).order_by(OutboxItem.id)]


def test_create_case_takes_the_callers_team_priority_sla_and_source(database: Database) -> None:
    with database.transaction() as s:
        client = svc.create_api_client(s, name="city-dashboard").client
        case = report(
            s,
            person(s),
            team="ajyad",
            priority="high",
            sla_due_at=T0 + timedelta(hours=6),
            sub_municipality="ajyad",
            api_client=client,
            photos=["a.jpg", "a.jpg"],
            now=T0,
        )
        desk = report(s, person(s, "2"), actor="agent:4", now=T0)
    assert (case.team, case.priority, case.sla_due_at) == ("ajyad", "high", T0 + timedelta(hours=6))
    assert (case.source, case.api_client_id, case.sub_municipality) == (
        "open311",
        client.id,
        "ajyad",
    )
    assert (desk.source, desk.reopen_count, desk.assigned_agent_id) == ("desk", 0, None)
    with database.session() as s:
        from storage.models import CasePhoto

        assert count(s, CasePhoto) == 1  # the same ref twice is one photo


def test_assigning_an_agent_moves_a_new_case_to_assigned_and_tells_the_pilgrim(
    database: Database,
) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        amina = agent(s)
        events = svc.assign_case(
            s, case=svc.require_case(s, ticket_id=ticket_id), agent=amina, actor="agent:9", now=T0
        )
        assert [e.type for e in events] == ["agent_assigned", "status_changed"]
        amina_id = amina.id
    assert _events(database, ticket_id)[1:] == [
        ("agent_assigned", "agent:9", None, f"agent:{amina_id}"),
        ("status_changed", "agent:9", "new", "assigned"),
    ]
    [payload] = _payloads(database)
    assert payload["args"]["status"] == "assigned" and payload["lang"] == "id"


def test_an_agent_of_another_team_cannot_be_given_the_case(database: Database) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        roads_agent = agent(s, "omar", team_slug="roads")
        case = svc.require_case(s, ticket_id=ticket_id)
        with pytest.raises(NotPermitted, match="in team 'roads', not in the case's team"):
            svc.assign_case(s, case=case, agent=roads_agent, actor="agent:1")
        supervisor = agent(s, "salma", role="supervisor", team_slug=None)
        svc.assign_case(s, case=case, agent=supervisor, actor="agent:1")  # every team's
        assert case.assigned_agent_id == supervisor.id


def test_moving_to_another_team_clears_an_agent_of_the_old_team(database: Database) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.assign_case(s, case=case, agent=agent(s), actor="agent:1", now=T0)
        team(s, "roads")
        events = svc.assign_case(s, case=case, team="roads", actor="agent:1", now=T0)
        assert [e.type for e in events] == ["team_changed", "agent_assigned"]
        assert (case.team, case.assigned_agent_id, case.status) == ("roads", None, "assigned")
        with pytest.raises(TeamNotFound, match="no active team 'parks'"):
            svc.assign_case(s, case=case, team="parks", actor="agent:1")
        with pytest.raises(InvalidValue, match="a team, an agent, or both"):
            svc.assign_case(s, case=case, actor="agent:1")


def test_priority_changes_are_events_and_may_move_the_sla(database: Database) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.change_case_priority(
            s, case=case, priority="urgent", actor="agent:1", sla_due_at=T0 + timedelta(hours=4)
        )
        with pytest.raises(InvalidValue, match="unknown priority 'asap'"):
            svc.change_case_priority(s, case=case, priority="asap", actor="agent:1")
    assert _events(database, ticket_id)[-1] == ("priority_changed", "agent:1", "normal", "urgent")
    with database.session() as s:
        assert svc.require_case(s, ticket_id=ticket_id).sla_due_at == T0 + timedelta(hours=4)
    assert _payloads(database) == []  # internal: the pilgrim is not told


def test_rejection_needs_a_reason_and_may_refer_the_pilgrim(database: Database) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        with pytest.raises(InvalidValue, match="rejecting needs a reason"):
            svc.change_case_status(s, case=case, status="rejected", actor="agent:1")
        with pytest.raises(InvalidValue, match="with status 'rejected' only"):
            svc.change_case_status(
                s, case=case, status="resolved", actor="agent:1", referral="Ministry of Health"
            )
        svc.change_case_status(
            s,
            case=case,
            status="rejected",
            actor="agent:1",
            reason="private property",
            referral="Ministry of Health",
            message="Please call 937.",
            now=T0,
        )
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert (case.rejection_reason, case.referral, case.closed_at) == (
            "private property",
            "Ministry of Health",
            T0,
        )
        event = case.events[-1]
        assert (event.note, event.message) == ("private property", "Please call 937.")
    [payload] = _payloads(database)
    assert payload["args"] == {
        "ticket_id": ticket_id,
        "category": "waste",
        "status": "rejected",
        "previous_status": "new",
        "message": "Please call 937.",
        "referral": "Ministry of Health",
    }


def test_a_message_to_the_pilgrim_is_an_event_and_an_outbox_row(database: Database) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        typed = svc.message_pilgrim(s, case=case, actor="agent:1", text="Crew is on the way")
        canned = svc.message_pilgrim(
            s, case=case, actor="agent:1", key="canned-need-photo", args={"n": 1}
        )
        with pytest.raises(InvalidValue, match="not both"):
            svc.message_pilgrim(s, case=case, actor="agent:1", text="x", key="y")
        with pytest.raises(InvalidValue, match="at most 4000"):
            svc.message_pilgrim(s, case=case, actor="agent:1", text="x" * 4001)
        assert (typed.type, typed.message, canned.to_value) == (
            "message_sent",
            "Crew is on the way",
            "canned-need-photo",
        )
    first, second = _payloads(database)
    assert first == {
        "key": "case-agent-message",
        "lang": "id",
        "args": {"ticket_id": ticket_id, "category": "waste", "message": "Crew is on the way"},
    }
    assert second["key"] == "canned-need-photo" and second["args"]["n"] == 1


def _resolved(database: Database) -> str:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.change_case_status(s, case=case, status="resolved", actor="agent:1", now=T0)
        svc.ask_if_fixed(s, case=case, now=T0)
    return ticket_id


def test_is_it_fixed_is_asked_once_with_two_choices(database: Database) -> None:
    ticket_id = _resolved(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert case.fix_asked_at == T0
        with pytest.raises(InvalidValue, match="already asked"):
            svc.ask_if_fixed(s, case=case)
    question = _payloads(database)[-1]
    assert question["key"] == "case-fix-question" and question["lang"] == "id"
    assert [c["id"] for c in question["choice_keys"]] == [
        f"fix:yes:{ticket_id}",
        f"fix:no:{ticket_id}",
    ]


def test_yes_closes_the_case(database: Database) -> None:
    ticket_id = _resolved(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.record_fix_answer(s, case=case, fixed=True, actor="person:1", now=T0 + DAY)
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert (case.status, case.fix_answer, case.closed_at) == ("closed", "yes", T0 + DAY)
    assert _events(database, ticket_id)[-2:] == [
        ("fix_answered", "person:1", None, "yes"),
        ("status_changed", "person:1", "resolved", "closed"),
    ]
    assert len(_payloads(database)) == 2  # resolved + the question; no "closed" notice


def test_no_reopens_it_in_the_teams_queue_with_a_new_sla(database: Database) -> None:
    ticket_id = _resolved(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        with pytest.raises(InvalidValue, match="reopening needs the new SLA"):
            svc.record_fix_answer(s, case=case, fixed=False, actor="person:1")
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.record_fix_answer(
            s, case=case, fixed=False, actor="person:1", sla_due_at=T0 + 3 * DAY, now=T0 + DAY
        )
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert (case.status, case.reopen_count, case.sla_due_at) == ("reopened", 1, T0 + 3 * DAY)
        assert (case.fix_asked_at, case.resolved_at) == (None, None)  # a new round
        queue = svc.find_cases(
            s, filter=svc.CaseFilter(teams=("cleanliness",), statuses=("reopened",))
        )
        assert [c.ticket_id for c in queue.rows] == [ticket_id]
    assert _events(database, ticket_id)[-2:] == [
        ("fix_answered", "person:1", None, "no"),
        ("status_changed", "person:1", "resolved", "reopened"),
    ]


def test_unanswered_questions_close_their_cases_and_late_answers_are_refused(
    database: Database,
) -> None:
    ticket_id = _resolved(database)
    later = _case(database, new_ticket_id=lambda: "MK-1000009")
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=later)
        svc.change_case_status(s, case=case, status="resolved", actor="agent:1", now=T0)
        svc.ask_if_fixed(s, case=case, now=T0 + DAY)
    with database.transaction() as s:
        closed = svc.close_unanswered_cases(s, asked_before=T0 + timedelta(hours=12), now=T0 + DAY)
        assert [c.ticket_id for c in closed] == [ticket_id]
        assert svc.close_unanswered_cases(s, asked_before=T0 + timedelta(hours=12)) == []
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert (case.status, case.events[-1].actor) == ("closed", "system")
        with pytest.raises(InvalidTransition, match="from 'closed' to 'reopened'"):
            svc.record_fix_answer(s, case=case, fixed=False, actor="person:1", sla_due_at=T0)


def test_two_schedulers_closing_at_once_close_each_case_once(pg_database: Database) -> None:
    """PostgreSQL only (every `labbaik run` process runs the closing timer): rows one
    transaction is closing are skipped by the other, never closed twice."""
    database = pg_database
    ticket_id = _resolved(database)
    asked_before = T0 + timedelta(hours=12)
    with database.transaction() as s1:
        first = svc.close_unanswered_cases(s1, asked_before=asked_before, now=T0 + DAY)
        with database.transaction() as s2:  # while s1 still holds the row
            assert svc.close_unanswered_cases(s2, asked_before=asked_before, now=T0 + DAY) == []
    assert [c.ticket_id for c in first] == [ticket_id]
    with database.transaction() as s:  # and after s1 committed, it is closed already
        assert svc.close_unanswered_cases(s, asked_before=asked_before, now=T0 + DAY) == []
    closing = [e for e in _events(database, ticket_id) if e[3] == "closed"]
    assert len(closing) == 1


def test_satisfaction_is_kept_once_resolved(database: Database) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        with pytest.raises(InvalidValue, match="rate it once resolved"):
            svc.rate_case(s, case=case, rating=5, actor="person:1")
        svc.change_case_status(s, case=case, status="resolved", actor="agent:1")
        for bad in (0, 6, True, "5"):
            with pytest.raises(InvalidValue, match="from 1 to 5"):
                svc.rate_case(s, case=case, rating=bad, actor="person:1")  # type: ignore[arg-type]
        svc.rate_case(s, case=case, rating=4, actor="person:1", now=T0)
        assert (case.satisfaction, case.satisfaction_at) == (4, T0)
    assert _events(database, ticket_id)[-1] == ("satisfaction_rated", "person:1", None, "4")


def test_two_agents_changing_one_case_at_once_exactly_one_wins(database: Database) -> None:
    ticket_id = _case(database)
    wanted = iter(["resolved", "rejected"])

    def change() -> str:
        status = next(wanted)
        try:
            with database.transaction() as s:
                case = svc.require_case(s, ticket_id=ticket_id)
                svc.change_case_status(
                    s,
                    case=case,
                    status=status,
                    actor="agent:1",
                    reason=("duplicate" if status == "rejected" else None),
                )
            return "won"
        except InvalidTransition:
            return "refused"

    assert sorted(run_together(2, change)) == ["refused", "won"]
    with database.session() as s:
        assert count(s, CaseEvent, CaseEvent.type == "status_changed") == 1
        assert count(s, OutboxItem) == 1
        assert s.query(Case).one().status in ("resolved", "rejected")


def test_a_status_change_may_carry_a_message_and_assigned_needs_an_agent(
    database: Database,
) -> None:
    ticket_id = _case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        with pytest.raises(InvalidValue, match="'assigned' needs an agent"):
            svc.change_case_status(s, case=case, status="assigned", actor="agent:1")
        event = svc.change_case_status(
            s,
            case=case,
            status="in_progress",
            actor="agent:1",
            note="internal only",
            message="We are on it",
            now=T0,
        )
        assert (event.note, event.message) == ("internal only", "We are on it")
    [payload] = _payloads(database)
    assert payload["args"]["message"] == "We are on it"
    assert "internal only" not in str(payload)
