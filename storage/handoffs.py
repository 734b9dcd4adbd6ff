"""Handoffs (live chats): open, queue, claim, messages both ways, transfer, end, abandon, rate.

    waiting ──claim──► with_agent ──end──► ended ──rate──► (rating kept)
       │                  │   ▲
       │                  └───┘ transfer to an agent
       ├──────────────────┴──► abandoned (nobody answered in time)
       └──◄── transfer to a team (waiting again, in that team's queue)

At most one open (waiting or with_agent) handoff per person: the database's
partial unique index keeps it so even under races, and `open_handoff` then
returns the one already open. `claim_handoff` is one conditional UPDATE
(`... WHERE status = 'waiting'`): of agents racing, exactly one wins, the
others get `HandoffTaken`. While a handoff is open the person's conversation
has `handed_off` set (the bot stays silent).

Messages of a chat are `messages` rows pointing to the handoff; an agent's
reply also points to its agent and is queued in the outbox in the same
transaction. Its outbox payload carries "message_id", so a sender that
records delivered messages (the web chat) marks that row instead of writing
a second one. Translations sit in the payload beside the original
(`add_translation`). A reply to be sent translated is queued held back for a
moment (`send_after`) and then sent as the translation (`send_translated_reply`)
or, when translation failed or came too late, as typed (`release_reply`).

Every change publishes `("handoff", {"handoff_id", "team", "status",
"change", "agent_id"[, "message_id"]})` on `storage.bus`; a transfer to another
team also names the team it left (`"from_team"`), so that both teams hear it move.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, true, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from storage._sql import insert_ignoring_conflict, require_one_of
from storage.access import may_see_team
from storage.bus import publish
from storage.conversations import lock_conversation
from storage.errors import HandoffStateError, HandoffTaken, InvalidValue, NotPermitted
from storage.models import (
    HANDOFF_REASONS,
    OPEN_HANDOFF,
    OPEN_HANDOFF_STATUSES,
    RATINGS,
    Agent,
    Case,
    Conversation,
    Handoff,
    Message,
    OutboxItem,
    Person,
)
from storage.outbox import enqueue_outbox
from storage.teams import require_team
from storage.types import utcnow

REPLY_KEY = "handoff-agent-reply"  # the key of an agent's free-text reply
MAX_REPLY_CHARS = 4000


def _announce(session: Session, handoff: Handoff, change: str, **extra: int | str) -> None:
    payload: dict[str, Any] = {
        "handoff_id": handoff.id,
        "team": handoff.team,
        "status": handoff.status,
        "change": change,
        "agent_id": handoff.agent_id,
        **extra,
    }
    publish(session, "handoff", payload)


def _set_handed_off(session: Session, conversation_id: int, value: bool) -> None:
    conversation = session.get(
        Conversation, conversation_id, with_for_update=True, populate_existing=True
    )
    if conversation is not None and conversation.handed_off != value:
        conversation.handed_off = value
        session.flush()


def open_handoff_of(session: Session, *, person: Person) -> Handoff | None:
    """The person's open (waiting or with_agent) handoff, if any."""
    stmt = select(Handoff).where(
        Handoff.person_id == person.id, Handoff.status.in_(OPEN_HANDOFF_STATUSES)
    )
    return session.scalars(stmt).one_or_none()


def open_handoff(
    session: Session,
    *,
    person: Person,
    team: str,
    reason: str,
    language: str | None = None,
    case: Case | None = None,
    now: datetime | None = None,
) -> tuple[Handoff, bool]:
    """Put the person's chat in `team`'s queue; (handoff, True), or (the open one, False).

    The team must exist and be active. The conversation is created if the
    person never had one (a case filed by phone) and marked handed off.
    """
    require_one_of("handoff reason", reason, HANDOFF_REASONS)
    require_team(session, slug=team, active=True)
    if language is not None and (not isinstance(language, str) or not 2 <= len(language) <= 8):
        raise InvalidValue(f"language {language!r} is not a language code such as 'ur'")
    conversation = lock_conversation(session, person=person)
    now = now or utcnow()
    values = {
        "person_id": person.id,
        "conversation_id": conversation.id,
        "case_id": case.id if case is not None else None,
        "team": team,
        "status": "waiting",
        "reason": reason,
        "language": language or person.language,
        "queued_at": now,
    }
    new_id = insert_ignoring_conflict(
        session, Handoff, values, conflict_columns=("person_id",), conflict_where=OPEN_HANDOFF
    )
    if new_id is None:
        existing = open_handoff_of(session, person=person)
        assert existing is not None  # the conflict was with it
        return existing, False
    handoff = session.get_one(Handoff, new_id)
    _set_handed_off(session, conversation.id, True)
    _announce(session, handoff, "opened")
    return handoff, True


