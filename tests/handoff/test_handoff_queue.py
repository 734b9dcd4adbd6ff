"""The queue's rules: working hours in Makkah time, the expected wait, the team a chat waits for,
the config that sets them, and honesty when no team takes chats at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from handoff_kit import Desk, Pilgrim

from bot.app.config import load_settings
from bot.core.runtime import Runtime
from bot.core.settings import ConfigError, HandoffSettings, WorkingHours
from bot.handoff.queue import expected_wait, team_for_chat
from dialogs.tickets import make_ticket_id
from storage import service as store

# Makkah is UTC+3 all year: 2026-06-01 is a Monday.
MONDAY_0900 = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)


def at(hours: float) -> datetime:
    return MONDAY_0900 + timedelta(hours=hours)


def test_working_hours_in_makkah_time() -> None:
    weekdays = WorkingHours(days=("sun", "mon", "tue", "wed", "thu"), opens="08:00", closes="16:00")
    assert weekdays.is_open(at(0)) and not weekdays.is_open(at(7))  # 09:00 yes, 16:00 no
    assert weekdays.opened_at(at(1)) == datetime(2026, 6, 1, 5, 0, tzinfo=UTC)
    assert weekdays.next_opening(at(7)) == datetime(2026, 6, 2, 5, 0, tzinfo=UTC)  # Tuesday
    friday_night = datetime(2026, 6, 5, 18, 0, tzinfo=UTC)  # Friday 21:00
    assert weekdays.next_opening(friday_night) == datetime(2026, 6, 7, 5, 0, tzinfo=UTC)  # Sunday


def test_hours_past_midnight_belong_to_the_day_they_open_on() -> None:
    nights = WorkingHours(days=("fri",), opens="22:00", closes="02:00")
    friday_2300 = datetime(2026, 6, 5, 20, 0, tzinfo=UTC)
    saturday_0100 = datetime(2026, 6, 5, 22, 0, tzinfo=UTC)
    saturday_2300 = datetime(2026, 6, 6, 20, 0, tzinfo=UTC)
    assert nights.is_open(friday_2300) and nights.is_open(saturday_0100)
    assert not nights.is_open(saturday_2300)
    assert nights.opened_at(saturday_0100) == datetime(2026, 6, 5, 19, 0, tzinfo=UTC)
    assert WorkingHours(opens="00:00", closes="00:00").is_open(at(15))  # around the clock


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("handoff.hours.opens", "8am", "24-hour time"),
        ("handoff.hours.days", [], "at least one day"),
        ("handoff.hours.days", ["mon", "mon"], "listed twice"),
        ("handoff.hours.days", ["monday"], "handoff.hours.days.0"),
        ("handoff.general_team", "Customer Service", "team slug"),
        ("handoff.reply_minutes", 0, "greater than 0"),
        ("translation.url", "libretranslate.local", "base URL"),
        ("translation.timeout_seconds", 60, "less than or equal to 30"),
    ],
)
def test_the_config_sections_say_what_is_wrong(key: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env={}, overrides={key: value})


def test_the_translation_key_is_never_read_from_the_file(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("translation:\n  url: http://127.0.0.1:5000\n  api_key: oops\n")
    with pytest.raises(ConfigError, match="translation.api_key: secrets are not read"):
        load_settings(config, env={})
    env = {"LIBRETRANSLATE_API_KEY": "from-env"}
    config.write_text("translation:\n  url: http://127.0.0.1:5000/\n")
    settings = load_settings(config, env=env)
    assert (settings.translation.url, settings.translation.api_key) == (
        "http://127.0.0.1:5000",
        "from-env",
    )
    assert not load_settings(env={}).translation.enabled  # off by default


def test_the_expected_wait_comes_from_recent_handling_times() -> None:
    settings = HandoffSettings()
    minutes = [timedelta(minutes=m) for m in (4, 10, 6, 30, 8)]  # median 8
    assert expected_wait(minutes, position=1, on_duty=1, settings=settings) == 8
    assert expected_wait(minutes, position=3, on_duty=2, settings=settings) == 16  # two rounds
    assert expected_wait(minutes, position=2, on_duty=4, settings=settings) == 8
    few = minutes[:2]  # too few to go by: the configured guess
    assert expected_wait(few, position=1, on_duty=1, settings=settings) == 6
    quick = [timedelta(seconds=20)] * 5
    assert expected_wait(quick, position=1, on_duty=3, settings=settings) == 1  # never "0"


def test_the_chat_waits_for_the_cases_team_then_the_language_team_then_the_general_team(
    runtime: Runtime, desk: Desk
) -> None:
    desk.team("customer_service", languages=("ar", "en", "id", "ur"))
    desk.team("persian_desk", languages=("fa",))
    desk.team("ajyad")
    settings = runtime.settings.handoff
    with runtime.service.database.transaction() as s:
        person = store.get_or_create_person(s, channel="webchat", user_id="browser-team-01")
        case = store.create_case(
            s,
            reporter=person,
            kind="report",
            category="waste",
            description="bins",
            channel="webchat",
            language="ar",
            team="ajyad",
            new_ticket_id=make_ticket_id,
        )
        assert team_for_chat(s, case=case, language="ar", settings=settings) == "ajyad"
        assert team_for_chat(s, case=None, language="fa", settings=settings) == "persian_desk"
        assert team_for_chat(s, case=None, language="ur", settings=settings) == "customer_service"
        assert team_for_chat(s, case=None, language="tr", settings=settings) == "customer_service"
        store.deactivate_team(s, team=store.require_team(s, slug="ajyad"))
        assert team_for_chat(s, case=case, language="ar", settings=settings) == "customer_service"


async def test_with_no_team_set_up_the_pilgrim_is_given_940_and_nothing_is_queued(
    runtime: Runtime, desk: Desk
) -> None:
    desk.no_teams()
    pilgrim = Pilgrim(runtime, "browser-no-team-0000001")
    await pilgrim.start("fa")
    assert await pilgrim.send(choice="flow:human_agent") == [
        "handoff-hotline",
        "menu-anything-else",
    ]
    assert "نه به فارسی" in pilgrim.last[0].text  # 940 does not answer in Persian: it says so
    assert pilgrim.chat() is None
    assert await pilgrim.send(text="hello there, is anyone around?") != []  # the bot answers
