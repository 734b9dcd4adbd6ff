"""`labbaik dialogs validate`: check every flow file and every message id they use.

Checks each `*.yaml` flow against the JSON Schema and the semantic rules
(dialogs/checks.py), parses every `locales/<lang>/*.ftl`, and checks that every
message id the flows and the engine use exists in every language folder.
Prints `path:line: what is wrong` per problem and exits 1, or prints a
one-line summary and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast

from dialogs.loader import DEFAULT_FLOWS_DIR, DialogError, Problem, load_flows
from locales.render import LOCALES_DIR, languages, message_ids


def _shown(path: Path) -> str:
    """Relative to the current directory when inside it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def ftl_problems(locales_dir: Path) -> list[Problem]:
    """Fluent syntax errors, each at its file and line."""
    problems = []
    parser = FluentParser(with_spans=True)
    for path in sorted(locales_dir.glob("*/*.ftl")):
        text = path.read_text(encoding="utf-8")
        for entry in parser.parse(text).body:
            if isinstance(entry, ast.Junk):
                for note in entry.annotations:
                    span = note.span or entry.span
                    offset = span.start if span else 0
                    line = text.count("\n", 0, offset) + 1
                    problems.append(Problem(_shown(path), line, f"Fluent: {note.message}"))
    return problems


def validate(flows_dir: Path, locales_dir: Path) -> tuple[list[Problem], str]:
    """Every problem, and the summary line when there are none."""
    problems = ftl_problems(locales_dir)
    langs = languages(locales_dir)
    if not langs:
        problems.append(Problem(_shown(locales_dir), 1, "no language folders with .ftl files"))
    messages = {lang: message_ids(locales_dir / lang) for lang in langs}
    try:
        flows = load_flows(flows_dir, messages=messages)
    except DialogError as exc:
        return problems + list(exc.problems), ""
    summary = (
        f"{len(flows.flows)} flows in {_shown(flows_dir)} OK; "
        f"messages present in {len(langs)} languages ({', '.join(langs)})"
    )
    return problems, summary


def default_dirs(args: argparse.Namespace) -> tuple[Path, Path]:
    """The code tree's flows and locales, or those beside an explicit --config."""
    if not getattr(args, "config", None):
        return DEFAULT_FLOWS_DIR, LOCALES_DIR
    from bot.app.config import load_settings  # only then: the validator needs no settings

    root = load_settings(args.config).root
    return root / "dialogs" / "flows", root / "locales"


def main(args: argparse.Namespace) -> int:
    default_flows, default_locales = default_dirs(args)
    flows_dir = Path(getattr(args, "flows", None) or default_flows)
    locales_dir = Path(getattr(args, "locales", None) or default_locales)
    problems, summary = validate(flows_dir, locales_dir)
    for problem in problems:
        print(relative(problem))
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(summary)
    return 0


def relative(problem: Problem) -> Problem:
    source = problem.source
    if os.path.isabs(source):
        source = _shown(Path(source))
    return Problem(source, problem.line, problem.message)
