"""Itlala desks and Hadirin vehicles: where they are, when they are open, which is nearest.

The data is bot/municipal/data/service_points.yaml. Itlala hours come from the prayer
times of the day (bot.municipal.prayer); Hadirin vehicles follow a weekly
schedule in Makkah time. All instants are aware datetimes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bot.municipal import prayer
from bot.municipal.datafiles import DATA_DIR, DataError, read_yaml

SERVICE_POINTS_FILE = DATA_DIR / "service_points.yaml"
SERVICES = ("itlala", "hadirin")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
EARTH_RADIUS_KM = 6371.0
LOOKAHEAD_DAYS = 8  # far enough to find the next slot of any weekly schedule


@dataclass(frozen=True)
class Slot:
    days: frozenset[int]  # date.weekday() numbers
    start: time
    end: time


@dataclass(frozen=True)
class HijriSeason:
    month: int
    first_day: int
    last_day: int

    def covers(self, day: date) -> bool:
        h = prayer.hijri(day)
        return h.month == self.month and self.first_day <= h.day <= self.last_day


@dataclass(frozen=True)
class ServicePoint:
    id: str
    service: str  # "itlala" | "hadirin"
    lat: float
    lon: float
    prayer_hours: bool
    slots: tuple[Slot, ...] = ()
    season: HijriSeason | None = None
    names: tuple[str, ...] = ()  # spellings people type, every language together

    def hours_on(self, day: date) -> prayer.OpeningHours | None:
        """Opening hours on a Makkah calendar day, or None when closed all day."""
        if self.season is not None and not self.season.covers(day):
            return None
        if self.prayer_hours:
            return prayer.itlala_hours(day)
        slot = next((s for s in self.slots if day.weekday() in s.days), None)
        if slot is None:
            return None
        return prayer.OpeningHours(
            day=day,
            opens=datetime.combine(day, slot.start, prayer.MAKKAH_TZ),
            closes=datetime.combine(day, slot.end, prayer.MAKKAH_TZ),
        )

    def next_hours(self, now: datetime) -> prayer.OpeningHours | None:
        """The opening that is current or comes next from `now`, within a week."""
        local = prayer.makkah_now(now)
        for offset in range(LOOKAHEAD_DAYS):
            hours = self.hours_on(local.date() + timedelta(days=offset))
            if hours is not None and local < hours.closes:
                return hours
        return None


@dataclass(frozen=True)
class PointStatus:
    point: ServicePoint
    distance_km: float | None
    open_now: bool
    hours: prayer.OpeningHours | None  # current opening, or the next one


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def status(point: ServicePoint, now: datetime, where: tuple[float, float] | None) -> PointStatus:
    hours = point.next_hours(now)
    open_now = hours is not None and hours.is_open(prayer.makkah_now(now))
    dist = distance_km(where[0], where[1], point.lat, point.lon) if where else None
    return PointStatus(point=point, distance_km=dist, open_now=open_now, hours=hours)


def nearest(
    points: tuple[ServicePoint, ...],
    *,
    lat: float,
    lon: float,
    now: datetime,
    service: str | None = None,
    limit: int = 3,
) -> list[PointStatus]:
    """Open points first, nearest first; then closed ones by distance."""
    chosen = [p for p in points if service is None or p.service == service]
    found = [status(p, now, (lat, lon)) for p in chosen]
    found = [s for s in found if s.hours is not None]  # out of season for the week
    found.sort(key=lambda s: (not s.open_now, s.distance_km or 0.0))
    return found[:limit]


def nearest_open(
    points: tuple[ServicePoint, ...], *, lat: float, lon: float, now: datetime
) -> PointStatus | None:
    best = nearest(points, lat=lat, lon=lon, now=now, limit=1)
    return best[0] if best and best[0].open_now else None


def parse_points(data: Any, *, where: str = "service_points") -> tuple[ServicePoint, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("points"), list):
        raise DataError(f"{where}: expected a mapping with a `points` list")
    points = tuple(_parse_point(raw, where) for raw in data["points"])
    ids = [p.id for p in points]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DataError(f"{where}: duplicate point ids: {', '.join(dupes)}")
    return points


def _parse_point(raw: Any, where: str) -> ServicePoint:
    try:
        pid = str(raw["id"])
        service = str(raw["service"])
        lat, lon = (float(v) for v in raw["location"])
        slots = tuple(_parse_slot(s) for s in raw.get("schedule") or [])
        season = _parse_season(raw.get("hijri_season"))
        names = tuple(str(n) for values in (raw.get("names") or {}).values() for n in values)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{where}: point {raw!r:.60}: {exc}") from exc
    if service not in SERVICES:
        raise DataError(f"{where}: point {pid}: service must be one of {', '.join(SERVICES)}")
    prayer_hours = raw.get("hours") == "itlala"
    if prayer_hours == bool(slots):
        raise DataError(f"{where}: point {pid}: give either `hours: itlala` or a `schedule`")
    return ServicePoint(pid, service, lat, lon, prayer_hours, slots, season, names)


def _parse_slot(raw: Any) -> Slot:
    days = frozenset(DAYS.index(str(d).lower()[:3]) for d in raw["days"])
    start, end = time.fromisoformat(raw["from"]), time.fromisoformat(raw["to"])
    if end <= start:
        raise ValueError(f"slot ends ({raw['to']}) before it starts ({raw['from']})")
    return Slot(days=days, start=start, end=end)


def _parse_season(raw: Any) -> HijriSeason | None:
    if raw is None:
        return None
    first, last = (int(d) for d in raw["days"])
    month = int(raw["month"])
    if not (1 <= month <= 12 and 1 <= first <= last <= 30):
        raise ValueError("hijri_season needs month 1-12 and days [first, last] within 1-30")
    return HijriSeason(month=month, first_day=first, last_day=last)


def load_points(path: Path = SERVICE_POINTS_FILE) -> tuple[ServicePoint, ...]:
    """The file read now (the running bot reads it through its content snapshot)."""
    return parse_points(read_yaml(path), where=str(path))


def points_in_sub(
    points: tuple[ServicePoint, ...], sub_id: str, locate: Callable[[float, float], str | None]
) -> tuple[ServicePoint, ...]:
    """The points that lie inside a sub-municipality (`locate(lat, lon)` gives its id)."""
    return tuple(p for p in points if locate(p.lat, p.lon) == sub_id)
