"""How replies look on WhatsApp: numbered choices, 1600-character parts, TwiML, `enabled`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bot.app.config import load_settings
from bot.channels.whatsapp.reply_text import BODY_LIMIT, render_body, split_body
from bot.channels.whatsapp.webhook import enabled, twiml
from bot.core.messages import Reply, ReplyChoice, ReplyLink


def test_choices_become_numbered_lines() -> None:
    reply = Reply(
        key="report-ask-category",
        text="ما نوع البلاغ؟",
        lang="ar",
        choices=(ReplyChoice("waste", "نفايات"), ReplyChoice("road_hazard", "خطر في الطريق")),
        expects="choice",
        rtl=True,
    )
    assert render_body(reply) == "ما نوع البلاغ؟\n\n1. نفايات\n2. خطر في الطريق"


def test_short_text_is_one_part() -> None:
    assert split_body("Thank you.") == ["Thank you."]


def test_long_text_splits_on_sentence_ends_in_any_script() -> None:
    urdu = "آپ کی شکایت درج ہو گئی ہے۔ " * 120  # ends with the Urdu full stop
    parts = split_body(urdu)
    assert len(parts) > 1
    assert all(len(p) <= BODY_LIMIT for p in parts)
    assert all(p.endswith("۔") for p in parts)
    assert " ".join(parts) == urdu.strip()


def test_text_without_sentence_ends_splits_on_spaces_then_hard() -> None:
    words = "kata " * 700
    assert all(len(p) <= BODY_LIMIT and not p.endswith(" ") for p in split_body(words))
    solid = "x" * (BODY_LIMIT * 2 + 5)
    assert [len(p) for p in split_body(solid)] == [BODY_LIMIT, BODY_LIMIT, 5]


def test_twiml_has_one_message_per_part() -> None:
    long = Reply(key="k", text="Sentence number one is here. " * 100, lang="en")
    short = Reply(key="k2", text="Done & dusted <ok>", lang="en")
    root = ET.fromstring(twiml([long, short]))
    bodies = [m.text for m in root.findall("Message")]
    assert len(bodies) == 3
    assert bodies[-1] == "Done & dusted <ok>"  # escaped in XML, intact once parsed


def test_enabled_needs_credentials_and_a_public_url() -> None:
    full = {
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN": "f" * 32,
        "PUBLIC_URL": "https://bot.example.org/",
    }
    on, reason = enabled(load_settings(env=full))
    assert on and reason.endswith("https://bot.example.org/webhooks/whatsapp")

    on, reason = enabled(load_settings(env={k: v for k, v in full.items() if k != "PUBLIC_URL"}))
    assert not on and "PUBLIC_URL" in reason and "\n" not in reason
    on, reason = enabled(load_settings(env={"PUBLIC_URL": "https://bot.example.org"}))
    assert not on and "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN" in reason
    off = load_settings(env=full, overrides={"channels.whatsapp.enabled": False})
    assert enabled(off) == (False, "switched off in config.yaml (channels.whatsapp.enabled)")


def test_a_link_is_a_bare_url_on_its_own_line_outside_the_bidi_marks() -> None:
    url = "https://www.google.com/maps/search/?api=1&query=21.43190,39.82980"
    reply = Reply(
        key="services-point-itlala",
        text="🕌 \u2068مسجد الجن\u2069 — موقع «إطلالة»",
        lang="ar",
        choices=(ReplyChoice("menu", "القائمة الرئيسية"),),
        rtl=True,
        links=(ReplyLink(url, "🗺️ افتح الخريطة"),),
    )
    lines = render_body(reply).splitlines()
    assert url in lines  # alone on its line: WhatsApp makes it tappable
    before = lines[lines.index(url) - 1]
    assert before == "🗺️ افتح الخريطة" and "\u2068" not in before
    assert lines[-1] == "1. القائمة الرئيسية"
