"""The outbox: messages written in the same transaction as the change they announce,
sent later by a worker with retries.

Row life cycle (`OutboxItem.status`):

    pending ──claim──► sending ──► sent
       ▲                  │
       └──── retry ◄──────┤
                          ├──► failed   (gave up: attempts exhausted or permanent error)
                          └──► held     (not sendable now, e.g. outside WhatsApp's 24-hour
                                         window without a template; shown on the case)

`claim_outbox` hands due rows to one worker and leases them: a "sending"
row's `next_attempt_at` is the end of its lease, after which another worker
may claim it again (a crashed worker loses nothing). On PostgreSQL, workers
claim with FOR UPDATE SKIP LOCKED, so they never wait for or share a row.

Payload: either a rendered `bot.channels.base.Reply` as a dict
({"key", "text", "lang", "choices": [{"id", "label"}], "expects", "rtl"}; the
conversation service wraps it as {"reply": {...}}), or, without "text", a
message id to render in the person's language: {"key", "args", "lang"} (as
`change_case_status` writes; "lang" is None when nobody knows it).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict, insert_many_ignoring_conflict
from storage.errors import InvalidValue, OutboxStateError
from storage.models import Case, CaseEvent, OutboxItem, Person
from storage.types import utcnow

MAX_ERROR_CHARS = 2000


def enqueue_outbox(
    session: Session,
    *,
    person: Person,
    channel: str,
    payload: dict[str, Any],
    case: Case | None = None,
    dedupe_key: str | None = None,
    not_before: datetime | None = None,
) -> OutboxItem:
    """Queue a message for `person`; with a `dedupe_key` already queued, the existing row."""
    if channel != person.channel:
        raise InvalidValue(
            f"person {person.id} is reached on {person.channel!r}, not on {channel!r}"
        )
    now = utcnow()
    values = {
        "person_id": person.id,
        "channel": channel,
        "user_id": person.user_id,
        "payload": payload,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": not_before or now,
        "dedupe_key": dedupe_key,
        "created_at": now,
        "case_id": case.id if case is not None else None,
    }
    if dedupe_key is None:
        item = OutboxItem(**values)
        session.add(item)
        session.flush()
        return item
    insert_ignoring_conflict(session, OutboxItem, values, conflict_columns=("dedupe_key",))
    stmt = select(OutboxItem).where(OutboxItem.dedupe_key == dedupe_key)
    return session.scalars(stmt).one()


def enqueue_outbox_many(
    session: Session,
    *,
    person: Person,
    channel: str,
    items: list[tuple[dict[str, Any], str]],
) -> None:
    """Queue several (payload, dedupe_key) for `person` in one INSERT; a key already
    queued keeps its row (as `enqueue_outbox` with a `dedupe_key`)."""
    if channel != person.channel:
        raise InvalidValue(
            f"person {person.id} is reached on {person.channel!r}, not on {channel!r}"
        )
    now = utcnow()
    rows = [
        {
            "person_id": person.id,
            "channel": channel,
            "user_id": person.user_id,
            "payload": payload,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "dedupe_key": dedupe_key,
            "created_at": now,
            "case_id": None,
        }
        for payload, dedupe_key in items
    ]
    insert_many_ignoring_conflict(session, OutboxItem, rows, conflict_columns=("dedupe_key",))


def claim_outbox(
    session: Session, *, now: datetime, limit: int = 50, lease_seconds: float = 60
) -> list[OutboxItem]:
    """Due rows (pending, or sending with an expired lease), oldest first, now leased to us."""
    due = or_(OutboxItem.status == "pending", OutboxItem.status == "sending")
    stmt = (
        select(OutboxItem)
        .where(due, OutboxItem.next_attempt_at <= now)
        .order_by(OutboxItem.next_attempt_at, OutboxItem.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )
    items = list(session.scalars(stmt))
    lease_end = now + timedelta(seconds=lease_seconds)
    for item in items:
        item.status = "sending"
        item.attempts += 1
        item.next_attempt_at = lease_end
    session.flush()
    return items


def _require_sending(item: OutboxItem, change: str) -> None:
    if item.status != "sending":
        raise OutboxStateError(
            f"outbox item {item.id} is {item.status!r}; only a claimed ('sending') item "
            f"can be marked {change}"
        )


def _clip(error: str) -> str:
    return error[:MAX_ERROR_CHARS]


def mark_outbox_sent(
    session: Session, *, item: OutboxItem, platform_message_id: str, now: datetime | None = None
) -> None:
    """The platform accepted the message."""
    _require_sending(item, "sent")
    item.status = "sent"
    item.platform_message_id = platform_message_id
    item.sent_at = now or utcnow()
    item.last_error = None
    session.flush()


def mark_outbox_retry(
    session: Session, *, item: OutboxItem, error: str, retry_at: datetime
) -> None:
    """Sending failed for now; try again at `retry_at`."""
    _require_sending(item, "for retry")
    item.status = "pending"
    item.next_attempt_at = retry_at
    item.last_error = _clip(error)
    session.flush()


def release_outbox(session: Session, *, item: OutboxItem, retry_at: datetime) -> None:
    """Give a claimed item back unsent (e.g. a rate limit): pending again, attempt not counted."""
    _require_sending(item, "released")
    item.status = "pending"
    item.attempts = max(item.attempts - 1, 0)
    item.next_attempt_at = retry_at
    session.flush()


def _case_event(session: Session, item: OutboxItem, type: str, error: str) -> None:
    if item.case_id is None:
        return
    event = CaseEvent(
        case_id=item.case_id, actor="system", type=type, at=utcnow(), note=error, outbox_id=item.id
    )
    session.add(event)


def mark_outbox_failed(session: Session, *, item: OutboxItem, error: str) -> None:
    """Sending failed for good; the case (if any) shows it."""
    _require_sending(item, "failed")
    item.status = "failed"
    item.last_error = _clip(error)
    _case_event(session, item, "notification_failed", item.last_error)
    session.flush()


def mark_outbox_held(session: Session, *, item: OutboxItem, error: str) -> None:
    """The message cannot be sent as it is (e.g. outside the 24-hour window); agents see it."""
    _require_sending(item, "held")
    item.status = "held"
    item.last_error = _clip(error)
    _case_event(session, item, "notification_held", item.last_error)
    session.flush()
