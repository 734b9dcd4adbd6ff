"""People: one per (channel, user id), language, and the database constraint behind it."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from storage_helpers import count, run_together

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidValue
from storage.models import Person


def test_same_channel_and_user_id_is_the_same_person(database: Database) -> None:
    with database.transaction() as s:
        first = svc.get_or_create_person(s, channel="telegram", user_id="77", language="ur")
        again = svc.get_or_create_person(s, channel="telegram", user_id="77", language="en")
        other_channel = svc.get_or_create_person(s, channel="whatsapp", user_id="77")
    assert again.id == first.id
    assert again.language == "ur"  # a later hint does not overwrite the first language
    assert other_channel.id != first.id
    with database.session() as s:
        assert count(s, Person) == 2
        assert svc.find_person(s, channel="telegram", user_id="77").id == first.id
        assert svc.find_person(s, channel="webchat", user_id="77") is None


def test_display_name_is_refreshed_but_not_erased(database: Database) -> None:
    with database.transaction() as s:
        svc.get_or_create_person(s, channel="webchat", user_id="b1", display_name="Aisha")
        svc.get_or_create_person(s, channel="webchat", user_id="b1", display_name="Aisha K.")
        p = svc.get_or_create_person(s, channel="webchat", user_id="b1")
    assert p.display_name == "Aisha K."


def test_database_refuses_a_duplicate_person(database: Database) -> None:
    with database.transaction() as s:
        s.add(Person(channel="telegram", user_id="5"))
    with pytest.raises(IntegrityError), database.transaction() as s:
        s.add(Person(channel="telegram", user_id="5"))
        s.flush()


def test_set_person_language(database: Database) -> None:
    with database.transaction() as s:
        p = svc.get_or_create_person(s, channel="telegram", user_id="9")
        assert p.language is None
        svc.set_person_language(s, person=p, language="fa")
    with database.session() as s:
        assert svc.find_person(s, channel="telegram", user_id="9").language == "fa"


@pytest.mark.parametrize("bad", ["", "x", "arabic-lang", "عربي"])
def test_set_person_language_refuses_what_is_not_a_code(database: Database, bad: str) -> None:
    with database.transaction() as s:
        p = svc.get_or_create_person(s, channel="telegram", user_id="9")
        with pytest.raises(InvalidValue, match="language"):
            svc.set_person_language(s, person=p, language=bad)


def test_unknown_channel_and_empty_user_id_are_refused(database: Database) -> None:
    with database.transaction() as s:
        with pytest.raises(InvalidValue, match="unknown channel 'sms!'"):
            svc.get_or_create_person(s, channel="sms!", user_id="1")
        with pytest.raises(InvalidValue, match="user_id"):
            svc.get_or_create_person(s, channel="telegram", user_id="")


def test_concurrent_first_contact_creates_one_person(database: Database) -> None:
    def first_contact() -> int:
        with database.transaction() as s:
            return svc.get_or_create_person(s, channel="whatsapp", user_id="+966500000001").id

    ids = run_together(10, first_contact)
    assert len(set(ids)) == 1
    with database.session() as s:
        assert count(s, Person) == 1
