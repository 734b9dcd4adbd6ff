"""Case status changes: the workflow, the event and the notification, in one transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_helpers import T0, count, person, report

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidTransition, InvalidValue
from storage.models import CASE_STATUSES, CaseEvent, OutboxItem


def _new_case(database: Database) -> str:
    with database.transaction() as s:
        return report(s, person(s), language="ur", now=T0).ticket_id


def test_a_status_change_writes_an_event_and_queues_the_notification(database: Database) -> None:
    ticket_id = _new_case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        event = svc.change_case_status(
            s, case=case, status="in_progress", actor="agent:3", note="on it", now=T0
        )
    assert (event.type, event.from_value, event.to_value, event.actor, event.note) == (
        "status_changed", "new", "in_progress", "agent:3", "on it"
    )  # fmt: skip
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert (case.status, case.updated_at) == ("in_progress", T0)
        [item] = s.query(OutboxItem).all()
    assert (item.person_id, item.channel, item.user_id) == (case.reporter_id, "telegram", "1001")
    assert (item.case_id, item.status, item.attempts) == (case.id, "pending", 0)
    assert item.payload == {
        "key": "case-status-changed",
        "lang": "ur",
        "args": {"ticket_id": ticket_id, "status": "in_progress", "previous_status": "new"},
    }
    assert "on it" not in str(item.payload)  # agent notes stay internal


def test_a_whole_case_life(database: Database) -> None:
    ticket_id = _new_case(database)
    path = ["waiting", "in_progress", "resolved", "in_progress", "resolved", "closed"]
    for i, status in enumerate(path):
        with database.transaction() as s:
            case = svc.require_case(s, ticket_id=ticket_id)
            svc.change_case_status(
                s, case=case, status=status, actor="agent:1", now=T0 + timedelta(hours=i)
            )
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert [e.to_value for e in case.events] == ["new", *path]
        assert count(s, OutboxItem) == len(path)


@pytest.mark.parametrize(
    ("path", "wanted", "allowed"),
    [
        ([], "closed", "in_progress, waiting, resolved, rejected"),
        ([], "new", "in_progress, waiting, resolved, rejected"),
        (["rejected"], "in_progress", "none (the case is final)"),
        (["resolved", "closed"], "in_progress", "none (the case is final)"),
        (["in_progress"], "in_progress", "waiting, resolved, rejected"),
    ],
)
def test_a_transition_outside_the_workflow_is_refused_and_changes_nothing(
    database: Database, path: list[str], wanted: str, allowed: str
) -> None:
    ticket_id = _new_case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        for status in path:
            svc.change_case_status(s, case=case, status=status, actor="agent:1")
        current = case.status
    with pytest.raises(InvalidTransition) as caught, database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.change_case_status(s, case=case, status=wanted, actor="agent:1")
    assert str(caught.value) == (
        f"case {ticket_id}: cannot change status from {current!r} to {wanted!r}; "
        f"allowed from {current!r}: {allowed}"
    )
    with database.session() as s:
        assert svc.require_case(s, ticket_id=ticket_id).status == current
        assert count(s, CaseEvent) == 1 + len(path)
        assert count(s, OutboxItem) == len(path)


def test_unknown_status_and_missing_actor_are_refused(database: Database) -> None:
    ticket_id = _new_case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        with pytest.raises(InvalidValue, match="unknown case status 'done'; expected one of: new"):
            svc.change_case_status(s, case=case, status="done", actor="agent:1")
        with pytest.raises(InvalidValue, match="actor"):
            svc.change_case_status(s, case=case, status="resolved", actor=" ")
    assert "done" not in CASE_STATUSES


def test_a_rolled_back_change_leaves_neither_event_nor_notification(database: Database) -> None:
    ticket_id = _new_case(database)

    class AgentDeskCrashed(Exception):
        pass

    with pytest.raises(AgentDeskCrashed), database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        svc.change_case_status(s, case=case, status="resolved", actor="agent:2")
        raise AgentDeskCrashed
    with database.session() as s:
        assert svc.require_case(s, ticket_id=ticket_id).status == "new"
        assert count(s, CaseEvent, CaseEvent.type == "status_changed") == 0
        assert count(s, OutboxItem) == 0


def test_the_notification_falls_back_to_the_reporters_language(database: Database) -> None:
    with database.transaction() as s:
        case = report(s, person(s), language=None)
        svc.change_case_status(s, case=case, status="rejected", actor="system")
        [item] = s.query(OutboxItem).all()
    assert item.payload["lang"] == "ar"
