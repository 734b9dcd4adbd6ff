"""The web chat adapter alone: browser JSON -> Inbound, history rows -> page entries."""

from __future__ import annotations

import pytest

from bot.channels.webchat import payloads as webchat
from bot.core.messages import Reply, ReplyChoice, ReplyLink
from dialogs.model import Location

LANGS = ("ar", "en", "id", "ur", "fa")
CLIENT = "c0ffee00c0ffee00c0ffee00c0ffee00"


def _msg(**fields: object) -> dict[str, object]:
    return {"client_id": CLIENT, "message_id": "msg-00000001", **fields}


def test_text_message_becomes_inbound_namespaced_by_client() -> None:
    inbound = webchat.parse_message(
        _msg(text="  rubbish by the hotel  ", lang="ur"), languages=LANGS
    )
    assert inbound.channel == "webchat"
    assert inbound.user_id == CLIENT
    assert inbound.message_id == f"{CLIENT}:msg-00000001"
    assert inbound.text == "rubbish by the hotel"
    assert inbound.locale_hint == "ur"


def test_location_choice_and_command() -> None:
    loc = webchat.parse_message(_msg(location={"lat": 21.4225, "lon": 39.8262}), languages=LANGS)
    assert loc.location == Location(lat=21.4225, lon=39.8262)
    assert webchat.parse_message(_msg(choice="waste"), languages=LANGS).choice == "waste"
    assert webchat.parse_message(_msg(command="start"), languages=LANGS).command == "start"


def test_unknown_language_is_no_hint() -> None:
    assert webchat.parse_message(_msg(text="hi", lang="xx"), languages=LANGS).locale_hint is None


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ([], "bad_json"),
        ({"message_id": "msg-00000001", "text": "hi"}, "bad_client_id"),
        (_msg(client_id="short", text="hi"), "bad_client_id"),
        (_msg(client_id="../../etc/passwd-aaaaaaaa", text="hi"), "bad_client_id"),
        (_msg(client_id="a" * 65, text="hi"), "bad_client_id"),
        (_msg(client_id=12345678901234567890, text="hi"), "bad_client_id"),
        (_msg(message_id="x", text="hi"), "bad_message_id"),
        (_msg(), "bad_kind"),
        (_msg(text="hi", choice="waste"), "bad_kind"),
        (_msg(text="   "), "bad_text"),
        (_msg(text="x" * (webchat.MAX_TEXT_CHARS + 1)), "text_too_long"),
        (_msg(choice="<script>"), "bad_choice"),
        (_msg(location={"lat": 91, "lon": 0}), "bad_location"),
        (_msg(location={"lat": "21.4", "lon": 39.8}), "bad_location"),
        (_msg(location={"lat": float("nan"), "lon": 39.8}), "bad_location"),
        (_msg(location=[21.4, 39.8]), "bad_location"),
        (_msg(command="drop_tables"), "bad_command"),
    ],
)
def test_bad_messages_are_named(payload: object, code: str) -> None:
    with pytest.raises(webchat.BadMessage) as err:
        webchat.parse_message(payload, languages=LANGS)
    assert err.value.code == code
    assert err.value.detail


def test_reply_json_mirrors_reply() -> None:
    reply = Reply(
        key="report-ask-category",
        text="ما نوع المشكلة؟",
        lang="ar",
        choices=(ReplyChoice("waste", "النفايات"),),
        expects="choice",
        rtl=True,
        links=(ReplyLink("https://www.google.com/maps/search/?api=1&query=21.4,39.8", "الخريطة"),),
    )
    assert webchat.reply_json(reply) == {
        "key": "report-ask-category",
        "text": "ما نوع المشكلة؟",
        "lang": "ar",
        "rtl": True,
        "expects": "choice",
        "choices": [{"id": "waste", "label": "النفايات"}],
        "links": [
            {"url": "https://www.google.com/maps/search/?api=1&query=21.4,39.8", "label": "الخريطة"}
        ],
    }


@pytest.mark.parametrize(
    "choice",
    ["flow:check_status", "@e2143affaac29877ba21", "edit:location", "a" * 64, "menu"],
)
def test_every_token_shape_the_bot_makes_is_accepted(choice: str) -> None:
    assert webchat.parse_message(_msg(choice=choice), languages=LANGS).choice == choice


@pytest.mark.parametrize("choice", ["a" * 65, "flow:x?y=1", "a b", "", "é"])
def test_choices_outside_the_token_shape_are_refused(choice: str) -> None:
    with pytest.raises(webchat.BadMessage) as err:
        webchat.parse_message(_msg(choice=choice), languages=LANGS)
    assert err.value.code == "bad_choice"


def test_history_shows_pressed_buttons_by_label_and_hides_commands() -> None:
    rows = [
        {"direction": "in", "message_id": "x", "command": "start"},
        {
            "direction": "out",
            "key": "report-ask-category",
            "text": "What kind of problem is it?",
            "lang": "en",
            "rtl": False,
            "expects": "choice",
            "choices": [{"id": "waste", "label": "Waste and litter"}],
        },
        {"direction": "in", "message_id": "y", "choice": "waste"},
        {"direction": "in", "message_id": "z", "location": {"lat": 21.4, "lon": 39.8}},
        {"direction": "in", "message_id": "w", "media": {"ref": "a.png"}},
    ]
    entries = webchat.history_json(rows)
    assert [(e["from"], e.get("kind")) for e in entries] == [
        ("bot", None),
        ("user", "choice"),
        ("user", "location"),
        ("user", "photo"),
    ]
    assert entries[1]["text"] == "Waste and litter"
