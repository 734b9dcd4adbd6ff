"""Cases: creation with a ticket id, SLA and team, status changes, notes; every change an event.

Status workflow (`ALLOWED_TRANSITIONS`):

    new ──► in_progress ◄──► waiting
     │          │               │
     └──────────┴──► resolved ──┴──► closed (final)
     └──────────┴──► rejected (final)

`resolved` can be reopened (back to `in_progress`) or closed. Every status
change enqueues a notification for the reporter in the same transaction, as
an outbox row whose payload is unrendered:

    {"key": "case-status-changed", "lang": <case language>,
     "args": {"ticket_id": "MK-1234566", "status": "resolved", "previous_status": "new"}}

The outbox worker renders it in the reporter's language (payloads with a
"text" are already rendered). Agent notes are internal and never sent.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict, require_channel, require_one_of
from storage.errors import CaseNotFound, InvalidTransition, InvalidValue, TicketIdExhausted
from storage.models import (
    CASE_KINDS,
    CASE_STATUSES,
    PRIORITIES,
    REPORT_CATEGORIES,
    Case,
    CaseEvent,
    Person,
)
from storage.outbox import enqueue_outbox
from storage.types import utcnow

ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("in_progress", "waiting", "resolved", "rejected"),
    "in_progress": ("waiting", "resolved", "rejected"),
    "waiting": ("in_progress", "resolved", "rejected"),
    "resolved": ("closed", "in_progress"),
    "closed": (),
    "rejected": (),
}

# Hours until a case is overdue: by priority, overridden per kind where it differs.
SLA_HOURS: dict[str, int] = {"urgent": 4, "high": 24, "normal": 72, "low": 168}
SLA_HOURS_BY_KIND: dict[str, dict[str, int]] = {
    "home_visit": {"urgent": 24, "high": 48, "normal": 120, "low": 240},
    "proxy_service": {"urgent": 48, "high": 72, "normal": 120, "low": 240},
}

# The team a case goes to when the caller names none.
TEAM_BY_CATEGORY: dict[str, str] = {
    "waste": "cleanliness",
    "public_toilets": "cleanliness",
    "food_safety": "health",
    "animals_pests": "health",
    "street_vendors": "market_inspection",
    "water_sewage": "water_sewage",
    "road_hazard": "roads",
    "street_lighting": "roads",
    "building_violation": "building_control",
}
TEAM_BY_KIND: dict[str, str] = {"home_visit": "wajibna", "proxy_service": "mutmainnun"}
DEFAULT_TEAM = "customer_service"
TICKET_ATTEMPTS = 20


def sla_due_at(*, kind: str, priority: str, created_at: datetime) -> datetime:
    """When a case of this kind and priority is due."""
    hours = SLA_HOURS_BY_KIND.get(kind, {}).get(priority, SLA_HOURS[priority])
    return created_at + timedelta(hours=hours)


def default_team(*, kind: str, category: str | None) -> str:
    """The team that handles a case when nobody routed it."""
    return TEAM_BY_KIND.get(kind) or TEAM_BY_CATEGORY.get(category or "", DEFAULT_TEAM)


def _validate_new_case(kind: str, category: str | None, priority: str, channel: str) -> None:
    require_one_of("case kind", kind, CASE_KINDS)
    require_one_of("priority", priority, PRIORITIES)
    require_channel(channel)
    if kind in ("report", "complaint"):
        require_one_of("report category", category, REPORT_CATEGORIES)
    elif category is not None and not isinstance(category, str):
        raise InvalidValue(f"category must be a string or None, got {category!r}")


def _insert_with_fresh_ticket(
    session: Session, values: dict[str, Any], new_ticket_id: Callable[[], str]
) -> int:
    for _ in range(TICKET_ATTEMPTS):
        values["ticket_id"] = new_ticket_id()
        case_id = insert_ignoring_conflict(session, Case, values, conflict_columns=("ticket_id",))
        if case_id is not None:
            return case_id
    raise TicketIdExhausted(f"no free ticket id after {TICKET_ATTEMPTS} tries")


def create_case(
    session: Session,
    *,
    reporter: Person,
    kind: str,
    category: str | None,
    description: str,
    location_lat: float | None = None,
    location_lon: float | None = None,
    location_text: str | None = None,
    photos: Iterable[str] = (),
    channel: str,
    language: str | None,
    team: str | None = None,
    priority: str = "normal",
    contact_phone: str | None = None,
    extra: dict[str, Any] | None = None,
    now: datetime | None = None,
    new_ticket_id: Callable[[], str],
    actor: str | None = None,
) -> Case:
    """Open a case with a new unique ticket id, its SLA and team, and a "created" event.

    `new_ticket_id` draws a candidate id: the ticket format's one home is the
    dialog contract (`dialogs.tickets.make_ticket_id`), which bot/ passes in.

    The event's actor is the reporter unless `actor` says otherwise (an agent
    filing a case for a caller: "agent:3").
    """
    _validate_new_case(kind, category, priority, channel)
    if (location_lat is None) != (location_lon is None):
        raise InvalidValue("give both location_lat and location_lon, or neither")
    now = now or utcnow()
    values: dict[str, Any] = {
        "kind": kind,
        "category": category,
        "description": description or "",
        "location_lat": location_lat,
        "location_lon": location_lon,
        "location_text": location_text,
        "photos": list(photos),
        "status": "new",
        "priority": priority,
        "team": team or default_team(kind=kind, category=category),
        "sla_due_at": sla_due_at(kind=kind, priority=priority, created_at=now),
        "reporter_id": reporter.id,
        "channel": channel,
        "language": language,
        "contact_phone": contact_phone,
        "extra": dict(extra or {}),
        "created_at": now,
        "updated_at": now,
    }
    case = session.get_one(Case, _insert_with_fresh_ticket(session, values, new_ticket_id))
    actor = _require_actor(actor) if actor is not None else f"person:{reporter.id}"
    _add_event(session, case, actor=actor, type="created", to_value="new", at=now)
    return case


def _add_event(
    session: Session,
    case: Case,
    *,
    actor: str,
    type: str,
    at: datetime | None = None,
    from_value: str | None = None,
    to_value: str | None = None,
    note: str | None = None,
) -> CaseEvent:
    event = CaseEvent(
        case_id=case.id,
        actor=actor,
        type=type,
        at=at or utcnow(),
        from_value=from_value,
        to_value=to_value,
        note=note,
    )
    session.add(event)
    session.flush()
    return event


def get_case(session: Session, *, ticket_id: str) -> Case | None:
    """The case with this ticket id (canonical, as `parse_ticket` returns it), if any.

    Case, spaces and digits of any script are forgiven ("mk-١٢٣٤٥٦٦ "): the key is
    compared with every Unicode decimal digit read as its ASCII one.
    """
    ticket_id = _ascii_digits(ticket_id).strip().upper()
    return session.scalars(select(Case).where(Case.ticket_id == ticket_id)).one_or_none()


def _ascii_digits(text: str) -> str:
    """Unicode's decimal digits (Arabic-Indic, Persian, ...) as ASCII; the rest unchanged."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def require_case(session: Session, *, ticket_id: str) -> Case:
    """Like `get_case`, but raises `CaseNotFound`."""
    case = get_case(session, ticket_id=ticket_id)
    if case is None:
        raise CaseNotFound(ticket_id)
    return case


