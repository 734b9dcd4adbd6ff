"""Replies in Telegram's terms: splitting long text, keyboards for choices and locations."""

from __future__ import annotations

import pytest
from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.channels.telegram.reply_parts import (
    LOCATION_BUTTON,
    TEXT_LIMIT,
    callback_data,
    markup_for,
    render,
    split_text,
)
from bot.core.messages import Reply, ReplyChoice, ReplyLink


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_short_text_is_one_part() -> None:
    assert split_text("  Hello there.  ") == ["Hello there."]
    assert split_text("") == []


def test_english_splits_after_a_full_stop() -> None:
    sentence = "The bins near gate 3 are full. "
    text = sentence * 200  # 6200 characters
    parts = split_text(text)
    assert len(parts) == 2
    assert all(len(p) <= TEXT_LIMIT for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == text.strip()


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("هل الحاويات ممتلئة عند البوابة الثالثة؟ ", "؟"),  # Arabic question mark
        ("کچرا دان گیٹ نمبر تین کے پاس بھرا ہوا ہے۔ ", "۔"),  # Urdu full stop
        ("Tempat sampah di gerbang tiga penuh! ", "!"),
        ("Is the water leaking again? ", "?"),
    ],
)
def test_splits_on_each_scripts_sentence_end(sentence: str, end: str) -> None:
    text = sentence * (2 * TEXT_LIMIT // len(sentence) + 3)
    parts = split_text(text)
    assert len(parts) >= 3
    for part in parts:
        assert utf16(part) <= TEXT_LIMIT
        assert part.endswith(end)
    assert " ".join(parts) == text.strip()


def test_prefers_a_line_break_to_a_sentence_end() -> None:
    line = "Line of a ticket list. Status: open.\n"
    parts = split_text(line * 10, limit=100)
    assert all(p.endswith("open.") for p in parts)
    assert "\n".join(parts) == (line * 10).strip()


def test_no_boundary_at_all_cuts_at_the_limit() -> None:
    parts = split_text("x" * 10_000)
    assert [len(p) for p in parts] == [4096, 4096, 1808]


def test_counts_emoji_as_telegram_does() -> None:
    text = "📍" * 3000  # two UTF-16 units each
    parts = split_text(text)
    assert [utf16(p) for p in parts] == [4096, 1904]
    assert "".join(parts) == text


def test_a_word_is_not_cut_when_there_is_no_sentence_end() -> None:
    text = ("word " * 1000).strip()  # 4999 characters, no punctuation
    parts = split_text(text)
    assert all(p.endswith("word") and p.startswith("word") for p in parts)
    assert " ".join(parts) == text


def reply(**kw: object) -> Reply:
    base: dict[str, object] = {"key": "k", "text": "Question?", "lang": "en"}
    return Reply(**(base | kw))  # type: ignore[arg-type]


def test_choices_become_an_inline_keyboard_with_ids_as_callback_data() -> None:
    r = reply(choices=(ReplyChoice("report", "Report a problem"), ReplyChoice("status", "Check")))
    markup = markup_for(r)
    assert isinstance(markup, InlineKeyboardMarkup)
    buttons = [row[0] for row in markup.inline_keyboard]
    assert [(b.text, b.callback_data) for b in buttons] == [
        ("Report a problem", "report"),
        ("Check", "status"),
    ]


def test_a_location_question_gets_a_location_button_and_the_choices() -> None:
    r = reply(expects="location", choices=(ReplyChoice("cancel", "إلغاء"),))
    markup = markup_for(r)
    assert isinstance(markup, ReplyKeyboardMarkup)
    first, second = markup.keyboard
    assert first[0].text == LOCATION_BUTTON and first[0].request_location
    assert second[0].text == "إلغاء"
    assert markup.one_time_keyboard and markup.resize_keyboard


def test_a_plain_reply_removes_a_reply_keyboard_left_from_before() -> None:
    assert isinstance(markup_for(reply()), ReplyKeyboardRemove)


def test_a_choice_id_over_64_bytes_travels_as_a_digest() -> None:
    long_id = "ب" * 33  # 66 bytes
    markup = markup_for(reply(choices=(ReplyChoice(long_id, "label"),)))
    assert isinstance(markup, InlineKeyboardMarkup)
    data = markup.inline_keyboard[0][0].callback_data
    assert isinstance(data, str) and len(data.encode()) <= 64
    assert data == callback_data(long_id) != callback_data("ب" * 34)
    assert callback_data("ب" * 32) == "ب" * 32  # 64 bytes fit


def test_keyboard_rides_on_the_last_part_only() -> None:
    r = reply(text="A sentence. " * 700, choices=(ReplyChoice("yes", "Yes"),))
    parts = render(r)
    assert len(parts) == 3
    assert [p.markup is None for p in parts] == [True, True, False]
    assert isinstance(parts[-1].markup, InlineKeyboardMarkup)


MAP = "https://www.google.com/maps/search/?api=1&query=21.43190,39.82980"


def test_a_link_is_a_url_button_above_the_choices_never_in_the_text() -> None:
    reply = Reply(
        key="services-point-itlala",
        text="🕌 \u2068مسجد الجن\u2069 — موقع «إطلالة»",
        lang="ar",
        choices=(ReplyChoice("menu", "القائمة الرئيسية"),),
        rtl=True,
        links=(ReplyLink(MAP, "🗺️ افتح الخريطة"),),
    )
    (part,) = render(reply)
    assert MAP not in part.text
    markup = part.markup
    assert isinstance(markup, InlineKeyboardMarkup)
    first, second = markup.inline_keyboard
    assert (first[0].text, first[0].url) == ("🗺️ افتح الخريطة", MAP)
    assert second[0].callback_data == "menu"


def test_a_link_alone_still_gets_its_button() -> None:
    reply = Reply(key="k", text="Masjid Al-Jinn", lang="en", links=(ReplyLink(MAP, "Map"),))
    markup = markup_for(reply)
    assert isinstance(markup, InlineKeyboardMarkup)
    assert markup.inline_keyboard[0][0].url == MAP


def test_under_a_location_keyboard_the_link_is_a_bare_line() -> None:
    reply = Reply(
        key="k",
        text="Where are you?",
        lang="en",
        expects="location",
        links=(ReplyLink(MAP, "Map"),),
    )
    (part,) = render(reply)
    assert part.text.splitlines()[-1] == MAP
    assert isinstance(part.markup, ReplyKeyboardMarkup)
