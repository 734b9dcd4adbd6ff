"""Drafts, flows edited under a live conversation, choice tokens and short answers: the pure engine.

Flows are the real ones; "an admin's edit" is the same files copied and changed
in a temporary folder, loaded as a new FlowSet while the stored state stays the
same, exactly as a content reload does to a conversation in progress.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from dialog_helpers import NOW, Chat, keys, nlu

from bot.app.config import load_settings
from dialogs.engine import Context, step, wants_nlu
from dialogs.flowset import FlowSet
from dialogs.loader import DEFAULT_FLOWS_DIR, load_flows
from dialogs.model import Media, NluResult, UserInput
from dialogs.tokens import CHOICE_ID, token_for

PHOTO = Media(ref="2026/06/01/abc.jpg", content_type="image/jpeg", size=12345)


def to_photo(chat: Chat) -> None:
    chat.press("flow:report_issue")
    chat.press("waste")
    chat.text("Overflowing bins next to the hotel entrance")
    chat.text("Ibrahim Al-Khalil Street")
    assert chat.output.key == "report-ask-photo"


def edited(tmp_path: Path, flow: str, change) -> FlowSet:  # type: ignore[no-untyped-def]
    """The real flows with one file changed as an admin would."""
    folder = tmp_path / "flows"
    shutil.copytree(DEFAULT_FLOWS_DIR, folder)
    path = folder / f"{flow}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_flows(folder, languages=load_settings().languages)


# ---------------------------------------------------------------- drafts


def test_menu_mid_report_keeps_a_draft_and_the_menu_offers_it(chat: Chat) -> None:
    to_photo(chat)
    assert keys(chat.press("menu")) == ["menu-prompt"]
    assert chat.state["flow"] is None
    assert chat.choice_ids[0] == "resume"
    assert chat.output.choices[0].key == "report-draft-button"
    assert keys(chat.press("resume")) == ["draft-resumed", "report-ask-photo"]
    assert chat.state["slots"]["category"] == "waste"
    assert chat.state["drafts"] == []


def test_menu_words_alone_go_to_the_menu(chat: Chat) -> None:
    to_photo(chat)
    for word in ("القائمة", "مینو", "منو", "main menu", "menu utama"):
        assert keys(chat.text(word)) == ["menu-prompt"], word
        chat.press("resume")


def test_another_flow_meanwhile_then_the_draft_is_offered_once(chat: Chat) -> None:
    to_photo(chat)
    chat.press("flow:check_status")  # a question meanwhile
    assert chat.state["drafts"][0]["flow"] == "report_issue"
    chat.text("MK-1234566")
    result = chat.result("find_case", found=False, ticket_id="MK-1234566")
    assert keys(result) == ["status-not-found", "report-draft-offer"]
    offer = result.outputs[-1]
    assert offer.args["has_category"] is True
    assert offer.args["category"] == {"msg": "category-waste", "args": {}}
    assert chat.choice_ids == ["resume", "discard", "menu"]
    # ignored once, it stays in the menu but is not offered again
    chat.press("flow:help")
    assert chat.output.key == "menu-anything-else" and chat.choice_ids[0] == "resume"


def test_yes_and_no_answer_the_offer(chat: Chat) -> None:
    to_photo(chat)
    chat.press("flow:help")
    assert keys(chat.command("status")) == ["status-ask-ticket"]
    chat.text("MK-1234566")
    chat.result("find_case", found=False, ticket_id="MK-1234566")
    assert keys(chat.text("تمام")) == ["draft-resumed", "report-ask-photo"]


def test_discarding_says_nothing_was_sent(chat: Chat) -> None:
    to_photo(chat)
    chat.press("menu")
    chat.press("flow:check_status")
    chat.press("cancel")  # cancels the status question, not the report
    assert chat.output.key == "report-draft-offer"
    assert keys(chat.press("discard")) == ["draft-discarded", "menu-anything-else"]
    assert chat.state["drafts"] == [] and chat.choice_ids[0] != "resume"


def test_the_report_button_takes_the_draft_up(chat: Chat) -> None:
    to_photo(chat)
    chat.press("menu")
    assert keys(chat.press("flow:report_issue")) == ["draft-resumed", "report-ask-photo"]


def test_language_change_mid_report_keeps_it(chat: Chat) -> None:
    to_photo(chat)
    assert keys(chat.command("language")) == ["language-ask"]
    result = chat.press("ar")
    assert keys(result) == ["language-changed", "report-draft-offer", "effect:set_language"]
    assert chat.state["drafts"][0]["slot"] == "photo"


def test_goodbye_keeps_the_draft_and_a_day_later_it_is_offered(chat: Chat) -> None:
    to_photo(chat)
    chat.press("skip")
    chat.press("skip")  # at the summary
    assert keys(chat.text("bye", nlu("goodbye"))) == ["goodbye-reply"]
    assert chat.state["flow"] is None and chat.state["drafts"]
    later = chat.send(UserInput(command="menu"), now=NOW + timedelta(days=1))
    assert [c.id for c in later.outputs[-1].choices][0] == "resume"


def test_a_flow_left_for_half_a_day_becomes_a_draft_not_a_loss(chat: Chat) -> None:
    to_photo(chat)
    result = chat.send(UserInput(command="menu"), now=NOW + timedelta(hours=13))
    assert keys(result) == ["menu-prompt"]
    assert chat.state["drafts"][0]["slots"]["category"] == "waste"


def test_a_draft_older_than_a_week_is_deleted_saying_so(chat: Chat) -> None:
    to_photo(chat)
    chat.press("menu")
    result = chat.send(UserInput(command="menu"), now=NOW + timedelta(days=8))
    assert keys(result) == ["draft-expired", "menu-prompt"]
    assert chat.state["drafts"] == []


def test_a_fourth_draft_drops_the_oldest_with_a_word(flows: FlowSet, ctx: Context) -> None:
    draft = {
        "flow": "report_issue",
        "at": "slot",
        "slot": "photo",
        "slots": {"category": "waste"},
        "editing": False,
        "data": {},
        "seen": NOW.isoformat(),
        "offered": False,
    }
    state = {
        "flow": "services_wajibna",
        "at": "slot",
        "slot": "name",
        "slots": {"relationship": "parent"},
        "drafts": [dict(draft), dict(draft), dict(draft)],
        "seen": NOW.isoformat(),
    }
    result = step(flows, state, UserInput(choice="menu"), now=NOW, ctx=ctx)
    assert keys(result) == ["draft-dropped", "menu-prompt"]
    assert [d["flow"] for d in result.state["drafts"]] == [
        "services_wajibna",
        *["report_issue"] * 2,
    ]


# ---------------------------------------------------------------- flows edited meanwhile


def drop_slot(name: str):  # type: ignore[no-untyped-def]
    """An admin's edit: the question, its line in the summary and its effect argument go."""

    def change(d: dict) -> None:
        d["slots"] = [s for s in d["slots"] if s["id"] != name]
        d["confirm"]["args"].pop(name, None)
        d["done"][0]["args"].pop(name, None)

    return change


