"""The one-round-trip writes of the message path: a message's replies and their outbox rows in
one INSERT each, the inbound row loaded from its INSERT, person and conversation read
together."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from storage_helpers import count, person

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidValue
from storage.models import Message, OutboxItem


def test_replies_are_stored_in_order_and_linked_to_their_message(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        inbound = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="1001:7", payload={"text": "hi"}
        )
        assert inbound is not None and inbound.id is not None
        assert inbound.payload == {"text": "hi"} and inbound.direction == "in"
        rows = svc.record_outbounds(
            s,
            person=p,
            channel="telegram",
            messages=[("greet", {"text": "Hello"}), ("menu", {"text": "Choose"})],
            in_reply_to=inbound,
        )
        assert all(r.id is not None for r in rows)
    with database.session() as s:
        replies = svc.replies_to(s, message=s.get(Message, inbound.id))
        assert [(m.key, m.payload["text"]) for m in replies] == [
            ("greet", "Hello"),
            ("menu", "Choose"),
        ]


def test_outbox_rows_of_a_message_queue_once_each(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        items = [({"reply": {"text": "a"}}, "reply:1:0"), ({"reply": {"text": "b"}}, "reply:1:1")]
        svc.enqueue_outbox_many(s, person=p, channel="telegram", items=items)
    with database.transaction() as s:  # a second time (a retried transaction): nothing new
        svc.enqueue_outbox_many(s, person=person(s), channel="telegram", items=items)
    with database.session() as s:
        rows = list(s.scalars(select(OutboxItem).order_by(OutboxItem.id)))
        assert [(r.dedupe_key, r.payload["reply"]["text"], r.status) for r in rows] == [
            ("reply:1:0", "a", "pending"),
            ("reply:1:1", "b", "pending"),
        ]
        assert all(r.user_id == "1001" and r.channel == "telegram" for r in rows)


def test_outbox_rows_for_another_channel_are_refused(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        with pytest.raises(InvalidValue, match="reached on 'telegram'"):
            svc.enqueue_outbox_many(s, person=p, channel="whatsapp", items=[({}, "k")])
    with database.session() as s:
        assert count(s, OutboxItem) == 0


def test_person_and_conversation_are_read_together(database: Database) -> None:
    with database.session() as s:
        assert svc.find_person_and_conversation(s, channel="telegram", user_id="1001") == (
            None,
            None,
        )
    with database.transaction() as s:
        p = person(s)
    with database.session() as s:
        found, conversation = svc.find_person_and_conversation(
            s, channel="telegram", user_id="1001"
        )
        assert found is not None and found.id == p.id and conversation is None
    with database.transaction() as s:
        svc.save_conversation(
            s, conversation=svc.lock_conversation(s, person=person(s)), state={"dialog": {"x": 1}}
        )
    with database.session() as s:
        found, conversation = svc.find_person_and_conversation(
            s, channel="telegram", user_id="1001"
        )
        assert conversation is not None and conversation.state == {"dialog": {"x": 1}}
