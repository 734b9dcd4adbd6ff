"""People: one row per (channel, platform user id), with their chosen language."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict, require_channel
from storage.errors import InvalidValue
from storage.models import Person
from storage.types import utcnow


def find_person(session: Session, *, channel: str, user_id: str) -> Person | None:
    """The person behind `user_id` on `channel`, if they ever wrote to us."""
    stmt = select(Person).where(Person.channel == channel, Person.user_id == user_id)
    return session.scalars(stmt).one_or_none()


def get_or_create_person(
    session: Session,
    *,
    channel: str,
    user_id: str,
    language: str | None = None,
    display_name: str | None = None,
) -> Person:
    """The person behind `user_id` on `channel`, created on first contact (race-safe).

    `language` is only used when creating: a language the person chose later
    is changed with `set_person_language`. `display_name` is refreshed when given.
    """
    require_channel(channel)
    if not user_id:
        raise InvalidValue("user_id must not be empty")
    person = find_person(session, channel=channel, user_id=user_id)
    if person is None:
        values = {
            "channel": channel,
            "user_id": user_id,
            "language": language,
            "display_name": display_name,
            "created_at": utcnow(),
        }
        insert_ignoring_conflict(session, Person, values, conflict_columns=("channel", "user_id"))
        person = find_person(session, channel=channel, user_id=user_id)
        assert person is not None  # inserted just now, or by a concurrent writer
    elif display_name and person.display_name != display_name:
        person.display_name = display_name
    return person


def set_person_language(session: Session, *, person: Person, language: str) -> None:
    """Remember the language the person speaks (an ISO 639-1 code such as "ur")."""
    if not (isinstance(language, str) and 2 <= len(language) <= 8 and language.isascii()):
        raise InvalidValue(f"language {language!r} is not a language code such as 'ar' or 'en'")
    person.language = language
    session.flush()
