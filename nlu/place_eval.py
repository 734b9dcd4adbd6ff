"""How well the `place` entity is found: `python -m nlu.place_eval`.

Two sets, parsed through the real server with the bot's `NluClient` (so the
spans are what the bot gets, after nlu/places.py read them):

- the old held-out set (`nlu/eval/*.yml`) with the place labels of
  `nlu/eval/places/heldout.yml` (every text not listed there names no place);
- `nlu/eval/places/extra.yml`: gates, camps, maktabs, hotels and holy sites, which
  the held-out set lacks.

A found place is right when its words are exactly the label (the frozen set's
definition: as written, with the type and number words, without articles and
prepositions); one that overlaps a label but is cut differently is counted as
`partial`, one where no place is labelled as `spurious`. Per language: labels,
exact, partial, missed, spurious, precision and recall (exact only).
"""

from __future__ import annotations

import asyncio
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from nlu import project
from nlu.client import NluClient
from nlu.evaluate import load_cases
from nlu.result import Parse
from nlu.server import ServerError, free_port, nlu_server
from nlu.settings import NluSettings

PLACES_DIR = project.EVAL_DIR / "places"


@dataclass(frozen=True)
class PlaceCase:
    language: str
    text: str
    places: tuple[str, ...]


def heldout_cases(eval_dir: Path = project.EVAL_DIR) -> list[PlaceCase]:
    labels = yaml.safe_load((eval_dir / "places" / "heldout.yml").read_text(encoding="utf-8"))
    labelled = {str(t): tuple(str(p) for p in ps) for t, ps in (labels["places"] or {}).items()}
    cases = {c.text: c.language for c in load_cases(eval_dir)}
    unknown = set(labelled) - set(cases)
    if unknown:
        raise ValueError(f"place labels for texts not in the held-out set: {sorted(unknown)}")
    return [PlaceCase(lang, text, labelled.get(text, ())) for text, lang in cases.items()]


def extra_cases(path: Path = PLACES_DIR / "extra.yml") -> list[PlaceCase]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [PlaceCase(i["language"], i["text"], tuple(i["places"] or ())) for i in items]


def score(cases: Sequence[PlaceCase], results: Sequence[Parse | None]) -> dict[str, list[int]]:
    """language -> [labels, exact, partial, missed, spurious]; "all" for the total."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for case, result in zip(cases, results, strict=True):
        found = [e.value for e in (result.entities if result else ()) if e.name == "place"]
        for row in (rows[case.language], rows["all"]):
            row[0] += len(case.places)
            for label in case.places:
                if label in found:
                    row[1] += 1
                elif any(label in f or f in label for f in found):
                    row[2] += 1
                else:
                    row[3] += 1
            row[4] += sum(
                1 for f in found if f not in case.places and not any(f in x for x in case.places)
            )
    return {k: rows[k] for k in sorted(rows, key=lambda k: (k == "all", k))}


def format_rows(title: str, rows: dict[str, list[int]]) -> str:
    lines = [title, "language  labels  exact  partial  missed  spurious  precision  recall"]
    for lang, (n, exact, partial, missed, spurious) in rows.items():
        predicted = exact + partial + spurious
        precision = exact / predicted if predicted else 1.0
        recall = exact / n if n else 1.0
        lines.append(
            f"{lang:<8} {n:>7} {exact:>6} {partial:>8} {missed:>7} {spurious:>9}"
            f" {precision:>10.3f} {recall:>7.3f}"
        )
    return "\n".join(lines)


async def _parse(url: str, cases: Sequence[PlaceCase]) -> list[Parse | None]:
    async with NluClient(url=url, timeout=60.0) as client:
        return [await client.parse(c.text) for c in cases]


def main(settings: NluSettings | None = None) -> int:
    """Without settings: a server of its own on a free port, with the current model (not
    whatever else answers on the default port)."""
    settings = settings or NluSettings(url=f"http://127.0.0.1:{free_port()}")
    sets = {"held-out set (nlu/eval/*.yml)": heldout_cases(), "extra.yml": extra_cases()}
    try:
        with nlu_server(settings) as url:
            for title, cases in sets.items():
                results = asyncio.run(_parse(url, cases))
                print(format_rows(f"place extraction, {title}", score(cases, results)))
                print()
    except (ServerError, project.TrainingError) as exc:
        print(f"nlu.place_eval: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
