"""Messages in and out, and the per-person conversation (dialog state) with its lock.

The conversation service handles one inbound message like this, in ONE
`Database.transaction()`:

    person = get_or_create_person(s, channel=..., user_id=...)
    msg = record_inbound(s, person=person, channel=..., platform_message_id=..., payload=...)
    if msg is None:                      # a redelivery: answer again, do nothing twice
        old = find_inbound(s, channel=..., platform_message_id=...)
        resend(replies_to(s, message=old))
    conv = lock_conversation(s, person=person)   # one chat's messages in order
    ... run the engine ...
    save_conversation(s, conversation=conv, state=new_state)
    record_outbound(s, person=person, channel=..., key=..., payload=..., in_reply_to=msg)

Locking: on PostgreSQL `lock_conversation` takes a row lock (SELECT .. FOR
UPDATE) held until the transaction ends. On SQLite the write transaction
itself is the lock: `Database.transaction()` starts with BEGIN IMMEDIATE, so
only one writer runs at a time.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from storage._sql import (
    insert_ignoring_conflict,
    insert_ignoring_conflict_returning,
    require_channel,
)
from storage.errors import ConversationConflict, InvalidValue
from storage.models import Conversation, Message, Person
from storage.types import utcnow

_INBOUND_ONLY = text("direction = 'in'")  # the partial unique index's predicate, verbatim


def record_inbound(
    session: Session,
    *,
    person: Person,
    channel: str,
    platform_message_id: str,
    payload: dict[str, Any],
    now: datetime | None = None,
) -> Message | None:
    """Store an inbound message once; None when (channel, platform_message_id) is already stored.

    Race-safe: of any number of concurrent calls with the same id, exactly one
    gets the message and the others get None. Also starts the person's
    24-hour window (`last_inbound_at`).
    """
    require_channel(channel)
    if not platform_message_id:
        raise InvalidValue("platform_message_id must not be empty for an inbound message")
    now = now or utcnow()
    values = {
        "direction": "in",
        "person_id": person.id,
        "channel": channel,
        "platform_message_id": platform_message_id,
        "payload": payload,
        "created_at": now,
    }
    message: Message | None = insert_ignoring_conflict_returning(
        session,
        Message,
        values,
        conflict_columns=("channel", "platform_message_id"),
        conflict_where=_INBOUND_ONLY,
    )
    if message is None:
        return None
    if person.last_inbound_at is None or person.last_inbound_at < now:
        person.last_inbound_at = now
    session.flush()
    return message


def find_inbound(session: Session, *, channel: str, platform_message_id: str) -> Message | None:
    """The stored inbound message with this platform id, if any."""
    stmt = select(Message).where(
        Message.direction == "in",
        Message.channel == channel,
        Message.platform_message_id == platform_message_id,
    )
    return session.scalars(stmt).one_or_none()


def replies_to(session: Session, *, message: Message) -> list[Message]:
    """Outbound messages recorded in reply to `message`, oldest first."""
    stmt = (
        select(Message)
        .where(Message.in_reply_to_id == message.id, Message.direction == "out")
        .order_by(Message.id)
    )
    return list(session.scalars(stmt))


def recent_messages(session: Session, *, person: Person, limit: int = 50) -> list[Message]:
    """The person's last `limit` messages in and out, oldest first (a chat history)."""
    stmt = (
        select(Message)
        .where(Message.person_id == person.id)
        .order_by(Message.id.desc())
        .limit(limit)
    )
    return list(reversed(session.scalars(stmt).all()))


def record_outbound(
    session: Session,
    *,
    person: Person,
    channel: str,
    key: str,
    payload: dict[str, Any],
    in_reply_to: Message | None,
) -> Message:
    """Store a message we send; its platform id is filled in by `mark_message_sent`."""
    require_channel(channel)
    message = Message(
        direction="out",
        person_id=person.id,
        channel=channel,
        key=key,
        payload=payload,
        in_reply_to_id=in_reply_to.id if in_reply_to is not None else None,
        created_at=utcnow(),
    )
    session.add(message)
    session.flush()
    return message


