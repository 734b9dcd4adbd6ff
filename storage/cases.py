"""Cases: creation with a ticket id, SLA and team, the status workflow, assignment,
priority, messages to the pilgrim, "is it fixed?", satisfaction; every change an event.

Status workflow (`ALLOWED_TRANSITIONS`):

    new ──► assigned ──► in_progress ──► resolved ──► closed (final)
     │         │              │           │   ▲
     │         │              │           ▼   │
     │         │              │        reopened ──► assigned / in_progress / rejected
     └─────────┴──────────────┴──► rejected (final; a reason, maybe a referral)

`new` and `reopened` may also go straight to `in_progress` or `resolved`.
`assigned` needs an agent (`assign_case` moves a new or reopened case there by
itself); `rejected` needs a reason and may name the body responsible
(`referral`); `reopened` restarts the SLA from the due time the caller passes
(routing and SLA policy are the caller's: config, not storage).

Every change is one `case_events` row in the caller's transaction. Every
status change and every message to the pilgrim also queues one outbox row,
an unrendered payload the outbox worker renders in the pilgrim's language:

    {"key": "case-status-changed", "lang": <case language, else the reporter's>,
     "args": {"ticket_id": "MK-1234566", "category": "waste", "status": "resolved",
              "previous_status": "new", "message": <the agent's text as typed, if any>,
              "referral": <if rejected with one>}}

The pilgrim's own answers ("is it fixed?") and the automatic closing of
unanswered cases change the status without a notification: the bot answers
the pilgrim in the chat. Agent notes are internal and never sent. Each write
also publishes `("case", {"case_id", "ticket_id", "team", "status", "change"})`
on `storage.bus`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict, require_channel, require_one_of
from storage.bus import publish
from storage.errors import (
    CaseNotFound,
    InvalidTransition,
    InvalidValue,
    NotPermitted,
    TicketIdExhausted,
)
from storage.models import (
    CASE_KINDS,
    CASE_SOURCES,
    CASE_STATUSES,
    PRIORITIES,
    RATINGS,
    REPORT_CATEGORIES,
    Agent,
    ApiClient,
    Case,
    CaseEvent,
    CasePhoto,
    Person,
)
from storage.outbox import enqueue_outbox
from storage.teams import require_team
from storage.types import utcnow

ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("assigned", "in_progress", "resolved", "rejected"),
    "assigned": ("in_progress", "resolved", "rejected"),
    "in_progress": ("resolved", "rejected"),
    "resolved": ("closed", "reopened"),
    "reopened": ("assigned", "in_progress", "resolved", "rejected"),
    "closed": (),
    "rejected": (),
}
STATUS_KEY = "case-status-changed"  # the notification of a status change
MESSAGE_KEY = "case-agent-message"  # an agent's message to the pilgrim about a case
FIX_QUESTION_KEY = "case-fix-question"  # "is it fixed?", with choices FIX_CHOICES
FIX_CHOICES = ("fix:yes:{ticket_id}", "fix:no:{ticket_id}")  # ids of its two buttons
MAX_MESSAGE_CHARS = 4000
MAX_REASON_CHARS = 2000
MAX_REFERRAL_CHARS = 200

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


_default_due = sla_due_at  # create_case's argument of the same name hides the function


def default_team(*, kind: str, category: str | None) -> str:
    """The team that handles a case when nobody routed it."""
    return TEAM_BY_KIND.get(kind) or TEAM_BY_CATEGORY.get(category or "", DEFAULT_TEAM)


def _validate_new_case(
    kind: str, category: str | None, priority: str, channel: str, source: str
) -> None:
    require_one_of("case kind", kind, CASE_KINDS)
    require_one_of("priority", priority, PRIORITIES)
    require_channel(channel)
    require_one_of("case source", source, CASE_SOURCES)
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


def _source(source: str | None, actor: str | None, api_client: ApiClient | None) -> str:
    if source is not None:
        return source
    if api_client is not None:
        return "open311"
    return "desk" if actor and actor.startswith("agent:") else "bot"


def _photo_refs(photos: Iterable[str]) -> list[str]:
    refs = list(photos)
    for ref in refs:
        if not isinstance(ref, str) or not ref or len(ref) > 255:
            raise InvalidValue(f"photo reference {ref!r}: expected a media ref of 1-255 characters")
    return refs


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
    sla_due_at: datetime | None = None,
    contact_phone: str | None = None,
    extra: dict[str, Any] | None = None,
    sub_municipality: str | None = None,
    source: str | None = None,
    api_client: ApiClient | None = None,
    now: datetime | None = None,
    new_ticket_id: Callable[[], str],
    actor: str | None = None,
) -> Case:
    """Open a case with a new unique ticket id, its SLA and team, and a "created" event.

    `new_ticket_id` draws a candidate id: the ticket format's one home is the
    dialog contract (`dialogs.tickets.make_ticket_id`), which bot/ passes in.

    The caller's `team`, `priority` and `sla_due_at` win; without them the
    defaults here apply (`default_team`, `sla_due_at`). The event's actor is
    the reporter unless `actor` says otherwise (an agent filing a case for a
    caller: "agent:3"). `source` is "bot", "desk" (an agent actor) or
    "open311" (an `api_client`) unless given.
    """
    source = _source(source, actor, api_client)
    _validate_new_case(kind, category, priority, channel, source)
    if (location_lat is None) != (location_lon is None):
        raise InvalidValue("give both location_lat and location_lon, or neither")
    refs = _photo_refs(photos)
    now = now or utcnow()
    values: dict[str, Any] = {
        "kind": kind,
        "category": category,
        "description": description or "",
        "location_lat": location_lat,
        "location_lon": location_lon,
        "location_text": location_text,
        "photos": refs,
        "status": "new",
        "priority": priority,
        "team": team or default_team(kind=kind, category=category),
        "sla_due_at": sla_due_at or _default_due(kind=kind, priority=priority, created_at=now),
        "reporter_id": reporter.id,
        "channel": channel,
        "language": language,
        "contact_phone": contact_phone,
        "extra": dict(extra or {}),
        "sub_municipality": sub_municipality,
        "source": source,
        "api_client_id": api_client.id if api_client is not None else None,
        "reopen_count": 0,
        "created_at": now,
        "updated_at": now,
    }
    case = session.get_one(Case, _insert_with_fresh_ticket(session, values, new_ticket_id))
    session.add_all(CasePhoto(case_id=case.id, ref=ref) for ref in dict.fromkeys(refs))
    actor = _require_actor(actor) if actor is not None else f"person:{reporter.id}"
    _add_event(session, case, actor=actor, type="created", to_value="new", at=now)
    _announce(session, case, "created")
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
    message: str | None = None,
) -> CaseEvent:
    event = CaseEvent(
        case_id=case.id,
        actor=actor,
        type=type,
        at=at or utcnow(),
        from_value=from_value,
        to_value=to_value,
        note=note,
        message=message,
    )
    session.add(event)
    session.flush()
    return event


def _announce(session: Session, case: Case, change: str) -> None:
    payload = {
        "case_id": case.id,
        "ticket_id": case.ticket_id,
        "team": case.team,
        "status": case.status,
        "change": change,
    }
    publish(session, "case", payload)


def _notify(
    session: Session,
    case: Case,
    event: CaseEvent,
    *,
    key: str,
    args: dict[str, Any],
    now: datetime,
    extra: dict[str, Any] | None = None,
) -> None:
    """Queue the pilgrim's notification of `event` and link it to the event."""
    payload = {
        "key": key,
        "lang": case.language or case.reporter.language,  # None: the worker's default
        "args": {"ticket_id": case.ticket_id, "category": case.category, **args},
        **(extra or {}),
    }
    item = enqueue_outbox(
        session,
        person=case.reporter,
        channel=case.channel,
        payload=payload,
        case=case,
        dedupe_key=f"case-event:{case.id}:{event.id}",
        not_before=now,
    )
    event.outbox_id = item.id
    session.flush()


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


