"""The desk's other chat actions: a claim race, taking over from a case, transfers, follow-ups.

On SQLite and PostgreSQL, through the desk's chat API and the real outbox.
"""

from __future__ import annotations

import asyncio

import pytest
from handoff_kit import Desk, Pilgrim, deliver

from bot.core.runtime import Runtime
from bot.handoff.chats import Chats
from dialogs.tickets import make_ticket_id
from storage import service as store
from storage.errors import HandoffTaken, NotPermitted
from storage.models import Person


async def _waiting(runtime: Runtime, user: str, lang: str = "en") -> tuple[Pilgrim, int]:
    pilgrim = Pilgrim(runtime, user)
    await pilgrim.start(lang)
    await pilgrim.send(choice="flow:human_agent")
    chat = pilgrim.chat()
    assert chat is not None and chat.status == "waiting"
    return pilgrim, chat.id


async def test_of_two_agents_racing_to_claim_exactly_one_wins(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina, omar = desk.agent("amina"), desk.agent("omar")
    pilgrim, chat_id = await _waiting(runtime, "browser-race-0000000001")
    results = await asyncio.gather(
        chats.claim(agent_id=amina, chat_id=chat_id),
        chats.claim(agent_id=omar, chat_id=chat_id),
        return_exceptions=True,
    )
    won = [r for r in results if not isinstance(r, BaseException)]
    lost = [r for r in results if isinstance(r, BaseException)]
    assert len(won) == 1 and len(lost) == 1 and isinstance(lost[0], HandoffTaken)
    winner = won[0].chat.agent_id
    await deliver(runtime)
    joined = [m for m in pilgrim.received() if m["key"] == "handoff-joined"]
    assert len(joined) == 1  # the pilgrim is told once, of the one who won
    name = "Amina" if winner == amina else "Omar"
    assert name in joined[0]["text"]
    with runtime.service.database.session() as s:
        audit = store.list_audit(s, filter=store.AuditFilter(action="handoff.claim")).rows
    assert [a.agent_id for a in audit] == [winner]  # the loser's transaction left nothing


async def test_an_agent_takes_over_the_chat_of_a_case(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    desk.team("ajyad", languages=())
    hamza = desk.agent("hamza", team="ajyad", desk_language="en")
    pilgrim = Pilgrim(runtime, "browser-case-0000000001")
    await pilgrim.start("id")
    with runtime.service.database.transaction() as s:
        person = store.find_person(s, channel="webchat", user_id=pilgrim.user)
        assert isinstance(person, Person)
        case = store.create_case(
            s,
            reporter=person,
            kind="report",
            category="waste",
            description="Sampah menumpuk di depan hotel",
            channel="webchat",
            language="id",
            team="ajyad",
            new_ticket_id=make_ticket_id,
        )
        ticket = case.ticket_id
    view = await chats.take_over(agent_id=hamza, ticket_id=ticket.lower().replace("-", " "))
    assert (view.chat.status, view.chat.reason, view.chat.team) == ("with_agent", "agent", "ajyad")
    assert view.chat.ticket_id == ticket and view.yours
    await deliver(runtime)
    told = pilgrim.received()[-1]
    assert told["key"] == "handoff-joined-case" and ticket in told["text"]
    assert await pilgrim.send(text="Terima kasih, sampahnya masih ada") == []  # bot silent
    again = await chats.take_over(agent_id=hamza, ticket_id=ticket)  # idempotent for the holder
    assert again.chat.id == view.chat.id
    other = desk.agent("yusuf", team="ajyad")
    with pytest.raises(HandoffTaken):
        await chats.take_over(agent_id=other, ticket_id=ticket)


async def test_a_chat_is_transferred_to_a_colleague_and_to_another_team(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina, sara = desk.agent("amina"), desk.agent("sara")
    desk.team("wajibna")
    nadia = desk.agent("nadia", team="wajibna")
    pilgrim, chat_id = await _waiting(runtime, "browser-move-0000000001", "ar")
    await chats.claim(agent_id=amina, chat_id=chat_id)
    moved = await chats.transfer(agent_id=amina, chat_id=chat_id, to_agent_id=sara)
    assert moved.chat.agent_id == sara and not moved.yours
    with pytest.raises(NotPermitted):  # Amina no longer holds it
        await chats.reply(agent_id=amina, chat_id=chat_id, text="...")
    await chats.transfer(agent_id=sara, chat_id=chat_id, to_team="wajibna")
    [waiting] = await chats.list_open(agent_id=nadia)
    assert (waiting.id, waiting.status, waiting.team) == (chat_id, "waiting", "wajibna")
    assert await chats.list_open(agent_id=amina) == []  # no longer her team's
    await chats.claim(agent_id=nadia, chat_id=chat_id)
    await deliver(runtime)
    keys = [m["key"] for m in pilgrim.received()]
    assert keys[-4:] == [
        "handoff-joined",
        "handoff-joined",
        "handoff-transferred",
        "handoff-joined",
    ]


async def test_an_abandoned_chat_is_listed_for_a_follow_up_and_can_be_taken_over(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina")
    pilgrim, chat_id = await _waiting(runtime, "browser-later-000000001")
    await pilgrim.send(text="Where is the nearest Itlala desk?")
    await chats.claim(agent_id=amina, chat_id=chat_id)
    await chats.end(agent_id=amina, chat_id=chat_id)
    [closed] = await chats.list_closed(agent_id=amina)
    assert closed.id == chat_id and closed.status == "ended"
    view = await chats.take_over(agent_id=amina, chat_id=chat_id)
    assert view.chat.id != chat_id and view.chat.status == "with_agent"
    assert any(line.text == "Where is the nearest Itlala desk?" for line in view.lines)


async def test_a_supervisor_sees_every_team_and_may_end_any_chat(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina")
    boss = desk.agent("layla", team=None, role="supervisor", desk_language="en")
    _, chat_id = await _waiting(runtime, "browser-boss-0000000001")
    await chats.claim(agent_id=amina, chat_id=chat_id)
    [active] = await chats.list_open(agent_id=boss)
    assert active.agent_name == "Amina"
    ended = await chats.end(agent_id=boss, chat_id=chat_id)
    assert ended.chat.status == "ended"


async def test_messages_arriving_while_the_agent_ends_the_chat_are_each_handled_once(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina")
    pilgrim, chat_id = await _waiting(runtime, "browser-ending-000000001")
    await chats.claim(agent_id=amina, chat_id=chat_id)
    texts = [f"one more thing, number {n}" for n in range(6)]
    results = await asyncio.gather(
        chats.end(agent_id=amina, chat_id=chat_id),
        *(pilgrim.handle(text=t) for t in texts),
    )
    assert results[0].chat.status == "ended"
    with runtime.service.database.session() as s:
        stored = [
            m
            for m in store.recent_messages(
                s, person=store.find_person(s, channel="webchat", user_id=pilgrim.user), limit=100
            )
            if m.direction == "in" and m.payload.get("text") in texts
        ]
    assert sorted(m.payload["text"] for m in stored) == sorted(texts)  # none lost, none twice
    for message, result in zip(texts, results[1:], strict=True):
        in_chat = next(m for m in stored if m.payload["text"] == message).handoff_id == chat_id
        assert in_chat != bool(result.replies)  # the agent got it, or the bot answered it
