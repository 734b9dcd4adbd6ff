"""The municipal services' part of the content snapshot: boundaries, service points,
the consultant knowledge base and the tips, read and checked as one.

`MUNICIPAL` is what bot/core/content.py loads from the `content.municipal`
folder (bot/municipal/data/ by default, see its README.md) each time the
content changes: every file parsed, every message it needs present in every
language, every topic's flow existing. The effects read the result through
the snapshot of the message they handle: `ctx.content.part(MunicipalData)`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.municipal.boundaries import BOUNDARIES_FILE, Boundaries, load_boundaries
from bot.municipal.datafiles import DATA_DIR, DataError
from bot.municipal.knowledge import (
    FLOWS_DIR,
    KnowledgeBase,
    Where,
    flow_ids_on_disk,
    knowledge_problems,
    messages_on_disk,
    missing_messages,
    repo_relative,
)
from bot.municipal.places import Gazetteer
from bot.municipal.service_points import SERVICE_POINTS_FILE, ServicePoint, load_points
from bot.municipal.tips import TIPS_FILE, Tips, load_tips
from locales.render import LOCALES_DIR


@dataclass(frozen=True)
class MunicipalData:
    boundaries: Boundaries
    points: tuple[ServicePoint, ...]
    knowledge: KnowledgeBase
    tips: Tips
    places: Gazetteer  # which place a text names, and where it is (bot/municipal/places.py)

    def team_for(self, lat: float, lon: float) -> str | None:
        """The sub-municipality team for a point, or None outside every one."""
        sub = self.boundaries.locate(lat, lon)
        return sub.team if sub else None


def _line_of(path: Path, needle: str) -> int:
    """The first line of `path` that mentions `needle` (1 when none does)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((i for i, line in enumerate(lines, 1) if needle in line), 1)


def _needed(
    boundaries: Boundaries | None, points: tuple[ServicePoint, ...] | None, tips: Tips | None
) -> dict[str, tuple[str, str]]:
    """Messages the place and tip files need -> (file name, a text on the line that needs it)."""
    needed: dict[str, tuple[str, str]] = {}
    for sub in boundaries.sub_municipalities if boundaries else ():
        needed[f"submun-{sub.id}"] = (BOUNDARIES_FILE.name, f"id: {sub.id}")
    for nbhd, landmark in (boundaries.landmarks if boundaries else {}).items():
        if landmark.mosque:  # "the Grand Mosque has no Itlala desk of its own; the nearest…"
            needed[f"mosque-{nbhd}"] = (BOUNDARIES_FILE.name, f"id: {nbhd}")
    for point in points or ():
        needed[f"place-{point.id}"] = (SERVICE_POINTS_FILE.name, f"id: {point.id}")
        needed[f"service-{point.service}"] = (SERVICE_POINTS_FILE.name, "services:")
    for tip in tips.tips if tips else ():
        needed[tip.key] = (TIPS_FILE.name, f"id: {tip.id}")
    needed["hijri-date"] = (SERVICE_POINTS_FILE.name, "hijri_season")
    for month in range(1, 13):
        needed[f"hijri-month-{month}"] = (SERVICE_POINTS_FILE.name, "hijri_season")
    return needed


def municipal_problems(
    directory: Path,
    *,
    messages: Mapping[str, set[str]],
    flow_ids: Collection[str] | None,
    where: Where = repo_relative,
) -> tuple[MunicipalData | None, list[str]]:
    """Every file of the folder read and checked; the data, or None and every problem."""
    kb, errors = knowledge_problems(
        directory / "consultant.yaml", messages=messages, flow_ids=flow_ids, where=where
    )
    loaded: dict[str, object] = {}
    for name, load in (
        (BOUNDARIES_FILE.name, load_boundaries),
        (SERVICE_POINTS_FILE.name, load_points),
        (TIPS_FILE.name, load_tips),
    ):
        try:
            loaded[name] = load(directory / name)
        except DataError as exc:
            errors.append(f"{where(directory / name)}:1: {exc}")
    boundaries = loaded.get(BOUNDARIES_FILE.name)
    points = loaded.get(SERVICE_POINTS_FILE.name)
    tips = loaded.get(TIPS_FILE.name)
    assert boundaries is None or isinstance(boundaries, Boundaries)
    assert tips is None or isinstance(tips, Tips)
    needed = _needed(boundaries, points, tips)  # type: ignore[arg-type]
    for lang, key, _ in missing_messages({k: k for k in needed}, messages):
        name, needle = needed[key]
        line = _line_of(directory / name, needle)
        errors.append(f"{where(directory / name)}:{line}: no message {key!r} in locales/{lang}")
    if errors or kb is None or boundaries is None or tips is None:
        return None, errors
    places = Gazetteer(boundaries, points)  # type: ignore[arg-type]
    return MunicipalData(boundaries, points, kb, tips, places), []  # type: ignore[arg-type]


class MunicipalContent:
    """The municipal part of the content snapshot (a `bot.core.content.ContentPart`)."""

    name = "municipal"
    pattern = "*.yaml"

    def load(
        self,
        directory: Path,
        *,
        messages: Mapping[str, set[str]],
        flow_ids: Collection[str],
        where: Where,
    ) -> tuple[MunicipalData | None, list[str]]:
        return municipal_problems(directory, messages=messages, flow_ids=flow_ids, where=where)


MUNICIPAL = MunicipalContent()


def validate_municipal_data(
    *,
    languages: Collection[str] | None = None,
    locales_dir: Path = LOCALES_DIR,
    flows_dir: Path = FLOWS_DIR,
    directory: Path = DATA_DIR,
) -> list[str]:
    """Every problem of the municipal files on disk, as "path:line: message"."""
    _, errors = municipal_problems(
        directory,
        messages=messages_on_disk(languages, locales_dir),
        flow_ids=flow_ids_on_disk(flows_dir),
    )
    return errors