def list_cases_for_person(session: Session, *, person: Person, limit: int = 10) -> list[Case]:
    """The person's cases, newest first."""
    stmt = (
        select(Case)
        .where(Case.reporter_id == person.id)
        .order_by(Case.created_at.desc(), Case.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def _require_actor(actor: str) -> str:
    if not isinstance(actor, str) or not actor.strip() or len(actor) > 64:
        raise InvalidValue(f"actor {actor!r}: expected e.g. 'agent:3', 'person:12' or 'system'")
    return actor


def change_case_status(
    session: Session,
    *,
    case: Case,
    status: str,
    actor: str,
    note: str | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    """Move a case to `status`, write the event and enqueue the reporter's notification."""
    require_one_of("case status", status, CASE_STATUSES)
    _require_actor(actor)
    session.refresh(case, with_for_update=True)  # two agents at once: the second sees the first
    allowed = ALLOWED_TRANSITIONS[case.status]
    if status not in allowed:
        raise InvalidTransition(case.ticket_id, case.status, status, allowed)
    now = now or utcnow()
    previous = case.status
    case.status = status
    case.updated_at = now
    event = _add_event(
        session,
        case,
        actor=actor,
        type="status_changed",
        at=now,
        from_value=previous,
        to_value=status,
        note=note,
    )
    payload = {
        "key": "case-status-changed",
        "lang": case.language or case.reporter.language,  # None: the worker's default
        "args": {"ticket_id": case.ticket_id, "status": status, "previous_status": previous},
    }
    enqueue_outbox(
        session,
        person=case.reporter,
        channel=case.channel,
        payload=payload,
        case=case,
        dedupe_key=f"case-status:{case.id}:{event.id}",
        not_before=now,
    )
    return event


def add_case_note(
    session: Session, *, case: Case, actor: str, note: str, now: datetime | None = None
) -> CaseEvent:
    """An internal note on the case timeline (never sent to the reporter)."""
    if not note or not note.strip():
        raise InvalidValue("a note must not be empty")
    return _add_event(session, case, actor=_require_actor(actor), type="note", at=now, note=note)


def assign_case(
    session: Session, *, case: Case, team: str, actor: str, now: datetime | None = None
) -> CaseEvent:
    """Route the case to another team."""
    if not team or not team.strip():
        raise InvalidValue("a team must not be empty")
    previous, case.team = case.team, team
    case.updated_at = now or utcnow()
    return _add_event(
        session,
        case,
        actor=_require_actor(actor),
        type="assigned",
        at=now,
        from_value=previous,
        to_value=team,
    )
