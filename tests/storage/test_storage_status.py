"""Case status changes: the workflow, the event and the notification, in one transaction."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session
from storage_helpers import T0, agent, count, person, report

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidTransition, InvalidValue
from storage.models import CASE_STATUSES, Case, CaseEvent, OutboxItem


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
        "status_changed",
        "new",
        "in_progress",
        "agent:3",
        "on it",
    )
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        assert (case.status, case.updated_at) == ("in_progress", T0)
        [item] = s.query(OutboxItem).all()
    assert (item.person_id, item.channel, item.user_id) == (case.reporter_id, "telegram", "1001")
    assert (item.case_id, item.status, item.attempts) == (case.id, "pending", 0)
    assert item.payload == {
        "key": "case-status-changed",
        "lang": "ur",
        "args": {
            "ticket_id": ticket_id,
            "category": "waste",
            "status": "in_progress",
            "previous_status": "new",
        },
    }
    assert "on it" not in str(item.payload)  # agent notes stay internal
    assert event.outbox_id == item.id


def _change(s: Session, case: Case, status: str, at: datetime) -> CaseEvent:
    extra: dict[str, Any] = {}
    if status == "reopened":
        extra["sla_due_at"] = at + timedelta(hours=24)
    if status == "rejected":
        extra["reason"] = "duplicate of another report"
    return svc.change_case_status(s, case=case, status=status, actor="agent:1", now=at, **extra)


def test_a_whole_case_life(database: Database) -> None:
    ticket_id = _new_case(database)
    with database.transaction() as s:
        svc.assign_case(
            s,
            case=svc.require_case(s, ticket_id=ticket_id),
            agent=agent(s),
            actor="agent:1",
            now=T0,
        )
    path = ["in_progress", "resolved", "reopened", "in_progress", "resolved", "closed"]
    for i, status in enumerate(path, start=1):
        with database.transaction() as s:
            _change(s, svc.require_case(s, ticket_id=ticket_id), status, T0 + timedelta(hours=i))
    with database.session() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        statuses = [e.to_value for e in case.events if e.type in ("created", "status_changed")]
        assert statuses == ["new", "assigned", *path]
        assert count(s, OutboxItem) == len(path) + 1
        assert case.reopen_count == 1
        assert case.sla_due_at == T0 + timedelta(hours=3 + 24)  # restarted at the reopening
        assert (case.resolved_at, case.closed_at) == (
            T0 + timedelta(hours=5),
            T0 + timedelta(hours=6),
        )


@pytest.mark.parametrize(
    ("path", "wanted", "allowed"),
    [
        ([], "closed", "assigned, in_progress, resolved, rejected"),
        ([], "new", "assigned, in_progress, resolved, rejected"),
        ([], "reopened", "assigned, in_progress, resolved, rejected"),
        (["rejected"], "in_progress", "none (the case is final)"),
        (["resolved", "closed"], "reopened", "none (the case is final)"),
        (["in_progress"], "in_progress", "resolved, rejected"),
        (["in_progress"], "assigned", "resolved, rejected"),
        (["resolved"], "in_progress", "closed, reopened"),
        (["resolved", "reopened"], "closed", "assigned, in_progress, resolved, rejected"),
    ],
)
def test_a_transition_outside_the_workflow_is_refused_and_changes_nothing(
    database: Database, path: list[str], wanted: str, allowed: str
) -> None:
    ticket_id = _new_case(database)
    with database.transaction() as s:
        case = svc.require_case(s, ticket_id=ticket_id)
        for status in path:
            _change(s, case, status, T0)
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
        svc.change_case_status(s, case=case, status="rejected", actor="system", reason="dup")
        [item] = s.query(OutboxItem).all()
    assert item.payload["lang"] == "ar"
