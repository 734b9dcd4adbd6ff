"""Generic parts of the flow format the four core flows do not use much:
yes/no slots, nested awaited effects, `start:` and flows added as plain files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dialog_helpers import Chat, keys, nlu

from dialogs.engine import Context
from dialogs.flowset import FlowSet
from dialogs.loader import DEFAULT_FLOWS_DIR, load_flows
from dialogs.model import UserInput

SURVEY = """
id: survey
intents: [ask_contact]
commands: [survey]
menu: {label: menu-help, order: 99}
slots:
  - id: happy
    type: yes_no
    ask: greet-reply
  - id: ticket
    type: ticket_id
    ask: status-ask-ticket
    optional: true
done:
  - effect: first
    awaits: true
    args: {happy: $happy, ticket: $ticket, constant: 7}
    on_result:
      - when: {go: true}
        do:
          - effect: second
            awaits: true
            on_result:
              - do: [{say: thank-reply}]
          - say: status-my-tickets
            args: {count: {count: items}}
  - say: goodbye-reply
  - start: help
"""


@pytest.fixture
def survey_flows(tmp_path: Path) -> FlowSet:
    # the report flow offers awareness tips when filed, so the tips flows come along
    tips = ("services_tips", "services_tips_subscribe", "services_tips_unsubscribe")
    for name in ("report_issue", "help", "human_agent", *tips):
        shutil.copy(DEFAULT_FLOWS_DIR / f"{name}.yaml", tmp_path)
    (tmp_path / "survey.yaml").write_text(SURVEY, "utf-8")
    return load_flows(tmp_path)


@pytest.fixture
def survey(survey_flows: FlowSet, ctx: Context) -> Chat:
    c = Chat(survey_flows, ctx)
    c.command("menu")
    return c


def test_a_flow_file_adds_a_menu_entry_and_an_intent(survey: Chat) -> None:
    assert "flow:survey" in survey.choice_ids
    assert keys(survey.text("who do I call", nlu("ask_contact"))) == ["greet-reply"]
    assert survey.choice_ids == ["yes", "no", "cancel"]


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ({"choice": "no"}, False),
        ({"text": "Yes"}, True),
        ({"text": "1"}, True),
        ({"text": "sure", "nlu": nlu("affirm")}, True),
        ({"text": "nah", "nlu": nlu("deny")}, False),
    ],
)
def test_yes_no_answers(survey: Chat, answer: dict, value: bool) -> None:
    survey.command("survey")
    survey.send(UserInput(**answer))
    assert survey.state["slots"]["happy"] is value


def test_yes_no_refuses_anything_else(survey: Chat) -> None:
    survey.command("survey")
    assert keys(survey.text("maybe")) == ["error-yes-no", "greet-reply"]


def test_nested_effects_then_start_another_flow(survey: Chat) -> None:
    survey.command("survey")
    survey.press("yes")
    result = survey.press("skip")
    assert keys(result) == ["effect:first"]
    assert result.effects[0].args == {"happy": True, "ticket": None, "constant": 7}
    assert keys(survey.result("first", go=True, items=[1, 2])) == ["effect:second"]
    result = survey.result("second")
    assert keys(result) == [
        "thank-reply",
        "status-my-tickets",
        "goodbye-reply",
        "help",
        "menu-anything-else",
    ]
    assert result.outputs[1].args["count"] == 2  # data of the outer result is kept
    assert survey.state["flow"] is None


def test_a_case_that_does_not_match_goes_on_after_the_effect(survey: Chat) -> None:
    survey.command("survey")
    survey.press("no")
    survey.text("MK-1234566")
    result = survey.result("first", go=False)
    assert keys(result) == ["goodbye-reply", "help", "menu-anything-else"]
