"""Transcripts: each flow as a conversation of (event, the keys the bot answers with).

Keys are message ids in order, then `effect:<name>` for each effect asked for.
An `EffectResult` line is the service reporting back.
"""

from __future__ import annotations

from dialog_helpers import Chat, nlu

from dialogs.engine import Context
from dialogs.flowset import FlowSet
from dialogs.model import EffectResult as Done
from dialogs.model import Location, Media
from dialogs.model import UserInput as U

PHOTO = Media(ref="2026/06/01/p.jpg", content_type="image/jpeg", size=2048)
WHEN = "2026-06-01T09:00:00+00:00"


def test_report_issue_by_buttons(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (U(command="start"), ["menu-welcome", "menu-prompt"]),
            (U(choice="flow:report_issue"), ["report-ask-category"]),
            (U(choice="water_sewage"), ["report-ask-description"]),
            (U(text="leak"), ["error-text-too-short", "report-ask-description"]),
            (U(text="Water pouring from a broken pipe"), ["report-ask-location"]),
            (U(location=Location(21.42, 39.82, "Ajyad")), ["report-ask-photo"]),
            (U(media=PHOTO), ["report-ask-phone"]),
            (U(text="0501234567"), ["report-summary"]),
            (U(choice="confirm"), ["effect:create_case"]),
            (
                Done("create_case", {"ticket_id": "MK-1234566"}),
                ["report-filed"],
            ),
        ]
    )


def test_report_issue_by_typing_with_nlu(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (
                U(
                    text="there is rubbish outside my hotel",
                    nlu=nlu("report_issue", category="waste"),
                ),
                ["menu-welcome", "effect:list_cases"],  # their open tickets first: none
            ),
            # what they typed is the description: only the place is asked
            (Done("list_cases", {"cases": []}), ["report-ask-location"]),
            (U(text="Mina camp 52"), ["report-ask-photo"]),
            (U(text="Skip"), ["report-ask-phone"]),
            (U(text="1"), ["report-summary"]),  # 1 = Skip, 2 = Cancel
            (U(text="Change something"), ["confirm-edit-which"]),
            (U(text="3"), ["report-ask-location"]),
            (U(text="Mina camp 53, near gate 2"), ["report-summary"]),
            (U(text="yes", nlu=nlu("affirm")), ["effect:create_case"]),
            (
                Done("create_case", {"ticket_id": "MK-1000009"}),
                ["report-filed"],
            ),
            (U(text="thanks!", nlu=nlu("thank")), ["thank-reply"]),
        ]
    )


def test_report_issue_cancelled_then_switched(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (U(command="report"), ["menu-welcome", "report-ask-category"]),
            (U(text="٣"), ["report-ask-description"]),
            (U(command="cancel"), ["cancelled", "menu-anything-else"]),
            (U(choice="flow:report_issue"), ["report-ask-category"]),
            (U(text="my ticket status?", nlu=nlu("check_status")), ["effect:list_cases"]),
            (Done("list_cases", {"cases": []}), ["status-ask-ticket"]),
        ]
    )


def test_check_status_by_number(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (U(command="status"), ["menu-welcome", "status-ask-ticket"]),
            (U(text="no idea"), ["status-ticket-absent", "status-ask-ticket"]),
            (U(text="mk 1234567"), ["status-ticket-mistyped", "status-ask-ticket"]),
            (U(text="mk ١٢٣٤٥٦٦"), ["effect:find_case"]),
            (
                Done(
                    "find_case",
                    {
                        "found": True,
                        "is_reporter": True,
                        "ticket_id": "MK-1234566",
                        "status": "resolved",
                        "created_at": WHEN,
                        "updated_at": WHEN,
                        "category": "road_hazard",
                        "description": "Hole in the road",
                        "location_text": "Ajyad",
                    },
                ),
                ["status-owner", "menu-anything-else"],
            ),
            (U(text="MK-1000009"), ["effect:find_case"]),
            (
                Done("find_case", {"found": False, "ticket_id": "MK-1000009"}),
                ["status-not-found", "menu-anything-else"],
            ),
        ]
    )