def queue_position(session: Session, *, handoff: Handoff) -> int | None:
    """1 for the next chat to be claimed in its team's queue; None when not waiting."""
    if handoff.status != "waiting":
        return None
    ahead = session.scalar(
        select(func.count())
        .select_from(Handoff)
        .where(
            Handoff.team == handoff.team,
            Handoff.status == "waiting",
            or_(
                Handoff.queued_at < handoff.queued_at,
                and_(Handoff.queued_at == handoff.queued_at, Handoff.id < handoff.id),
            ),
        )
    )
    return (ahead or 0) + 1


def waiting_count(session: Session, *, team: str) -> int:
    """How many chats wait in the team's queue."""
    stmt = (
        select(func.count())
        .select_from(Handoff)
        .where(Handoff.team == team, Handoff.status == "waiting")
    )
    return session.scalar(stmt) or 0


@dataclass(frozen=True)
class HandlingTime:
    waited: timedelta  # queued → claimed
    handled: timedelta | None  # claimed → ended (None while still with the agent)


def recent_handling_times(
    session: Session, *, team: str, limit: int = 20, since: datetime | None = None
) -> list[HandlingTime]:
    """Of the team's last `limit` claimed chats (claimed after `since`), how long each waited
    and was handled, newest first: what an expected wait is computed from."""
    stmt = (
        select(Handoff.queued_at, Handoff.claimed_at, Handoff.ended_at)
        .where(Handoff.team == team, Handoff.claimed_at.is_not(None))
        .order_by(Handoff.claimed_at.desc(), Handoff.id.desc())
        .limit(limit)
    )
    if since is not None:
        stmt = stmt.where(Handoff.claimed_at >= since)
    return [
        HandlingTime(waited=claimed - queued, handled=(ended - claimed) if ended else None)
        for queued, claimed, ended in session.execute(stmt)
    ]


def _require_may_work(agent: Agent, team: str) -> None:
    if not may_see_team(agent, team):
        raise NotPermitted(f"agent {agent.username!r} may not take chats of team {team!r}")


