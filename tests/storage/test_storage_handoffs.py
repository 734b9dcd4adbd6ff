"""Live chats: the queue, claiming (a race has one winner), messages both ways, transfer,
end, abandon, rating, and one open chat per person enforced by the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from storage_helpers import T0, agent, count, person, run_together, team

from storage import service as svc
from storage.db import Database
from storage.errors import HandoffStateError, HandoffTaken, NotPermitted, TeamNotFound
from storage.models import Agent, Conversation, Handoff, Message, OutboxItem

MIN = timedelta(minutes=1)


def _open(database: Database, user_id: str = "1001", at: timedelta = timedelta(0)) -> int:
    with database.transaction() as s:
        team(s, "cleanliness")
        handoff, created = svc.open_handoff(
            s, person=person(s, user_id), team="cleanliness", reason="asked", now=T0 + at
        )
        assert created
        return handoff.id


def _claim(database: Database, handoff_id: int, username: str = "amina") -> None:
    with database.transaction() as s:
        me = svc.find_agent(s, username=username) or agent(s, username)
        svc.claim_handoff(s, handoff=s.get_one(Handoff, handoff_id), agent=me, now=T0 + MIN)


def test_opening_queues_the_chat_and_silences_the_bot(database: Database) -> None:
    handoff_id = _open(database)
    with database.transaction() as s:
        handoff = s.get_one(Handoff, handoff_id)
        assert (handoff.status, handoff.team, handoff.reason, handoff.language) == (
            "waiting",
            "cleanliness",
            "asked",
            "ar",
        )
        assert s.query(Conversation).one().handed_off is True
        again, created = svc.open_handoff(s, person=person(s), team="cleanliness", reason="flow")
        assert (again.id, created) == (handoff_id, False)
        assert svc.open_handoff_of(s, person=person(s)).id == handoff_id
        with pytest.raises(TeamNotFound):
            svc.open_handoff(s, person=person(s, "2"), team="nowhere", reason="asked")


def test_the_database_refuses_a_second_open_chat(database: Database) -> None:
    handoff_id = _open(database)
    with pytest.raises(IntegrityError), database.transaction() as s:
        first = s.get_one(Handoff, handoff_id)
        s.add(
            Handoff(
                person_id=first.person_id,
                conversation_id=first.conversation_id,
                team="cleanliness",
                status="waiting",
                reason="asked",
                queued_at=T0,
            )
        )
        s.flush()


def test_queue_positions_and_waiting_counts(database: Database) -> None:
    ids = [_open(database, str(n), at=n * MIN) for n in range(3)]
    _claim(database, ids[0])
    with database.session() as s:
        positions = [svc.queue_position(s, handoff=s.get_one(Handoff, i)) for i in ids]
        assert positions == [None, 1, 2]
        assert svc.waiting_count(s, team="cleanliness") == 2
        assert [h.id for h in svc.list_waiting(s, teams=["cleanliness"])] == ids[1:]
        assert [h.id for h in svc.list_active(s, teams=["cleanliness"])] == ids[:1]
        assert svc.list_waiting(s, teams=["roads"]) == []


def test_two_agents_racing_to_claim_exactly_one_wins(database: Database) -> None:
    handoff_id = _open(database)
    with database.transaction() as s:
        agents = iter([agent(s, "amina").id, agent(s, "omar").id])

    def claim() -> str:
        me = next(agents)
        try:
            with database.transaction() as s:
                svc.claim_handoff(
                    s, handoff=s.get_one(Handoff, handoff_id), agent=s.get_one(Agent, me)
                )
            return "won"
        except HandoffTaken:
            return "taken"

    assert sorted(run_together(2, claim)) == ["taken", "won"]
    with database.session() as s:
        handoff = s.get_one(Handoff, handoff_id)
        assert handoff.status == "with_agent" and handoff.agent_id is not None


def test_an_agent_of_another_team_cannot_claim(database: Database) -> None:
    handoff_id = _open(database)
    with (
        database.transaction() as s,
        pytest.raises(NotPermitted, match="may not take chats of team 'cleanliness'"),
    ):
        svc.claim_handoff(
            s,
            handoff=s.get_one(Handoff, handoff_id),
            agent=agent(s, "rania", team_slug="roads"),
        )


def test_messages_both_ways_are_filed_under_the_chat(database: Database) -> None:
    handoff_id = _open(database)
    _claim(database, handoff_id)
    with database.transaction() as s:
        handoff = s.get_one(Handoff, handoff_id)
        inbound = svc.record_inbound(
            s,
            person=person(s),
            channel="telegram",
            platform_message_id="77",
            payload={"text": "hello?"},
            now=T0 + 2 * MIN,
        )
        svc.record_pilgrim_message(s, handoff=handoff, message=inbound)
        svc.add_translation(s, message=inbound, lang="en", text="hello?")
        amina = svc.require_agent(s, username="amina")
        typed = svc.record_agent_reply(
            s, handoff=handoff, agent=amina, text=" On my way ", now=T0 + 3 * MIN
        )
        canned = svc.record_agent_reply(s, handoff=handoff, agent=amina, key="canned-thanks")
        omar = agent(s, "omar")
        with pytest.raises(NotPermitted, match="not with agent 'omar'"):
            svc.record_agent_reply(s, handoff=handoff, agent=omar, text="hi")
        assert (handoff.last_pilgrim_at, handoff.last_agent_at) == (T0 + 2 * MIN, canned.created_at)
    with database.session() as s:
        chat = svc.chat_messages(s, handoff=s.get_one(Handoff, handoff_id))
        assert [(m.direction, m.agent_id) for m in chat] == [
            ("in", None),
            ("out", amina.id),
            ("out", amina.id),
        ]
        assert chat[0].payload == {"text": "hello?", "translations": {"en": "hello?"}}
        assert chat[1].payload == {"key": "handoff-agent-reply", "text": "On my way", "lang": "ar"}
        first, second = s.query(OutboxItem).order_by(OutboxItem.id)
        assert first.payload == {"reply": chat[1].payload, "message_id": typed.id}
        assert second.payload == {
            "key": "canned-thanks",
            "lang": "ar",
            "args": {},
            "message_id": canned.id,
        }


def test_transfers_to_an_agent_or_back_to_a_team_queue(database: Database) -> None:
    handoff_id = _open(database)
    _claim(database, handoff_id)
    with database.transaction() as s:
        handoff = s.get_one(Handoff, handoff_id)
        amina, omar = svc.require_agent(s, username="amina"), agent(s, "omar")
        rania = agent(s, "rania", team_slug="roads")
        with pytest.raises(NotPermitted, match="does not hold chat"):
            svc.transfer_handoff(s, handoff=handoff, by=omar, to_agent=omar)
        with pytest.raises(NotPermitted):
            svc.transfer_handoff(s, handoff=handoff, by=amina, to_agent=rania)
        svc.transfer_handoff(s, handoff=handoff, by=amina, to_agent=omar)
        assert (handoff.status, handoff.agent_id) == ("with_agent", omar.id)
        svc.transfer_handoff(s, handoff=handoff, by=omar, to_team="roads")
        assert (handoff.status, handoff.agent_id, handoff.team) == ("waiting", None, "roads")
        assert svc.queue_position(s, handoff=handoff) == 1
        svc.claim_handoff(s, handoff=handoff, agent=rania)


def test_ending_gives_the_chat_back_to_the_bot_and_it_can_be_rated_once(
    database: Database,
) -> None:
    handoff_id = _open(database)
    _claim(database, handoff_id)
    with database.transaction() as s:
        handoff = s.get_one(Handoff, handoff_id)
        with pytest.raises(HandoffStateError, match="rate it once ended"):
            svc.rate_handoff(s, handoff=handoff, rating=5)
        svc.end_handoff(s, handoff=handoff, by="agent:1", now=T0 + 10 * MIN)
        assert (handoff.status, handoff.ended_by, handoff.ended_at) == (
            "ended",
            "agent:1",
            T0 + 10 * MIN,
        )
        assert s.query(Conversation).one().handed_off is False
        with pytest.raises(HandoffStateError, match="cannot take a message"):
            inbound = svc.record_inbound(
                s, person=person(s), channel="telegram", platform_message_id="9", payload={}
            )
            svc.record_pilgrim_message(s, handoff=handoff, message=inbound)
        svc.rate_handoff(s, handoff=handoff, rating=4, now=T0 + 11 * MIN)
        with pytest.raises(HandoffStateError, match="already rated"):
            svc.rate_handoff(s, handoff=handoff, rating=5)
        times = svc.recent_handling_times(s, team="cleanliness")
        assert [(t.waited, t.handled) for t in times] == [(MIN, 9 * MIN)]
        _, created = svc.open_handoff(s, person=person(s), team="cleanliness", reason="asked")
        assert created  # a new chat once the last one ended


def test_chats_nobody_answered_are_found_and_abandoned(database: Database) -> None:
    waiting = _open(database, "1")
    answered = _open(database, "2")
    _claim(database, answered)
    with database.transaction() as s:
        handoff = s.get_one(Handoff, answered)
        svc.record_agent_reply(
            s,
            handoff=handoff,
            agent=svc.require_agent(s, username="amina"),
            text="hi",
            now=T0 + 20 * MIN,
        )
        stale = svc.handoffs_to_abandon(s, idle_since=T0 + 15 * MIN)
        assert [h.id for h in stale] == [waiting]
        svc.abandon_handoff(s, handoff=stale[0], now=T0 + 15 * MIN)
    with database.session() as s:
        gone = s.get_one(Handoff, waiting)
        assert (gone.status, gone.ended_by) == ("abandoned", "system")
        assert count(s, Message) == 1


def test_an_agent_sees_their_teams_open_chats_and_a_supervisor_all(database: Database) -> None:
    mine = _open(database, "1")
    with database.transaction() as s:
        team(s, "roads")
        other, _ = svc.open_handoff(s, person=person(s, "2"), team="roads", reason="agent")
        other_id = other.id
    _claim(database, mine)
    with database.transaction() as s:
        amina = svc.require_agent(s, username="amina")
        boss = agent(s, "salma", role="supervisor", team_slug=None)
        assert [h.id for h in svc.visible_chats(s, agent=amina)] == [mine]
        assert [h.id for h in svc.visible_chats(s, agent=boss)] == [other_id, mine]
        assert [h.id for h in svc.list_active(s, agent=amina)] == [mine]
