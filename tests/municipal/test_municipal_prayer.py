"""Maghrib, Isha and Itlala hours in Makkah against published Umm al-Qura timetables.

Published times (Makkah, Umm al-Qura):
- Al-Mowaten's Ramadan 1440 timetable for Makkah, https://sauress.com/almowaten/2321304
  (1 Ramadan = Monday 6 May 2019 ... Maghrib 06:48 pm, Isha 08:18 pm, and so on).
- prayertimes5.today, "مواقيت الصلاة في مكة المكرمة",
  https://prayertimes5.today/saudi-sa/prayer-times-in-makkah, 18 November 2024
  (16 Jumada al-Ula 1446): Maghrib 05:38 pm, Isha 07:08 pm.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.municipal import prayer

PUBLISHED = [
    # (day, maghrib, isha) in Makkah time
    (date(2019, 5, 6), time(18, 48), time(20, 18)),
    (date(2019, 5, 8), time(18, 49), time(20, 19)),
    (date(2019, 5, 10), time(18, 50), time(20, 20)),
    (date(2019, 5, 12), time(18, 50), time(20, 20)),
    (date(2024, 11, 18), time(17, 38), time(19, 8)),
]
TOLERANCE = timedelta(minutes=2)


def _at(day: date, t: time) -> datetime:
    return datetime.combine(day, t, prayer.MAKKAH_TZ)


@pytest.mark.parametrize(("day", "maghrib", "isha"), PUBLISHED)
def test_maghrib_and_isha_match_the_published_timetable(day: date, maghrib: time, isha: time):
    times = prayer.evening_prayers(day)
    assert abs(times.maghrib - _at(day, maghrib)) <= TOLERANCE
    assert abs(times.isha - _at(day, isha)) <= TOLERANCE
    assert times.maghrib.utcoffset() == timedelta(hours=3)


def test_itlala_opens_an_hour_before_maghrib_and_closes_an_hour_after_isha():
    hours = prayer.itlala_hours(date(2024, 11, 18))
    assert abs(hours.opens - _at(date(2024, 11, 18), time(16, 38))) <= TOLERANCE
    assert abs(hours.closes - _at(date(2024, 11, 18), time(20, 8))) <= TOLERANCE


@pytest.mark.parametrize(
    ("clock", "is_open"),
    [
        (time(12, 0), False),
        (time(16, 30), False),  # before Maghrib - 1 h (16:38)
        (time(16, 45), True),
        (time(19, 0), True),
        (time(20, 0), True),
        (time(20, 15), False),  # after Isha + 1 h (20:08)
        (time(23, 30), False),
    ],
)
def test_itlala_open_or_closed_at_given_instants(clock: time, is_open: bool):
    assert prayer.itlala_open(_at(date(2024, 11, 18), clock)) is is_open


def test_instants_in_utc_are_read_on_the_makkah_clock():
    # 13:45 UTC is 16:45 in Makkah: open. 17:15 UTC is 20:15: closed.
    assert prayer.itlala_open(datetime(2024, 11, 18, 13, 45, tzinfo=UTC))
    assert not prayer.itlala_open(datetime(2024, 11, 18, 17, 15, tzinfo=UTC))


def test_after_closing_the_next_opening_is_tomorrow():
    late = _at(date(2024, 11, 18), time(22, 0))
    assert prayer.next_itlala_opening(late).day == date(2024, 11, 19)
    early = _at(date(2024, 11, 18), time(10, 0))
    assert prayer.next_itlala_opening(early).day == date(2024, 11, 18)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        prayer.itlala_open(datetime(2024, 11, 18, 16, 45))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 5, 6), prayer.HijriDate(1440, 9, 1)),  # 1 Ramadan, per the timetable
        (date(2024, 11, 18), prayer.HijriDate(1446, 5, 16)),  # 16 Jumada al-Ula
    ],
)
def test_hijri_dates_follow_umm_al_qura(day: date, expected: prayer.HijriDate):
    assert prayer.hijri(day) == expected
