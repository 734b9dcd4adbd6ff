"""Fluent syntax errors in the locale files, each at its file and line.

The bundles (locales/render.py) skip a broken entry silently; its Junk entry
in the parsed file keeps the span, so an admin's typo is reported as
`file:line` before anything is swapped in. The parse is the bundles' own
(`parse_text`, once per text).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fluent.syntax import ast

from locales.render import parse_text

SyntaxProblem = tuple[Path, int, str]  # (file, line, what is wrong)


def syntax_problems(
    locales_dir: Path, languages: Iterable[str] | None = None
) -> list[SyntaxProblem]:
    """Every Fluent syntax error of `languages` (default: every folder), with its line."""
    folders = [locales_dir / lang for lang in languages] if languages is not None else None
    files = (
        sorted(p for folder in folders for p in folder.glob("*.ftl"))
        if folders is not None
        else sorted(locales_dir.glob("*/*.ftl"))
    )
    problems: list[SyntaxProblem] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for entry in parse_text(text).body:
            if isinstance(entry, ast.Junk):
                for note in entry.annotations:
                    span = note.span or entry.span
                    offset = span.start if span else 0
                    line = text.count("\n", 0, offset) + 1
                    problems.append((path, line, f"Fluent: {note.message}"))
    return problems
