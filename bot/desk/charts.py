"""Charts as server-drawn SVG: stacked bars per day and small meters, no script, no library.

`stacked_bars(...)` draws one bar per column (a day), each split into series
(categories or teams) coloured by CSS class `s0`…`s9` of the desk's
stylesheet; every segment carries a <title> with its label and number, and
the page prints the same numbers in a table beside it. In a right-to-left
page the first column is drawn on the right, as Arabic readers expect time
to run. `meter(share)` is a thin bar for a percentage in a table cell.

Like casemap.py, the output holds only numbers and escaped text, so it is
safe to insert as it is; colours come from classes, not inline styles (CSP).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

SERIES_CLASSES = 10
WIDTH, HEIGHT = 720.0, 240.0
AXIS, BOTTOM, TOP = 44.0, 30.0, 10.0  # room for the numbers, the day labels, the top tick


@dataclass(frozen=True)
class Series:
    key: str
    label: str


def nice_step(peak: int, ticks: int = 4) -> int:
    """A round tick step (1, 2, 5 × 10^k) so that about `ticks` steps reach `peak`."""
    if peak <= ticks:
        return 1
    raw = peak / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(int(m * power) for m in (1, 2, 5, 10) if m * power >= raw)


def stacked_bars(
    columns: Sequence[str],
    series: Sequence[Series],
    values: Mapping[tuple[int, str], int],
    *,
    label: str,
    number: Callable[[int], str],
    rtl: bool = False,
    max_labels: int = 16,
) -> Markup:
    """Bars for `columns` (x labels), stacked by `series`; values[(column index, key)]."""
    totals = [sum(values.get((i, s.key), 0) for s in series) for i in range(len(columns))]
    step = nice_step(max(totals, default=0))
    top = step * max(1, math.ceil(max(totals, default=0) / step))
    plot_w, plot_h = WIDTH - AXIS - 4, HEIGHT - BOTTOM - TOP
    slot = plot_w / max(1, len(columns))
    bar = max(2.0, slot * 0.72)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for tick in range(0, top + 1, step):
        y = round(TOP + plot_h - plot_h * tick / top, 1)
        x_axis = WIDTH - AXIS + 6 if rtl else AXIS - 6
        anchor = "start" if rtl else "end"
        parts.append(f'<line class="grid" x1="{_x0(rtl):g}" x2="{_x1(rtl):g}" y1="{y}" y2="{y}"/>')
        parts.append(
            f'<text class="tick" x="{x_axis:g}" y="{y + 4:g}" text-anchor="{anchor}">'
            f"{escape(number(tick))}</text>"
        )
    every = max(1, math.ceil(len(columns) / max_labels))
    for i, name in enumerate(columns):
        start = (WIDTH - AXIS - (i + 1) * slot) if rtl else (AXIS + i * slot)
        x = round(start + (slot - bar) / 2, 1)
        y = TOP + plot_h
        for index, s in enumerate(series):
            n = values.get((i, s.key), 0)
            if not n:
                continue
            h = round(plot_h * n / top, 2)
            y -= h
            parts.append(
                f'<rect class="s{index % SERIES_CLASSES}" x="{x:g}" y="{round(y, 2):g}" '
                f'width="{round(bar, 1):g}" height="{h:g}">'
                f"<title>{escape(name)} · {escape(s.label)}: {escape(number(n))}</title></rect>"
            )
        if i % every == 0:
            parts.append(
                f'<text class="day" x="{round(start + slot / 2, 1):g}" y="{HEIGHT - 10:g}" '
                f'text-anchor="middle">{escape(name)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _x0(rtl: bool) -> float:
    return 4.0 if rtl else AXIS


def _x1(rtl: bool) -> float:
    return WIDTH - AXIS if rtl else WIDTH - 4


def meter(share: float | None, *, rtl: bool = False, css_class: str = "") -> Markup:
    """A thin horizontal bar filled to `share` (0..1), from the reading direction's start."""
    if share is None:
        return Markup("")
    filled = round(max(0.0, min(1.0, share)) * 100, 1)
    x = 100 - filled if rtl else 0
    return Markup(
        f'<svg class="meter {escape(css_class)}" viewBox="0 0 100 8" preserveAspectRatio="none" '
        f'aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
        f'<rect class="track" width="100" height="8"/>'
        f'<rect class="fill" x="{x:g}" width="{filled:g}" height="8"/></svg>'
    )
