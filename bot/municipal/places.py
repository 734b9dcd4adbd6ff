"""Named places of Makkah: which one a text names, and where it is.

Built from the services' data of a content snapshot: the neighbourhoods and
sub-municipalities of boundaries.yaml (with a `location:` where people ask
from it, e.g. the Grand Mosque) and the service points of service_points.yaml
(their `names:`). Two questions:

- `named_in(sentence)`: the place a sentence names, as the person wrote it
  ("garbage piled near our hotel in Aziziyah" -> "Aziziyah", "بالعزيزية" ->
  "العزيزية"). Exact spellings only (folded: case, articles, letter variants,
  digit scripts), longest first, never a spelling that is also an everyday
  word (`not_in_sentences`). The dialog engine fills a report's place with it
  when the NLU's `place` entity is absent (the NLU down, or an older model).
- `resolve(answer)`: what a typed answer to "where?" is: a service point by
  name, a numbered place ("gate 79", "مخيم ٥٦ منى", read by nlu/places.py), or a
  neighbourhood / sub-municipality (fuzzy, as boundaries.py matches), with the
  coordinates distances are measured from.
- `resolve_key(key)`: the place of the NLU's `place` key — an id of this data
  ("aziziyah", "gate-king-fahd", "clock-tower", a service point) or a numbered
  place: a gate number is that gate when the data knows its number, else the
  Grand Mosque (every gate is at it); "mina-camp-56" / "arafat-maktab-22" is that
  holy site; a camp or maktab with no site named is Mina, where the camps are
  (Arafat's are used one day). The person can still share a pin instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.municipal.boundaries import Boundaries, SubMunicipality
from bot.municipal.place_names import fold
from bot.municipal.service_points import ServicePoint
from nlu.places import numbered_key

MAX_WORDS = 5  # the longest spelling we look for, in words ("Masjid al-Mashar al-Haram")
# Arabic prepositions written onto the article: "بالعزيزية", "والعزيزية" -> "العزيزية";
# "للعزيزية" (li + al) -> "العزيزية"
_PROCLITIC = re.compile(r"^[وف]?[بك]?(?=ال)|^[وف](?=ال)")
_LI_AL = re.compile(r"^[وف]?لل")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_NUMBERED = re.compile(r"^(?:(?P<site>[a-z-]+)-)?(?P<kind>gate|camp|maktab)-(?P<num>\d+)$")
GRAND_MOSQUE = "haram"  # every gate is at it
CAMPS_DEFAULT = "mina"  # a camp or maktab number with no site named

Kind = Literal["point", "neighbourhood", "sub_municipality"]


@dataclass(frozen=True)
class Place:
    kind: Kind
    id: str  # point id, neighbourhood id or sub-municipality id
    sub_municipality: str | None
    lat: float
    lon: float
    mosque: bool = False  # a mosque asked about by name (it may have no service point)


class Gazetteer:
    def __init__(self, boundaries: Boundaries, points: tuple[ServicePoint, ...]) -> None:
        self.boundaries = boundaries
        self.points = {p.id: p for p in points}
        self._point_names = {fold(name): p.id for p in points for name in p.names if fold(name)}
        self._sub_of = {nbhd: sub for sub, nbhd in boundaries.spellings.values() if nbhd}
        spoken = set(self._point_names) | set(boundaries.spellings)
        self._in_sentences = spoken - boundaries.not_in_sentences
        self._longest = max((len(name.split()) for name in spoken), default=1)

    # ---- a sentence

    def named_in(self, text: str) -> str | None:
        """The place `text` names, as written (the longest match, leftmost first)."""
        words = text.split()
        for size in range(min(self._longest, MAX_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                window = _EDGE.sub("", " ".join(words[start : start + size]))
                found = self._spelled(window)
                if found:
                    return found
        return None

    def _spelled(self, window: str) -> str | None:
        for written in (window, _PROCLITIC.sub("", window), _LI_AL.sub("ال", window)):
            if written and fold(written) in self._in_sentences:
                return written
        return None

    # ---- an answer to "where?"

    def resolve_key(self, key: str) -> Place | None:
        """The place of an NLU `place` key (see the module's docstring); None when unknown."""
        if key in self.points:
            return self._point_place(self.points[key])
        numbered = _NUMBERED.match(key)
        if numbered is not None:
            return self._numbered(numbered["kind"], int(numbered["num"]), numbered["site"])
        if key in self._sub_of:
            return self._neighbourhood(key)
        sub = self.boundaries.get(key)
        if sub is None:
            return None
        lat, lon = centre(sub)
        return Place("sub_municipality", sub.id, sub.id, lat, lon)

    def _numbered(self, kind: str, number: int, site: str | None) -> Place | None:
        if kind == "gate":
            return self._neighbourhood(self.boundaries.gates.get(number, GRAND_MOSQUE))
        return self._neighbourhood(site or CAMPS_DEFAULT)

    def _neighbourhood(self, nbhd: str) -> Place | None:
        sub = self.boundaries.get(self._sub_of.get(nbhd, ""))
        if sub is None:
            return None
        landmark = self.boundaries.landmarks.get(nbhd)
        if landmark is None:
            lat, lon = centre(sub)
            return Place("neighbourhood", nbhd, sub.id, lat, lon)
        return Place("neighbourhood", nbhd, sub.id, landmark.lat, landmark.lon, landmark.mosque)

    def _point_place(self, point: ServicePoint) -> Place:
        sub = self.boundaries.locate(point.lat, point.lon)
        return Place("point", point.id, sub.id if sub else None, point.lat, point.lon)

    def resolve(self, text: str) -> Place | None:
        """A typed place: a service point by name, a numbered place, else a neighbourhood
        or sub-municipality."""
        numbered = numbered_key(text)
        if numbered is not None:
            return self.resolve_key(numbered)
        point = self._point(text)
        if point is not None:
            return self._point_place(point)
        match = self.boundaries.find_name(text)
        if match is None:
            return None
        sub = self.boundaries.get(match.sub_municipality)
        if sub is None:
            return None
        landmark = self.boundaries.landmarks.get(match.neighbourhood or "")
        if match.neighbourhood and landmark is not None:
            lat, lon, mosque = landmark.lat, landmark.lon, landmark.mosque
            return Place("neighbourhood", match.neighbourhood, sub.id, lat, lon, mosque)
        lat, lon = centre(sub)
        return Place("sub_municipality", sub.id, sub.id, lat, lon)

    def _point(self, text: str) -> ServicePoint | None:
        key = f" {fold(text)} "
        found = [(len(name), pid) for name, pid in self._point_names.items() if f" {name} " in key]
        return self.points[max(found)[1]] if found else None


def centre(sub: SubMunicipality) -> tuple[float, float]:
    """The mean vertex of the first area: where a sub-municipality named alone is."""
    area = sub.areas[0]
    return sum(p[0] for p in area) / len(area), sum(p[1] for p in area) / len(area)
