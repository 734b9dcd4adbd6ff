"""A place named in a message, through the real model and the conversation service: it
fills the report's location (as written) and routes the case to that place's
sub-municipality team; a service-point question that names a place is answered at once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from sqlalchemy import select

from bot.core.conversation import ConversationService
from bot.core.nlu_contract import NORMALISERS
from dialogs.tickets import parse_ticket
from nlu.client import NluClient
from storage.models import Case

from .conftest import Chat

pytestmark = pytest.mark.nlu

# (language, the report as typed, the place as written, the team it routes to)
REPORTS = [
    ("en", "the toilets near gate 79 are filthy, nobody cleans them", "gate 79", "ajyad"),
    ("ar", "ما فيه موية في حمامات مخيم ٥٦ منى من الصبح", "مخيم ٥٦ منى", "mashaer"),
    ("ar", "فيه زبالة متكومة بالعزيزية من يومين", "العزيزية", "aziziyah"),
    ("ur", "مکتب ۲۲ کے پاس کچرا پڑا ہے کوئی نہیں اٹھاتا", "مکتب ۲۲", "mashaer"),
    ("ur", "clock tower ke peeche kachra para hai do din se", "clock tower", "ajyad"),
    ("fa", "کنار باب ملک فهد زباله ریخته و کسی جمع نمی‌کنه", "باب ملک فهد", "ajyad"),
    (
        "id",
        "ada sampah menumpuk di dekat maktab 22 Mina sejak kemarin",
        "maktab 22 Mina",
        "mashaer",
    ),
]


@pytest.fixture
async def nlu_service(
    nlu_url: str, sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> AsyncIterator[ConversationService]:
    service = make_service(sqlite_url)
    service.nlu = NluClient(url=nlu_url, timeout=10.0, normalisers=NORMALISERS)
    yield service
    await service.nlu.aclose()


def _case(service: ConversationService, ticket: str) -> Case:
    with service.database.session() as session:
        case = session.scalars(select(Case).where(Case.ticket_id == ticket)).one()
        session.expunge(case)
        return case


@pytest.mark.parametrize(("lang", "text", "written", "team"), REPORTS)
async def test_a_named_place_fills_the_location_and_routes_the_report(
    lang: str, text: str, written: str, team: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"placed-{lang}-{team}-{len(text)}")
    nlu_service.set_language(channel="console", user_id=chat.user, language=lang)
    await chat.send(command="start")
    asked = await chat.say(text)
    if asked == ["report-ask-category"]:  # the category is not what this test is about
        asked = await chat.choose("waste")
    assert asked == ["report-ask-photo"], chat.text()  # no "where?": the message said it
    await chat.choose("skip")
    assert await chat.choose("skip") == ["report-summary"]
    assert written in chat.text()
    assert await chat.choose("confirm") == ["report-filed"]
    found = parse_ticket(chat.last[0].text)
    assert found.status == "ok"
    case = _case(nlu_service, str(found.ticket_id))
    assert (case.location_text, case.team) == (written, team)
    assert case.location_lat is None  # a named place is not a pin: no made-up coordinates


async def test_a_report_without_a_place_still_asks_and_takes_a_pin(
    nlu_service: ConversationService,
) -> None:
    chat = Chat(nlu_service, "pinned")
    nlu_service.set_language(channel="console", user_id=chat.user, language="en")
    await chat.send(command="start")
    assert await chat.say("there is garbage piling up on our street") == ["report-ask-location"]
    assert await chat.pin(21.413, 39.893) == ["report-ask-photo"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "is there an itlala desk near the Clock Tower"),
        ("ar", "وين اقرب مكتب اطلالة من باب الملك فهد"),
        ("ur", "عزیزیہ کے قریب حاضرین گاڑی کہاں ملے گی"),
    ],
)
async def test_a_service_point_question_naming_a_place_is_answered_at_once(
    lang: str, text: str, nlu_service: ConversationService
) -> None:
    chat = Chat(nlu_service, f"points-{lang}")
    nlu_service.set_language(channel="console", user_id=chat.user, language=lang)
    await chat.send(command="start")
    answer = await chat.say(text)
    assert "services-points-ask" not in answer and "services-points-unknown-place" not in answer
    assert answer[0] in {
        "services-points-open",
        "services-points-none-open",
        "services-points-mosque",
        "services-points-none",
    }, answer


async def test_a_pin_shared_instead_of_the_named_place_wins(
    nlu_service: ConversationService,
) -> None:
    chat = Chat(nlu_service, "repinned")
    nlu_service.set_language(channel="console", user_id=chat.user, language="en")
    await chat.send(command="start")
    assert await chat.say("the toilets near gate 79 are filthy, nobody cleans them") == [
        "report-ask-photo"
    ]
    await chat.choose("skip")
    assert await chat.choose("skip") == ["report-summary"]
    assert await chat.choose("edit") == ["confirm-edit-which"]
    assert await chat.choose("edit:location") == ["report-ask-location"]
    assert await chat.pin(21.406, 39.856) == ["report-summary"]  # in Aziziyah
    assert await chat.choose("confirm") == ["report-filed"]
    case = _case(nlu_service, str(parse_ticket(chat.last[0].text).ticket_id))
    assert (case.location_lat, case.location_lon, case.team) == (21.406, 39.856, "aziziyah")
    assert case.location_text is None