def claim_handoff(
    session: Session, *, handoff: Handoff, agent: Agent, now: datetime | None = None
) -> Handoff:
    """Give a waiting chat to `agent`; `HandoffTaken` if someone else was first.

    One conditional UPDATE: on PostgreSQL a racing claim waits for the first
    to commit and then finds the chat no longer waiting; SQLite serialises
    writers. The agent must be active and of the chat's team (or a supervisor).
    """
    _require_may_work(agent, handoff.team)
    now = now or utcnow()
    stmt = (
        update(Handoff)
        .where(Handoff.id == handoff.id, Handoff.status == "waiting")
        .values(status="with_agent", agent_id=agent.id, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    if session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(handoff)
        raise HandoffTaken(f"chat {handoff.id} is {handoff.status!r} now; someone took it first")
    session.refresh(handoff)
    _announce(session, handoff, "claimed")
    return handoff


def _require_open(handoff: Handoff, doing: str) -> None:
    if not handoff.is_open:
        raise HandoffStateError(f"chat {handoff.id} is {handoff.status!r}; cannot {doing}")


def _lock(session: Session, handoff: Handoff) -> None:
    session.refresh(handoff, with_for_update=True)


def record_pilgrim_message(
    session: Session, *, handoff: Handoff, message: Message, now: datetime | None = None
) -> None:
    """File the pilgrim's inbound `message` (stored by `record_inbound`) under the open chat."""
    if message.direction != "in" or message.person_id != handoff.person_id:
        raise InvalidValue(f"message {message.id} is not from this chat's pilgrim")
    _lock(session, handoff)
    _require_open(handoff, "take a message")
    message.handoff_id = handoff.id
    handoff.last_pilgrim_at = now or message.created_at
    session.flush()
    _announce(session, handoff, "message", message_id=message.id)


def _reply_payload(
    handoff: Handoff, text: str | None, key: str | None, args: dict[str, Any] | None
) -> dict[str, Any]:
    lang = handoff.language or handoff.person.language
    if text is not None:
        return {"key": REPLY_KEY, "text": text, "lang": lang}
    return {"key": key, "lang": lang, "args": dict(args or {})}


def _check_reply(text: str | None, key: str | None) -> str | None:
    if (text is None) == (key is None):
        raise InvalidValue("a reply is either the agent's text or a canned message key")
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            raise InvalidValue("a reply must not be empty")
        if len(text) > MAX_REPLY_CHARS:
            raise InvalidValue(f"a reply is at most {MAX_REPLY_CHARS} characters; {len(text)}")
        return text.strip()
    if not isinstance(key, str) or not 0 < len(key) <= 100:
        raise InvalidValue(f"canned reply key {key!r}: expected a message id")
    return None


def record_agent_reply(
    session: Session,
    *,
    handoff: Handoff,
    agent: Agent,
    text: str | None = None,
    key: str | None = None,
    args: dict[str, Any] | None = None,
    original: dict[str, str] | None = None,
    now: datetime | None = None,
    send_after: datetime | None = None,
) -> Message:
    """The holding agent's reply: an outbound message of the chat, queued in the outbox.

    Either `text` (sent as typed, already "rendered") or a canned `key` with
    `args` (rendered in the pilgrim's language by the outbox worker). When the
    text is a translation, `original` = {"lang", "text"} is what the agent typed.
    `send_after` holds the outbox row back until then (a translation on its way).
    """
    text = _check_reply(text, key)
    _lock(session, handoff)
    if handoff.status != "with_agent" or handoff.agent_id != agent.id:
        raise NotPermitted(f"chat {handoff.id} is not with agent {agent.username!r}")
    _require_may_work(agent, handoff.team)
    now = now or utcnow()
    payload = _reply_payload(handoff, text, key, args)
    if original is not None:
        payload["original"] = {"lang": str(original["lang"]), "text": str(original["text"])}
    message = Message(
        direction="out",
        person_id=handoff.person_id,
        channel=handoff.person.channel,
        key=payload["key"],
        payload=payload,
        created_at=now,
        handoff_id=handoff.id,
        agent_id=agent.id,
    )
    session.add(message)
    session.flush()
    outbox = {"reply": payload} if text is not None else payload
    enqueue_outbox(
        session,
        person=handoff.person,
        channel=handoff.person.channel,
        payload={**outbox, "message_id": message.id},
        case=handoff.case,
        dedupe_key=_reply_dedupe(message),
        not_before=max(send_after, now) if send_after is not None else now,
    )
    handoff.last_agent_at = now
    session.flush()
    _announce(session, handoff, "reply", message_id=message.id)
    return message


def _reply_dedupe(message: Message) -> str:
    return f"handoff-reply:{message.id}"


def _check_translation(lang: str, text: str) -> None:
    if not isinstance(lang, str) or not 2 <= len(lang) <= 8 or not isinstance(text, str):
        raise InvalidValue("a translation needs a language code and its text")


def add_translation(session: Session, *, message: Message, lang: str, text: str) -> None:
    """Keep a translation of a chat message beside its original (payload["translations"]).

    A message of a live chat announces it (`"change": "translated"`).
    """
    _check_translation(lang, text)
    translations = dict(message.payload.get("translations") or {})
    translations[lang] = text
    message.payload = {**message.payload, "translations": translations}
    flag_modified(message, "payload")
    session.flush()
    _announce_message(session, message, "translated")


def _announce_message(session: Session, message: Message, change: str) -> None:
    if message.handoff_id is not None:
        handoff = session.get_one(Handoff, message.handoff_id)
        _announce(session, handoff, change, message_id=message.id)


def _pending_reply(session: Session, message: Message) -> OutboxItem | None:
    stmt = (
        select(OutboxItem)
        .where(OutboxItem.dedupe_key == _reply_dedupe(message))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    item = session.scalars(stmt).one_or_none()
    return item if item is not None and item.status == "pending" else None


def send_translated_reply(
    session: Session,
    *,
    message: Message,
    lang: str,
    text: str,
    typed_lang: str,
    now: datetime | None = None,
) -> bool:
    """Send an agent's held reply as its translation into `lang`; False if it went already.

    The message then holds the translation as its text (what the pilgrim gets)
    and what the agent typed (in `typed_lang`) as `original` = {"lang", "text"}.
    """
    _check_translation(lang, text)
    item = _pending_reply(session, message)
    if item is None or message.agent_id is None or "text" not in message.payload:
        return False
    typed = {"lang": typed_lang, "text": str(message.payload["text"])}
    original = dict(message.payload.get("original") or typed)
    message.payload = {**message.payload, "text": text, "lang": lang, "original": original}
    flag_modified(message, "payload")
    reply = {k: v for k, v in message.payload.items() if k in ("key", "text", "lang")}
    item.payload = {"reply": reply, "message_id": message.id}
    item.next_attempt_at = now or utcnow()
    session.flush()
    _announce_message(session, message, "translated")
    return True


def release_reply(
    session: Session,
    *,
    message: Message,
    translation_failed: bool,
    typed_lang: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Send an agent's held reply now, as typed (in `typed_lang`, when known); False if it
    went already. `translation_failed` notes on the message that it went untranslated."""
    item = _pending_reply(session, message)
    changes: dict[str, Any] = {"translation_failed": True} if translation_failed else {}
    if typed_lang is not None and item is not None:
        changes["lang"] = typed_lang
    if changes:
        message.payload = {**message.payload, **changes}
        flag_modified(message, "payload")
    if item is not None:
        reply = {k: v for k, v in message.payload.items() if k in ("key", "text", "lang")}
        item.payload = {"reply": reply, "message_id": message.id}
        item.next_attempt_at = min(item.next_attempt_at, now or utcnow())
    session.flush()
    if translation_failed:
        _announce_message(session, message, "translation_failed")
    return item is not None


def file_in_chat(session: Session, *, message: Message, handoff_id: int) -> None:
    """File a message the bot sent (a chat notice) under the chat it belongs to."""
    if message.direction != "out" or message.agent_id is not None:
        raise InvalidValue(f"message {message.id} is not a message of the bot")
    message.handoff_id = session.get_one(Handoff, handoff_id).id
    session.flush()


def chat_messages(session: Session, *, handoff: Handoff) -> list[Message]:
    """The chat's messages both ways, oldest first."""
    stmt = select(Message).where(Message.handoff_id == handoff.id).order_by(Message.id)
    return list(session.scalars(stmt))


def transfer_handoff(
    session: Session,
    *,
    handoff: Handoff,
    by: Agent,
    to_agent: Agent | None = None,
    to_team: str | None = None,
    now: datetime | None = None,
) -> Handoff:
    """Hand the chat to another agent (it stays with_agent) or team (waiting in its queue).

    `by` must hold the chat or be a supervisor/admin, or, for a waiting chat,
    be of its team. The chat keeps its place in time (`queued_at`).
    """
    if (to_agent is None) == (to_team is None):
        raise InvalidValue("transfer a chat to an agent or to a team")
    _lock(session, handoff)
    _require_open(handoff, "be transferred")
    holder = handoff.agent_id == by.id or by.sees_every_team
    if not (holder or (handoff.status == "waiting" and may_see_team(by, handoff.team))):
        raise NotPermitted(f"agent {by.username!r} does not hold chat {handoff.id}")
    left = handoff.team
    if to_team is not None:
        require_team(session, slug=to_team, active=True)
        handoff.team, handoff.status, handoff.agent_id = to_team, "waiting", None
    elif to_agent is not None:
        _require_may_work(to_agent, handoff.team)
        handoff.status, handoff.agent_id = "with_agent", to_agent.id
        handoff.claimed_at = handoff.claimed_at or (now or utcnow())
    session.flush()
    moved = {"from_team": left} if left != handoff.team else {}
    _announce(session, handoff, "transferred", **moved)  # heard by the old team and the new
    return handoff


def _close(session: Session, handoff: Handoff, status: str, by: str, now: datetime | None) -> None:
    _lock(session, handoff)
    _require_open(handoff, "end")
    handoff.status, handoff.ended_at, handoff.ended_by = status, now or utcnow(), by
    session.flush()
    _set_handed_off(session, handoff.conversation_id, False)
    _announce(session, handoff, status)


def end_handoff(
    session: Session, *, handoff: Handoff, by: str, now: datetime | None = None
) -> Handoff:
    """End an open chat (`by` = "agent:3", "person:12" or "system"); the bot speaks again."""
    if not isinstance(by, str) or not by.strip() or len(by) > 64:
        raise InvalidValue(f"ended by {by!r}: expected e.g. 'agent:3' or 'system'")
    _close(session, handoff, "ended", by, now)
    return handoff


def abandon_handoff(session: Session, *, handoff: Handoff, now: datetime | None = None) -> Handoff:
    """Give an unanswered chat back to the bot (by "system"); its messages are kept."""
    _close(session, handoff, "abandoned", "system", now)
    return handoff


def handoffs_to_abandon(
    session: Session, *, idle_since: datetime, limit: int = 100
) -> list[Handoff]:
    """Open chats with no agent reply since `idle_since` (waiting ones by their queue time)."""
    last_answer = func.coalesce(Handoff.last_agent_at, Handoff.claimed_at, Handoff.queued_at)
    stmt = (
        select(Handoff)
        .where(Handoff.status.in_(OPEN_HANDOFF_STATUSES), last_answer < idle_since)
        .order_by(Handoff.queued_at, Handoff.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def overdue_chats(
    session: Session,
    *,
    unanswered_before: datetime,
    waiting_before: datetime,
    idle_before: datetime,
    limit: int = 100,
) -> list[tuple[Handoff, str]]:
    """Open chats that should go back to the bot, each with why:

    - "waiting": queued before `waiting_before` and still unclaimed;
    - "unanswered": the agent holds it and the pilgrim's first message since the
      agent last wrote (or the claim itself, when the agent never wrote) is older
      than `unanswered_before`;
    - "idle": with an agent, nobody wrote either way since `idle_before`.
    """
    waiting = session.scalars(
        select(Handoff)
        .where(Handoff.status == "waiting", Handoff.queued_at < waiting_before)
        .order_by(Handoff.queued_at, Handoff.id)
        .limit(limit)
    )
    found = [(h, "waiting") for h in waiting]
    agent_side = func.coalesce(Handoff.last_agent_at, Handoff.claimed_at)
    held = session.scalars(
        select(Handoff)
        .where(Handoff.status == "with_agent", agent_side < _later(unanswered_before, idle_before))
        .order_by(Handoff.claimed_at, Handoff.id)
        .limit(limit)
    )
    for handoff in held:
        why = _held_overdue(session, handoff, unanswered_before, idle_before)
        if why is not None:
            found.append((handoff, why))
    return found


def overdue_reason(
    session: Session,
    *,
    handoff: Handoff,
    unanswered_before: datetime,
    waiting_before: datetime,
    idle_before: datetime,
) -> str | None:
    """`overdue_chats`'s reason for one chat, read again under its row lock (None: not, or
    no longer, overdue: the agent answered meanwhile, or it was claimed or ended)."""
    _lock(session, handoff)
    if handoff.status == "waiting":
        return "waiting" if handoff.queued_at < waiting_before else None
    if handoff.status == "with_agent":
        return _held_overdue(session, handoff, unanswered_before, idle_before)
    return None


def _later(a: datetime, b: datetime) -> datetime:
    return a if a >= b else b


def _held_overdue(
    session: Session, handoff: Handoff, unanswered_before: datetime, idle_before: datetime
) -> str | None:
    if handoff.last_agent_at is None:
        waiting_since: datetime | None = handoff.claimed_at
    else:
        waiting_since = session.scalar(
            select(func.min(Message.created_at)).where(
                Message.handoff_id == handoff.id,
                Message.direction == "in",
                Message.created_at > handoff.last_agent_at,
            )
        )
    if waiting_since is not None and waiting_since < unanswered_before:
        return "unanswered"
    times = [t for t in (handoff.claimed_at, handoff.last_agent_at, handoff.last_pilgrim_at) if t]
    if times and max(times) < idle_before:
        return "idle"
    return None


def conversation_before(session: Session, *, handoff: Handoff, limit: int = 30) -> list[Message]:
    """The person's messages from before the chat (what the agent reads first, earlier chats
    included), oldest first."""
    stmt = (
        select(Message)
        .where(
            Message.person_id == handoff.person_id,
            or_(Message.handoff_id.is_(None), Message.handoff_id != handoff.id),
            Message.created_at <= handoff.queued_at,
        )
        .order_by(Message.id.desc())
        .limit(limit)
    )
    return list(reversed(session.scalars(stmt).all()))


def reply_delivery(session: Session, *, messages: Collection[Message]) -> dict[int, str]:
    """The outbox status ("pending", "sending", "sent", "held", "failed") of agents' replies."""
    keys = {_reply_dedupe(m): m.id for m in messages if m.agent_id is not None}
    if not keys:
        return {}
    rows = session.execute(
        select(OutboxItem.dedupe_key, OutboxItem.status).where(OutboxItem.dedupe_key.in_(keys))
    )
    return {keys[key]: status for key, status in rows if key is not None}


def closed_chats(
    session: Session, *, teams: Collection[str] | None, since: datetime, limit: int = 100
) -> list[Handoff]:
    """Chats of `teams` (None: all) that ended or went back to the bot since `since`, newest
    first: where the desk finds messages still worth an answer."""
    stmt = (
        select(Handoff)
        .where(
            Handoff.status.in_(("ended", "abandoned")),
            Handoff.ended_at >= since,
            _teams_clause(teams),
        )
        .order_by(Handoff.ended_at.desc(), Handoff.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def last_closed_handoff(session: Session, *, person: Person) -> Handoff | None:
    """The person's most recently ended or abandoned chat (what a rating is about)."""
    stmt = (
        select(Handoff)
        .where(Handoff.person_id == person.id, Handoff.status.in_(("ended", "abandoned")))
        .order_by(Handoff.ended_at.desc(), Handoff.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def rate_handoff(
    session: Session, *, handoff: Handoff, rating: int, now: datetime | None = None
) -> None:
    """The pilgrim's rating (1-5) of an ended chat, once."""
    if isinstance(rating, bool) or rating not in RATINGS:
        raise InvalidValue(f"rating {rating!r}: expected a whole number from 1 to 5")
    if handoff.status not in ("ended", "abandoned"):
        raise HandoffStateError(f"chat {handoff.id} is {handoff.status!r}; rate it once ended")
    if handoff.rating is not None:
        raise HandoffStateError(f"chat {handoff.id} is already rated")
    handoff.rating, handoff.rated_at = rating, now or utcnow()
    session.flush()
    _announce(session, handoff, "rated")


def _teams_clause(teams: Collection[str] | None) -> Any:
    return Handoff.team.in_(list(teams)) if teams is not None else true()


def list_waiting(session: Session, *, teams: Collection[str] | None = None) -> list[Handoff]:
    """Waiting chats (of `teams`, else all), first queued first."""
    stmt = (
        select(Handoff)
        .where(Handoff.status == "waiting", _teams_clause(teams))
        .order_by(Handoff.queued_at, Handoff.id)
    )
    return list(session.scalars(stmt))


def list_active(
    session: Session, *, teams: Collection[str] | None = None, agent: Agent | None = None
) -> list[Handoff]:
    """Chats with an agent (of `teams`, and/or held by `agent`), longest-claimed first."""
    conditions = [Handoff.status == "with_agent", _teams_clause(teams)]
    if agent is not None:
        conditions.append(Handoff.agent_id == agent.id)
    stmt = select(Handoff).where(*conditions).order_by(Handoff.claimed_at, Handoff.id)
    return list(session.scalars(stmt))


def visible_chats(session: Session, *, agent: Agent) -> list[Handoff]:
    """Every open chat the agent may see: waiting first (by queue time), then active."""
    if not agent.active:
        return []
    teams = None if agent.sees_every_team else [agent.team or ""]
    stmt = (
        select(Handoff)
        .where(Handoff.status.in_(OPEN_HANDOFF_STATUSES), _teams_clause(teams))
        .order_by(Handoff.status == "with_agent", Handoff.queued_at, Handoff.id)
    )
    return list(session.scalars(stmt))
