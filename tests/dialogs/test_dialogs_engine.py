"""Unit tests of the pure dialog engine over the real flows."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from dialog_helpers import NOW, Chat, keys, nlu

from dialogs.engine import Context, step, wants_nlu
from dialogs.flowset import FlowSet
from dialogs.model import EffectResult, Location, Media, UserInput
from locales.render import Localizer

PHOTO = Media(ref="2026/06/01/abc.jpg", content_type="image/jpeg", size=12345)
DESCRIPTION = "Overflowing bins next to the hotel entrance"


def to_confirm(chat: Chat) -> None:
    """Walk a report up to its summary."""
    chat.press("flow:report_issue")
    chat.press("waste")
    chat.text(DESCRIPTION)
    chat.text("Ibrahim Al-Khalil Street")
    chat.send(UserInput(media=PHOTO))
    chat.press("skip")
    assert chat.output.key == "report-summary"


# ---------------------------------------------------------------- slots


def test_too_short_description_is_asked_again_with_the_reason(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    result = chat.text("dirty")
    assert keys(result) == ["error-text-too-short", "report-ask-description"]
    assert result.outputs[0].args["min"] == 10
    assert chat.state["slot"] == "description"


def test_too_long_description_names_the_limit(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    result = chat.text("x" * 1001)
    assert keys(result) == ["error-text-too-long", "report-ask-description"]
    assert result.outputs[0].args["max"] == 1000


def test_a_photo_where_text_is_expected_is_kept_for_later(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    assert keys(chat.send(UserInput(media=PHOTO))) == [
        "error-text-expected",
        "report-ask-description",
    ]
    assert chat.state["slots"]["photo"]["ref"] == PHOTO.ref
    chat.text(DESCRIPTION)
    chat.text("Ajyad Street")
    assert chat.output.key == "report-ask-phone"  # the photo question is not asked


def test_a_photo_at_the_menu_starts_a_report_with_it(chat: Chat) -> None:
    assert keys(chat.send(UserInput(media=PHOTO))) == ["report-ask-category"]
    assert chat.state["flow"] == "report_issue"
    assert chat.state["slots"] == {
        "photo": {"ref": PHOTO.ref, "content_type": "image/jpeg", "size": 12345}
    }


def test_a_pin_at_the_menu_starts_a_report_with_it(chat: Chat) -> None:
    chat.send(UserInput(location=Location(21.4, 39.8, "Ajyad")))
    assert chat.state["slots"] == {"location": {"lat": 21.4, "lon": 39.8, "label": "Ajyad"}}


def test_an_attachment_nobody_asked_for_is_refused(chat: Chat) -> None:
    chat.press("flow:check_status")
    assert keys(chat.send(UserInput(media=PHOTO))) == [
        "status-ticket-absent",
        "status-ask-ticket",
    ]


def test_location_takes_a_pin_or_a_typed_place(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    chat.text(DESCRIPTION)
    assert chat.output.expects == "location"
    assert keys(chat.text("ab")) == ["error-location-too-short", "report-ask-location"]
    chat.send(UserInput(location=Location(21.4225, 39.8262)))
    assert chat.state["slots"]["location"] == {"lat": 21.4225, "lon": 39.8262, "label": None}
    assert chat.output.key == "report-ask-photo"


def test_mina_camp_number_is_a_place(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    chat.text(DESCRIPTION)
    chat.text("Mina camp ٥٢")
    assert chat.state["slots"]["location"] == {"text": "Mina camp ٥٢"}


def test_optional_slots_can_be_skipped_and_show_their_own_none(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    chat.text(DESCRIPTION)
    chat.text("King Abdulaziz Road")
    assert "skip" in chat.choice_ids
    chat.press("skip")
    chat.press("skip")
    summary = chat.output
    assert summary.key == "report-summary"
    # each field its own "none" (Arabic: الصورة: لا توجد, رقم الهاتف: لا يوجد)
    assert summary.args["photo"] == {"msg": "report-photo-none", "args": {}}
    assert summary.args["phone"] == {"msg": "report-phone-none", "args": {}}
    assert chat.state["slots"]["photo"] is None


def test_a_required_slot_has_no_skip(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    assert "skip" not in chat.choice_ids
    assert keys(chat.press("skip")) == ["error-text-expected", "report-ask-description"]


def test_phone_is_checked_and_normalised(chat: Chat) -> None:
    to_confirm(chat)
    chat.press("edit")
    chat.press("edit:phone")
    assert keys(chat.text("call me")) == ["error-phone-invalid", "report-ask-phone"]
    chat.text("٠٥٠ ١٢٣ ٤٥٦٧")
    assert chat.state["slots"]["phone"] == "0501234567"
    assert chat.output.key == "report-summary"


def test_a_shared_contact_answers_the_phone_question(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    chat.text(DESCRIPTION)
    chat.text("Ajyad Street")
    chat.press("skip")
    assert chat.output.expects == "phone"
    chat.send(UserInput(phone="+966501234567"))
    assert chat.state["slots"]["phone"] == "+966501234567"


# ---------------------------------------------------------------- choices


@pytest.mark.parametrize("typed", ["2", "٢", "۲", "2.", " 2 "])
def test_a_choice_by_its_number_in_any_digit_script(chat: Chat, typed: str) -> None:
    chat.press("flow:report_issue")
    chat.text(typed)
    assert chat.state["slots"]["category"] == "water_sewage"


@pytest.mark.parametrize("typed", ["Road hazard", "road HAZARD!", "  road   hazard "])
def test_a_choice_by_its_label(chat: Chat, typed: str) -> None:
    chat.press("flow:report_issue")
    chat.text(typed)
    assert chat.state["slots"]["category"] == "road_hazard"


def test_a_label_in_another_language_when_the_resolver_allows(
    flows: FlowSet, localizer: Localizer
) -> None:
    c = Chat(flows, Context(labels=localizer.labels("en", every_language=True)))
    c.command("menu")
    c.press("flow:report_issue")
    c.text(localizer.render("ar", "category-road-hazard"))
    assert c.state["slots"]["category"] == "road_hazard"
    c.text(localizer.render("fa", "choice-cancel"))
    assert c.state["flow"] is None


def test_a_number_out_of_range_without_nlu_is_asked_again(chat: Chat) -> None:
    chat.press("flow:report_issue")
    assert keys(chat.text("42")) == ["please-choose", "report-ask-category"]


def test_the_main_menu_comes_from_the_flows(chat: Chat, flows: FlowSet) -> None:
    assert chat.output.key == "menu-prompt"
    assert chat.choice_ids == [f"flow:{f.id}" for f in flows.menu()]
    assert chat.choice_ids[0] == "flow:report_issue"


# ---------------------------------------------------------------- confirm, edit, cancel


def test_confirm_sends_the_case_and_gives_the_ticket(chat: Chat) -> None:
    to_confirm(chat)
    result = chat.press("confirm")
    assert keys(result) == ["effect:create_case"]
    effect = result.effects[0]
    assert effect.awaits
    assert effect.args == {
        "category": "waste",
        "description": DESCRIPTION,
        "location": {"text": "Ibrahim Al-Khalil Street"},
        "photo": {"ref": PHOTO.ref, "content_type": "image/jpeg", "size": 12345},
        "phone": None,
    }
    result = chat.result("create_case", ticket_id="MK-1234566")
    assert keys(result) == ["report-filed"]  # with buttons: awareness tips, main menu
    assert [c.id for c in result.outputs[0].choices] == ["flow:services_tips", "menu"]
    assert result.outputs[0].args == {"ticket_id": "MK-1234566"}
    assert chat.state["flow"] is None


def test_edit_lets_the_person_re_answer_one_field(chat: Chat) -> None:
    to_confirm(chat)
    chat.press("edit")
    assert chat.output.key == "confirm-edit-which"
    assert chat.choice_ids[:5] == [
        "edit:category",
        "edit:description",
        "edit:location",
        "edit:photo",
        "edit:phone",
    ]
    chat.text("Description")  # by label
    assert chat.output.key == "report-ask-description"
    chat.text("Broken street lamp, very dark at night")
    assert chat.output.key == "report-summary"
    assert chat.output.args["description"] == "Broken street lamp, very dark at night"
    assert chat.state["slots"]["category"] == "waste"


def test_cancel_at_the_summary_sends_nothing(chat: Chat) -> None:
    to_confirm(chat)
    result = chat.press("cancel")
    assert keys(result) == ["cancelled", "menu-anything-else"]
    assert result.effects == ()
    assert chat.state["flow"] is None and chat.state["slots"] == {}


@pytest.mark.parametrize(
    "cancel",
    [
        UserInput(choice="cancel"),
        UserInput(command="cancel"),
        UserInput(text="Cancel"),
        UserInput(text="please stop this", nlu=nlu("cancel", 0.95)),
    ],
    ids=["button", "command", "label", "nlu"],
)
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_cancel_anywhere(chat: Chat, cancel: UserInput, depth: int) -> None:
    chat.press("flow:report_issue")
    if depth >= 2:
        chat.press("waste")
    if depth >= 3:
        chat.text(DESCRIPTION)
    assert keys(chat.send(cancel)) == ["cancelled", "menu-anything-else"]
    assert chat.state["flow"] is None


def test_cancel_at_the_menu_just_shows_the_menu(chat: Chat) -> None:
    assert keys(chat.command("cancel")) == ["menu-prompt"]


# ---------------------------------------------------------------- NLU


def test_intent_with_category_skips_the_category_question(chat: Chat) -> None:
    # first a look at the person's own tickets (none), then the report
    assert keys(chat.text("garbage!", nlu("report_issue", category="waste"))) == [
        "effect:list_cases"
    ]
    assert keys(chat.result("list_cases", cases=[])) == ["report-ask-description"]
    assert chat.state["slots"] == {"category": "waste"}


def test_an_unknown_category_entity_is_ignored(chat: Chat) -> None:
    chat.text("a problem", nlu("report_issue", category="volcano"))
    chat.result("list_cases", cases=[])
    assert chat.output.key == "report-ask-category"


def test_intent_with_ticket_answers_at_once(chat: Chat) -> None:
    result = chat.text("where is my ticket", nlu("check_status", ticket_id="mk ١٢٣٤٥٦٦"))
    assert keys(result) == ["effect:find_case"]
    assert result.effects[0].args == {"ticket_id": "MK-1234566"}


def test_intent_with_a_mistyped_ticket_says_so_and_asks(chat: Chat) -> None:
    result = chat.text("status 1234567", nlu("check_status", ticket_id="1234567"))
    assert keys(result) == ["status-ticket-mistyped", "status-ask-ticket"]


def test_another_flow_mid_flow_switches_to_it(chat: Chat) -> None:
    chat.press("flow:report_issue")
    result = chat.text("actually I want to check my ticket", nlu("check_status", 0.8))
    assert keys(result) == ["effect:list_cases"]  # their own tickets first: none
    assert keys(chat.result("list_cases", cases=[])) == ["status-ask-ticket"]
    assert chat.state["flow"] == "check_status"
    assert chat.state["slots"] == {}


def test_a_command_mid_flow_switches_to_its_flow(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    assert keys(chat.command("status")) == ["status-ask-ticket"]
    assert chat.state["flow"] == "check_status"


def test_a_menu_button_mid_flow_switches_to_its_flow(chat: Chat) -> None:
    chat.press("flow:report_issue")
    assert keys(chat.press("flow:change_language")) == ["language-ask"]


def test_help_mid_flow_is_an_aside(chat: Chat) -> None:
    chat.press("flow:report_issue")
    assert keys(chat.text("what can you do", nlu("help"))) == ["help", "report-ask-category"]
    chat.press("waste")
    assert keys(chat.command("help")) == ["help", "report-ask-description"]
    assert chat.state["flow"] == "report_issue"
    assert chat.state["slots"] == {"category": "waste"}


def test_a_weak_intent_mid_flow_does_not_switch(chat: Chat) -> None:
    chat.press("flow:report_issue")
    result = chat.text("hmm check maybe", nlu("check_status", 0.3))
    assert keys(result) == ["please-choose", "report-ask-category"]
    assert chat.state["flow"] == "report_issue"


def test_the_same_intent_mid_flow_fills_the_slot(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.text("it's about rats", nlu("report_issue", category="animals_pests"))
    assert chat.state["slots"]["category"] == "animals_pests"
    assert chat.state["slots"]["description"] == "it's about rats"  # what they said
    assert chat.output.key == "report-ask-location"


def test_fallback_clarifies_with_the_top_intents(chat: Chat) -> None:
    result = chat.text("uhh", nlu("nlu_fallback", 0.3, ranking=["check_status", "greet"]))
    assert keys(result) == ["clarify"]
    assert chat.choice_ids == ["flow:check_status", "menu"]


def test_low_confidence_counts_as_fallback(chat: Chat) -> None:
    result = chat.text("uhh", nlu("report_issue", 0.4, ranking=["change_language"]))
    assert keys(result) == ["clarify"]
    assert chat.choice_ids == ["flow:report_issue", "flow:change_language", "menu"]


def test_second_fallback_in_a_row_offers_a_person(chat: Chat) -> None:
    chat.text("uhh", nlu("nlu_fallback", 0.2))
    result = chat.text("what", nlu("nlu_fallback", 0.2))
    assert keys(result) == ["handoff-offer"]
    assert result.outputs[0].args == {"hotline": "940"}
    # the flow for the engine's `not_understood` event: it hands off saying why
    assert chat.choice_ids == ["flow:human_agent_missed", "menu"]
    result = chat.press("flow:human_agent_missed")
    assert keys(result) == ["effect:handoff"]
    assert result.effects[0].args == {"reason": "not_understood"}
    result = chat.result("handoff", outcome="queued", position=2, minutes=12)
    assert keys(result) == ["handoff-queued"]
    assert result.outputs[0].args == {"position": 2, "minutes": 12}
    assert chat.choice_ids == ["cancel"]  # the bot goes quiet: no menu under it


def test_the_human_agent_flow_is_offered_without_a_not_understood_flow(
    flows: FlowSet, ctx: Context
) -> None:
    others = {k: v for k, v in flows.flows.items() if "not_understood" not in v.intents}
    chat = Chat(dataclasses.replace(flows, flows=others), ctx)
    chat.text("uhh", nlu("nlu_fallback", 0.2))
    chat.text("what", nlu("nlu_fallback", 0.2))
    assert chat.choice_ids == ["flow:human_agent", "menu"]


def test_an_understood_message_resets_the_miss_count(chat: Chat) -> None:
    chat.text("uhh", nlu("nlu_fallback", 0.2))
    chat.text("hello", nlu("greet"))
    assert keys(chat.text("what", nlu("nlu_fallback", 0.2))) == ["clarify"]


def test_without_nlu_free_text_gets_the_menu(chat: Chat) -> None:
    result = chat.text("I need help with something")
    assert keys(result) == ["please-use-menu"]
    assert chat.choice_ids[0] == "flow:report_issue"


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("greet", ["greet-reply-hello"]),
        ("thank", ["thank-reply"]),
        ("goodbye", ["goodbye-reply"]),
        ("out_of_scope", ["out-of-scope"]),
        ("help", ["help", "menu-anything-else"]),
    ],
)
def test_small_talk_at_the_menu(chat: Chat, intent: str, expected: list[str]) -> None:
    assert keys(chat.text("...", nlu(intent))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Assalamu alaikum", "greet-reply"),
        ("السلام عليكم ورحمة الله", "greet-reply"),
        ("assalamualaikum kak", "greet-reply"),
        ("سلام علیکم", "greet-reply"),
        ("hello there", "greet-reply-hello"),
        ("مرحبا", "greet-reply-hello"),
        ("halo selamat pagi", "greet-reply-hello"),
        ("درود", "greet-reply-hello"),
    ],
)
def test_wa_alaikum_assalam_answers_only_a_salam(chat: Chat, text: str, expected: str) -> None:
    assert keys(chat.text(text, nlu("greet")))[0] == expected


def test_a_salam_alone_is_answered_without_the_nlu(chat: Chat, ctx: Context) -> None:
    typed = UserInput(text="السلام عليكم")
    assert not wants_nlu(chat.flows, chat.state, typed, now=NOW, ctx=ctx)
    assert keys(chat.send(typed)) == ["greet-reply"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", ["greet-reply-hello"]),
        ("Hi!", ["greet-reply-hello"]),
        ("أهلاً", ["greet-reply-hello"]),
        ("ہیلو", ["greet-reply-hello"]),
        ("selamat pagi kak", ["greet-reply-hello"]),
        ("thank you", ["thank-reply"]),
        ("شكراً جزاك الله خيرا", ["thank-reply"]),  # a thanks, though "الله" ends a salam too
        ("السلام عليكم ورحمة الله", ["greet-reply"]),
        ("جزاک اللہ", ["thank-reply"]),
        ("ok", None),  # a yes with no question asked: the NLU reads it
        ("مشكور يا اخوي", ["thank-reply"]),
        ("terima kasih", ["thank-reply"]),
        ("ممنونم", ["thank-reply"]),
        ("shukriya bhai", ["thank-reply"]),
        ("bye", ["goodbye-reply"]),
        ("مع السلامة", ["goodbye-reply"]),
        ("خداحافظ", ["goodbye-reply"]),
        ("khuda hafiz", ["goodbye-reply"]),
        ("dadah", ["goodbye-reply"]),
    ],
)
def test_small_talk_alone_is_answered_without_the_nlu(
    chat: Chat, ctx: Context, text: str, expected: list[str] | None
) -> None:
    typed = UserInput(text=text)
    assert wants_nlu(chat.flows, chat.state, typed, now=NOW, ctx=ctx) is (expected is None)
    if expected is not None:
        assert keys(chat.send(typed)) == expected


@pytest.mark.parametrize(
    "text", ["hello, there is garbage near my hotel", "thanks but nobody came", "bye bye water"]
)
def test_small_talk_with_a_request_goes_to_the_nlu(chat: Chat, ctx: Context, text: str) -> None:
    assert wants_nlu(chat.flows, chat.state, UserInput(text=text), now=NOW, ctx=ctx)


def test_bye_alone_mid_report_keeps_the_report_for_later(chat: Chat) -> None:
    chat.press("flow:report_issue")
    assert keys(chat.send(UserInput(text="bye"))) == ["goodbye-reply"]
    assert chat.state["flow"] is None
    assert keys(chat.send(UserInput(text="hi")))[0] == "greet-reply-hello"


def test_small_talk_mid_flow_asks_the_question_again(chat: Chat) -> None:
    chat.press("flow:report_issue")
    assert keys(chat.text("thanks", nlu("thank"))) == ["thank-reply", "report-ask-category"]


def test_affirm_confirms_and_deny_edits_at_the_summary(chat: Chat) -> None:
    to_confirm(chat)
    assert keys(chat.text("nope", nlu("deny"))) == ["confirm-edit-which"]
    chat.press("edit:photo")
    chat.press("skip")
    assert keys(chat.text("yes please", nlu("affirm"))) == ["effect:create_case"]


def test_a_number_at_the_summary_does_not_leave_the_report(chat: Chat) -> None:
    to_confirm(chat)
    assert keys(chat.text("050 123 4567")) == ["please-choose", "report-summary"]
    assert chat.state["flow"] == "report_issue"


def test_a_ticket_number_at_the_menu_checks_it(chat: Chat) -> None:
    result = chat.text("MK-1234566")
    assert keys(result) == ["effect:find_case"]


# ---------------------------------------------------------------- tickets


def test_mistyped_ticket_is_not_not_found(chat: Chat) -> None:
    chat.press("flow:check_status")
    result = chat.text("MK-1234567")
    assert keys(result) == ["status-ticket-mistyped", "status-ask-ticket"]
    assert result.outputs[0].args["digits"] == "1234567"
    result = chat.text("MK-1111111")
    assert keys(result) == ["effect:find_case"]
    result = chat.result("find_case", found=False, ticket_id="MK-1111111")
    assert keys(result) == ["status-not-found", "menu-anything-else"]
    assert result.outputs[0].args == {"ticket_id": "MK-1111111"}


def test_text_without_a_ticket_number_is_asked_again(chat: Chat) -> None:
    chat.press("flow:check_status")
    result = chat.text("I lost it")
    assert keys(result) == ["status-ticket-absent", "status-ask-ticket"]
    assert result.outputs[0].args["example"] == "MK-1234566"


CASE = {
    "found": True,
    "ticket_id": "MK-1234566",
    "status": "in_progress",
    "created_at": "2026-05-31T22:30:00+00:00",
    "updated_at": "2026-06-01T09:00:00+00:00",
}


def test_the_reporter_sees_every_detail(chat: Chat) -> None:
    chat.text("MK-1234566")
    details = {"category": "waste", "description": "bins", "location_text": "Ajyad"}
    result = chat.result("find_case", **CASE, is_reporter=True, **details)
    owner = result.outputs[0]
    assert owner.key == "status-owner"
    assert owner.args["status"] == {"msg": "case-status-in-progress", "args": {}}
    assert owner.args["category"] == {"msg": "category-waste", "args": {}}
    assert owner.args["description"] == "bins"
    assert owner.args["location"] == "Ajyad"
    assert owner.args["created"].isoformat() == "2026-06-01T01:30:00+03:00"  # Saudi time


def test_a_stranger_learns_only_status_and_dates(chat: Chat) -> None:
    chat.text("MK-1234566")
    result = chat.result("find_case", **CASE, is_reporter=False)
    public = result.outputs[0]
    assert public.key == "status-public"
    assert set(public.args) == {"ticket_id", "status", "created", "updated"}


def test_an_unknown_status_has_a_label(chat: Chat) -> None:
    chat.text("MK-1234566")
    result = chat.result("find_case", **{**CASE, "status": "archived"}, is_reporter=False)
    assert result.outputs[0].args["status"] == {"msg": "case-status-unknown", "args": {}}


def my_case(ticket: str, status: str = "new") -> dict:
    return {
        "ticket_id": ticket,
        "status": status,
        "category": "waste",
        "created_at": CASE["created_at"],
    }


@pytest.mark.parametrize("count", [0, 1, 3])
def test_my_tickets_counts_and_lists(chat: Chat, count: int) -> None:
    assert keys(chat.press("flow:my_tickets")) == ["effect:list_cases"]
    cases = [my_case(f"MK-{100000 + i}") for i in range(count)]
    result = chat.result("list_cases", cases=cases)
    assert result.outputs[0].key == "status-my-tickets"
    assert result.outputs[0].args["count"] == count
    if count:
        assert len(result.outputs) == 1
        assert chat.choice_ids == [
            *(f"flow:check_status?ticket_id={c['ticket_id']}" for c in cases),
            "menu",
        ]
    else:
        assert keys(result) == ["status-my-tickets", "menu-anything-else"]


def test_a_ticket_from_the_list_opens_it(chat: Chat) -> None:
    chat.press("flow:my_tickets")
    chat.result("list_cases", cases=[my_case("MK-1234566"), my_case("MK-1111111", "resolved")])
    result = chat.text("2")
    assert keys(result) == ["effect:find_case"]
    assert result.effects[0].args == {"ticket_id": "MK-1111111"}


# ---------------------------------------------------------------- language, effects, state


def test_change_language_applies_then_confirms(chat: Chat) -> None:
    chat.command("language")
    assert chat.output.key == "language-ask"
    result = chat.text("اردو")
    assert [o.key for o in result.outputs] == ["language-changed", "menu-anything-else"]
    assert [(e.name, e.args, e.awaits) for e in result.effects] == [
        ("set_language", {"language": "ur"}, False)
    ]


def test_an_effect_error_is_said_and_the_flow_ends(chat: Chat) -> None:
    chat.text("MK-1234566")
    result = chat.result("find_case", error="database down")
    assert keys(result) == ["error-service", "menu-anything-else"]
    assert chat.state["flow"] is None


def test_a_result_nobody_waits_for_is_ignored(chat: Chat) -> None:
    before = dict(chat.state)
    result = chat.result("create_case", ticket_id="MK-1234566")
    assert keys(result) == []
    assert result.state["flow"] == before["flow"]


def test_first_message_of_a_conversation_starts_with_the_welcome(
    flows: FlowSet, ctx: Context
) -> None:
    fresh = Chat(flows, ctx)
    assert keys(fresh.text("hi", nlu("greet"))) == ["menu-welcome", "greet-reply-hello"]
    assert keys(Chat(flows, ctx).command("start")) == ["menu-welcome", "menu-prompt"]


def test_an_unfinished_flow_goes_stale(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    result = chat.send(UserInput(text="about yesterday"), now=NOW + timedelta(days=1))
    assert keys(result) == ["please-use-menu"]
    assert chat.state["flow"] is None


def test_state_from_a_removed_flow_is_dropped_saying_so(flows: FlowSet, ctx: Context) -> None:
    state = {"flow": "gone", "at": "slot", "slot": "x", "slots": {"x": 1}}
    result = step(flows, state, UserInput(command="menu"), now=NOW, ctx=ctx)
    assert keys(result) == ["flow-gone", "menu-prompt"]
    assert result.state["flow"] is None


def test_state_is_json_and_steps_are_deterministic(flows: FlowSet, ctx: Context) -> None:
    def run() -> list:
        c = Chat(flows, ctx)
        c.command("start")
        to_confirm(c)
        c.press("confirm")
        c.result("create_case", ticket_id="MK-1234566")
        c.press("flow:my_tickets")
        c.result("list_cases", cases=[my_case("MK-1234566")])
        return [json.dumps(c.state, sort_keys=True), keys(c.last)]

    assert run() == run()


def test_the_callers_state_is_not_changed(flows: FlowSet, ctx: Context) -> None:
    state = {"flow": "report_issue", "at": "slot", "slot": "category", "slots": {}}
    snapshot = json.dumps(state, sort_keys=True)
    step(flows, state, UserInput(choice="waste"), now=NOW, ctx=ctx)
    assert json.dumps(state, sort_keys=True) == snapshot


# ---------------------------------------------------------------- wants_nlu


@pytest.mark.parametrize(
    ("setup", "text", "expected"),
    [
        ([], "I want to report garbage", True),
        ([], "2", False),
        ([], "Check a ticket", False),
        ([], "MK-1234566", False),
        (["flow:report_issue"], "the bins stink", True),
        (["flow:report_issue"], "٣", False),
        (["flow:report_issue", "waste"], "Overflowing bins next to the hotel", False),
        (["flow:report_issue", "waste"], "Cancel", False),
        (["flow:check_status"], "1234566", False),
        (["flow:check_status"], "I don't have it, show my reports", True),
    ],
)
def test_wants_nlu(chat: Chat, ctx: Context, setup: list, text: str, expected: bool) -> None:
    for choice in setup:
        chat.press(choice)
    assert wants_nlu(chat.flows, chat.state, UserInput(text=text), labels=ctx.labels) is expected


def test_wants_nlu_knows_a_stale_flow_is_over(chat: Chat, ctx: Context) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    typed = UserInput(text="I want to report a leak")
    assert not wants_nlu(chat.flows, chat.state, typed, labels=ctx.labels, now=NOW)
    later = NOW + timedelta(days=1)
    assert wants_nlu(chat.flows, chat.state, typed, now=later, ctx=ctx)


def test_wants_nlu_never_for_buttons_or_attachments(flows: FlowSet) -> None:
    for ui in (UserInput(choice="menu"), UserInput(media=PHOTO), UserInput(command="start")):
        assert not wants_nlu(flows, {}, ui)


def test_an_effect_result_is_an_event(flows: FlowSet, ctx: Context) -> None:
    result = step(flows, {}, EffectResult("list_cases", {"cases": []}), now=NOW, ctx=ctx)
    assert result.outputs == ()
