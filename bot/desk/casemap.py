"""A small map without a tile server: the sub-municipality polygons and points, as SVG.

`svg_map(boundaries, points=...)` draws every sub-municipality of the
boundaries data (bot/municipal/data/boundaries.yaml) in an equirectangular
projection (longitude scaled by the cosine of the middle latitude, which is
exact enough across one city), optionally highlights one and marks points.
The case page draws one point; the reports page draws many, small (`radius`),
each `MapPoint` with a CSS class ("overdue", "open", "done"), and shades each
sub-municipality by how many cases it has (`shades`: id → level 0..4).
Everything in it is numbers or escaped names, so the result is safe to insert
into a page as it is; colours come from the desk's stylesheet (classes), not
inline styles, so the CSP holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from bot.municipal.boundaries import Boundaries, Polygon

MARGIN = 6.0


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    css_class: str = "pin"
    title: str = ""
    radius: float | None = None  # else the map's


@dataclass(frozen=True)
class _Frame:
    """From (lat, lon) to SVG x, y within `width` x `height`."""

    west: float
    north: float
    scale: float
    cos_lat: float

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x = (lon - self.west) * self.cos_lat * self.scale + MARGIN
        y = (self.north - lat) * self.scale + MARGIN
        return round(x, 1), round(y, 1)


def _frame(polygons: Sequence[Polygon], points: Sequence[MapPoint], width: float) -> _Frame:
    lats = [p[0] for poly in polygons for p in poly] + [p.lat for p in points]
    lons = [p[1] for poly in polygons for p in poly] + [p.lon for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    cos_lat = math.cos(math.radians((south + north) / 2))
    span = max((east - west) * cos_lat, 1e-6)
    return _Frame(west, north, (width - 2 * MARGIN) / span, cos_lat)


def _height(frame: _Frame, polygons: Sequence[Polygon], points: Sequence[MapPoint]) -> float:
    ys = [frame.xy(lat, lon)[1] for poly in polygons for lat, lon in poly]
    ys += [frame.xy(p.lat, p.lon)[1] for p in points]
    return round(max(ys, default=0) + MARGIN, 1)


def svg_map(
    boundaries: Boundaries,
    *,
    points: Iterable[MapPoint] = (),
    highlight: str | None = None,
    names: Mapping[str, str] | None = None,
    width: float = 320,
    label: str = "",
    radius: float = 5,
    shades: Mapping[str, int] | None = None,
) -> Markup:
    """The map as an inline <svg> element (role img, `label` as its accessible name)."""
    marks = list(points)
    subs = boundaries.sub_municipalities
    frame = _frame([poly for s in subs for poly in s.areas], marks, width)
    height = _height(frame, [poly for s in subs for poly in s.areas], marks)
    parts = [
        f'<svg class="casemap" viewBox="0 0 {width:g} {height:g}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for sub in subs:
        css = "area highlight" if sub.id == highlight else "area"
        if shades is not None:
            css += f" shade-{max(0, min(4, int(shades.get(sub.id, 0))))}"
        title = escape((names or {}).get(sub.id, sub.id))
        for poly in sub.areas:
            coords = " ".join(f"{x:g},{y:g}" for x, y in (frame.xy(*p) for p in poly))
            parts.append(
                f'<polygon class="{css}" points="{coords}"><title>{title}</title></polygon>'
            )
    for mark in marks:
        x, y = frame.xy(mark.lat, mark.lon)
        r = mark.radius or radius
        parts.append(
            f'<circle class="{escape(mark.css_class)}" cx="{x:g}" cy="{y:g}" r="{r:g}">'
            f"<title>{escape(mark.title)}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def osm_link(lat: float, lon: float) -> str:
    """A link that opens the point on OpenStreetMap (for staff with internet)."""
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    )
