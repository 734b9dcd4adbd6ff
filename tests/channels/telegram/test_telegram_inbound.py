"""Captured-style Telegram updates as neutral `Inbound` messages.

Updates are parsed by PTB (`Update.de_json`) with a real `Bot` pointed at the
fake Bot API server, so photo downloads go through getFile and the file URL
exactly as in production.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from fakes.fake_telegram import FakeTelegram
from telegram import Bot, Update
from telegram_testkit import TOKEN, stored_media_files

from bot.channels.telegram.inbound import to_inbound
from bot.channels.telegram.reply_parts import callback_data
from bot.core.media import MediaStore
from dialogs.model import Location

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
JPEG = b"\xff\xd8\xff\xe0" + b"\x10" * 300

Payload = Callable[..., dict[str, Any]]


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(
        TOKEN, base_url=fake_telegram.base_url, base_file_url=fake_telegram.base_file_url
    ) as b:
        yield b


async def convert(data: dict[str, Any], bot: Bot, media: MediaStore):  # type: ignore[no-untyped-def]
    return await to_inbound(Update.de_json(data, bot), media)


async def test_text(payload: Payload, bot: Bot, media_store: MediaStore) -> None:
    inbound = await convert(payload("text"), bot, media_store)
    assert inbound is not None
    assert inbound.channel == "telegram"
    assert inbound.user_id == "5127364490"
    assert inbound.message_id == "861204001"  # the update_id: same on a redelivery
    assert inbound.text == "السلام عليكم"
    assert inbound.locale_hint == "ur"
    assert inbound.display_name == "Aisha Rahman"
    assert (inbound.command, inbound.unsupported, inbound.media) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "command", "rest"),
    [
        ("/start", "start", None),
        ("/help", "help", None),
        ("/language", "language", None),
        ("/cancel", "cancel", None),
        ("/status@labbaik_test_bot MK-1234566", "status", "MK-1234566"),
        ("/STATUS ١٢٣٤٥٦٦", "status", "١٢٣٤٥٦٦"),
    ],
)
async def test_commands(
    payload: Payload, bot: Bot, media_store: MediaStore, text: str, command: str, rest: str | None
) -> None:
    inbound = await convert(payload("command_start", text=text), bot, media_store)
    assert inbound is not None
    assert (inbound.command, inbound.text) == (command, rest)


async def test_any_command_goes_to_the_flows(
    payload: Payload, bot: Bot, media_store: MediaStore
) -> None:
    inbound = await convert(payload("command_start", text="/services"), bot, media_store)
    assert inbound is not None
    assert (inbound.command, inbound.text) == ("services", None)


@pytest.mark.parametrize("text", ["/", "/ hello", "/path/to/thing", "a /start"])
async def test_text_that_only_looks_like_a_command(
    payload: Payload, bot: Bot, media_store: MediaStore, text: str
) -> None:
    inbound = await convert(payload("command_start", text=text), bot, media_store)
    assert inbound is not None
    assert (inbound.command, inbound.text) == (None, text)


async def test_location_pin(payload: Payload, bot: Bot, media_store: MediaStore) -> None:
    inbound = await convert(payload("location"), bot, media_store)
    assert inbound is not None
    assert inbound.location == Location(21.422487, 39.826206)
    assert inbound.text is None


async def test_venue_keeps_its_name_and_address(
    payload: Payload, bot: Bot, media_store: MediaStore
) -> None:
    inbound = await convert(payload("venue"), bot, media_store)
    assert inbound is not None
    assert inbound.location == Location(21.4133, 39.8933, "Mina Camp 42, King Fahd Rd, Mina")


async def test_contact_gives_the_phone(payload: Payload, bot: Bot, media_store: MediaStore) -> None:
    inbound = await convert(payload("contact"), bot, media_store)
    assert inbound is not None
    assert inbound.phone == "+966501234567"


async def test_button_press_is_a_choice(
    payload: Payload, bot: Bot, media_store: MediaStore
) -> None:
    inbound = await convert(payload("callback_query"), bot, media_store)
    assert inbound is not None
    assert inbound.choice == "report"
    assert inbound.user_id == "5127364490"
    assert inbound.message_id == "861204008"
    assert inbound.locale_hint == "ur"


async def test_a_long_choice_id_comes_back_as_its_label(
    payload: Payload, bot: Bot, media_store: MediaStore
) -> None:
    long_id = "flow:services_kb_feedback?helpful=no&entry=engineering_office_categories"
    data = payload("callback_query", data=callback_data(long_id))
    data["callback_query"]["message"]["reply_markup"] = {
        "inline_keyboard": [
            [{"text": "نعم", "callback_data": "yes"}],
            [{"text": "لم تفدني", "callback_data": callback_data(long_id)}],
        ]
    }
    inbound = await convert(data, bot, media_store)
    assert inbound is not None
    assert (inbound.choice, inbound.text) == (None, "لم تفدني")


@pytest.mark.parametrize("kind", ["sticker", "voice", "poll"])
async def test_what_we_cannot_read_is_named(
    payload: Payload, bot: Bot, media_store: MediaStore, kind: str
) -> None:
    inbound = await convert(payload(kind), bot, media_store)
    assert inbound is not None
    assert inbound.unsupported == kind
    assert (inbound.text, inbound.media, inbound.location) == (None, None, None)


async def test_an_edit_is_not_a_new_message(
    payload: Payload, bot: Bot, media_store: MediaStore
) -> None:
    assert await convert(payload("edited_message"), bot, media_store) is None


async def test_photo_downloads_the_largest_size(
    payload: Payload,
    bot: Bot,
    media_store: MediaStore,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    fake_telegram.add_file("AgACAgQAAxkBAAIBc2ZlargeYYYYY", JPEG)
    inbound = await convert(payload("photo"), bot, media_store)
    assert inbound is not None
    assert inbound.unsupported is None
    assert inbound.media is not None
    assert inbound.media.content_type == "image/jpeg"
    assert inbound.media.size == len(JPEG)
    assert inbound.text == "Overflowing bins"  # the caption
    assert fake_telegram.calls_of("getFile") == [{"file_id": "AgACAgQAAxkBAAIBc2ZlargeYYYYY"}]
    [stored] = stored_media_files(tmp_path)
    assert stored.read_bytes() == JPEG
    assert media_store.open(inbound.media.ref) == stored.resolve()


async def test_oversize_photo_is_refused_before_download(
    payload: Payload,
    bot: Bot,
    media_store: MediaStore,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    data = payload("photo")
    data["message"]["photo"][1]["file_size"] = media_store.max_bytes + 1
    inbound = await convert(data, bot, media_store)
    assert inbound is not None
    assert inbound.unsupported == "media_too_large"
    assert inbound.media is None
    assert fake_telegram.calls_of("getFile") == []
    assert stored_media_files(tmp_path) == []


async def test_oversize_told_only_by_get_file_is_refused_before_download(
    payload: Payload,
    bot: Bot,
    media_store: MediaStore,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    data = payload("photo")
    for size in data["message"]["photo"]:
        del size["file_size"]
    fake_telegram.add_file(
        "AgACAgQAAxkBAAIBc2ZlargeYYYYY", JPEG, reported_size=media_store.max_bytes * 2
    )
    inbound = await convert(data, bot, media_store)
    assert inbound is not None
    assert inbound.unsupported == "media_too_large"
    assert stored_media_files(tmp_path) == []


async def test_photo_that_is_not_an_image_is_refused(
    payload: Payload,
    bot: Bot,
    media_store: MediaStore,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    fake_telegram.add_file("AgACAgQAAxkBAAIBc2ZlargeYYYYY", b"%PDF-1.7 not a picture" * 10)
    inbound = await convert(payload("photo"), bot, media_store)
    assert inbound is not None
    assert inbound.unsupported == "media_wrong_type"
    assert inbound.media is None
    assert stored_media_files(tmp_path) == []


async def test_photo_that_cannot_be_fetched(
    payload: Payload, bot: Bot, media_store: MediaStore, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.fail_next("getFile", 400, description="Bad Request: invalid file_id")
    inbound = await convert(payload("photo"), bot, media_store)
    assert inbound is not None
    assert inbound.unsupported == "media_unreadable"


async def test_picture_sent_as_a_file_is_taken(
    payload: Payload,
    bot: Bot,
    media_store: MediaStore,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    fake_telegram.add_file("BQACAgQAAxkBAAIBdpng", PNG)
    inbound = await convert(payload("document_image"), bot, media_store)
    assert inbound is not None
    assert inbound.media is not None and inbound.media.content_type == "image/png"
    assert len(stored_media_files(tmp_path)) == 1


async def test_other_files_are_the_wrong_type_and_not_downloaded(
    payload: Payload,
    bot: Bot,
    media_store: MediaStore,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    inbound = await convert(payload("document_pdf"), bot, media_store)
    assert inbound is not None
    assert inbound.unsupported == "media_wrong_type"
    assert fake_telegram.calls_of("getFile") == []
    assert stored_media_files(tmp_path) == []
