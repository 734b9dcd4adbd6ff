"""TelegramSender: neutral replies out through PTB to the fake Bot API, errors mapped."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakes.fake_telegram import FakeTelegram
from telegram_testkit import make_settings

from bot.channels.telegram.sender import TelegramSender
from bot.core.messages import PermanentFailure, Reply, ReplyChoice, RetryLater

CHAT = "5127364490"


@pytest.fixture
async def sender(fake_telegram: FakeTelegram, tmp_path: Path) -> AsyncIterator[TelegramSender]:
    s = TelegramSender.from_settings(make_settings(tmp_path, api_url=fake_telegram.url))
    yield s
    await s.aclose()


def reply(text: str = "Your ticket is MK-1234566.", **kw: object) -> Reply:
    return Reply(key="report-filed", text=text, lang="en", **kw)  # type: ignore[arg-type]


async def test_sends_text_and_returns_the_message_id(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    message_id = await sender.send(CHAT, reply())
    [sent] = fake_telegram.sent(CHAT)
    assert sent["text"] == "Your ticket is MK-1234566."
    assert sent["reply_markup"] == {"remove_keyboard": True}
    [accepted] = fake_telegram.delivered(CHAT)
    assert message_id == str(accepted["message_id"])


async def test_choices_go_as_an_inline_keyboard(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    choices = (ReplyChoice("report", "Report a problem"), ReplyChoice("status", "Check a ticket"))
    await sender.send(CHAT, reply("How can I help?", choices=choices))
    [sent] = fake_telegram.sent(CHAT)
    assert sent["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Report a problem", "callback_data": "report"}],
            [{"text": "Check a ticket", "callback_data": "status"}],
        ]
    }


async def test_location_question_asks_for_the_pin(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    await sender.send(CHAT, reply("Where is it?", expects="location"))
    [sent] = fake_telegram.sent(CHAT)
    keyboard = sent["reply_markup"]["keyboard"]
    assert keyboard[0][0]["request_location"] is True


async def test_long_reply_goes_in_parts_in_order(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    text = "هذه جملة طويلة في رسالة طويلة جدا. " * 300  # about 10 800 characters
    choices = (ReplyChoice("menu", "القائمة"),)
    await sender.send(CHAT, reply(text, choices=choices))
    sent = fake_telegram.sent(CHAT)
    assert len(sent) == 3
    assert all(len(p["text"]) <= 4096 and p["text"].endswith(".") for p in sent)
    assert " ".join(p["text"] for p in sent) == text.strip()
    assert "inline_keyboard" in sent[-1]["reply_markup"]
    assert "reply_markup" not in sent[0]


async def test_flood_control_becomes_retry_later_with_telegrams_delay(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.fail_next("sendMessage", 429, retry_after=17)
    with pytest.raises(RetryLater) as caught:
        await sender.send(CHAT, reply())
    assert caught.value.seconds == 17
    # the retry, once the outbox waited, goes through
    assert await sender.send(CHAT, reply())
    assert len(fake_telegram.sent(CHAT)) == 2  # the refused attempt was recorded too


async def test_a_retry_after_a_partial_send_sends_only_the_rest(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    r = reply(" ".join(f"Sentence {i} of a long reply." for i in range(300)))  # three parts
    fake_telegram.fail_next("sendMessage", 429, retry_after=3, after=1)  # part 2 refused
    with pytest.raises(RetryLater):
        await sender.send(CHAT, r)
    await sender.send(CHAT, r)  # the outbox's retry
    texts = [p["text"] for p in fake_telegram.sent(CHAT)]
    part1, part2, part2_again, part3 = texts
    assert part2 == part2_again  # the refused attempt, then the retry
    assert len({part1, part2, part3}) == 3
    assert " ".join((part1, part2, part3)) == r.text.strip()


async def test_blocked_by_the_person_is_permanent(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.fail_next("sendMessage", 403)
    with pytest.raises(PermanentFailure):
        await sender.send(CHAT, reply())


async def test_unknown_chat_is_permanent(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.fail_next("sendMessage", 400)
    with pytest.raises(PermanentFailure, match="(?i)chat not found"):
        await sender.send(CHAT, reply())


async def test_a_server_error_is_retried_later(
    sender: TelegramSender, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.fail_next("sendMessage", 502, description="Bad Gateway")
    with pytest.raises(RetryLater):
        await sender.send(CHAT, reply())
