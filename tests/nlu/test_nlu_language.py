"""Language identification per message and the sticky-language policy (no server needed)."""

from __future__ import annotations

import pytest

from nlu.language import (
    FIRST_CONFIDENCE,
    SWITCH_CONFIDENCE,
    Detection,
    decide_language,
    detect_language,
    evidence,
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وش صار على البلاغ اللي رفعته", "ar"),
        ("عايز اشتكي من الزبالة اللي قدام البيت", "ar"),
        ("بدي احكي مع حدا من البلدية", "ar"),
        ("وضعیت شکایتم چی شد", "fa"),
        ("کنار هتل ما زباله ریخته شده", "fa"),
        ("میری شکایت کا کیا بنا", "ur"),
        ("ہوٹل کے باہر گندگی کے ڈھیر ہیں", "ur"),
        ("meri shikayat ka kya bana", "ur"),
        ("bhai gali mein kachra para hai koi uthata nahi", "ur"),
        ("there is garbage piling up near my hotel in aziziyah", "en"),
        ("where can i print my shop licence", "en"),
        ("ada sampah menumpuk di dekat hotel kami", "id"),
        ("laporan saya sudah sampai mana ya", "id"),
    ],
)
def test_detects_the_language_of_ordinary_messages(text: str, language: str) -> None:
    found = detect_language(text)
    assert found.language == language
    assert found.confidence >= SWITCH_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "OK",
        "👍",
        "1234566",
        "MK-1234566",
        "۱۲۳۴۵۶۶",
        "hi",
        "salam",
        "سلام",
        "السلام عليكم",
        "نعم",
        "بله",
        "جی",
        "ya",
        "?!",
    ],
)
def test_short_and_neutral_messages_are_no_evidence(text: str) -> None:
    assert detect_language(text).confidence == 0.0
    assert evidence(detect_language(text)) is None


def test_urdu_and_persian_letters_tell_apart_similar_words() -> None:
    assert detect_language("شکریہ بھائی").language == "ur"
    assert detect_language("ممنون از شما").language == "fa"
    assert detect_language("شكرا جزيلا يا اخي").language == "ar"


# --- the policy ---------------------------------------------------------------


def test_first_reliable_message_sets_the_language() -> None:
    assert decide_language(None, "ur", 0.95, []) == "ur"
    assert decide_language(None, "fa", FIRST_CONFIDENCE, []) == "fa"


def test_first_message_without_evidence_leaves_it_unset() -> None:
    assert decide_language(None, None, 0.0, []) is None
    assert decide_language(None, "id", 0.0, []) is None  # "ok"
    assert decide_language(None, "fa", 0.4, []) is None


def test_ok_thumbs_up_and_ticket_numbers_never_flip_it() -> None:
    current = "ar"
    history: list[str | None] = []
    for text in ["ok", "👍", "MK-1234566", "١٢٣٤٥٦٦", "ok", "yes", "👍"]:
        found = detect_language(text)
        current = decide_language(current, found.language, found.confidence, history) or current
        history.append(evidence(found))
    assert current == "ar"


def test_one_confident_message_in_another_language_does_not_switch() -> None:
    assert decide_language("ar", "en", 0.99, ["ar", "ar"]) == "ar"
    assert decide_language("ar", "en", 0.99, [None]) == "ar"


def test_two_confident_messages_in_a_row_switch() -> None:
    assert decide_language("ar", "en", 0.99, ["ar", "en"]) == "en"


def test_unconfident_messages_never_switch() -> None:
    assert decide_language("ur", "fa", SWITCH_CONFIDENCE - 0.01, ["fa", "fa"]) == "ur"


def test_same_language_keeps_it() -> None:
    assert decide_language("id", "id", 0.3, []) == "id"


def test_unknown_language_codes_are_ignored() -> None:
    assert decide_language("en", "de", 1.0, ["de"]) == "en"


def test_a_real_conversation_switches_only_after_two_clear_messages() -> None:
    current: str | None = None
    history: list[str | None] = []
    seen = []
    for text in [
        "السلام عليكم",  # neutral: nothing set yet
        "ابي ارفع بلاغ عن الزبالة",  # Arabic: set
        "ok",
        "there is garbage near gate 5",  # one English message: stay
        "ابي اعرف وش صار",  # back to Arabic
        "please can someone from the municipality call me",  # English
        "i want to speak to an employee",  # English again: switch
    ]:
        found = detect_language(text)
        current = decide_language(current, found.language, found.confidence, history)
        history.append(evidence(found))
        seen.append(current)
    assert seen == [None, "ar", "ar", "ar", "ar", "ar", "en"]


def test_detection_is_a_value() -> None:
    assert Detection("ur", 0.9) == Detection("ur", 0.9)
