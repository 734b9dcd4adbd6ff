"""Messages: inbound stored once per (channel, platform id), even under a race; replies linked."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from storage_helpers import T0, count, person, run_together

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidValue
from storage.models import Message


def test_inbound_is_stored_once(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        first = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="1001:1", payload={"text": "hi"}
        )
        again = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="1001:1", payload={"text": "hi"}
        )
    assert first is not None and again is None
    assert (first.direction, first.payload) == ("in", {"text": "hi"})
    with database.session() as s:
        assert count(s, Message) == 1
        found = svc.find_inbound(s, channel="telegram", platform_message_id="1001:1")
        assert found is not None and found.id == first.id
        assert svc.find_inbound(s, channel="telegram", platform_message_id="1001:2") is None


def test_redelivery_in_a_later_transaction_is_recognised(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        svc.record_inbound(s, person=p, channel="telegram", platform_message_id="7", payload={})
    with database.transaction() as s:
        p = person(s)
        assert (
            svc.record_inbound(s, person=p, channel="telegram", platform_message_id="7", payload={})
            is None
        )


def test_same_platform_id_on_another_channel_is_another_message(database: Database) -> None:
    with database.transaction() as s:
        tg, wa = person(s, channel="telegram"), person(s, channel="whatsapp")
        assert svc.record_inbound(
            s, person=tg, channel="telegram", platform_message_id="X", payload={}
        )
        assert svc.record_inbound(
            s, person=wa, channel="whatsapp", platform_message_id="X", payload={}
        )


def test_database_refuses_a_duplicate_inbound_row(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        svc.record_inbound(s, person=p, channel="telegram", platform_message_id="9", payload={})
    with pytest.raises(IntegrityError), database.transaction() as s:
        p = person(s)
        s.add(Message(direction="in", person_id=p.id, channel="telegram", platform_message_id="9"))
        s.flush()


def test_outbound_platform_ids_may_repeat(database: Database) -> None:
    """Telegram numbers messages per chat: two chats' replies can share an id."""
    with database.transaction() as s:
        a, b = person(s, "1"), person(s, "2")
        for who in (a, b):
            out = svc.record_outbound(
                s, person=who, channel="telegram", key="greeting", payload={}, in_reply_to=None
            )
            svc.mark_message_sent(s, message=out, platform_message_id="55")
        assert count(s, Message, Message.platform_message_id == "55") == 2


def test_ten_threads_racing_on_one_inbound_store_it_once(database: Database) -> None:
    with database.transaction() as s:
        person(s)

    def deliver() -> int | None:
        with database.transaction() as s:
            m = svc.record_inbound(
                s, person=person(s), channel="telegram", platform_message_id="race", payload={}
            )
            return m.id if m else None

    results = run_together(10, deliver)
    assert len([r for r in results if r is not None]) == 1
    assert results.count(None) == 9
    with database.session() as s:
        assert count(s, Message) == 1


def test_inbound_opens_the_24_hour_window(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        assert p.last_inbound_at is None
        svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="1", payload={}, now=T0
        )
    with database.session() as s:
        assert person(s).last_inbound_at == T0


def test_replies_are_found_for_a_redelivered_message_in_order(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        inbound = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="q", payload={}
        )
        other = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="r", payload={}
        )
        for key in ("report-thanks", "report-ticket", "menu"):
            svc.record_outbound(
                s, person=p, channel="telegram", key=key, payload={"k": key}, in_reply_to=inbound
            )
        svc.record_outbound(s, person=p, channel="telegram", key="x", payload={}, in_reply_to=other)
    with database.session() as s:
        seen = svc.find_inbound(s, channel="telegram", platform_message_id="q")
        replies = svc.replies_to(s, message=seen)
    assert [r.key for r in replies] == ["report-thanks", "report-ticket", "menu"]
    assert all(r.direction == "out" and r.in_reply_to_id == seen.id for r in replies)


def test_recent_messages_are_the_last_ones_oldest_first(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        for i in range(5):
            m = svc.record_inbound(
                s, person=p, channel="telegram", platform_message_id=str(i), payload={"i": i}
            )
            svc.record_outbound(
                s, person=p, channel="telegram", key="echo", payload={"i": i}, in_reply_to=m
            )
    with database.session() as s:
        recent = svc.recent_messages(s, person=person(s), limit=4)
    assert [(m.direction, m.payload["i"]) for m in recent] == [
        ("in", 3), ("out", 3), ("in", 4), ("out", 4)
    ]  # fmt: skip


def test_bad_message_input_is_refused(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        with pytest.raises(InvalidValue, match="platform_message_id"):
            svc.record_inbound(s, person=p, channel="telegram", platform_message_id="", payload={})
        with pytest.raises(InvalidValue, match="unknown channel"):
            svc.record_outbound(s, person=p, channel="Fax", key="k", payload={}, in_reply_to=None)
        inbound = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="1", payload={}
        )
        with pytest.raises(InvalidValue, match="inbound"):
            svc.mark_message_sent(s, message=inbound, platform_message_id="2")