def record_outbounds(
    session: Session,
    *,
    person: Person,
    channel: str,
    messages: list[tuple[str, dict[str, Any]]],
    in_reply_to: Message | None,
) -> list[Message]:
    """`record_outbound` for several (key, payload) at once: one INSERT for all of them."""
    require_channel(channel)
    now = utcnow()
    rows = [
        Message(
            direction="out",
            person_id=person.id,
            channel=channel,
            key=key,
            payload=payload,
            in_reply_to_id=in_reply_to.id if in_reply_to is not None else None,
            created_at=now,
        )
        for key, payload in messages
    ]
    session.add_all(rows)
    session.flush()
    return rows


def find_person_and_conversation(
    session: Session, *, channel: str, user_id: str
) -> tuple[Person | None, Conversation | None]:
    """The person and their conversation (either may be missing), in one query, for reads."""
    stmt = (
        select(Person, Conversation)
        .outerjoin(Conversation, Conversation.person_id == Person.id)
        .where(Person.channel == channel, Person.user_id == user_id)
    )
    row = session.execute(stmt).one_or_none()
    return (row[0], row[1]) if row is not None else (None, None)


def mark_message_sent(session: Session, *, message: Message, platform_message_id: str) -> None:
    """Remember the platform's id of an outbound message once it went out."""
    if message.direction != "out":
        raise InvalidValue(f"message {message.id} is inbound; only outbound ones are marked sent")
    message.platform_message_id = platform_message_id
    session.flush()


_REPLY_FIELDS = ("key", "text", "lang", "choices", "expects", "rtl")


def record_delivered_reply(session: Session, *, message: Message, reply: dict[str, Any]) -> None:
    """Keep the reply as it was delivered in an outbound message's payload.

    The rendered fields (text, language, choices, ...) join what was stored
    before (a canned reply's key and args, an original and its translations).
    """
    if message.direction != "out":
        raise InvalidValue(f"message {message.id} is inbound; only outbound ones are delivered")
    delivered = {k: reply[k] for k in _REPLY_FIELDS if k in reply}
    message.payload = {**message.payload, **delivered}
    flag_modified(message, "payload")
    session.flush()


def _select_conversation(person: Person) -> Select[tuple[Conversation]]:
    return (
        select(Conversation)
        .where(Conversation.person_id == person.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def find_conversation(session: Session, *, person: Person) -> Conversation | None:
    """The person's conversation without locking or creating it (for reads)."""
    stmt = select(Conversation).where(Conversation.person_id == person.id)
    return session.scalars(stmt).one_or_none()


def lock_conversation(session: Session, *, person: Person) -> Conversation:
    """The person's conversation, created if missing, locked until the transaction ends."""
    conversation = session.scalars(_select_conversation(person)).one_or_none()
    if conversation is None:
        values = {
            "person_id": person.id,
            "state": {},
            "version": 1,
            "handed_off": False,
            "updated_at": utcnow(),
        }
        insert_ignoring_conflict(session, Conversation, values, conflict_columns=("person_id",))
        conversation = session.scalars(_select_conversation(person)).one()
    return conversation


def save_conversation(
    session: Session,
    *,
    conversation: Conversation,
    state: dict[str, Any],
    handed_off: bool | None = None,
) -> None:
    """Store the new dialog state (and hand-off flag when given); the version moves on by one.

    Raises `ConversationConflict` if another transaction saved this
    conversation since it was read (only possible without `lock_conversation`).
    """
    read_version, conversation_id = conversation.version, conversation.id
    conversation.state = copy.deepcopy(state)
    # The caller may have changed the loaded dict in place: then old and new compare
    # equal and SQLAlchemy would skip the column. Always write it.
    flag_modified(conversation, "state")
    if handed_off is not None:
        conversation.handed_off = handed_off
    conversation.updated_at = utcnow()
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConversationConflict(
            f"conversation {conversation_id} was changed by someone else since it was read "
            f"(at version {read_version}); read it again and retry"
        ) from exc
