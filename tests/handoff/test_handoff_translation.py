"""Translation of live chats through a LibreTranslate server: after the fact, never in the way.

The real client against a local fake LibreTranslate server (tests/fakes/), on
both databases: a pilgrim's message gets a translation into the agent's desk
language; an agent's reply may go translated into the pilgrim's language,
with the original kept; a slow, failing or missing server delays nothing
beyond the short hold of a reply and loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.fake_libretranslate import FakeLibreTranslate
from handoff_kit import Clock, Desk, Pilgrim, chat_messages, deliver, handoff_settings, make_runtime

from bot.core.runtime import Runtime
from bot.handoff.chats import Chats

URDU = "ہوٹل کے سامنے پانی جمع ہے"
ARABIC = "سنرسل فريق تصريف المياه الآن."


def _runtime(db_url: str, tmp_path: Path, clock: Clock, url: str, **more: object) -> Runtime:
    settings = handoff_settings(db_url, tmp_path, **{"translation.url": url, **more})
    return make_runtime(settings, clock)


@pytest.fixture
def translated(
    db_url: str, tmp_path: Path, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> Iterator[Runtime]:
    runtime = _runtime(db_url, tmp_path, clock, fake_libretranslate.url)
    yield runtime
    runtime.service.database.dispose()


async def _chat_with_amina(runtime: Runtime, clock: Clock) -> tuple[Pilgrim, Chats, int, int]:
    desk = Desk(runtime, clock)
    amina = desk.agent("amina", desk_language="ar")
    pilgrim = Pilgrim(runtime, "browser-translate-00001")
    await pilgrim.start("ur")
    await pilgrim.send(choice="flow:human_agent")
    chat = pilgrim.chat()
    assert chat is not None
    chats = Chats(runtime)
    await chats.claim(agent_id=amina, chat_id=chat.id)
    return pilgrim, chats, amina, chat.id


async def test_pilgrim_messages_are_translated_for_the_agent_after_they_are_stored(
    translated: Runtime, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> None:
    fake_libretranslate.teach("ur", "ar", URDU, "يوجد ماء متجمع أمام الفندق")
    pilgrim, chats, amina, chat_id = await _chat_with_amina(translated, clock)
    assert await pilgrim.send(text=URDU) == []  # answered (silently) before any translation
    await translated.service.background.settle()
    view = await chats.get(agent_id=amina, chat_id=chat_id)
    line = view.lines[-1]
    assert line.text == URDU and line.translations == {"ar": "يوجد ماء متجمع أمام الفندق"}
    assert fake_libretranslate.translations()[-1] == {
        "q": URDU,
        "source": "ur",
        "target": "ar",
        "format": "text",
    }


async def test_what_the_pilgrim_wrote_while_waiting_is_translated_when_claimed(
    translated: Runtime, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> None:
    Desk(translated, clock).team()
    pilgrim = Pilgrim(translated, "browser-translate-00002")
    await pilgrim.start("id")
    await pilgrim.send(choice="flow:human_agent")
    await pilgrim.send(text="Di mana kantor layanan terdekat?")
    assert fake_libretranslate.translations() == []  # nobody to read it yet
    omar = Desk(translated, clock).agent("omar", desk_language="en")
    chat = pilgrim.chat()
    assert chat is not None
    chats = Chats(translated)
    await chats.claim(agent_id=omar, chat_id=chat.id)
    await chats.settle()
    view = await chats.get(agent_id=omar, chat_id=chat.id)
    asked = next(line for line in view.lines if line.in_chat and line.sender == "pilgrim")
    assert asked.translations == {"en": "[en] Di mana kantor layanan terdekat?"}


async def test_an_agents_reply_goes_out_translated_with_the_original_kept(
    translated: Runtime, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> None:
    fake_libretranslate.teach("ar", "ur", ARABIC, "ہم ابھی نکاسی آب کی ٹیم بھیج رہے ہیں۔")
    pilgrim, chats, amina, chat_id = await _chat_with_amina(translated, clock)
    await deliver(translated)
    fake_libretranslate.stall()  # the translation is on its way...
    sent = await chats.reply(agent_id=amina, chat_id=chat_id, text=ARABIC, translate=True)
    assert sent.translating
    await deliver(translated)
    assert pilgrim.received()[-1]["key"] == "handoff-joined"  # ...and the reply waits for it
    fake_libretranslate.release()
    await chats.settle()
    await deliver(translated)
    got = pilgrim.received()[-1]
    assert (got["text"], got["lang"]) == ("ہم ابھی نکاسی آب کی ٹیم بھیج رہے ہیں۔", "ur")
    stored = chat_messages(translated, chat_id)[-1]
    assert stored.payload["original"] == {"lang": "ar", "text": ARABIC}
    view = await chats.get(agent_id=amina, chat_id=chat_id)
    assert view.lines[-1].original == {"lang": "ar", "text": ARABIC}


async def test_a_slow_translation_server_delays_nothing_but_a_reply_s_short_hold(
    db_url: str, tmp_path: Path, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> None:
    runtime = _runtime(
        db_url, tmp_path, clock, fake_libretranslate.url, **{"translation.timeout_seconds": 0.3}
    )
    try:
        pilgrim, chats, amina, chat_id = await _chat_with_amina(runtime, clock)
        fake_libretranslate.stall()  # answers nothing until the test is over
        assert await pilgrim.send(text=URDU) == []  # the pilgrim's message is stored and shown
        await runtime.service.background.settle()  # its translation gave up
        view = await chats.get(agent_id=amina, chat_id=chat_id)
        assert view.lines[-1].text == URDU and view.lines[-1].translations == {}
        await chats.reply(agent_id=amina, chat_id=chat_id, text=ARABIC, translate=True)
        await chats.settle()  # the reply's translation gave up too: it goes as typed
        await deliver(runtime)
        got = pilgrim.received()[-1]
        assert (got["text"], got["lang"]) == (ARABIC, "ar")
        assert chat_messages(runtime, chat_id)[-1].payload["translation_failed"] is True
    finally:
        fake_libretranslate.release()
        runtime.service.database.dispose()


async def test_a_translation_server_that_is_down_loses_nothing(
    translated: Runtime, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> None:
    pilgrim, chats, amina, chat_id = await _chat_with_amina(translated, clock)
    fake_libretranslate.down = True
    assert await pilgrim.send(text=URDU) == []
    await translated.service.background.settle()
    await chats.reply(agent_id=amina, chat_id=chat_id, text=ARABIC, translate=True)
    await chats.settle()
    await deliver(translated)
    assert pilgrim.received()[-1]["text"] == ARABIC
    view = await chats.get(agent_id=amina, chat_id=chat_id)
    assert [line.text for line in view.lines[-2:]] == [URDU, ARABIC]
    assert view.lines[-1].translation_failed


async def test_a_pair_the_server_does_not_offer_is_not_asked_for(
    db_url: str, tmp_path: Path, clock: Clock
) -> None:
    fake = FakeLibreTranslate(languages=("ar", "en")).start()  # no Urdu
    runtime = _runtime(db_url, tmp_path, clock, fake.url)
    try:
        pilgrim, chats, amina, chat_id = await _chat_with_amina(runtime, clock)
        await pilgrim.send(text=URDU)
        await runtime.service.background.settle()
        assert fake.translations() == [] and ("/languages", {}) in fake.requests
        view = await chats.get(agent_id=amina, chat_id=chat_id)
        assert view.lines[-1].translations == {}
    finally:
        fake.stop()
        runtime.service.database.dispose()


async def test_the_api_key_comes_from_the_environment(
    sqlite_url: str, tmp_path: Path, clock: Clock
) -> None:
    fake = FakeLibreTranslate(api_key="lt-secret-key").start()
    settings = handoff_settings(
        sqlite_url,
        tmp_path,
        env={"LIBRETRANSLATE_API_KEY": "lt-secret-key"},
        **{"translation.url": fake.url},
    )
    runtime = make_runtime(settings, clock)
    try:
        pilgrim, chats, amina, chat_id = await _chat_with_amina(runtime, clock)
        await pilgrim.send(text=URDU)
        await runtime.service.background.settle()
        assert fake.translations()[-1]["api_key"] == "lt-secret-key"
        view = await chats.get(agent_id=amina, chat_id=chat_id)
        assert view.lines[-1].translations == {"ar": f"[ar] {URDU}"}
    finally:
        fake.stop()
        runtime.service.database.dispose()


async def test_without_a_server_replies_go_at_once_as_typed(runtime: Runtime, clock: Clock) -> None:
    pilgrim, chats, amina, chat_id = await _chat_with_amina(runtime, clock)
    sent = await chats.reply(agent_id=amina, chat_id=chat_id, text=ARABIC, translate=True)
    assert not sent.translating
    await deliver(runtime)
    assert pilgrim.received()[-1]["text"] == ARABIC