def test_check_status_my_tickets(flows: FlowSet, ctx: Context) -> None:
    case = {"status": "new", "category": "waste", "created_at": WHEN}
    Chat(flows, ctx).replay(
        [
            (U(command="status"), ["menu-welcome", "status-ask-ticket"]),
            (U(text="My tickets"), ["effect:list_cases"]),
            (
                Done("list_cases", {"cases": [{"ticket_id": "MK-1234566", **case}]}),
                ["status-my-tickets"],
            ),
            (U(text="1"), ["effect:find_case"]),
            (
                Done(
                    "find_case",
                    {
                        "found": True,
                        "is_reporter": False,
                        "ticket_id": "MK-1234566",
                        **case,
                        "updated_at": WHEN,
                    },
                ),
                ["status-public", "menu-anything-else"],
            ),
        ]
    )


def test_change_language(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (
                U(text="change language", nlu=nlu("change_language")),
                ["menu-welcome", "language-ask"],
            ),
            (U(text="9"), ["please-choose", "language-ask"]),
            (
                U(choice="ar"),
                ["language-changed", "menu-anything-else", "effect:set_language"],
            ),
        ]
    )


def test_help_and_human_agent(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (U(command="help"), ["menu-welcome", "help", "menu-anything-else"]),
            (U(text="Talk to a person"), ["effect:handoff"]),
            # no team takes live chats here: the hotline, honestly, and the menu
            (
                Done("handoff", {"outcome": "no_team", "hotline": "940"}),
                ["handoff-hotline", "menu-anything-else"],
            ),
            (U(text="bye", nlu=nlu("goodbye")), ["goodbye-reply"]),
        ]
    )


def test_not_understood_twice_then_a_person(flows: FlowSet, ctx: Context) -> None:
    Chat(flows, ctx).replay(
        [
            (U(command="menu"), ["menu-welcome", "menu-prompt"]),
            (U(text="asdf", nlu=nlu("nlu_fallback", 0.2, ranking=["report_issue"])), ["clarify"]),
            (U(text="qwer", nlu=nlu("nlu_fallback", 0.2)), ["handoff-offer"]),
            (U(text="1"), ["effect:handoff"]),
            (Done("handoff", {"outcome": "nobody", "hotline": "940"}), ["handoff-nobody"]),
        ]
    )


def test_outside_hours_the_pilgrim_is_told_when_chats_open(flows: FlowSet, ctx: Context) -> None:
    chat = Chat(flows, ctx)
    chat.replay(
        [
            (U(command="menu"), ["menu-welcome", "menu-prompt"]),
            (U(choice="flow:human_agent"), ["effect:handoff"]),
        ]
    )
    saturday = {"msg": "weekday-sat", "args": {}}
    done = {"outcome": "closed", "opens": "08:00", "when": "later", "weekday": saturday}
    result = chat.send(Done("handoff", {**done, "hotline": "940"}))
    assert [o.key for o in result.outputs] == ["handoff-closed"]
    assert result.outputs[0].args == {
        "opens": "08:00",
        "when": "later",
        "weekday": saturday,
        "hotline": "940",
    }
    assert [c.id for c in result.outputs[0].choices] == ["cancel"]


def test_a_rating_after_a_chat(flows: FlowSet, ctx: Context) -> None:
    chat = Chat(flows, ctx, state={"flow": None})
    chat.replay(
        [
            (U(choice="flow:handoff_rating"), ["handoff-ask-rating"]),
            (U(text="2"), ["effect:rate_chat"]),  # a WhatsApp user's number: the 2nd button
            (Done("rate_chat", {"rated": True}), ["handoff-rating-thanks", "menu-anything-else"]),
        ]
    )