def test_a_removed_slot_is_dropped(chat: Chat, tmp_path: Path) -> None:
    to_photo(chat)
    new = edited(tmp_path, "report_issue", drop_slot("description"))
    result = step(new, chat.state, UserInput(choice="skip"), now=NOW, ctx=chat.ctx)
    assert keys(result) == ["report-ask-phone"]
    assert "description" not in result.state["slots"]


def test_a_new_required_slot_is_asked(chat: Chat, tmp_path: Path) -> None:
    to_photo(chat)
    chat.press("skip")
    chat.press("skip")
    assert chat.output.key == "report-summary"

    def add_hotel(d: dict) -> None:
        slot = {"id": "hotel", "type": "text", "ask": "report-ask-location", "label": "menu-help"}
        d["slots"].append(slot)

    new = edited(tmp_path, "report_issue", add_hotel)
    result = step(new, chat.state, UserInput(choice="confirm"), now=NOW, ctx=chat.ctx)
    assert keys(result) == ["flow-changed", "report-ask-location"]  # not sent before it
    assert result.state["slot"] == "hotel" and not result.effects


def test_a_step_that_no_longer_exists_restarts_with_the_answers_kept(
    chat: Chat, tmp_path: Path
) -> None:
    to_photo(chat)
    new = edited(tmp_path, "report_issue", drop_slot("photo"))  # the question they are at
    result = step(new, chat.state, UserInput(media=PHOTO), now=NOW, ctx=chat.ctx)
    assert keys(result) == ["flow-changed", "report-ask-phone"]
    assert result.state["slots"]["description"].startswith("Overflowing")


def test_a_removed_choice_is_asked_again(chat: Chat, tmp_path: Path) -> None:
    to_photo(chat)

    def no_waste(d: dict) -> None:
        d["slots"][0]["choices"] = [c for c in d["slots"][0]["choices"] if c["id"] != "waste"]

    new = edited(tmp_path, "report_issue", no_waste)
    result = step(new, chat.state, UserInput(choice="skip"), now=NOW, ctx=chat.ctx)
    assert keys(result) == ["report-ask-category"]
    assert "category" not in result.state["slots"]


def test_a_removed_flow_is_said_and_its_draft_too(chat: Chat, tmp_path: Path) -> None:
    chat.press("flow:services_wajibna")
    chat.press("parent")
    chat.press("menu")
    folder = tmp_path / "flows"
    shutil.copytree(DEFAULT_FLOWS_DIR, folder)
    (folder / "services_wajibna.yaml").unlink()
    (folder / "services_menu.yaml").write_text(
        (folder / "services_menu.yaml")
        .read_text()
        .replace('      - {id: "flow:services_wajibna", label: services-wajibna}\n', "")
    )
    new = load_flows(folder, languages=load_settings().languages)
    result = step(new, chat.state, UserInput(command="menu"), now=NOW, ctx=chat.ctx)
    assert keys(result) == ["flow-gone", "menu-prompt"]
    assert result.state["drafts"] == []


