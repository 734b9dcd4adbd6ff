"""Which team a chat waits for, whether anyone can answer it now, and how long it may wait.

    team = team_for_chat(session, case=..., language="ur", settings=settings.handoff)
    now_open = availability(session, team=team, hours=settings.handoff.hours, now=now)
    minutes = expected_wait(times, position=3, on_duty=2, settings=settings.handoff)

The team: the case's team when the chat is about a case (and the team exists
and is active), else an active team that takes the pilgrim's language (the
general team first when it does), else the configured general team. None
when no team is set up at all: then nobody could ever answer, and the
pilgrim is told to call instead of being queued.

Availability is honest: within the working hours (Makkah time) AND someone
of the team signed in to the desk (a live desk session, storage.desk_sessions).

The expected wait: the median time the team's recent chats took once
claimed, times the number of "rounds" before this chat's turn (its place in
the queue divided among the agents on duty), rounded up to whole minutes.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.settings import HandoffSettings, WorkingHours
from storage import service as store
from storage.models import Case, Team


def _active(session: Session, slug: str | None) -> Team | None:
    team = store.get_team(session, slug=slug) if slug else None
    return team if team is not None and team.active else None


def team_for_chat(
    session: Session, *, case: Case | None, language: str | None, settings: HandoffSettings
) -> str | None:
    """The slug of the team the chat waits for, or None when no team is set up."""
    if case is not None and (team := _active(session, case.team)) is not None:
        return team.slug
    general = _active(session, settings.general_team)
    if language:
        takers = [t for t in store.list_teams(session) if language in (t.languages or [])]
        if general is not None and general in takers:
            return general.slug
        if takers:
            return takers[0].slug
    return general.slug if general is not None else None


@dataclass(frozen=True)
class Availability:
    in_hours: bool
    on_duty: int  # agents of the team signed in to the desk now

    @property
    def someone_there(self) -> bool:
        return self.in_hours and self.on_duty > 0


def availability(
    session: Session, *, team: str, hours: WorkingHours, now: datetime
) -> Availability:
    on_duty = len(store.signed_in_agents(session, team=team, now=now))
    return Availability(in_hours=hours.is_open(now), on_duty=on_duty)


def on_duty_since(
    session: Session, *, team: str, hours: WorkingHours, now: datetime
) -> datetime | None:
    """Since when someone of the team has been there to take chats (None: nobody now).

    The later of the current working period's start and the earliest live desk
    session of the team's signed-in agents: a chat queued at night has waited
    only from then on.
    """
    opened = hours.opened_at(now)
    agents = store.signed_in_agents(session, team=team, now=now)
    if opened is None or not agents:
        return None
    sessions = [s for a in agents for s in store.list_agent_sessions(session, agent=a, now=now)]
    earliest = min((s.created_at for s in sessions), default=now)
    return max(opened, earliest)


def expected_wait(
    handled: list[timedelta], *, position: int, on_duty: int, settings: HandoffSettings
) -> int:
    """Whole minutes (at least 1) until the chat at `position` is likely taken."""
    if len(handled) >= settings.estimate_min_sample:
        per_chat = statistics.median(t.total_seconds() for t in handled) / 60
    else:
        per_chat = settings.default_handling_minutes
    rounds = math.ceil(max(position, 1) / max(on_duty, 1))
    return max(1, math.ceil(rounds * per_chat))


def recent_handling(
    session: Session, *, team: str, now: datetime, settings: HandoffSettings
) -> list[timedelta]:
    """How long the team's recent ended chats were with an agent (claimed to ended)."""
    times = store.recent_handling_times(
        session,
        team=team,
        limit=settings.estimate_sample,
        since=now - timedelta(days=settings.estimate_days),
    )
    return [t.handled for t in times if t.handled is not None]
