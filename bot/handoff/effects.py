"""Live handoff's effects: what the flows ask for to put a chat in a team's queue, and to rate it.

`handoff` (flows human_agent, human_agent_missed, services_kb_person):

    - effect: handoff
      awaits: true
      args: {reason: asked}          # asked | not_understood | flow; optional ticket_id
      on_result:
        - when: {outcome: queued}    # someone is on duty: $position, $minutes
        - when: {outcome: closed}    # outside the working hours: $opens, $when, $weekday
        - when: {outcome: nobody}    # in hours, but nobody of the team signed in
        - do: ...                    # no_team: no chat can be answered here; call $hotline

The chat waits for the team of bot/handoff/queue.py. The pilgrim is told
honestly which of these it is; their messages from now on go to the chat (the
bot is silent: bot/handoff/router.py) until an agent ends it or it goes back
to the bot. `rate_chat` stores the answer to "how did it go?" (flow
handoff_rating) on the person's last ended chat.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from bot.core.effects import EffectContext, EffectSpec
from bot.core.settings import MAKKAH_TIME, WEEKDAYS, HandoffSettings
from bot.handoff.queue import availability, expected_wait, recent_handling, team_for_chat
from dialogs.model import msg_ref
from storage import service as store
from storage.errors import HandoffStateError
from storage.models import Case, Handoff

BOT_REASONS = ("asked", "not_understood", "flow")  # "agent" is the desk's (take over)
RATING_CHOICES = {"r1": 1, "r2": 2, "r3": 3, "r4": 4, "r5": 5}
RATE_WITHIN = timedelta(days=2)  # a rating this long after the chat ended is not taken


def _linked_case(ctx: EffectContext, ticket_id: object) -> Case | None:
    """The person's own case with this ticket id, if the flow named one."""
    if not isinstance(ticket_id, str) or not ticket_id:
        return None
    case = store.get_case(ctx.session, ticket_id=ticket_id)
    return case if case is not None and case.reporter_id == ctx.person.id else None


def handoff(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    reason = args.get("reason") if args.get("reason") in BOT_REASONS else "asked"
    settings = ctx.settings.handoff
    case = _linked_case(ctx, args.get("ticket_id"))
    team = team_for_chat(ctx.session, case=case, language=ctx.language, settings=settings)
    hotline = ctx.settings.contact.hotline
    if team is None:
        return {"outcome": "no_team", "hotline": hotline}
    chat, _ = store.open_handoff(
        ctx.session,
        person=ctx.person,
        team=team,
        reason=str(reason),
        language=ctx.language,
        case=case,
        now=ctx.now,
    )
    return {**queue_status(ctx, chat, settings), "hotline": hotline, "chat_id": chat.id}


def queue_status(ctx: EffectContext, chat: Handoff, settings: HandoffSettings) -> dict[str, Any]:
    """What the pilgrim is told: their place and wait, or honestly that nobody is there now."""
    now_there = availability(ctx.session, team=chat.team, hours=settings.hours, now=ctx.now)
    if not now_there.in_hours:
        return {"outcome": "closed", **opening(settings, ctx.now)}
    if not now_there.someone_there:
        return {"outcome": "nobody"}
    position = store.queue_position(ctx.session, handoff=chat) or 1
    handled = recent_handling(ctx.session, team=chat.team, now=ctx.now, settings=settings)
    minutes = expected_wait(
        handled, position=position, on_duty=now_there.on_duty, settings=settings
    )
    return {"outcome": "queued", "position": position, "minutes": minutes}


def opening(settings: HandoffSettings, now: datetime) -> dict[str, Any]:
    """When chats open again: {"opens": "08:00", "when": today|tomorrow|later, "weekday"}."""
    moment = settings.hours.next_opening(now)
    days = (moment.date() - now.astimezone(MAKKAH_TIME).date()).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else "later"
    weekday = msg_ref(f"weekday-{WEEKDAYS[moment.weekday()]}")
    return {"opens": moment.strftime("%H:%M"), "when": when, "weekday": weekday}


def rate_chat(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    rating = RATING_CHOICES.get(str(args.get("rating")))
    chat = store.last_closed_handoff(ctx.session, person=ctx.person)
    fresh = chat is not None and chat.ended_at is not None and ctx.now - chat.ended_at < RATE_WITHIN
    if rating is None or chat is None or not fresh or chat.rating is not None:
        return {"rated": False}
    try:
        store.rate_handoff(ctx.session, handoff=chat, rating=rating, now=ctx.now)
    except HandoffStateError:  # rated a moment ago (a double tap)
        return {"rated": False}
    return {"rated": True, "rating": rating}


HANDOFF_EFFECTS: tuple[EffectSpec, ...] = (
    EffectSpec("handoff", handoff, frozenset({"reason"})),
    EffectSpec("rate_chat", rate_chat, frozenset({"rating"})),
)
