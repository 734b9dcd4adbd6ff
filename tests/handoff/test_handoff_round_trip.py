"""A pilgrim and an agent hold a conversation: ask, queue, claim, both ways, canned, end, rating.

The pilgrim writes through the real conversation service (as the web chat
does); the agent works through the desk's chat API (`Chats`); what the agent
sends reaches the pilgrim through the real outbox worker and the web chat's
real sender. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from handoff_kit import (
    JPEG,
    Clock,
    Desk,
    Pilgrim,
    chat_messages,
    deliver,
    handoff_settings,
    make_runtime,
)

from bot.core.runtime import Runtime
from bot.handoff.chats import Chats, UnknownCannedReply
from dialogs.model import Location
from storage import service as store
from storage.errors import HandoffNotFound, HandoffStateError, NotPermitted

URDU_QUESTION = "میرے ہوٹل کے باہر کچرا پڑا ہے، کوئی اٹھانے نہیں آیا"
ARABIC_REPLY = "وعليكم السلام، سأحيل البلاغ إلى فريق النظافة الآن."


def render(runtime: Runtime, lang: str, key: str, **args: object) -> str:
    return runtime.service.render(lang, key, args)


async def test_a_pilgrim_and_an_agent_hold_a_conversation_and_the_bot_stays_silent(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    desk.team("customer_service", languages=("ar", "en", "id", "ur"))
    amina = desk.agent("amina", desk_language="ar")
    pilgrim = Pilgrim(runtime, "browser-0000000000000001")
    await pilgrim.start("ur")

    # the menu's "Talk to a person": the queue, honestly, with the place and the wait
    assert await pilgrim.send(choice="flow:human_agent") == ["handoff-queued"]
    pilgrim_queued = render(runtime, "ur", "handoff-queued", position=1, minutes=6)
    assert pilgrim.last[0].text == pilgrim_queued
    assert [c.id for c in pilgrim.last[0].choices] == ["cancel"]
    # while waiting the bot says nothing; the message is kept for the agent
    assert await pilgrim.send(text=URDU_QUESTION) == []

    [waiting] = await chats.list_open(agent_id=amina)
    assert (waiting.status, waiting.position, waiting.language) == ("waiting", 1, "ur")
    assert waiting.reason == "asked" and waiting.channel == "webchat"
    view = await chats.claim(agent_id=amina, chat_id=waiting.id)
    assert view.yours and view.languages_differ and view.chat.agent_name == "Amina"
    assert [line.text for line in view.lines if line.sender == "pilgrim" and line.in_chat] == [
        URDU_QUESTION
    ]
    await deliver(runtime)
    assert pilgrim.received()[-1]["text"] == render(runtime, "ur", "handoff-joined", agent="Amina")

    # a photo and a location go to the agent; the bot stays silent
    photo = runtime.media.store(JPEG, channel="webchat")
    assert await pilgrim.send(media=photo) == []
    assert await pilgrim.send(location=Location(21.4225, 39.8262)) == []

    await chats.reply(agent_id=amina, chat_id=waiting.id, text=ARABIC_REPLY)
    await chats.send_canned(agent_id=amina, chat_id=waiting.id, name="/location")
    await deliver(runtime)
    received = [m["text"] for m in pilgrim.received()]
    assert received[-2:] == [ARABIC_REPLY, render(runtime, "ur", "canned-location")]
    assert len(received) == len(set(received))  # each once: the web chat marks, never copies

    view = await chats.get(agent_id=amina, chat_id=waiting.id)
    during = [(line.sender, line.kind) for line in view.lines if line.in_chat]
    assert during == [
        ("pilgrim", "text"),
        ("bot", "notice"),  # "Amina joined"
        ("pilgrim", "photo"),
        ("pilgrim", "location"),
        ("agent", "text"),
        ("agent", "text"),
    ]
    photo_line, canned = view.lines[-4], view.lines[-1]
    assert photo_line.media is not None and photo_line.media["ref"] == photo.ref
    assert canned.canned == "location" and canned.delivery == "sent"
    assert canned.translations["ar"] == render(runtime, "ar", "canned-location")  # Amina's view
    before = [line for line in view.lines if not line.in_chat]  # the conversation before it
    assert before[-1].sender == "bot" and before[-1].text == pilgrim_queued

    await chats.end(agent_id=amina, chat_id=waiting.id)
    await deliver(runtime)
    asked = pilgrim.received()[-1]
    assert asked["key"] == "handoff-ask-rating" and asked["lang"] == "ur"
    assert [c["id"] for c in asked["choices"]] == ["r5", "r4", "r3", "r2", "r1", "cancel"]
    # the bot is back: the rating is a normal question of the dialog
    assert await pilgrim.send(choice="r4") == ["handoff-rating-thanks", "menu-anything-else"]
    chat = pilgrim.chat()
    assert chat is not None and (chat.status, chat.rating, chat.ended_by) == (
        "ended",
        4,
        f"agent:{amina}",
    )
    assert await pilgrim.send(text="hello") != []  # the bot answers again


async def test_nobody_signed_in_means_the_message_is_kept_and_940_given(
    runtime: Runtime, desk: Desk
) -> None:
    desk.team("customer_service", languages=("ar", "en"))
    desk.agent("omar", signed_in=False)  # an account, but nobody at the desk
    pilgrim = Pilgrim(runtime, "browser-0000000000000002")
    await pilgrim.start("en")
    assert await pilgrim.send(command="human") == ["handoff-nobody"]
    assert pilgrim.last[0].text == render(runtime, "en", "handoff-nobody", hotline="940")
    assert "kept" in pilgrim.last[0].text and "940" in pilgrim.last[0].text
    assert await pilgrim.send(text="Is the Ajyad desk open tonight?") == []
    chat = pilgrim.chat()
    assert chat is not None and chat.status == "waiting"  # kept, in the queue


async def test_outside_working_hours_says_when_chats_open_again(
    db_url: str, tmp_path: Path
) -> None:
    # Monday 1 June 2026, 02:00 in Makkah; chats from 08:00 to 23:00
    clock = Clock(datetime(2026, 5, 31, 23, 0, tzinfo=UTC))
    hours = {"handoff.hours.opens": "08:00", "handoff.hours.closes": "23:00"}
    runtime = make_runtime(handoff_settings(db_url, tmp_path, **hours), clock)
    try:
        desk = Desk(runtime, clock)
        desk.agent("amina")  # signed in, but it is night
        pilgrim = Pilgrim(runtime, "browser-0000000000000003")
        await pilgrim.start("ar")
        assert await pilgrim.send(choice="flow:human_agent") == ["handoff-closed"]
        expected = render(
            runtime, "ar", "handoff-closed", opens="08:00", when="today", weekday="", hotline="940"
        )
        assert pilgrim.last[0].text == expected
    finally:
        runtime.service.database.dispose()


async def test_cancel_while_waiting_leaves_the_queue_and_says_so(
    runtime: Runtime, desk: Desk
) -> None:
    desk.agent("amina")
    pilgrim = Pilgrim(runtime, "browser-0000000000000004")
    await pilgrim.start("ur")
    await pilgrim.send(choice="flow:human_agent")
    assert await pilgrim.send(text="منسوخ کریں") == ["handoff-left-queue", "menu-prompt"]
    chat = pilgrim.chat()
    assert chat is not None and chat.status == "ended" and chat.ended_by.startswith("person:")
    assert await pilgrim.send(text="1") != []  # the menu's first choice: the bot again


async def test_a_second_chat_waits_behind_the_first(runtime: Runtime, desk: Desk) -> None:
    desk.team("customer_service", languages=("en",))
    desk.agent("amina")
    first, second = (Pilgrim(runtime, f"browser-00000000000001{n}") for n in (1, 2))
    for p in (first, second):
        await p.start("en")
        await p.send(choice="flow:human_agent")
    assert second.last[0].text == render(runtime, "en", "handoff-queued", position=2, minutes=12)


async def test_another_teams_agent_can_neither_read_nor_answer_the_chat(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina")
    outsider = desk.agent("khalid", team="ajyad")
    pilgrim = Pilgrim(runtime, "browser-0000000000000005")
    await pilgrim.start("ar")
    await pilgrim.send(choice="flow:human_agent")
    chat = pilgrim.chat()
    assert chat is not None
    assert await chats.list_open(agent_id=outsider) == []
    for attempt in (
        chats.get(agent_id=outsider, chat_id=chat.id),
        chats.claim(agent_id=outsider, chat_id=chat.id),
        chats.reply(agent_id=outsider, chat_id=chat.id, text="hello"),
        chats.end(agent_id=outsider, chat_id=chat.id),
    ):
        with pytest.raises(HandoffNotFound) as refused:
            await attempt
        assert str(refused.value) == str(HandoffNotFound(chat.id))  # as if there were none
    await chats.claim(agent_id=amina, chat_id=chat.id)
    colleague = desk.agent("sara")
    with pytest.raises(NotPermitted):
        await chats.reply(agent_id=colleague, chat_id=chat.id, text="I'll take it")
    with pytest.raises(NotPermitted):
        await chats.end(agent_id=colleague, chat_id=chat.id)
    with pytest.raises(UnknownCannedReply):
        await chats.send_canned(agent_id=amina, chat_id=chat.id, name="no-such-reply")
    await chats.end(agent_id=amina, chat_id=chat.id)
    with pytest.raises(NotPermitted):  # the chat is over: nobody holds it
        await chats.reply(agent_id=amina, chat_id=chat.id, text="one more thing")
    with pytest.raises(HandoffStateError):
        await chats.end(agent_id=amina, chat_id=chat.id)


async def test_every_agent_action_is_audited_without_personal_data(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina")
    pilgrim = Pilgrim(runtime, "browser-0000000000000006")
    await pilgrim.start("ar")
    await pilgrim.send(choice="flow:human_agent")
    chat = pilgrim.chat()
    assert chat is not None
    await chats.claim(agent_id=amina, chat_id=chat.id, client_address="10.0.0.7")
    await chats.reply(agent_id=amina, chat_id=chat.id, text="My phone is 0501234567")
    await chats.send_canned(agent_id=amina, chat_id=chat.id, name="greeting")
    await chats.end(agent_id=amina, chat_id=chat.id)
    with runtime.service.database.session() as s:
        rows = list(
            reversed(store.list_audit(s, filter=store.AuditFilter(object_type="handoff")).rows)
        )
        actions = [(r.action, r.agent_id, r.object_id, r.client_address) for r in rows]
        details = [r.detail for r in rows]
    assert actions == [
        ("handoff.claim", amina, str(chat.id), "10.0.0.7"),
        ("handoff.reply", amina, str(chat.id), None),
        ("handoff.canned", amina, str(chat.id), None),
        ("handoff.end", amina, str(chat.id), None),
    ]
    assert "0501234567" not in str(details)
    assert all(m.handoff_id == chat.id for m in chat_messages(runtime, chat.id))


async def test_not_helpful_after_a_consultant_answer_is_a_flows_handoff_step(
    runtime: Runtime, desk: Desk
) -> None:
    desk.agent("amina")
    pilgrim = Pilgrim(runtime, "browser-0000000000000008")
    await pilgrim.start("id")
    feedback = "flow:services_kb_feedback?helpful=no&entry=build-permit"
    assert await pilgrim.send(choice=feedback) == ["kb-sorry"]
    person = [c.id for c in pilgrim.last[0].choices]
    assert person[0] == "flow:services_kb_person"
    assert await pilgrim.send(choice=person[0]) == ["handoff-queued"]
    chat = pilgrim.chat()
    assert chat is not None and (chat.reason, chat.language) == ("flow", "id")
