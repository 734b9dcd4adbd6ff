"""Daily awareness tips: subscribe in the chat, stop with one word, queued once a day."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.app.run import queue_daily_tips
from bot.core.conversation import ConversationService
from bot.core.media import MediaStore
from bot.core.runtime import Runtime
from storage import subscriptions
from storage.models import OutboxItem, Person
from storage.service import find_person

from .conftest import Chat


@pytest.mark.parametrize(("lang", "stop"), [("ar", "توقف"), ("id", "berhenti"), ("ur", "بند")])
async def test_one_word_stops_the_daily_tip(
    lang: str, stop: str, db_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(db_url)
    chat = Chat(service, f"tips-{lang}")
    service.set_language(channel="console", user_id=chat.user, language=lang)
    await chat.send(command="start")
    assert await chat.send(command="subscribe") and chat.last[0].key == "tips-subscribed"

    runtime = Runtime(settings=service.settings, service=service, media=_media(service))
    assert queue_daily_tips(runtime) == 1
    assert queue_daily_tips(runtime) == 0  # once a Makkah day
    assert runtime.outbox_wakeup.is_set()
    with service.database.session() as session:
        item = session.scalars(select(OutboxItem)).one()
        assert item.payload["key"] == "tips-daily" and item.payload["lang"] == lang
        assert (item.dedupe_key or "").startswith("tip:")

    assert (await chat.say(stop))[0] == "tips-unsubscribed"
    with service.database.session() as session:
        person = service_person(session, chat.user)
        assert not subscriptions.is_subscribed(session, person=person)
    assert (await chat.say(stop))[0] != "tips-unsubscribed"  # not subscribed: no longer special


async def test_the_stop_word_inside_a_flow_cancels_the_flow_not_the_tips(
    sqlite_url: str, make_service: Callable[[str], ConversationService]
) -> None:
    service = make_service(sqlite_url)
    chat = Chat(service, "persian")
    service.set_language(channel="console", user_id=chat.user, language="fa")
    await chat.send(command="start")
    await chat.send(command="subscribe")
    await chat.choose("flow:report_issue")
    assert "cancelled" in await chat.say("لغو")
    assert (await chat.say("لغو"))[0] == "tips-unsubscribed"


def service_person(session: Session, user_id: str) -> Person:
    person = find_person(session, channel="console", user_id=user_id)
    assert person is not None
    return person


def _media(service: ConversationService) -> MediaStore:
    settings = service.settings
    return MediaStore(settings.media, settings.path(settings.media.directory))
