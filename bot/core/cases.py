"""Cases as the product runs them: routing and SLA from config, and the status workflow's rules.

Every case is opened through `open_case`, whoever files it: the bot's report
and service-request flows (bot/core/effects.py), an agent filing for a phone
caller (the desk), and next Open311. It picks the team, priority and SLA due
time from `config.yaml`'s `routing` section (`RoutingSettings`):

    team:      the caller's, else the kind's (Wajibna, Mutma'innun), else the
               sub-municipality team of the pin (`team_for`), else that of the
               place the person named ("Mina camp 56", `named_team`), else the default
    priority / SLA hours: the category's rule, else the kind's, else the default

Every status change goes through `change_status`, so its rules hold for the
desk and for Open311 alike: one event and one notification per change
(storage), the agent's message to the pilgrim as a message of its own, the SLA
restarted on reopening, and "is it fixed?" asked the moment a case is resolved
(pilgrims leave Makkah within days). `answer_fix` records the pilgrim's answer
(a "no" reopens the case with a fresh SLA); `close_unanswered` closes what
nobody answered within `fix_question.close_after_hours`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.core.settings import FixQuestionSettings, RoutingSettings
from dialogs.tickets import make_ticket_id
from storage import service as store
from storage.models import Case, CaseEvent, Person

REFERRAL_KEY = "case-referral"  # "this is handled by another body: ..." after a rejection
TeamForPoint = Callable[[float, float], "str | None"]  # a pin -> the team working there


def route(
    routing: RoutingSettings,
    *,
    kind: str,
    category: str | None,
    location: tuple[float, float] | None,
    team_for: TeamForPoint | None,
    named_team: str | None = None,
) -> str:
    """The team a new case goes to (see the module's docstring)."""
    if kind in routing.teams_by_kind:
        return routing.teams_by_kind[kind]
    if routing.by_location and location is not None and team_for is not None:
        team = team_for(*location)
        if team:
            return team
    if routing.by_location and named_team:
        return named_team
    return routing.default_team


def sla_due(routing: RoutingSettings, case: Case, start: datetime) -> datetime:
    """When the case is overdue if its clock starts (again) at `start`."""
    rule = routing.rule(kind=case.kind, category=case.category)
    return start + timedelta(hours=rule.sla_hours)


def open_case(
    session: Session,
    *,
    routing: RoutingSettings,
    reporter: Person,
    kind: str,
    category: str | None,
    description: str,
    channel: str,
    language: str | None,
    now: datetime,
    team: str | None = None,
    team_for: TeamForPoint | None = None,
    location_lat: float | None = None,
    location_lon: float | None = None,
    named_team: str | None = None,
    **fields: Any,
) -> Case:
    """Open a case routed by config; `fields` are `storage.create_case`'s other arguments.

    `named_team`: the team of a typed place the service resolved (no pin shared)."""
    located = None
    if location_lat is not None and location_lon is not None:
        located = (location_lat, location_lon)
    team = team or route(
        routing,
        kind=kind,
        category=category,
        location=located,
        team_for=team_for,
        named_team=named_team,
    )
    rule = routing.rule(kind=kind, category=category)
    return store.create_case(
        session,
        reporter=reporter,
        kind=kind,
        category=category,
        description=description,
        channel=channel,
        language=language,
        team=team,
        priority=fields.pop("priority", None) or rule.priority,
        sla_due_at=now + timedelta(hours=rule.sla_hours),
        location_lat=location_lat,
        location_lon=location_lon,
        now=now,
        new_ticket_id=make_ticket_id,
        **fields,
    )


def change_status(
    session: Session,
    *,
    routing: RoutingSettings,
    case: Case,
    status: str,
    actor: str,
    now: datetime,
    note: str | None = None,
    message: str | None = None,
    reason: str | None = None,
    referral: str | None = None,
) -> list[CaseEvent]:
    """Move the case to `status` with its notification; the events written.

    The agent's `message` goes to the pilgrim as typed, in a message of its
    own after the status notification (as does a rejection's `referral`);
    `reopened` restarts the SLA; a resolved case asks "is it fixed?" at once.
    """
    due = sla_due(routing, case, now) if status == "reopened" else None
    events = [
        store.change_case_status(
            session,
            case=case,
            status=status,
            actor=actor,
            note=note,
            reason=reason,
            referral=referral,
            sla_due_at=due,
            now=now,
        )
    ]
    if referral:  # who is responsible instead, in the pilgrim's language
        events.append(
            store.message_pilgrim(
                session,
                case=case,
                actor=actor,
                key=REFERRAL_KEY,
                args={"referral": referral},
                now=now,
            )
        )
    if message:
        events.append(store.message_pilgrim(session, case=case, actor=actor, text=message, now=now))
    if status == "resolved":
        events.append(store.ask_if_fixed(session, case=case, now=now))
    return events


def answer_fix(
    session: Session,
    *,
    routing: RoutingSettings,
    case: Case,
    fixed: bool,
    actor: str,
    now: datetime,
) -> CaseEvent:
    """The pilgrim's answer: yes closes the case, no reopens it with a fresh SLA."""
    due = None if fixed else sla_due(routing, case, now)
    return store.record_fix_answer(
        session, case=case, fixed=fixed, actor=actor, sla_due_at=due, now=now
    )


def close_unanswered(
    session: Session, *, settings: FixQuestionSettings, now: datetime
) -> list[Case]:
    """Close the resolved cases whose "is it fixed?" went unanswered for too long."""
    asked_before = now - timedelta(hours=settings.close_after_hours)
    return store.close_unanswered_cases(session, asked_before=asked_before, now=now)