def _optional_text(what: str, value: str | None, max_chars: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(f"{what} must not be empty (leave it out instead)")
    if len(value) > max_chars:
        raise InvalidValue(f"{what} is {len(value)} characters long; at most {max_chars}")
    return value.strip()


def _lock(session: Session, case: Case) -> None:
    session.refresh(case, with_for_update=True)  # two agents at once: the second sees the first


def _check_status_fields(
    case: Case,
    status: str,
    reason: str | None,
    referral: str | None,
    sla_due: datetime | None,
) -> None:
    if status == "rejected" and reason is None:
        raise InvalidValue(f"case {case.ticket_id}: rejecting needs a reason")
    if status != "rejected" and (reason is not None or referral is not None):
        raise InvalidValue("a reason and a referral go with status 'rejected' only")
    if status == "reopened" and sla_due is None:
        raise InvalidValue(f"case {case.ticket_id}: reopening needs the new SLA due time")
    if status == "assigned" and case.assigned_agent_id is None:
        raise InvalidValue(
            f"case {case.ticket_id}: 'assigned' needs an agent; assign one with assign_case"
        )


def _apply_status(
    case: Case,
    status: str,
    now: datetime,
    reason: str | None,
    referral: str | None,
    sla_due: datetime | None,
) -> None:
    case.status, case.updated_at = status, now
    if status == "resolved":
        case.resolved_at = now
    elif status in ("closed", "rejected"):
        case.closed_at = now
        case.rejection_reason, case.referral = reason, referral
    elif status == "reopened":
        case.reopen_count += 1
        case.sla_due_at = sla_due
        case.resolved_at = None
        case.fix_asked_at = case.fix_answer = case.fix_answered_at = None


def _move(
    session: Session,
    case: Case,
    *,
    status: str,
    actor: str,
    now: datetime,
    note: str | None = None,
    message: str | None = None,
    reason: str | None = None,
    referral: str | None = None,
    sla_due: datetime | None = None,
    notify: bool = True,
) -> CaseEvent:
    """The one place a status changes: checked, applied, one event, maybe a notification."""
    allowed = ALLOWED_TRANSITIONS[case.status]
    if status not in allowed:
        raise InvalidTransition(case.ticket_id, case.status, status, allowed)
    _check_status_fields(case, status, reason, referral, sla_due)
    previous = case.status
    _apply_status(case, status, now, reason, referral, sla_due)
    event = _add_event(
        session,
        case,
        actor=actor,
        type="status_changed",
        at=now,
        from_value=previous,
        to_value=status,
        note=note if reason is None else "\n\n".join(filter(None, (reason, note))),
        message=message,
    )
    if notify:
        args: dict[str, Any] = {"status": status, "previous_status": previous}
        args.update({k: v for k, v in (("message", message), ("referral", referral)) if v})
        _notify(session, case, event, key=STATUS_KEY, args=args, now=now)
    _announce(session, case, "status")
    return event


def change_case_status(
    session: Session,
    *,
    case: Case,
    status: str,
    actor: str,
    note: str | None = None,
    message: str | None = None,
    reason: str | None = None,
    referral: str | None = None,
    sla_due_at: datetime | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    """Move a case to `status`: one event, one notification to the reporter.

    `note` is internal; `message` is told to the pilgrim as typed (in the
    notification's args). `rejected` needs a `reason` (kept on the case and
    in the event) and may carry a `referral`; `reopened` needs `sla_due_at`.
    The case row is locked first, so of two agents changing it at once the
    second sees the first's change (and may then be refused).
    """
    require_one_of("case status", status, CASE_STATUSES)
    _require_actor(actor)
    message = _optional_text("the message to the pilgrim", message, MAX_MESSAGE_CHARS)
    reason = _optional_text("the rejection reason", reason, MAX_REASON_CHARS)
    referral = _optional_text("the referral", referral, MAX_REFERRAL_CHARS)
    _lock(session, case)
    return _move(
        session,
        case,
        status=status,
        actor=actor,
        now=now or utcnow(),
        note=_optional_text("the note", note, MAX_MESSAGE_CHARS) if note else None,
        message=message,
        reason=reason,
        referral=referral,
        sla_due=sla_due_at,
    )


def add_case_note(
    session: Session, *, case: Case, actor: str, note: str, now: datetime | None = None
) -> CaseEvent:
    """An internal note on the case timeline (never sent to the reporter)."""
    if not note or not note.strip():
        raise InvalidValue("a note must not be empty")
    event = _add_event(session, case, actor=_require_actor(actor), type="note", at=now, note=note)
    _announce(session, case, "note")
    return event


def _agent_may_work_on(agent: Agent, team: str | None) -> None:
    if not agent.active:
        raise NotPermitted(f"agent {agent.username!r} is disabled")
    if not agent.sees_every_team and agent.team != team:
        raise NotPermitted(
            f"agent {agent.username!r} is in team {agent.team!r}, not in the case's team {team!r}"
        )


def _change_team(
    session: Session, case: Case, team: str, actor: str, now: datetime
) -> list[CaseEvent]:
    require_team(session, slug=team, active=True)
    events = []
    previous, case.team = case.team, team
    events.append(
        _add_event(
            session,
            case,
            actor=actor,
            type="team_changed",
            at=now,
            from_value=previous,
            to_value=team,
        )
    )
    agent = case.assigned_agent
    if agent is not None and not agent.sees_every_team and agent.team != team:
        case.assigned_agent_id = None
        events.append(
            _add_event(
                session,
                case,
                actor=actor,
                type="agent_assigned",
                at=now,
                from_value=agent.actor,
                to_value=None,
            )
        )
    return events


def _change_agent(
    session: Session, case: Case, agent: Agent, actor: str, now: datetime
) -> list[CaseEvent]:
    _agent_may_work_on(agent, case.team)
    previous = case.assigned_agent.actor if case.assigned_agent is not None else None
    case.assigned_agent_id = agent.id
    session.flush()
    session.expire(case, ["assigned_agent"])
    events = [
        _add_event(
            session,
            case,
            actor=actor,
            type="agent_assigned",
            at=now,
            from_value=previous,
            to_value=agent.actor,
        )
    ]
    if case.status in ("new", "reopened"):
        events.append(_move(session, case, status="assigned", actor=actor, now=now))
    return events


def assign_case(
    session: Session,
    *,
    case: Case,
    actor: str,
    team: str | None = None,
    agent: Agent | None = None,
    now: datetime | None = None,
) -> list[CaseEvent]:
    """Move the case to another (active) `team` and/or give it to an `agent`; the events.

    Moving to another team clears the agent unless they may work on every
    team. The agent must be active and of the case's (new) team, unless a
    supervisor or admin (`NotPermitted` otherwise). Giving a `new` or
    `reopened` case to an agent moves it to `assigned` (with its notification).
    """
    if team is None and agent is None:
        raise InvalidValue("assign a case to a team, an agent, or both")
    if team is not None and (not isinstance(team, str) or not team.strip()):
        raise InvalidValue("a team must not be empty")
    _require_actor(actor)
    _lock(session, case)
    if agent is not None:  # checked before anything changes
        _agent_may_work_on(agent, team or case.team)
    now = now or utcnow()
    events: list[CaseEvent] = []
    if team is not None and team != case.team:
        events += _change_team(session, case, team, actor, now)
    if agent is not None and agent.id != case.assigned_agent_id:
        events += _change_agent(session, case, agent, actor, now)
    if events:
        case.updated_at = now
        _announce(session, case, "assigned")
    return events


def change_case_priority(
    session: Session,
    *,
    case: Case,
    priority: str,
    actor: str,
    sla_due_at: datetime | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    """Set the case's priority (and its SLA due time, when the caller's policy moves it)."""
    require_one_of("priority", priority, PRIORITIES)
    _require_actor(actor)
    _lock(session, case)
    now = now or utcnow()
    previous, case.priority, case.updated_at = case.priority, priority, now
    if sla_due_at is not None:
        case.sla_due_at = sla_due_at
    event = _add_event(
        session,
        case,
        actor=actor,
        type="priority_changed",
        at=now,
        from_value=previous,
        to_value=priority,
    )
    _announce(session, case, "priority")
    return event


def message_pilgrim(
    session: Session,
    *,
    case: Case,
    actor: str,
    text: str | None = None,
    key: str | None = None,
    args: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    """Tell the reporter something about the case: one "message_sent" event, one outbox row.

    Either `text` (the agent's words as typed, sent under `MESSAGE_KEY` as
    args["message"]) or `key` (a canned message id with its `args`), rendered
    in the pilgrim's language by the outbox worker.
    """
    _require_actor(actor)
    if (text is None) == (key is None):
        raise InvalidValue("give the message's text or a message key, not both")
    text = _optional_text("the message to the pilgrim", text, MAX_MESSAGE_CHARS)
    if key is not None and (not isinstance(key, str) or not 0 < len(key) <= 100):
        raise InvalidValue(f"message key {key!r}: expected a message id")
    now = now or utcnow()
    event = _add_event(
        session, case, actor=actor, type="message_sent", at=now, to_value=key, message=text
    )
    message_args = {**(args or {}), **({"message": text} if text else {})}
    _notify(session, case, event, key=key or MESSAGE_KEY, args=message_args, now=now)
    _announce(session, case, "message")
    return event


def ask_if_fixed(
    session: Session, *, case: Case, actor: str = "system", now: datetime | None = None
) -> CaseEvent:
    """Send "is it fixed?" about a resolved case, once per resolution; the "fix_asked" event.

    The payload carries `choices`: the ids of the yes and no buttons
    (`FIX_CHOICES`) with the message ids of their labels, for the worker to render.
    """
    _require_actor(actor)
    _lock(session, case)
    if case.status != "resolved":
        raise InvalidValue(
            f"case {case.ticket_id} is {case.status!r}; only a resolved case is asked"
        )
    if case.fix_asked_at is not None:
        raise InvalidValue(f"case {case.ticket_id}: the pilgrim was already asked")
    now = now or utcnow()
    case.fix_asked_at = now
    event = _add_event(session, case, actor=actor, type="fix_asked", at=now)
    yes, no = (choice.format(ticket_id=case.ticket_id) for choice in FIX_CHOICES)
    choices = {
        "choice_keys": [{"id": yes, "key": "case-fix-yes"}, {"id": no, "key": "case-fix-no"}]
    }
    _notify(session, case, event, key=FIX_QUESTION_KEY, args={}, now=now, extra=choices)
    _announce(session, case, "fix_asked")
    return event


def record_fix_answer(
    session: Session,
    *,
    case: Case,
    fixed: bool,
    actor: str,
    sla_due_at: datetime | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    """The pilgrim's answer to "is it fixed?": yes closes the case, no reopens it.

    A "no" needs `sla_due_at` (the SLA restarts) and puts the case back in its
    team's queue as `reopened`. Both write a "fix_answered" event (returned)
    and the status event, without a notification (the bot answers in the
    chat). Refused (`InvalidTransition`) once the case is no longer resolved,
    e.g. closed for want of an answer.
    """
    _require_actor(actor)
    _lock(session, case)
    wanted = "closed" if fixed else "reopened"
    if case.status != "resolved":
        raise InvalidTransition(
            case.ticket_id, case.status, wanted, ALLOWED_TRANSITIONS[case.status]
        )
    if case.fix_asked_at is None or case.fix_answer is not None:
        raise InvalidValue(f"case {case.ticket_id}: no open 'is it fixed?' question to answer")
    if not fixed and sla_due_at is None:
        raise InvalidValue(f"case {case.ticket_id}: reopening needs the new SLA due time")
    now = now or utcnow()
    answer = "yes" if fixed else "no"
    case.fix_answer, case.fix_answered_at = answer, now
    event = _add_event(session, case, actor=actor, type="fix_answered", at=now, to_value=answer)
    _move(session, case, status=wanted, actor=actor, now=now, sla_due=sla_due_at, notify=False)
    return event


def close_unanswered_cases(
    session: Session, *, asked_before: datetime, now: datetime | None = None, limit: int = 200
) -> list[Case]:
    """Close resolved cases whose "is it fixed?" went unanswered since before `asked_before`.

    Actor "system", no notification. Rows locked by another transaction are
    skipped (PostgreSQL), so two schedulers never close the same case twice.
    """
    now = now or utcnow()
    stmt = (
        select(Case)
        .where(
            Case.status == "resolved",
            Case.fix_answer.is_(None),
            Case.fix_asked_at < asked_before,
        )
        .order_by(Case.fix_asked_at, Case.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )
    cases = list(session.scalars(stmt))
    for case in cases:
        _move(
            session,
            case,
            status="closed",
            actor="system",
            now=now,
            notify=False,
            note="no answer to 'is it fixed?'",
        )
    return cases


def rate_case(
    session: Session, *, case: Case, rating: int, actor: str, now: datetime | None = None
) -> CaseEvent:
    """The pilgrim's satisfaction (1-5) with a resolved or closed case; a later rating wins."""
    _require_actor(actor)
    if isinstance(rating, bool) or rating not in RATINGS:
        raise InvalidValue(f"rating {rating!r}: expected a whole number from 1 to 5")
    if case.status not in ("resolved", "closed"):
        raise InvalidValue(f"case {case.ticket_id} is {case.status!r}; rate it once resolved")
    now = now or utcnow()
    case.satisfaction, case.satisfaction_at = rating, now
    event = _add_event(
        session, case, actor=actor, type="satisfaction_rated", at=now, to_value=str(rating)
    )
    _announce(session, case, "rated")
    return event
