"""`labbaik dialogs validate`: the content as a running bot would load it, checked as a whole.

Runs exactly the checks of a live reload (bot/core/content.py): every flow
against the JSON Schema and the semantic rules (references to flows, slots
and choices; every effect known to the effect registry and given the
arguments it needs), every Fluent file parsed, every message id in every
configured language, and the services' data (knowledge base, places, service
points, tips). Prints `path:line: what is wrong` per problem and exits 1, or
one summary line and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.app.config import load_settings
from bot.app.wiring import CONTENT_PARTS, STAFF_TEXTS, content_files, effect_registry
from bot.core.content import ContentError, load_content, shown
from bot.core.settings import Settings


def validate(
    flows_dir: Path, locales_dir: Path, settings: Settings | None = None
) -> tuple[list[str], str]:
    """Every problem of the content with these flows and locales, and the summary when none."""
    settings = settings or load_settings()
    files = content_files(settings, flows=flows_dir, locales=locales_dir)
    try:
        content = load_content(
            files,
            languages=settings.languages,
            effects=effect_registry().signatures(),
            parts=CONTENT_PARTS,
            staff_files=STAFF_TEXTS,
        )
    except ContentError as exc:
        return list(exc.problems), ""
    summary = (
        f"{len(content.flows.flows)} flows in {shown(flows_dir)} OK; messages present in "
        f"{len(content.languages)} languages ({', '.join(content.languages)}); "
        "services data OK"
    )
    return [], summary


def main(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    flows_dir = Path(args.flows) if getattr(args, "flows", None) else None
    locales_dir = Path(args.locales) if getattr(args, "locales", None) else None
    problems, summary = validate(
        flows_dir or settings.path(settings.content.flows),
        locales_dir or settings.path(settings.content.locales),
        settings,
    )
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(summary)
    return 0
