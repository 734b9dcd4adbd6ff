"""Free text through the real trained Rasa model: flows start, slots fill, in five languages.

The NLU server is the real one (`nlu_url`, started once per session with the
current model). Each case is what a pilgrim would actually type; the test
checks what the bot does with it, not the model's numbers (those are in
`labbaik nlu evaluate`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from bot.core.conversation import ConversationService
from nlu.client import NluClient

from .conftest import Chat
from .test_transcripts import TYPED, file_report

pytestmark = pytest.mark.nlu

# (language, what they type, the category it names)
REPORTS = [
    ("en", "there is garbage piling up near my hotel in Aziziyah", "waste"),
    ("ar", "في نفايات متراكمة جنب الفندق من يومين", "waste"),
    ("ar", "ريحة مجاري طافحة في الشارع", "water_sewage"),
    ("id", "ada sampah menumpuk di dekat hotel saya", "waste"),
    ("ur", "ہوٹل کے پاس کچرا جمع ہو رہا ہے", "waste"),
    ("ur", "gali mein gutter ka pani beh raha hai", "water_sewage"),
    ("fa", "کنار هتل زباله جمع شده", "waste"),
]
STATUS = {
    "en": "what is the status of {ticket}",
    "ar": "وش صار على بلاغي {ticket}",
    "id": "bagaimana status laporan saya {ticket}",
    "ur": "meri shikayat {ticket} ka kya bana",
    "fa": "وضعیت شکایتم {ticket} چی شد",
}


@pytest.fixture
async def nlu_service(
    nlu_url: str, sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> AsyncIterator[ConversationService]:
    service = make_service(sqlite_url)
    service.nlu = NluClient(url=nlu_url, timeout=10.0)
    yield service
    await service.nlu.aclose()


@pytest.mark.parametrize(("lang", "text", "category"), REPORTS)
async def test_a_typed_report_starts_the_flow_and_skips_the_category(
    lang: str, text: str, category: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"typed-{lang}-{category}")
    await chat.send(command="start")
    # what they typed is the description too; a place in it answers "where?" as well
    asked = await chat.say(text)
    assert asked in (["report-ask-location"], ["report-ask-photo"])
    assert {r.lang for r in chat.last} == {lang}
    if asked == ["report-ask-location"]:
        await chat.say(TYPED[lang][1])
    await chat.choose("skip")
    await chat.choose("skip")
    summary = chat.text()
    assert text in summary
    assert {r.lang for r in chat.last} == {lang}  # still the person's language
    category_label = nlu_service.render(lang, f"category-{category.replace('_', '-')}")
    assert category_label in summary


@pytest.mark.parametrize("lang", list(STATUS))
async def test_status_asked_in_words_with_the_number_answers_at_once(
    lang: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"asker-{lang}")
    nlu_service.set_language(channel="console", user_id=chat.user, language=lang)
    ticket = await file_report(chat, lang)
    assert (await chat.say(STATUS[lang].format(ticket=ticket)))[0] == "status-owner"
    assert ticket in chat.text()


async def test_two_misunderstood_messages_offer_a_person(nlu_service: ConversationService) -> None:
    chat = Chat(nlu_service, "confused")
    nlu_service.set_language(channel="console", user_id=chat.user, language="en")
    await chat.send(command="start")
    first = await chat.say("qwz vbnm xkcd")
    second = await chat.say("zzq plok wuv")
    assert first != second
    assert any(c.id == "flow:human_agent_missed" for r in chat.last for c in r.choices), chat.text()


async def test_when_the_nlu_is_down_menus_still_work(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    service.nlu = NluClient(url="http://127.0.0.1:9", timeout=0.5)  # nothing listens there
    chat = Chat(service, "offline")
    service.set_language(channel="console", user_id=chat.user, language="ar")
    await chat.send(command="start")
    assert await chat.say("أبغى أبلغ عن نفايات") == ["please-use-menu"]
    assert await chat.choose("flow:report_issue") == ["report-ask-category"]
    await service.nlu.aclose()
