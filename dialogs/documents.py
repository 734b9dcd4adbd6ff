"""One parsed flow file with the line of every value in it, and the problems found in files.

Shared by the loader (dialogs/loader.py), which reads and schema-checks the
files, and the semantic checks (dialogs/checks.py), which the loader runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


class DialogError(Exception):
    """The flow files cannot be used; `problems` says where and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class FlowDoc:
    """One parsed flow file and the line of every value in it."""

    source: str
    data: Any
    lines: Mapping[JsonPath, int]

    def line(self, path: Iterable[str | int]) -> int:
        """The line of `path`, or of its nearest enclosing value."""
        parts = tuple(path)
        while parts and parts not in self.lines:
            parts = parts[:-1]
        return self.lines.get(parts, 1)

    def problem(self, path: Iterable[str | int], message: str) -> Problem:
        return Problem(self.source, self.line(path), message)
