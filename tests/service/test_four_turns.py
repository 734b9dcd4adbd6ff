"""A pilgrim's report in four turns, and the conversation around it, through the real model.

The conversation service as `labbaik chat` builds it, the real trained Rasa
model (`nlu_url`) and a real database. Each first message says what and where,
as pilgrims wrote them in the web chat; the bot must fill the category, the
description and the place from it, take the short answers of each language
("no photo", "ما عندي صورة", "gak ada foto", "عکس ندارم", "تمام ارسله") and a phone
number inside a sentence, and reach a ticket in at most four turns.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import pytest

from bot.core.conversation import ConversationService
from dialogs.tickets import parse_ticket
from nlu.client import NluClient

from .conftest import Chat

pytestmark = pytest.mark.nlu

# (language, first message, its category, the place it names)
FIRST = [
    ("en", "garbage piled near our hotel in Aziziyah since yesterday", "waste", "Aziziyah"),
    (
        "en",
        "there is a sewage leak in the street next to our building in Misfalah",
        "water_sewage",
        "Misfalah",
    ),
    ("ar", "في زبالة متكومة جنب الفندق في العزيزية من امس", "waste", "العزيزية"),
    ("ar", "مجاري طافحة في شارعنا بالمسفلة", "water_sewage", "المسفلة"),
    ("id", "ada sampah menumpuk dekat hotel kami di Aziziyah sejak kemarin", "waste", "Aziziyah"),
    ("id", "lampu jalan mati di depan hotel kami di Misfalah", "street_lighting", "Misfalah"),
    ("ur", "ہمارے ہوٹل کے پاس عزیزیہ میں کل سے کچرا پڑا ہے", "waste", "عزیزیہ"),
    ("ur", "hamare hotel ke paas aziziyah mein kal se kachra para hai", "waste", "aziziyah"),
    ("fa", "کنار هتلمان در مسفله فاضلاب راه افتاده", "water_sewage", "مسفله"),
    ("fa", "چراغ‌های خیابان جلوی هتل ما در عزیزیه خاموش است", "street_lighting", "عزیزیه"),
]
# what each language types to leave the photo out, to give (or not) a phone, to send it
NO_PHOTO = {
    "en": "no photo",
    "ar": "ما عندي صورة",
    "id": "gak ada foto",
    "ur": "nahi",
    "fa": "عکس ندارم",
}
PHONE = {
    "en": "my number is 055 123 4567",
    "ar": "رقمي ٠٥٥١٢٣٤٥٦٧",
    "id": "nomor saya 0551234567",
    "ur": "mera number 0551234567 hai",
    "fa": "شماره‌ام ۰۵۵۱۲۳۴۵۶۷ است",
}
NO_PHONE = {
    "en": "no thanks",
    "ar": "لا شكرا",
    "id": "tidak usah",
    "ur": "chor do",
    "fa": "نه ممنون",
}
SEND = {
    "en": "yes send it",
    "ar": "تمام ارسله",
    "id": "iya kirim",
    "ur": "جی بھیج دیں",
    "fa": "آره بفرست",
}


@pytest.fixture
async def nlu_service(
    nlu_url: str, sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> AsyncIterator[ConversationService]:
    service = make_service(sqlite_url)
    service.nlu = NluClient(url=nlu_url, timeout=10.0)
    yield service
    await service.nlu.aclose()


@pytest.mark.parametrize(("lang", "first", "category", "place"), FIRST)
async def test_a_report_that_says_what_and_where_takes_four_turns(
    lang: str, first: str, category: str, place: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"four-{lang}-{category}-{len(first)}")
    with_phone = len(first) % 2 == 0  # half the cases give a number in a sentence
    turns = [
        (first, ["report-ask-photo"]),
        (NO_PHOTO[lang], ["report-ask-phone"]),
        (PHONE[lang] if with_phone else NO_PHONE[lang], ["report-summary"]),
        (SEND[lang], ["report-filed"]),
    ]
    for i, (text, expected) in enumerate(turns):
        got = [k for k in await chat.say(text) if k != "menu-welcome"]
        assert got == expected, f"turn {i + 1} {text!r}: {got}"
        assert {r.lang for r in chat.last} == {lang}
        if expected == ["report-summary"]:
            summary = chat.text()
            label = nlu_service.render(lang, f"category-{category.replace('_', '-')}")
            assert label in summary and place in summary and first in summary
            assert ("0551234567" in summary) is with_phone
    assert parse_ticket(chat.text()).status == "ok"


async def test_a_place_named_later_fills_the_place_too(nlu_service: ConversationService) -> None:
    chat = Chat(nlu_service, "later-place")
    await chat.send(command="start")
    await chat.choose("flow:report_issue")
    await chat.choose("waste")
    assert await chat.say("the bins are overflowing near the Jamarat bridge") == [
        "report-ask-photo"
    ]


# ---------------------------------------------------------------- words at every optional step


@pytest.mark.parametrize(
    ("lang", "skip"),
    [
        ("en", "no photo"),
        ("ar", "ما عندي صورة"),
        ("ar", "ماعندي"),
        ("id", "gak ada foto"),
        ("id", "nggak ada"),
        ("ur", "nahi"),
        ("ur", "chor do"),
        ("ur", "تصویر نہیں ہے"),
        ("fa", "عکس ندارم"),
        ("fa", "نه"),
    ],
)
async def test_skip_words_at_the_photo_question(
    lang: str, skip: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"skip-{lang}-{len(skip)}")
    await chat.send(command="start")
    first = next(f for code, f, _, _ in FIRST if code == lang)
    await chat.say(first)
    assert await chat.say(skip) == ["report-ask-phone"]


# ---------------------------------------------------------------- drafts kept


MENU_WORD = {"en": "menu", "ar": "القائمة", "id": "menu", "ur": "مینو", "fa": "منو"}


@pytest.mark.parametrize("lang", ["en", "ar", "id", "ur", "fa"])
async def test_the_menu_mid_report_keeps_the_draft_and_offers_it_back(
    lang: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"draft-{lang}")
    await chat.send(command="start")
    first = next(f for code, f, _, _ in FIRST if code == lang)
    await chat.say(first)
    assert await chat.say(MENU_WORD[lang]) == ["menu-prompt"]
    assert chat.last[0].choices[0].id == "resume"  # "↩ Continue my report" first
    # a question meanwhile: the language picker, then back to the report
    assert await chat.send(command="language") is not None
    replies = await chat.send(choice=lang)
    assert [r.key for r in replies] == ["language-changed", "report-draft-offer"]
    label = nlu_service.render(lang, "choice-resume")
    assert [c.label for c in replies[-1].choices][0] == label
    assert await chat.choose("resume") == ["draft-resumed", "report-ask-photo"]
    await chat.say(NO_PHOTO[lang])
    await chat.say(NO_PHONE[lang])
    assert first in chat.text()  # the summary still has what they said


# ---------------------------------------------------------------- the NLU down


async def test_a_slow_or_down_nlu_is_said_as_such(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    service.nlu = NluClient(url="http://127.0.0.1:9", timeout=0.5)  # nothing answers there
    chat = Chat(service, "nlu-down")
    await chat.send(command="start")
    await chat.choose("flow:report_issue")
    assert await chat.say("the big bins at the corner") == ["nlu-slow", "report-ask-category"]
    assert "please-choose" not in [r.key for r in chat.last]
    assert await chat.choose("waste") == ["report-ask-description"]  # the buttons still work
    await service.nlu.aclose()


# ---------------------------------------------------------------- ambiguity in the conversation


async def test_talking_about_a_report_already_made_answers_with_its_ticket(
    nlu_service: ConversationService,
) -> None:
    chat = Chat(nlu_service, "follow-up")
    await chat.send(command="start")
    await chat.say("garbage piled near our hotel in Aziziyah since yesterday")
    await chat.say("no photo")
    await chat.say("no thanks")
    await chat.say("yes send it")
    ticket = str(parse_ticket(chat.text()).ticket_id)
    # asking about it (check_status, no number, one ticket on file): its status at once
    asked = await chat.say("I reported the garbage yesterday, has anyone looked at it?")
    assert asked == ["status-owner", "menu-anything-else"]
    assert ticket in chat.text()
    # reporting the same kind of problem again: is it that ticket, or a new problem?
    again = "there is garbage near our hotel again"
    assert await chat.say(again) == ["recall-which"]
    assert ticket in chat.text()
    ids = [c.id for c in chat.last[0].choices]
    assert await chat.choose(ids[0]) == ["status-owner", "menu-anything-else"]  # its status
    assert ticket in chat.text()
    # or it is a new problem: the report starts with what they said
    await chat.say(again)
    new_problem = nlu_service.render("en", "choice-new-problem")
    new = next(c.id for c in chat.last[0].choices if c.label == new_problem)
    assert await chat.choose(new) == ["report-ask-location"]


async def test_asking_about_my_report_with_one_on_file_shows_it(
    nlu_service: ConversationService,
) -> None:
    chat = Chat(nlu_service, "one-ticket")
    await chat.send(command="start")
    await chat.say("there is a sewage leak in the street next to our building in Misfalah")
    for text in ("no photo", "no thanks", "yes send it"):
        await chat.say(text)
    ticket = str(parse_ticket(chat.text()).ticket_id)
    assert await chat.say("is my complaint solved?") == ["status-owner", "menu-anything-else"]
    assert ticket in chat.text()


async def test_a_report_category_never_starts_mutmainnun_unasked(
    nlu_service: ConversationService,
) -> None:
    chat = Chat(nlu_service, "doubt")
    await chat.send(command="start")
    text = (
        "my father is in prison, I need someone to do his paperwork, "
        "and there is garbage at our door"
    )
    assert await chat.say(text) == ["meant-which"]
    labels = [c.label for c in chat.last[-1].choices]
    expected = [nlu_service.render("en", k) for k in ("menu-report", "services-mutmainnun")]
    assert labels[:2] == expected
    report = chat.last[-1].choices[0].id
    assert await chat.choose(report) == ["report-ask-location"]  # with what they said


async def test_two_close_intents_are_asked_about(nlu_service: ConversationService) -> None:
    chat = Chat(nlu_service, "close")
    await chat.send(command="start")
    assert await chat.say("my grandmother can't walk and there is garbage outside her house") == [
        "meant-which"
    ]
    assert len(chat.last[0].choices) == 3  # A, B and the menu


# ---------------------------------------------------------------- service points, by name

GRAND_MOSQUE = {
    "en": "when does the Itlala desk at the Grand Mosque open today?",
    "ar": "متى يفتح موقع إطلالة في الحرم اليوم؟",
    "id": "jam berapa posko Itlala di Masjidil Haram buka hari ini?",
    "ur": "حرم میں اطلالہ کاؤنٹر آج کب کھلے گا؟",
    "fa": "غرفهٔ اطلاله در مسجدالحرام امروز کی باز می‌شود؟",
}


@pytest.mark.parametrize("lang", sorted(GRAND_MOSQUE))
async def test_hours_at_the_grand_mosque_are_answered_at_once(
    lang: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"haram-{lang}")
    nlu_service.set_language(channel="console", user_id=chat.user, language=lang)
    await chat.send(command="start")
    assert await chat.say(GRAND_MOSQUE[lang]) == ["services-points-mosque"]
    reply = chat.last[0]
    assert nlu_service.render(lang, "place-itlala-masjid-al-jinn") in reply.text
    assert re.search(r"1[.,][01]", reply.text)  # from the Grand Mosque itself, about 1 km
    assert reply.links and reply.links[0].url.startswith("https://")
    assert "https://" not in reply.text  # the map is a link, not inside the text


# ---------------------------------------------------------------- the consultant, through the model

CONSULTANT = [
    ("en", "what are the technical requirements for a food shop?", "kb-shop-food"),
    (
        "en",
        "which engineering-office category may design a four-floor building?",
        "kb-eng-categories",
    ),
]


@pytest.mark.parametrize(("lang", "question", "answer"), CONSULTANT)
async def test_a_specific_consultant_question_gets_its_answer(
    lang: str, question: str, answer: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"kb-{len(question)}")
    nlu_service.set_language(channel="console", user_id=chat.user, language=lang)
    await chat.send(command="start")
    assert await chat.say(question) == ["kb-text", "kb-more"]
    assert chat.last[0].text == nlu_service.render(lang, answer)


# ---------------------------------------------------------------- greetings

GREETINGS = [
    ("Assalamu alaikum", "greet-reply"),
    ("السلام عليكم ورحمة الله", "greet-reply"),
    ("assalamualaikum kak", "greet-reply"),
    ("hello", "greet-reply-hello"),
    ("hi there, good morning", "greet-reply-hello"),
    ("مرحبا", "greet-reply-hello"),
]


@pytest.mark.parametrize(("text", "reply"), GREETINGS)
async def test_wa_alaikum_assalam_only_answers_a_salam(
    text: str, reply: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"greet-{len(text)}-{reply}")
    await chat.send(command="start")
    assert (await chat.say(text))[0] == reply
