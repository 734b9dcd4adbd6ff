"""Report and status, end to end through the conversation service, in all five languages.

Each transcript files a report with buttons and typed answers in the
person's language, gets a ticket, then checks it: typed with the digits that
language's speakers use (Arabic-Indic for Arabic, Persian for Persian and
Urdu). A second person checking the same number learns only the status.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from bot.core.conversation import ConversationService
from dialogs.tickets import parse_ticket

from .conftest import Chat

# What a pilgrim would type in each language: a description and a place.
TYPED = {
    "en": ("The bins on Ibrahim Al-Khalil street are overflowing", "Near Al-Hijrah hotel, Ajyad"),
    "ar": ("الحاويات ممتلئة منذ يومين في شارع إبراهيم الخليل", "قرب فندق الهجرة في أجياد"),
    "id": ("Tempat sampah di depan hotel penuh sejak kemarin", "Dekat hotel Al-Hijrah, Ajyad"),
    "ur": ("ہوٹل کے سامنے کچرا دو دن سے نہیں اٹھایا گیا", "منیٰ کیمپ نمبر ۵۱"),
    "fa": ("سطل‌های زباله جلوی هتل از دیروز پر شده است", "نزدیک هتل الهجره، اجیاد"),
}
DIGITS = {"ar": "٠١٢٣٤٥٦٧٨٩", "fa": "۰۱۲۳۴۵۶۷۸۹", "ur": "۰۱۲۳۴۵۶۷۸۹"}
SCRIPT = {
    "ar": re.compile(r"[\u0600-\u06FF]"),
    "ur": re.compile(r"[\u0600-\u06FF]"),
    "fa": re.compile(r"[\u0600-\u06FF]"),
    "en": re.compile(r"\b(?:your|ticket|report)\b", re.I),
    "id": re.compile(r"\b(?:Anda|laporan|tiket)\b", re.I),
}


def typed_ticket(ticket: str, lang: str) -> str:
    digits = ticket.removeprefix("MK-")
    table = DIGITS.get(lang)
    return digits.translate(str.maketrans("0123456789", table)) if table else f"mk {digits}"


async def file_report(chat: Chat, lang: str) -> str:
    description, place = TYPED[lang]
    await chat.send(command="start")
    assert await chat.choose("flow:report_issue") == ["report-ask-category"]
    assert await chat.choose("waste") == ["report-ask-description"]
    assert await chat.say(description) == ["report-ask-location"]
    assert await chat.say(place) == ["report-ask-photo"]
    assert await chat.choose("skip") == ["report-ask-phone"]
    assert await chat.choose("skip") == ["report-summary"]
    assert description in chat.text() and place in chat.text()
    assert await chat.choose("confirm") == ["report-filed"]
    assert [c.id for c in chat.last[0].choices] == ["flow:services_tips", "menu"]
    found = parse_ticket(chat.last[0].text)
    assert found.status == "ok", chat.last[0].text
    assert all(r.lang == lang for r in chat.last)
    assert SCRIPT[lang].search(chat.last[0].text), chat.last[0].text
    return str(found.ticket_id)


@pytest.mark.parametrize("lang", ["ar", "en", "id", "ur", "fa"])
async def test_report_then_status_in_every_language(
    lang: str, db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, f"pilgrim-{lang}")
    service.set_language(channel="console", user_id=chat.user, language=lang)
    ticket = await file_report(chat, lang)

    assert await chat.choose("flow:check_status") == ["status-ask-ticket"]
    assert await chat.say(typed_ticket(ticket, lang)) == ["status-owner", "menu-anything-else"]
    assert ticket in chat.text() and TYPED[lang][0] in chat.text()
    assert chat.last[0].rtl is (lang in ("ar", "ur", "fa"))

    stranger = Chat(service, f"stranger-{lang}")
    service.set_language(channel="console", user_id=stranger.user, language=lang)
    await stranger.choose("flow:check_status")
    assert await stranger.say(ticket) == ["status-public", "menu-anything-else"]
    assert TYPED[lang][0] not in stranger.text() and TYPED[lang][1] not in stranger.text()


@pytest.mark.parametrize("lang", ["ar", "en", "id", "ur", "fa"])
async def test_mistyped_and_unknown_tickets(
    lang: str, sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, f"typo-{lang}")
    service.set_language(channel="console", user_id=chat.user, language=lang)
    await chat.send(command="start")
    await chat.choose("flow:check_status")
    assert (await chat.say(typed_ticket("MK-1234567", lang)))[0] == "status-ticket-mistyped"
    assert await chat.say(typed_ticket("MK-1234566", lang)) == [
        "status-not-found",
        "menu-anything-else",
    ]


async def test_my_tickets_lists_what_this_person_filed(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "two-reports")
    service.set_language(channel="console", user_id=chat.user, language="ar")
    first, second = await file_report(chat, "ar"), await file_report(chat, "ar")
    assert await chat.choose("flow:my_tickets") == ["status-my-tickets"]
    labels = [c.label for c in chat.last[0].choices]
    assert any(second in label for label in labels) and any(first in label for label in labels)
    assert "بلاغان" in chat.last[0].text  # Arabic dual: two tickets


async def test_change_language_answers_in_the_new_language(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "switcher")
    service.set_language(channel="console", user_id=chat.user, language="en")
    await chat.send(command="start")
    assert await chat.choose("flow:change_language") == ["language-ask"]
    assert "language-changed" in await chat.choose("ur")
    assert {r.lang for r in chat.last} == {"ur"} and chat.last[0].rtl
    await chat.say("1")  # a digit is no evidence of a language
    assert {r.lang for r in chat.last} == {"ur"}


async def test_a_pin_shows_in_the_reporters_status_and_not_to_others(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "pinner")
    service.set_language(channel="console", user_id=chat.user, language="en")
    await chat.send(command="start")
    await chat.choose("flow:report_issue")
    await chat.choose("road_hazard")
    await chat.say("A deep hole in the road next to the bus stop")
    assert await chat.pin(21.42251, 39.82617) == ["report-ask-photo"]
    for _ in range(2):
        await chat.choose("skip")
    await chat.choose("confirm")
    ticket = str(parse_ticket(chat.last[0].text).ticket_id)
    await chat.choose("flow:check_status")
    await chat.say(ticket)
    assert "21.42251" in chat.text() and "39.82617" in chat.text()

    stranger = Chat(service, "passer-by")
    service.set_language(channel="console", user_id=stranger.user, language="en")
    await stranger.send(command="start")
    await stranger.choose("flow:check_status")
    await stranger.say(ticket)
    assert "21.42251" not in stranger.text()
