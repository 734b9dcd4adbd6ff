"""The last line: a value a column cannot hold is an InvalidValue naming the column, on both
databases, and the transaction it came in leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session
from storage_helpers import count, person, report

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidValue
from storage.models import Case, Message, Person

NUL = "a\x00b"
SURROGATE = "a\ud800b"


def _inbound(session: Session, payload: dict[str, Any], message_id: str = "m-1") -> None:
    who = person(session)
    svc.record_inbound(
        session, person=who, channel="telegram", platform_message_id=message_id, payload=payload
    )


CASES: list[tuple[str, Callable[[Session], object], str]] = [
    ("nul in a payload", lambda s: _inbound(s, {"text": NUL}), "messages.payload"),
    ("surrogate in a payload", lambda s: _inbound(s, {"text": SURROGATE}), "messages.payload"),
    ("nul in a payload key", lambda s: _inbound(s, {NUL: "x"}), "messages.payload"),
    ("nan in a payload", lambda s: _inbound(s, {"lat": float("nan")}), "messages.payload"),
    ("deep payload", lambda s: _inbound(s, {"a": _deep(40)}), "messages.payload"),
    ("long message id", lambda s: _inbound(s, {}, "x" * 129), "messages.platform_message_id"),
    ("long user id", lambda s: person(s, user_id="1" * 129), "people.user_id"),
    (
        "long display name",
        lambda s: svc.get_or_create_person(
            s, channel="telegram", user_id="7", display_name="n" * 201
        ),
        "people.display_name",
    ),
    (
        "surrogate in a display name",
        lambda s: svc.get_or_create_person(
            s, channel="telegram", user_id="7", display_name=SURROGATE
        ),
        "people.display_name",
    ),
    ("nul in a description", lambda s: report(s, person(s), description=NUL), "cases.description"),
    ("long phone", lambda s: report(s, person(s), contact_phone="9" * 33), "cases.contact_phone"),
]


def _deep(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(("what", "write", "column"), CASES, ids=[c[0] for c in CASES])
def test_an_unstorable_value_is_refused_naming_its_column(
    database: Database, what: str, write: Callable[[Session], object], column: str
) -> None:
    with pytest.raises(InvalidValue, match=rf"^{column} "), database.transaction() as session:
        write(session)
    with database.session() as session:
        assert count(session, Message) == 0
        assert count(session, Case) == 0
        assert count(session, Person) == 0


def test_the_refusal_never_quotes_the_value(database: Database) -> None:
    secret = "+966500000001" + "\x00"
    with pytest.raises(InvalidValue) as caught, database.transaction() as session:
        _inbound(session, {"phone": secret})
    assert "966500000001" not in str(caught.value)


def test_a_changed_object_is_checked_too(database: Database) -> None:
    with database.transaction() as session:
        who = person(session)
    refused = pytest.raises(InvalidValue, match="people.display_name")
    with refused, database.transaction() as session:
        found = svc.find_person(session, channel="telegram", user_id=who.user_id)
        assert found is not None
        found.display_name = NUL
    with database.session() as session:
        found = svc.find_person(session, channel="telegram", user_id=who.user_id)
        assert found is not None and found.display_name is None


def test_what_fits_is_stored_as_it_is(database: Database) -> None:
    text = "نص عربي 😀 " + "x" * 100 + "\n\ttab"
    with database.transaction() as session:
        who = svc.get_or_create_person(
            session, channel="whatsapp", user_id="u" * 128, display_name="n" * 200
        )
        svc.record_inbound(
            session,
            person=who,
            channel="whatsapp",
            platform_message_id="m" * 128,
            payload={"text": text, "deep": _deep(30)},
        )
    with database.session() as session:
        (message,) = session.query(Message).all()
        assert message.payload["text"] == text
