"""The whole Telegram path, end to end: getUpdates -> service -> outbox -> sendMessage.

`run_polling` (real PTB Application and Updater) fetches updates from the fake
Bot API server; the real conversation service handles them with the real
flows, texts and storage (SQLite); the real outbox worker sends the replies
with `TelegramSender`. The person's side is played by queuing updates on the
fake server; what they see is what the fake recorded.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fakes.fake_telegram import BOT_ID, FakeTelegram
from telegram_testkit import TOKEN, inbound_ids, make_settings, outbox_rows, runtime_for

from bot.app.wiring import build_runtime
from bot.channels.telegram import channel as telegram
from bot.core.outbox import OutboxWorker
from bot.core.ratelimit import RateLimiter, RateLimits
from bot.core.runtime import Runtime
from dialogs.tickets import parse_ticket

JPEG = b"\xff\xd8\xff\xe0" + b"\x10" * 300
# roomy limits: the limiter itself is tested on a fake clock in tests/test_ratelimit.py
TEST_LIMITS = RateLimits(global_per_second=1000, per_key_per_second=1000, per_key_burst=100)
_chat_ids = itertools.count(6_100_000_001)


@dataclass
class Running:
    runtime: Runtime
    fake: FakeTelegram


@pytest.fixture
async def running(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram
) -> AsyncIterator[Running]:
    """Labbaik as `labbaik run` starts it for Telegram: the poller and the outbox worker."""
    settings = make_settings(tmp_path, api_url=fake_telegram.url, db_url=sqlite_url)
    runtime = runtime_for(settings)
    sender = telegram.TelegramSender.from_settings(settings)
    worker = OutboxWorker(
        runtime.service.database,
        {"telegram": sender},
        limiters={"telegram": RateLimiter(TEST_LIMITS)},
        settings=settings.outbox,
        render=runtime.service.render,
        wakeup=runtime.outbox_wakeup,
        default_language=settings.default_language,
    )
    stop = asyncio.Event()
    tasks = [
        asyncio.create_task(telegram.run_polling(runtime, stop, poll_timeout=1)),
        asyncio.create_task(worker.run(stop)),
    ]
    try:
        yield Running(runtime, fake_telegram)
    finally:
        stop.set()
        await asyncio.gather(*tasks)
        await sender.aclose()
        runtime.service.database.dispose()


@dataclass
class Seen:
    """One reply as the person saw it: its message id (key), and what Telegram got."""

    key: str
    text: str
    markup: dict[str, Any]
    message_id: int

    def button(self, data: str) -> dict[str, Any]:
        rows = self.markup.get("inline_keyboard", [])
        return next(b for row in rows for b in row if b["callback_data"] == data)


@dataclass
class Person:
    """A Telegram user: sends updates through the fake, reads what the bot sent."""

    bot: Running
    lang: str
    chat_id: int = field(default_factory=lambda: next(_chat_ids))
    _sent_seen: int = 0  # messages Telegram accepted for this chat, already read
    _outbox_seen: int = 0  # outbox rows for this chat, already read
    _message_ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def _message(self, **content: Any) -> dict[str, Any]:
        user = {"id": self.chat_id, "is_bot": False, "first_name": "Test"}
        user["language_code"] = self.lang
        return {
            "message_id": next(self._message_ids),
            "from": user,
            "chat": {"id": self.chat_id, "type": "private", "first_name": "Test"},
            "date": int(time.time()),
            **content,
        }

    async def says(self, text: str) -> list[Seen]:
        return await self._send({"message": self._message(text=text)})

    async def command(self, name: str) -> list[Seen]:
        text = f"/{name}"
        entity = {"offset": 0, "length": len(text), "type": "bot_command"}
        return await self._send({"message": self._message(text=text, entities=[entity])})

    async def pin(self, lat: float, lon: float) -> list[Seen]:
        return await self._send(
            {"message": self._message(location={"latitude": lat, "longitude": lon})}
        )

    async def photo(self, file_id: str) -> list[Seen]:
        size = {"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 800, "height": 600}
        return await self._send({"message": self._message(photo=[size])})

    async def shares_contact(self, phone: str) -> list[Seen]:
        contact = {"phone_number": phone, "first_name": "Test", "user_id": self.chat_id}
        return await self._send({"message": self._message(contact=contact)})

    async def presses(self, seen: Seen, data: str) -> list[Seen]:
        seen.button(data)  # the button is really on that message
        bot_user = {"id": BOT_ID, "is_bot": True, "first_name": "Labbaik"}
        message = {
            "message_id": seen.message_id,
            "from": bot_user,
            "chat": {"id": self.chat_id, "type": "private"},
            "date": int(time.time()),
            "text": seen.text,
            "reply_markup": seen.markup,
        }
        query = {
            "id": f"q{self.chat_id}{next(self._message_ids)}",
            "from": self._message()["from"],
            "chat_instance": str(self.chat_id),
            "data": data,
            "message": message,
        }
        return await self._send({"callback_query": query})

    async def _send(self, update: dict[str, Any]) -> list[Seen]:
        """Queue the update; return the replies once the bot stored and sent them all."""
        fake, runtime = self.bot.fake, self.bot.runtime
        update_id = fake.push_update(update)
        await fake.wait_for(
            lambda: str(update_id) in inbound_ids(runtime) and self._all_sent(),
            what=f"update {update_id} handled and answered",
        )
        return self._new_replies()

    def _mine(self) -> list[dict[str, Any]]:
        rows = outbox_rows(self.bot.runtime)
        return [p["reply"] for user, _, p in rows if user == str(self.chat_id)]

    def _all_sent(self) -> bool:
        rows = [s for user, s, _ in outbox_rows(self.bot.runtime) if user == str(self.chat_id)]
        return all(s == "sent" for s in rows)

    def _new_replies(self) -> list[Seen]:
        """What reached the person since last time, checked against what was queued."""
        replies = self._mine()[self._outbox_seen :]
        delivered = self.bot.fake.delivered(self.chat_id)[self._sent_seen :]
        self._outbox_seen += len(replies)
        self._sent_seen += len(delivered)
        # every queued reply reached Telegram, in order, with its text intact
        assert [d["text"] for d in delivered] == [r["text"] for r in replies]
        accepted = [c for c in self.bot.fake.calls if c.method == "sendMessage" and c.result]
        markup = {c.result["message_id"]: c.params.get("reply_markup") or {} for c in accepted}
        return [
            Seen(r["key"], d["text"], markup[d["message_id"]], d["message_id"])
            for r, d in zip(replies, delivered, strict=True)
        ]


def keys(seen: list[Seen]) -> list[str]:
    return [s.key for s in seen]


def last(seen: list[Seen], key: str) -> Seen:
    return next(s for s in reversed(seen) if s.key == key)


TICKET = re.compile(r"MK-[0-9٠-٩۰-۹]{7}")
DESCRIPTIONS = {
    "en": "The rubbish bins near gate 3 are overflowing onto the street",
    "ar": "حاويات النفايات عند البوابة الثالثة ممتلئة وتفيض على الشارع",
    "id": "Tempat sampah di dekat gerbang tiga sudah penuh dan meluber ke jalan",
    "ur": "گیٹ نمبر تین کے پاس کوڑے دان بھرے ہوئے ہیں اور کچرا سڑک پر گر رہا ہے",
    "fa": "سطل‌های زباله نزدیک در شماره سه پر شده‌اند و زباله در خیابان ریخته است",
}
LANGUAGES = list(DESCRIPTIONS)


def as_typed(ticket: str, lang: str) -> str:
    """A ticket number the way people of each language tend to type it."""
    digits = ticket.removeprefix("MK-")
    if lang == "ar":
        return digits.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    if lang == "fa":
        return "MK-" + digits.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    if lang == "ur":
        return f"mk {digits}"
    return digits if lang == "id" else ticket


def rendered(bot: Running, lang: str, key: str, **args: Any) -> str:
    return bot.runtime.service.render(lang, key, args)


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_report_and_status_flows(
    running: Running, lang: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)  # as `labbaik run` logs
    person = Person(running, lang)
    fake = running.fake

    # /start: welcome and the menu, in the language Telegram says the person uses
    seen = await person.command("start")
    assert keys(seen)[0] == "menu-welcome"
    assert seen[0].text == rendered(running, lang, "menu-welcome")
    menu = seen[-1]
    assert menu.markup["inline_keyboard"], "the menu comes as buttons"

    # report: category by button, description typed, location pin, photo, contact
    seen = await person.presses(menu, "flow:report_issue")
    assert keys(seen) == ["report-ask-category"]
    assert seen[0].text == rendered(running, lang, "report-ask-category")
    seen = await person.presses(seen[0], "waste")
    assert keys(seen) == ["report-ask-description"]
    seen = await person.says(DESCRIPTIONS[lang])
    assert keys(seen) == ["report-ask-location"]
    location_button = seen[0].markup["keyboard"][0][0]
    assert location_button["request_location"] is True
    seen = await person.pin(21.4225, 39.8262)
    assert keys(seen) == ["report-ask-photo"]
    fake.add_file(f"photo-{lang}", JPEG)
    seen = await person.photo(f"photo-{lang}")
    assert keys(seen) == ["report-ask-phone"]
    seen = await person.shares_contact("+966501234567")
    assert keys(seen) == ["report-summary"]
    assert DESCRIPTIONS[lang] in seen[0].text

    # confirm: a ticket number comes back
    seen = await person.presses(seen[0], "confirm")
    filed = last(seen, "report-filed")
    [typed_ticket] = TICKET.findall(filed.text)
    ticket = parse_ticket(typed_ticket).ticket_id
    assert ticket and filed.text == rendered(running, lang, "report-filed", ticket_id=typed_ticket)

    # status: /status, then the number as the person would type it
    seen = await person.command("status")
    assert keys(seen) == ["status-ask-ticket"]
    seen = await person.says(as_typed(ticket, lang))
    assert keys(seen)[0] == "status-owner"
    assert typed_ticket in seen[0].text
    assert DESCRIPTIONS[lang] in seen[0].text  # the reporter sees the whole case

    # the photo travelled from Telegram to the case's media store
    assert [c["file_id"] for c in fake.calls_of("getFile")] == [f"photo-{lang}"]

    # the log carries neither the token, nor the phone number, nor what was written
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records, "the run was logged"
    for secret in (TOKEN, "966501234567", DESCRIPTIONS[lang]):
        assert secret not in logged


async def test_commands_help_language_and_cancel(running: Running) -> None:
    person = Person(running, "en")
    await person.command("start")
    seen = await person.command("help")
    assert keys(seen)[0] == "help"
    seen = await person.command("language")
    assert keys(seen) == ["language-ask"]
    seen = await person.presses(seen[0], "fa")  # from now on in Persian
    assert keys(seen)[0] == "language-changed"
    assert seen[0].text == rendered(running, "fa", "language-changed")
    await person.command("report")
    seen = await person.command("cancel")
    assert keys(seen)[0] == "cancelled"
    assert seen[0].text == rendered(running, "fa", "cancelled")


async def test_unsupported_message_gets_the_polite_answer_in_the_persons_language(
    running: Running,
) -> None:
    person = Person(running, "id")
    await person.command("start")
    sticker = {
        "file_id": "CAAC",
        "file_unique_id": "AgAD",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    seen = await person._send({"message": person._message(sticker=sticker)})
    assert keys(seen) == ["unsupported-message"]
    assert seen[0].text == rendered(running, "id", "unsupported-message")


async def test_a_button_press_is_answered_and_its_keyboard_removed(running: Running) -> None:
    person = Person(running, "en")
    menu = (await person.command("start"))[-1]
    await person.presses(menu, "flow:report_issue")
    # the replies go out through the outbox while the press is settled: wait for both calls
    fake = running.fake
    await fake.wait_for(
        lambda: fake.calls_of("answerCallbackQuery") and fake.calls_of("editMessageReplyMarkup"),
        what="the button press to be answered and its keyboard removed",
    )
    assert len(fake.calls_of("answerCallbackQuery")) == 1
    [edit] = fake.calls_of("editMessageReplyMarkup")
    assert edit["chat_id"] == str(person.chat_id)


async def test_flood_control_delays_the_reply_but_loses_nothing(running: Running) -> None:
    person = Person(running, "en")
    running.fake.fail_next("sendMessage", 429, retry_after=1)
    seen = await person.command("start")  # the worker waits retry_after, then sends
    assert keys(seen)[0] == "menu-welcome"
    assert len(running.fake.sent(person.chat_id)) == len(seen) + 1  # one refused, then all


async def test_polling_stops_when_asked(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram
) -> None:
    settings = make_settings(tmp_path, api_url=fake_telegram.url, db_url=sqlite_url)
    runtime = build_runtime(settings, with_nlu=False)
    stop = asyncio.Event()
    task = asyncio.create_task(telegram.run_polling(runtime, stop, poll_timeout=1))
    await fake_telegram.wait_for(lambda: bool(fake_telegram.calls_of("getUpdates")))
    assert fake_telegram.calls_of("deleteWebhook"), "polling clears a webhook first"
    stop.set()
    await asyncio.wait_for(task, timeout=30)
    runtime.service.database.dispose()


async def test_a_wrong_token_does_not_bring_the_process_down(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram
) -> None:
    settings = make_settings(tmp_path, api_url=fake_telegram.url, db_url=sqlite_url)
    settings = settings.model_copy(
        update={
            "channels": settings.channels.model_copy(
                update={
                    "telegram": settings.channels.telegram.model_copy(update={"token": "999:WRONG"})
                }
            )
        }
    )
    runtime = build_runtime(settings, with_nlu=False)
    await asyncio.wait_for(telegram.run_polling(runtime, asyncio.Event()), timeout=30)
    runtime.service.database.dispose()


async def test_a_polled_update_with_a_wrong_type_is_dropped_and_the_next_one_handled(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    person = Person(running, "en")
    bad = running.fake.push_update({"message": person._message(text=123)})
    with caplog.at_level(logging.WARNING, logger="bot.channels.telegram.channel"):
        seen = await person.command("start")
    assert seen  # the next update was handled and answered
    assert str(bad) not in inbound_ids(running.runtime)
    assert f"telegram update {bad} ignored: message.text must be a string" in caplog.text
