"""Itlala desks and Hadirin vehicles: hours, seasons and the nearest one open now."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.municipal import prayer
from bot.municipal.datafiles import DataError
from bot.municipal.service_points import (
    distance_km,
    load_points,
    nearest,
    nearest_open,
    parse_points,
)

HARAM = (21.4225, 39.8262)


def _at(day: date, t: time) -> datetime:
    return datetime.combine(day, t, prayer.MAKKAH_TZ)


def test_the_data_file_loads():
    points = load_points()
    assert {p.service for p in points} == {"itlala", "hadirin"}


def test_distance():
    # The Haram to Masjid Nimrah at Arafat is about 15 km as the crow flies.
    assert 13 < distance_km(*HARAM, 21.3549, 39.9841) < 18


def test_evening_in_november_the_nearest_open_point_is_an_itlala_desk():
    # Monday 18 Nov 2024, 19:00: Itlala open (16:38-20:08); no Hadirin slot on Mondays
    # near the Haram except Aziziyah's walkway (17:00-22:00, Sun-Thu).
    now = _at(date(2024, 11, 18), time(19, 0))
    found = nearest(load_points(), lat=HARAM[0], lon=HARAM[1], now=now, limit=10)
    assert found[0].open_now
    assert found[0].point.id == "itlala-masjid-al-jinn"
    opens = [s.point.id for s in found if s.open_now]
    assert "hadirin-aziziyah-walkway" in opens
    assert "hadirin-zahir-park" not in opens  # Thursday to Saturday only


def test_seasonal_desks_are_left_out_outside_their_hijri_days():
    now = _at(date(2024, 11, 18), time(19, 0))
    ids = {s.point.id for s in nearest(load_points(), lat=21.4158, lon=39.8929, now=now, limit=20)}
    assert "itlala-masjid-al-khayf" not in ids


def test_in_the_hajj_days_the_mina_desk_works():
    # 10 Dhu al-Hijjah 1445 = 16 June 2024.
    assert prayer.hijri(date(2024, 6, 16)) == prayer.HijriDate(1445, 12, 10)
    now = _at(date(2024, 6, 16), time(19, 0))
    best = nearest_open(load_points(), lat=21.4158, lon=39.8929, now=now)
    assert best is not None and best.point.id == "itlala-masjid-al-khayf"


def test_at_noon_nothing_is_open_and_the_next_opening_is_given():
    now = _at(date(2024, 11, 18), time(12, 0))
    assert nearest_open(load_points(), lat=HARAM[0], lon=HARAM[1], now=now) is None
    first = nearest(load_points(), lat=HARAM[0], lon=HARAM[1], now=now, limit=1)[0]
    assert not first.open_now
    assert first.hours is not None and first.hours.opens > now


def test_a_schedule_finds_its_next_weekly_slot():
    points = parse_points(
        {
            "points": [
                {
                    "id": "v",
                    "service": "hadirin",
                    "location": [21.4, 39.8],
                    "schedule": [{"days": ["fri"], "from": "16:00", "to": "22:00"}],
                }
            ]
        }
    )
    monday = _at(date(2024, 11, 18), time(10, 0))
    hours = points[0].next_hours(monday)
    assert hours is not None and hours.day == date(2024, 11, 22)  # Friday


@pytest.mark.parametrize(
    "bad",
    [
        {"points": [{"id": "x", "service": "other", "location": [1, 2], "hours": "itlala"}]},
        {"points": [{"id": "x", "service": "itlala", "location": [1, 2]}]},
        {
            "points": [
                {
                    "id": "x",
                    "service": "hadirin",
                    "location": [1, 2],
                    "schedule": [{"days": ["fri"], "from": "22:00", "to": "16:00"}],
                }
            ]
        },
        {
            "points": [
                {"id": "x", "service": "itlala", "location": [1, 2], "hours": "itlala"},
                {"id": "x", "service": "itlala", "location": [1, 2], "hours": "itlala"},
            ]
        },
        {"nothing": []},
    ],
)
def test_bad_point_data_is_refused_with_a_reason(bad):
    with pytest.raises(DataError):
        parse_points(bad)
