"""The municipal effect handlers and tip subscriptions on real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from shared_content import repo_content
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.app.config import load_settings
from bot.core.effects import EffectContext, find_case
from bot.municipal import effects, prayer, tips
from bot.municipal.effects import team_at
from storage import service as store
from storage import subscriptions
from storage.db import Database
from storage.models import Case, OutboxItem, Person

# Monday 18 November 2024, 19:00 in Makkah: Itlala desks are open (16:38-20:08).
EVENING = datetime(2024, 11, 18, 16, 0, tzinfo=UTC)
SETTINGS = load_settings()


def _person(session: Session, user_id: str = "u1", language: str = "ur") -> Person:
    return store.get_or_create_person(
        session, channel="telegram", user_id=user_id, language=language
    )


def _ctx(session: Session, person: Person, now: datetime = EVENING) -> EffectContext:
    return EffectContext(
        session=session,
        person=person,
        channel=person.channel,
        settings=SETTINGS,
        now=now,
        language=person.language or "ar",
        content=repo_content().current(),
        team_for=team_at,
    )


def _run(database: Database, name: str, args: dict[str, Any], user_id: str = "u1") -> dict:
    with database.transaction() as session:
        return effects.HANDLERS[name](_ctx(session, _person(session, user_id)), args)


# ---------------------------------------------------------------- outreach requests


def test_a_wajibna_request_is_a_home_visit_case_for_the_wajibna_team(database: Database):
    data = _run(
        database,
        "create_service_request",
        {
            "kind": "home_visit",
            "relationship": "parent",
            "name": "Fatima",
            "need": "elderly",
            "service": "licence",
            "details": "renew the shop licence",
            "location": {"lat": 21.41, "lon": 39.86, "label": None},
            "when": "morning",
            "phone": "٠٥٠١٢٣٤٥٦٧",
        },
    )
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.ticket_id == data["ticket_id"])).one()
        assert (case.kind, case.team, case.status) == ("home_visit", "wajibna", "new")
        assert case.contact_phone == "+966501234567"
        assert case.description == "renew the shop licence"
        assert (case.location_lat, case.location_lon) == (21.41, 39.86)
        assert case.extra == {
            "relationship": "parent",
            "name": "Fatima",
            "need": "elderly",
            "service": "licence",
            "when": "morning",
            "sub_municipality": "aziziyah",
        }


def test_a_mutmainnun_request_is_a_proxy_case_that_check_status_follows(database: Database):
    data = _run(
        database,
        "create_service_request",
        {
            "kind": "proxy_service",
            "situation": "abroad_treatment",
            "name": "Ahmad",
            "relationship": "child",
            "service": "deed",
            "details": "register the house deed",
            "location": {"text": "بلدية العزيزية"},
            "when": "any",
            "phone": "+92 300 1234567",
        },
    )
    with database.transaction() as session:
        case = session.scalars(select(Case).where(Case.ticket_id == data["ticket_id"])).one()
        assert (case.kind, case.team) == ("proxy_service", "mutmainnun")
        assert case.contact_phone == "+923001234567"
        assert case.location_text == "بلدية العزيزية"
        assert case.extra["sub_municipality"] == "aziziyah"
        found = find_case(_ctx(session, _person(session)), {"ticket_id": data["ticket_id"]})
    assert found["found"] and found["is_reporter"] and found["kind"] == "proxy_service"


def test_an_unknown_request_kind_is_refused(database: Database):
    with pytest.raises(ValueError, match="unknown kind"):
        _run(database, "create_service_request", {"kind": "report"})


# ---------------------------------------------------------------- tips


def test_subscribe_then_unsubscribe_with_the_handlers(database: Database):
    assert _run(database, "subscribe_tips", {}) == {"already": False}
    assert _run(database, "subscribe_tips", {}) == {"already": True}
    assert _run(database, "unsubscribe_tips", {}) == {"was_subscribed": True}
    assert _run(database, "unsubscribe_tips", {}) == {"was_subscribed": False}
    assert _run(database, "subscribe_tips", {}) == {"already": False}  # back again
    with database.session() as session:
        assert subscriptions.is_subscribed(session, person=_person(session))


def test_someone_never_subscribed_is_told_so(database: Database):
    assert _run(database, "unsubscribe_tips", {}, user_id="never") == {"was_subscribed": False}


def _outbox(session: Session) -> list[OutboxItem]:
    return list(session.scalars(select(OutboxItem).order_by(OutboxItem.id)))


def test_daily_tips_go_through_the_outbox_once_per_person_per_makkah_day(database: Database):
    with database.transaction() as session:
        for uid, lang in (("a", "id"), ("b", "fa"), ("c", "ar")):
            subscriptions.subscribe_tips(session, person=_person(session, uid, lang), now=EVENING)
        subscriptions.unsubscribe_tips(session, person=_person(session, "c"), now=EVENING)

    early = datetime(2024, 11, 18, 3, 0, tzinfo=UTC)  # 06:00 in Makkah
    with database.transaction() as session:
        assert tips.enqueue_daily_tips(session, now=early) == 2
    with database.transaction() as session:
        assert tips.enqueue_daily_tips(session, now=EVENING) == 0  # same Makkah day
        rows = _outbox(session)
        assert len(rows) == 2
        expected_tip = tips.load_tips().daily(date(2024, 11, 18)).key
        for row in rows:
            assert row.payload["key"] == "tips-daily"
            assert row.payload["args"] == {"tip": {"msg": expected_tip, "args": {}}}
            assert row.dedupe_key.startswith(f"tip:{row.person_id}:2024-11-18")
            # Queued at 06:00 but not sent before 09:00 Makkah time.
            assert row.next_attempt_at == datetime(2024, 11, 18, 6, 0, tzinfo=UTC)
        assert sorted(r.payload["lang"] for r in rows) == ["fa", "id"]

    next_day = datetime(2024, 11, 19, 7, 0, tzinfo=UTC)  # 10:00 in Makkah
    with database.transaction() as session:
        assert tips.enqueue_daily_tips(session, now=next_day) == 2
        newest = _outbox(session)[-1]
        assert newest.next_attempt_at == next_day
        tomorrow_tip = tips.load_tips().daily(date(2024, 11, 19)).key
        assert newest.payload["args"]["tip"]["msg"] == tomorrow_tip


def test_the_daily_tip_changes_from_day_to_day_and_covers_every_tip():
    all_tips = tips.load_tips()
    days = [date(2024, 11, 18).fromordinal(date(2024, 11, 18).toordinal() + i) for i in range(12)]
    assert {all_tips.daily(d).id for d in days} == {t.id for t in all_tips.tips}


@pytest.mark.parametrize(
    "text",
    ["stop", "STOP", " Stop ", "توقف", "إيقاف", "berhenti", "Berhenti", "بند", "band", "لغو"],
)
def test_one_word_stops_the_tips_in_every_language(text: str):
    assert tips.is_stop_word(text)


@pytest.mark.parametrize("text", ["", None, "stop the car near the gate", "مرحبا", "help"])
def test_other_messages_are_not_stop_words(text: str | None):
    assert not tips.is_stop_word(text)


def test_a_tip_of_each_topic():
    for topic in ("heat", "food", "waste", "crowding"):
        tip = tips.load_tips().pick(topic, now=EVENING)
        assert tip is not None and tip.topic == topic


# ---------------------------------------------------------------- places and points


def test_find_sub_municipality_from_a_pin_and_from_a_name(database: Database):
    pin = _run(database, "find_sub_municipality", {"location": {"lat": 21.4225, "lon": 39.8262}})
    assert pin["found"] and pin["found_by"] == "pin" and pin["team"] == "ajyad"
    assert pin["sub_name"] == {"msg": "submun-ajyad", "args": {}}
    assert pin["items"][0]["id"] == "flow:services_point?point=itlala-masjid-al-jinn"

    name = _run(database, "find_sub_municipality", {"location": {"text": "مسفلہ"}})
    assert name["found"] and name["found_by"] == "name" and name["place"] == "مسفلہ"

    nowhere = _run(database, "find_sub_municipality", {"location": {"text": "Paris"}})
    assert nowhere == {"found": False, "consultant_phone": "0539400940"}


def test_nearest_open_point_with_todays_hijri_date(database: Database):
    data = _run(database, "nearest_service_points", {"location": {"lat": 21.4225, "lon": 39.8262}})
    assert data["open_now"] and data["point"] == "itlala-masjid-al-jinn"
    # instants (ISO), shown by Fluent's DATETIME in each language's own way
    assert data["closes"] == data["itlala_closes"]
    assert datetime.fromisoformat(data["closes"]).strftime("%H:%M") == "20:08"
    assert datetime.fromisoformat(data["itlala_opens"]).strftime("%H:%M") == "16:38"
    assert data["distance"] == 1.1 and data["itlala_today"] is True  # a number, not "1.1"
    today = data["today"]
    assert today["msg"] == "hijri-date"
    assert today["args"]["day"] == "16" and today["args"]["year"] == "1446"
    assert today["args"]["month"] == {"msg": "hijri-month-5", "args": {}}


def test_at_noon_the_next_opening_is_given(database: Database):
    noon = datetime(2024, 11, 18, 9, 0, tzinfo=UTC)
    with database.transaction() as session:
        data = effects.nearest_service_points(
            _ctx(session, _person(session), now=noon), {"location": {"text": "Misfalah"}}
        )
    assert data["found"] and not data["open_now"]
    assert datetime.fromisoformat(data["opens"]) == prayer.itlala_hours(date(2024, 11, 18)).opens


def test_a_place_nobody_knows(database: Database):
    data = _run(database, "nearest_service_points", {"location": {"text": "Atlantis"}})
    assert data["located"] is False and data["found"] is False


@pytest.mark.parametrize(
    ("location", "sub", "place"),
    [
        ({"text": "gate 79", "place": "gate-79"}, "ajyad", "King Fahd Gate"),
        ({"text": "مخيم ٥٦ منى", "place": "mina-camp-56"}, "mashaer", "Mina"),
        ({"text": "Al-Aziziyah"}, "aziziyah", "Al-Aziziyah"),  # typed, no NLU key
    ],
)
def test_which_sub_municipality_a_named_place_is_in(
    database: Database, location: dict[str, str], sub: str, place: str
):
    with database.transaction() as session:
        ctx = _ctx(session, _person(session, language="en"))
        data = effects.HANDLERS["find_sub_municipality"](ctx, {"location": location})
    assert (data["found"], data["sub_municipality"], data["place"]) == (True, sub, place)
