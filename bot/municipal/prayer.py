"""Prayer times in Makkah, Itlala opening hours, and Hijri dates.

Maghrib and Isha come from adhanpy (an offline port of the Adhan library) with
the Umm al-Qura method: Maghrib at sunset, Isha a fixed 90 minutes later. The
Umm al-Qura calendar keeps that 90-minute interval in its printed timetables,
Ramadan included (the Haram itself delays Isha in Ramadan, which the published
timetables do not show), so we follow the timetable.

Itlala desks open one hour before Maghrib and close one hour after Isha, in
Makkah time (Asia/Riyadh, UTC+3 all year). Hijri dates use the Umm al-Qura
calendar through hijridate; month names are words and live in the locales.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from adhanpy.calculation.CalculationMethod import CalculationMethod
from adhanpy.PrayerTimes import PrayerTimes
from hijridate import Gregorian

MAKKAH_TZ = ZoneInfo("Asia/Riyadh")
# The Kaaba; the city is small enough that one point serves every desk.
MAKKAH = (21.4225, 39.8262)
ITLALA_BEFORE_MAGHRIB = timedelta(hours=1)
ITLALA_AFTER_ISHA = timedelta(hours=1)


@dataclass(frozen=True)
class EveningPrayers:
    day: date
    maghrib: datetime  # aware, Makkah time
    isha: datetime


@dataclass(frozen=True)
class OpeningHours:
    day: date
    opens: datetime  # aware, Makkah time
    closes: datetime

    def is_open(self, at: datetime) -> bool:
        return self.opens <= at < self.closes


@dataclass(frozen=True)
class HijriDate:
    year: int
    month: int  # 1 = Muharram ... 12 = Dhu al-Hijjah
    day: int


def makkah_now(now: datetime) -> datetime:
    """An aware instant seen on a Makkah clock."""
    if now.tzinfo is None:
        raise ValueError("expected an aware datetime")
    return now.astimezone(MAKKAH_TZ)


def evening_prayers(day: date, *, where: tuple[float, float] = MAKKAH) -> EveningPrayers:
    """Maghrib and Isha on a Makkah calendar day, by the Umm al-Qura method."""
    times = PrayerTimes(
        where,
        datetime(day.year, day.month, day.day),
        calculation_method=CalculationMethod.UMM_AL_QURA,
        time_zone=MAKKAH_TZ,
    )
    return EveningPrayers(day=day, maghrib=times.maghrib, isha=times.isha)


def itlala_hours(day: date) -> OpeningHours:
    """When the Itlala desks are open on a Makkah calendar day."""
    prayers = evening_prayers(day)
    return OpeningHours(
        day=day,
        opens=prayers.maghrib - ITLALA_BEFORE_MAGHRIB,
        closes=prayers.isha + ITLALA_AFTER_ISHA,
    )


def itlala_open(at: datetime) -> bool:
    """Whether the Itlala desks are open at an aware instant."""
    local = makkah_now(at)
    return itlala_hours(local.date()).is_open(local)


def next_itlala_opening(at: datetime) -> OpeningHours:
    """Today's hours if they have not ended yet, otherwise tomorrow's."""
    local = makkah_now(at)
    today = itlala_hours(local.date())
    if local < today.closes:
        return today
    return itlala_hours(local.date() + timedelta(days=1))


def hijri(day: date) -> HijriDate:
    """The Umm al-Qura Hijri date of a Gregorian day."""
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return HijriDate(year=h.year, month=h.month, day=h.day)


def clock(at: datetime) -> str:
    """A Makkah wall-clock time as HH:MM (24-hour), for message arguments."""
    return makkah_now(at).strftime("%H:%M")
