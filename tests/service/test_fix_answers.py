"""'Is it fixed?' answered in the chat: buttons, numbers in any digit script, words, mid-flow.

The question is sent by the outbox, not as a dialog reply, so these tests put
a resolved case (and its question) beside a conversation and then let the
pilgrim answer through the real conversation service, as WhatsApp delivers it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from bot.core import cases
from bot.core.conversation import ConversationService
from storage import service as store

from .conftest import Chat, keys

USER = "whatsapp:+966500000777"


def resolve_a_case(service: ConversationService, language: str = "en") -> str:
    """A case of the chat's person, resolved now: "is it fixed?" is asked."""
    settings = service.settings
    with service.database.transaction() as s:
        person = store.get_or_create_person(s, channel="whatsapp", user_id=USER, language=language)
        now = datetime.now(UTC)
        case = cases.open_case(
            s, routing=settings.routing, reporter=person, kind="report", category="waste",
            description="rubbish", channel="whatsapp", language=language, now=now,
        )  # fmt: skip
        cases.change_status(
            s, routing=settings.routing, case=case, status="resolved", actor="agent:1", now=now
        )
        return case.ticket_id


def status_of(service: ConversationService, ticket: str) -> str:
    with service.database.session() as s:
        return store.require_case(s, ticket_id=ticket).status


async def test_a_typed_number_answers_the_question_and_the_flow_goes_on(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, USER, channel="whatsapp")
    await chat.say("hello")
    assert "report-ask-category" in await chat.choose("flow:report_issue")
    ticket = resolve_a_case(service)
    said = await chat.say("١")  # "1" in Arabic-Indic digits: yes, fixed
    assert said[0] == "case-fix-thanks-yes" and ticket in chat.last[0].text
    assert said[1:] == ["report-ask-category"]  # the report is asked again where it was
    assert status_of(service, ticket) == "closed"
    assert "report-ask-description" in await chat.say("1")  # "1" is the first category again


async def test_words_answer_too_in_the_pilgrims_language(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, USER, channel="whatsapp")
    await chat.say("halo")
    ticket = resolve_a_case(service, language="id")
    assert (await chat.say("Belum"))[0] == "case-fix-thanks-no"
    with service.database.session() as s:
        case = store.require_case(s, ticket_id=ticket)
        assert (case.status, case.reopen_count) == ("reopened", 1)
        answered = [e.to_value for e in case.events if e.type == "fix_answered"]
        assert answered == ["no"]
        assert case.sla_due_at > datetime.now(UTC) + timedelta(hours=23)  # waste: 24 h again


async def test_once_the_bot_said_something_else_a_number_is_the_menus_again(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, USER, channel="whatsapp")
    await chat.say("hello")
    ticket = resolve_a_case(service)
    await chat.send(command="menu")  # the bot answers something else after the question
    assert "case-fix-thanks-no" not in await chat.say("2")
    assert status_of(service, ticket) == "resolved"
    button = await chat.choose(f"fix:no:{ticket}")  # a button press still answers it
    assert keys(chat.last)[0] == "case-fix-thanks-no" and button
    assert (await chat.choose(f"fix:yes:{ticket}"))[0] == "case-fix-too-late"


async def test_someone_elses_ticket_in_a_button_is_not_theirs_to_answer(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    ticket = resolve_a_case(service)
    stranger = Chat(service, "whatsapp:+966500000999", channel="whatsapp")
    await stranger.say("hello")
    assert "case-fix-thanks-yes" not in await stranger.choose(f"fix:yes:{ticket}")
    assert status_of(service, ticket) == "resolved"


async def test_no_answer_in_time_closes_the_case(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    ticket = resolve_a_case(service)
    hours = service.settings.fix_question.close_after_hours
    with service.database.transaction() as s:
        early = cases.close_unanswered(
            s, settings=service.settings.fix_question, now=datetime.now(UTC)
        )
        late = cases.close_unanswered(
            s,
            settings=service.settings.fix_question,
            now=datetime.now(UTC) + timedelta(hours=hours, minutes=1),
        )
    assert (early, [c.ticket_id for c in late]) == ([], [ticket])
    assert status_of(service, ticket) == "closed"


async def test_a_message_that_cannot_be_an_answer_never_reads_the_cases(
    db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    """Most typed messages are not "1", "yes" or "نعم": for them the check costs no query."""
    service = make_service(db_url)
    chat = Chat(service, USER, channel="whatsapp")
    await chat.say("hello")
    assert "report-ask-category" in await chat.choose("flow:report_issue")
    ticket = resolve_a_case(service)
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(service.database.engine, "before_cursor_execute", seen)
    try:
        await chat.say("the lamp post in front of our hotel is broken")
    finally:
        event.remove(service.database.engine, "before_cursor_execute", seen)
    assert statements  # the message itself was stored
    assert not [s for s in statements if re.search(r"\bFROM cases\b", s)]
    assert status_of(service, ticket) == "resolved"  # still waiting for its answer
