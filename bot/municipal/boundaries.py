"""Which sub-municipality a point or a neighbourhood name belongs to.

The data is bot/municipal/data/boundaries.yaml (approximate polygons until the
municipality's GIS data replaces them). The same lookup serves the "which
sub-municipality am I in?" answer and case routing (`team_for_location`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.municipal.datafiles import DATA_DIR, DataError, read_yaml
from bot.municipal.place_names import fold

BOUNDARIES_FILE = DATA_DIR / "boundaries.yaml"
Point = tuple[float, float]  # (lat, lon)
Polygon = tuple[Point, ...]
# How close a typed name must be to a known spelling (difflib ratio).
FUZZY_CUTOFF = 0.82
MIN_FUZZY_CHARS = 4  # shorter words match too many names by accident


@dataclass(frozen=True)
class SubMunicipality:
    id: str
    team: str
    areas: tuple[Polygon, ...]

    def contains(self, lat: float, lon: float) -> bool:
        return any(point_in_polygon(lat, lon, poly) for poly in self.areas)


@dataclass(frozen=True)
class NameMatch:
    sub_municipality: str
    neighbourhood: str | None  # None when the name was the sub-municipality's own
    exact: bool


@dataclass(frozen=True)
class Landmark:
    """Where a neighbourhood or holy site is, for distances from it (not its sub's centre)."""

    lat: float
    lon: float
    mosque: bool = False  # a mosque people ask about by name ("the Itlala desk at the Haram")


@dataclass(frozen=True)
class Boundaries:
    sub_municipalities: tuple[SubMunicipality, ...]
    spellings: dict[str, tuple[str, str | None]]  # folded name -> (sub-municipality, nbhd)
    neighbourhood_names: dict[str, dict[str, str]]  # nbhd id -> language -> first spelling
    landmarks: dict[str, Landmark] = field(default_factory=dict)  # nbhd id -> its location
    # folded spellings that are also everyday words ("umrah", "haram" = forbidden): a place
    # only when typed as the answer to "where?", never picked out of a sentence
    not_in_sentences: frozenset[str] = frozenset()
    gates: dict[int, str] = field(default_factory=dict)  # a Haram gate's number -> its nbhd id
    camp_sites: frozenset[str] = frozenset()  # nbhd ids where camps and maktabs are numbered

    def neighbourhood_name(self, nbhd_id: str, lang: str) -> str | None:
        """How the neighbourhood is written in a language (English when not listed)."""
        names = self.neighbourhood_names.get(nbhd_id, {})
        return names.get(lang) or names.get("en")

    def locate(self, lat: float, lon: float) -> SubMunicipality | None:
        return next((s for s in self.sub_municipalities if s.contains(lat, lon)), None)

    def get(self, sub_id: str) -> SubMunicipality | None:
        return next((s for s in self.sub_municipalities if s.id == sub_id), None)

    def find_name(self, text: str) -> NameMatch | None:
        """A neighbourhood or sub-municipality named in `text`, in any language."""
        key = fold(text)
        if not key:
            return None
        hit = self.spellings.get(key) or self._contained(key)
        if hit is not None:
            return NameMatch(hit[0], hit[1], exact=True)
        close = self._closest(key)
        if close is not None:
            sub, nbhd = self.spellings[close]
            return NameMatch(sub, nbhd, exact=False)
        return None

    def _closest(self, key: str) -> str | None:
        """The known spelling nearest to the text or to a run of 1-3 of its words."""
        words = key.split()
        windows = {key} | {
            " ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)
        }
        best: tuple[float, str] | None = None
        for window in (w for w in windows if len(w) >= MIN_FUZZY_CHARS):
            for name in difflib.get_close_matches(window, self.spellings, n=1, cutoff=FUZZY_CUTOFF):
                ratio = difflib.SequenceMatcher(None, window, name).ratio()
                best = max(best or (ratio, name), (ratio, name))
        return best[1] if best else None

    def _contained(self, key: str) -> tuple[str, str | None] | None:
        """A known name inside a longer message ("I am in Misfalah near the hotel")."""
        words = f" {key} "
        found = [(len(name), name) for name in self.spellings if f" {name} " in words]
        return self.spellings[max(found)[1]] if found else None


def point_in_polygon(lat: float, lon: float, polygon: Polygon) -> bool:
    """Ray casting along the latitude axis; points on an edge may fall either way."""
    inside = False
    n = len(polygon)
    for i in range(n):
        (lat1, lon1), (lat2, lon2) = polygon[i], polygon[(i + 1) % n]
        if (lon1 > lon) != (lon2 > lon):
            cross = lat1 + (lon - lon1) * (lat2 - lat1) / (lon2 - lon1)
            if lat < cross:
                inside = not inside
    return inside


def parse_boundaries(data: Any, *, where: str = "boundaries") -> Boundaries:
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping with sub_municipalities")
    subs = tuple(_parse_sub(raw, where) for raw in data.get("sub_municipalities") or [])
    known = {s.id for s in subs}
    spellings: dict[str, tuple[str, str | None]] = {}
    display: dict[str, dict[str, str]] = {}
    for raw in data.get("sub_municipalities") or []:
        _add_names(spellings, raw.get("names"), (raw["id"], None))
    landmarks: dict[str, Landmark] = {}
    gates: dict[int, str] = {}
    sites: set[str] = set()
    for raw in data.get("neighbourhoods") or []:
        sub = raw.get("sub_municipality")
        if sub not in known:
            raise DataError(f"{where}: neighbourhood {raw.get('id')!r}: unknown {sub!r}")
        _add_names(spellings, raw.get("names"), (sub, raw["id"]))
        display[raw["id"]] = {
            lang: str(values[0]) for lang, values in (raw.get("names") or {}).items() if values
        }
        if raw.get("location") is not None:
            landmarks[raw["id"]] = _landmark(raw, where)
        if raw.get("gate") is not None:
            gates[int(raw["gate"])] = str(raw["id"])
        if raw.get("camps"):
            sites.add(str(raw["id"]))
    return Boundaries(
        sub_municipalities=subs,
        spellings=spellings,
        neighbourhood_names=display,
        landmarks=landmarks,
        not_in_sentences=frozenset(fold(str(w)) for w in data.get("not_in_sentences") or ()),
        gates=gates,
        camp_sites=frozenset(sites),
    )


def _landmark(raw: Any, where: str) -> Landmark:
    try:
        lat, lon = (float(v) for v in raw["location"])
    except (TypeError, ValueError) as exc:
        raise DataError(f"{where}: neighbourhood {raw['id']}: location is [lat, lon]") from exc
    return Landmark(lat, lon, mosque=bool(raw.get("mosque", False)))


def _parse_sub(raw: Any, where: str) -> SubMunicipality:
    try:
        areas = tuple(tuple((float(p[0]), float(p[1])) for p in poly) for poly in raw["areas"])
        sub_id = str(raw["id"])
        sub = SubMunicipality(id=sub_id, team=str(raw.get("team") or sub_id), areas=areas)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataError(f"{where}: sub-municipality {raw!r:.60}: {exc}") from exc
    if any(len(poly) < 3 for poly in areas):
        raise DataError(f"{where}: sub-municipality {sub.id}: a polygon needs 3 vertices")
    return sub


def _add_names(
    spellings: dict[str, tuple[str, str | None]], names: Any, target: tuple[str, str | None]
) -> None:
    for values in (names or {}).values():
        for name in values or []:
            key = fold(str(name))
            # A neighbourhood spelling wins over a sub-municipality of the same name.
            if key and (key not in spellings or target[1] is not None):
                spellings[key] = target


def load_boundaries(path: Path = BOUNDARIES_FILE) -> Boundaries:
    """The file read now (the running bot reads it through its content snapshot)."""
    return parse_boundaries(read_yaml(path), where=str(path))


def team_for_location(
    lat: float, lon: float, boundaries: Boundaries | None = None
) -> str | None:
    """The team that handles cases at a point, or None outside every sub-municipality."""
    sub = (boundaries or load_boundaries()).locate(lat, lon)
    return sub.team if sub else None