# ---------------------------------------------------------------- choice tokens


def test_every_choice_goes_out_as_a_token_of_the_shape(chat: Chat) -> None:
    chat.press("flow:my_tickets")
    chat.result("list_cases", cases=[{"ticket_id": "MK-1234566", "status": "new"}])
    assert all(CHOICE_ID.fullmatch(t) for t in chat.tokens)
    assert chat.tokens[0] == token_for("flow:check_status?ticket_id=MK-1234566")
    assert chat.tokens[0].startswith("@")
    assert keys(chat.press(chat.tokens[0])) == ["effect:find_case"]


def test_a_token_nobody_remembers_is_an_old_button(chat: Chat) -> None:
    chat.press("flow:report_issue")
    result = chat.press("@00000000000000000000")
    assert keys(result) == ["choice-expired", "report-ask-category"]


def test_a_typed_number_picks_a_tokened_button(chat: Chat) -> None:
    chat.press("flow:my_tickets")
    chat.result("list_cases", cases=[{"ticket_id": "MK-1234566", "status": "new"}])
    assert keys(chat.text("1")) == ["effect:find_case"]


# ---------------------------------------------------------------- short answers


@pytest.mark.parametrize(
    "text",
    ["no photo", "ما عندي صورة", "gak ada foto", "عکس ندارم", "nahi", "chor do", "skip", "لا"],
)
def test_skip_words_at_an_optional_question(chat: Chat, ctx: Context, text: str) -> None:
    to_photo(chat)
    assert not wants_nlu(chat.flows, chat.state, UserInput(text=text), now=NOW, ctx=ctx)
    assert keys(chat.text(text)) == ["report-ask-phone"]


@pytest.mark.parametrize("text", ["I have a photo", "photo", "the bins are full again"])
def test_other_text_at_the_photo_question_is_not_a_skip(chat: Chat, text: str) -> None:
    to_photo(chat)
    assert keys(chat.text(text)) == ["error-photo-expected", "report-ask-photo"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("my number is 055 123 4567", "0551234567"),
        ("رقمي ٠٥٥١٢٣٤٥٦٧ شكرا", "0551234567"),
        ("nomor saya +62 812-3456-7890", "+6281234567890"),
        ("شماره‌ام ۰۵۵۱۲۳۴۵۶۷ است", "0551234567"),
    ],
)
def test_a_phone_inside_a_sentence_is_read(chat: Chat, text: str, phone: str) -> None:
    to_photo(chat)
    chat.press("skip")
    assert keys(chat.text(text)) == ["report-summary"]
    assert chat.state["slots"]["phone"] == phone


@pytest.mark.parametrize(
    "text", ["تمام ارسله", "yes send it", "iya kirim", "جی بھیج دیں", "آره بفرست"]
)
def test_yes_words_send_the_summary(chat: Chat, text: str) -> None:
    to_photo(chat)
    chat.press("skip")
    chat.press("skip")
    assert keys(chat.text(text)) == ["effect:create_case"]


def test_ok_but_change_something_is_not_a_yes(chat: Chat, ctx: Context) -> None:
    to_photo(chat)
    chat.press("skip")
    chat.press("skip")
    typed = UserInput(text="تمام بس غير المكان")
    assert wants_nlu(chat.flows, chat.state, typed, now=NOW, ctx=ctx)


# ---------------------------------------------------------------- did you mean A or B?


def test_did_you_mean_answered_by_number_keeps_what_the_message_said(chat: Chat) -> None:
    text = "my father is in prison and there is garbage in front of our house"
    result = chat.text(text, nlu("request_proxy_service", 0.8, category="waste"))
    assert keys(result) == ["meant-which"]
    assert chat.choice_ids == ["meant:report_issue", "meant:services_mutmainnun", "menu"]
    assert keys(chat.text("1")) == ["report-ask-location"]  # WhatsApp types the number
    assert chat.state["slots"]["category"] == "waste"
    assert chat.state["slots"]["description"] == text


def test_close_intents_ask_and_anything_else_forgets_the_question(chat: Chat) -> None:
    ranking = (("report_issue", 0.6), ("request_home_visit", 0.35))
    close = NluResult("report_issue", 0.6, ranking=ranking)
    text = "my grandmother can't walk and the bins are full"
    assert keys(chat.text(text, close)) == ["meant-which"]
    assert chat.state["meant"]["text"] == text
    chat.press("flow:help")
    assert chat.state["meant"] is None
