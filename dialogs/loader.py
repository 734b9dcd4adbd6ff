"""Loading flow files: YAML with line numbers, the JSON Schema, then the semantic checks.

`load_flows(directory)` returns a new `FlowSet` or raises `DialogError`
listing every problem as `file:line: what is wrong`. It never returns a
partial set, so a running bot can reload flows and keep the old ones when the
new files are broken.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from dialogs.flowset import FlowSet, flow_from_dict

SCHEMA_PATH = Path(__file__).with_name("schema.json")
DEFAULT_FLOWS_DIR = Path(__file__).with_name("flows")

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


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _walk(node: yaml.Node, path: JsonPath, lines: dict[JsonPath, int], dups: list) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                dups.append((key.start_mark.line + 1, key.value))
            seen.add(key.value)
            _walk(value, (*path, key.value), lines, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, dups)


def parse_file(path: Path, source: str | None = None) -> tuple[FlowDoc | None, list[Problem]]:
    """Read one YAML file; a syntax error becomes a problem at its line."""
    source = source or str(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(source, line, f"not valid YAML: {exc.problem or exc}")]
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return None, [Problem(source, 1, f"cannot read: {exc}")]
    lines: dict[JsonPath, int] = {}
    dups: list[tuple[int, str]] = []
    if node is not None:
        _walk(node, (), lines, dups)
    problems = [Problem(source, line, f"duplicate key {key!r}") for line, key in dups]
    return FlowDoc(source, data, lines), problems


def schema_problems(doc: FlowDoc) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for err in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        problems.append(doc.problem(err.absolute_path, f"{where}: {_schema_message(err)}"))
    return problems


def _schema_message(err: jsonschema.ValidationError) -> str:
    if err.validator == "oneOf" and err.context:
        best = jsonschema.exceptions.best_match(err.context)
        return best.message
    return err.message


def read_directory(directory: Path) -> tuple[list[FlowDoc], list[Problem]]:
    """Every `*.yaml` / `*.yml` file, parsed and schema-checked, in name order."""
    docs, problems = [], []
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    if not directory.is_dir():
        return [], [Problem(str(directory), 1, "not a directory")]
    for path in files:
        doc, found = parse_file(path)
        problems += found
        if doc is not None:
            found = schema_problems(doc)
            problems += found
            if not found:
                docs.append(doc)
    return docs, problems


def load_flows(
    directory: Path | str = DEFAULT_FLOWS_DIR,
    *,
    messages: Mapping[str, set[str]] | None = None,
) -> FlowSet:
    """All flows of `directory` as a new FlowSet, or DialogError with every problem.

    With `messages` ({lang: message ids}), every message id the flows use must
    exist in every language too.
    """
    from dialogs.checks import message_problems, semantic_problems

    docs, problems = read_directory(Path(directory))
    problems += semantic_problems(docs)
    if messages is not None:
        problems += message_problems(docs, messages)
    if problems:
        raise DialogError(problems)
    return FlowSet({d.data["id"]: flow_from_dict(d.data, d.source) for d in docs})
