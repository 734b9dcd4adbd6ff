"""One message, handled once: redeliveries, concurrency, crashes and unreadable input."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy import func, select

from bot.core.conversation import ConversationService
from storage.models import Case, Conversation, Message

from .conftest import Chat


def count(service: ConversationService, model: type, **where: object) -> int:
    with service.database.session() as session:
        stmt = select(func.count()).select_from(model).filter_by(**where)
        return int(session.scalar(stmt) or 0)


async def test_redelivery_is_answered_with_the_stored_replies(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, "redelivered")
    first = await chat.handle("same-id", command="start")
    again = await chat.handle("same-id", command="start")
    assert not first.duplicate and again.duplicate
    assert [r.text for r in again.replies] == [r.text for r in first.replies]
    assert count(service, Message, direction="in") == 1


async def test_ten_concurrent_redeliveries_store_one_message_and_one_case(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, "racer")
    service.set_language(channel="console", user_id="racer", language="en")
    for step in ("flow:report_issue", "waste"):
        await chat.choose(step)
    for text in ("Garbage everywhere near gate 5", "Gate 5, Al-Haram"):
        await chat.say(text)
    await chat.choose("skip")
    await chat.choose("skip")
    results = await asyncio.gather(*(chat.handle("confirm-1", choice="confirm") for _ in range(10)))
    assert sum(not r.duplicate for r in results) == 1
    assert count(service, Case) == 1
    assert count(service, Message, direction="in", platform_message_id="confirm-1") == 1
    fresh = next(r for r in results if not r.duplicate)
    assert fresh.replies[0].key == "report-filed"
    # every redelivery that came after the commit got the same answer
    for r in results:
        assert r.replies in ((), fresh.replies)


async def test_messages_of_one_chat_at_once_are_handled_one_turn_at_a_time(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    """Within one process (SQLite's case; tests/processes/ does it across two on PostgreSQL):
    each turn runs on the state the previous one saved, and its replies are stored as one
    block, never between another turn's."""
    service = make_service(db_url)
    chat = Chat(service, "many-at-once")
    await chat.handle(command="start")
    results = await asyncio.gather(*(chat.handle(text=f"question {n}") for n in range(8)))
    assert not any(r.duplicate for r in results) and all(r.replies for r in results)
    with service.database.session() as session:
        messages = list(session.scalars(select(Message).order_by(Message.id)))
        version = session.scalar(select(Conversation.version))
    inbound = [m.id for m in messages if m.direction == "in"]
    assert len(inbound) == 9
    assert version == 1 + len(inbound)  # nine saves, each on the one before: none lost
    blocks: list[int | None] = []
    for m in messages:
        if m.direction == "out" and (not blocks or blocks[-1] != m.in_reply_to_id):
            blocks.append(m.in_reply_to_id)
    assert sorted(b or 0 for b in blocks) == inbound


async def test_unsupported_messages_get_a_clear_answer_and_keep_the_dialog(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "sticker-fan")
    service.set_language(channel="console", user_id=chat.user, language="id")
    await chat.choose("flow:report_issue")
    assert [r.key for r in await chat.send(unsupported="sticker")] == ["unsupported-message"]
    assert [r.key for r in await chat.send(unsupported="media_too_large")] == ["media-too-large"]
    assert "10 MB" in chat.text()
    # still at the category question
    assert await chat.choose("waste") == ["report-ask-description"]


async def test_free_text_without_nlu_points_to_the_menu(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "typist")
    service.set_language(channel="console", user_id=chat.user, language="en")
    assert await chat.say("where do I complain about rubbish?") == [
        "menu-welcome",
        "please-use-menu",
    ]
    assert any(c.id == "flow:report_issue" for c in chat.last[-1].choices)


async def test_first_message_sets_the_language_from_the_text(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "new-person")
    await chat.send(text="السلام عليكم، أريد تقديم بلاغ عن النفايات")
    assert {r.lang for r in chat.last} == {"ar"}
    urdu = Chat(service, "urdu-person")
    await urdu.send(text="mujhe shikayat darj karwani hai", locale_hint="en")
    assert {r.lang for r in urdu.last} == {"ur"}
