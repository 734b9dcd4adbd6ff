"""Daily awareness tip subscriptions: subscribe, unsubscribe, and who is due today.

Like `storage.service`, functions take the session first and keyword-only
arguments, flush but never commit. Subscribing twice keeps one row; saying
stop keeps the row (inactive) so a later subscribe reactivates it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict
from storage.models import Person, TipSubscription


def find_tip_subscription(session: Session, *, person: Person) -> TipSubscription | None:
    stmt = select(TipSubscription).where(TipSubscription.person_id == person.id)
    return session.scalars(stmt).one_or_none()


def subscribe_tips(
    session: Session, *, person: Person, now: datetime
) -> tuple[TipSubscription, bool]:
    """The person's subscription, active; the flag is False when it already was."""
    insert_ignoring_conflict(
        session,
        TipSubscription,
        {"person_id": person.id, "active": False, "subscribed_at": now},
        conflict_columns=("person_id",),
    )
    sub = find_tip_subscription(session, person=person)
    assert sub is not None  # inserted above or already there
    session.refresh(sub)
    if sub.active:
        return sub, False
    sub.active, sub.subscribed_at, sub.unsubscribed_at = True, now, None
    session.flush()
    return sub, True


def unsubscribe_tips(session: Session, *, person: Person, now: datetime) -> bool:
    """Stop the daily tip; False when the person was not subscribed."""
    sub = find_tip_subscription(session, person=person)
    if sub is None or not sub.active:
        return False
    sub.active, sub.unsubscribed_at = False, now
    session.flush()
    return True


def is_subscribed(session: Session, *, person: Person) -> bool:
    sub = find_tip_subscription(session, person=person)
    return sub is not None and sub.active


def due_tip_subscriptions(
    session: Session, *, day: date, limit: int = 1000
) -> list[TipSubscription]:
    """Active subscriptions that have not had a tip queued on `day` (a Makkah date)."""
    stmt = (
        select(TipSubscription)
        .where(TipSubscription.active.is_(True))
        .where(or_(TipSubscription.last_sent_on.is_(None), TipSubscription.last_sent_on < day))
        .order_by(TipSubscription.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def mark_tip_queued(session: Session, *, subscription: TipSubscription, day: date) -> None:
    subscription.last_sent_on = day
    session.flush()
