"""Conversations: created on first lock, versioned saves, and one chat handled in order."""

from __future__ import annotations

import pytest
from storage_helpers import count, person, run_together

from storage import service as svc
from storage.db import Database
from storage.errors import ConversationConflict
from storage.models import Conversation


def test_lock_creates_the_conversation_once(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        conv = svc.lock_conversation(s, person=p)
        assert (conv.state, conv.version, conv.handed_off) == ({}, 1, False)
        assert svc.lock_conversation(s, person=p).id == conv.id
    with database.session() as s:
        assert count(s, Conversation) == 1
        assert svc.find_conversation(s, person=person(s)).id == conv.id


def test_save_stores_the_state_and_moves_the_version_on(database: Database) -> None:
    with database.transaction() as s:
        conv = svc.lock_conversation(s, person=person(s))
        state = {"dialog": {"flow": "report", "step": "photo", "slots": {"category": "waste"}}}
        svc.save_conversation(s, conversation=conv, state=state)
        state["dialog"]["step"] = "changed after saving"  # the saved state is a copy
    with database.transaction() as s:
        conv = svc.lock_conversation(s, person=person(s))
        assert conv.version == 2
        assert conv.state["dialog"]["step"] == "photo"
        svc.save_conversation(s, conversation=conv, state=conv.state, handed_off=True)
    with database.session() as s:
        conv = svc.find_conversation(s, person=person(s))
        assert (conv.version, conv.handed_off) == (3, True)


def test_saving_a_stale_conversation_is_a_conflict(database: Database) -> None:
    with database.transaction() as s:
        svc.lock_conversation(s, person=person(s))
    with database.session() as stale_session:
        stale = svc.find_conversation(stale_session, person=person(stale_session))
        stale_session.commit()  # keep the loaded object (version 1), end the read
        with database.transaction() as s:
            fresh = svc.lock_conversation(s, person=person(s))
            svc.save_conversation(s, conversation=fresh, state={"by": "the other worker"})
        with pytest.raises(ConversationConflict, match="changed by someone else"):
            svc.save_conversation(stale_session, conversation=stale, state={"by": "me"})
        stale_session.rollback()
    with database.session() as s:
        conv = svc.find_conversation(s, person=person(s))
        assert (conv.state, conv.version) == ({"by": "the other worker"}, 2)


def test_locked_updates_of_one_chat_are_never_lost(database: Database) -> None:
    """Workers handling one chat at once queue on the lock: every increment survives."""
    with database.transaction() as s:
        svc.lock_conversation(s, person=person(s))

    def handle_one_message() -> None:
        for _ in range(5):
            with database.transaction() as s:
                conv = svc.lock_conversation(s, person=person(s))
                n = conv.state.get("n", 0)
                svc.save_conversation(s, conversation=conv, state={"n": n + 1})

    run_together(8, handle_one_message)
    with database.session() as s:
        conv = svc.find_conversation(s, person=person(s))
        assert (conv.state["n"], conv.version) == (40, 41)


def test_a_state_changed_in_place_is_saved_too(database: Database) -> None:
    with database.transaction() as s:
        conv = svc.lock_conversation(s, person=person(s))
        svc.save_conversation(s, conversation=conv, state={"dialog": {"step": "start"}})
    with database.transaction() as s:
        conv = svc.lock_conversation(s, person=person(s))
        conv.state["dialog"]["step"] = "photo"  # the loaded dict itself, changed in place
        svc.save_conversation(s, conversation=conv, state=conv.state)
    with database.session() as s:
        assert svc.find_conversation(s, person=person(s)).state == {"dialog": {"step": "photo"}}
