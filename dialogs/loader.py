"""Loading flow files: YAML with line numbers, the JSON Schema, then the semantic checks.

`load_flows(directory)` returns a new `FlowSet` or raises `DialogError`
listing every problem as `file:line: what is wrong`. It never returns a
partial set, so a running bot can reload flows and keep the old ones when the
new files are broken.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from dialogs.checks import (
    effect_problems,
    expand_language_choices,
    message_problems,
    semantic_problems,
)
from dialogs.documents import DialogError, FlowDoc, JsonPath, Problem
from dialogs.flowset import FlowSet, flow_from_dict

__all__ = ["DEFAULT_FLOWS_DIR", "DialogError", "FlowDoc", "Problem", "load_flows", "read_directory"]

SCHEMA_PATH = Path(__file__).with_name("schema.json")
DEFAULT_FLOWS_DIR = Path(__file__).with_name("flows")


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


# libyaml when PyYAML has it (about ten times faster: the flows are read at every start
# and every edit), else the pure-Python parser; the same safe tags either way.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (for line numbers) and its data, from one parse."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse_file(path: Path, source: str | None = None) -> tuple[FlowDoc | None, list[Problem]]:
    """Read one YAML file; a syntax error becomes a problem at its line."""
    source = source or str(path)
    try:
        node, data = _compose_and_load(path.read_text(encoding="utf-8"))
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
    languages: Sequence[str] | None = None,
    messages: Mapping[str, set[str]] | None = None,
    effects: Mapping[str, frozenset[str]] | None = None,
) -> FlowSet:
    """All flows of `directory` as a new FlowSet, or DialogError with every problem.

    The caller passes what it knows as plain data: `languages` (the configured
    ones, in order) become the choices of a slot with `choices: languages`
    (without it, the languages of `messages`); with `messages` ({lang:
    message ids}) every message id the flows use must exist in every language;
    with `effects` ({effect name: its required arguments}) every effect a flow
    asks for must be known and given those arguments.
    """
    docs, problems = read_directory(Path(directory))
    wanted = tuple(languages) if languages is not None else tuple(messages or ())
    for doc in docs:
        expand_language_choices(doc, wanted)
    problems += semantic_problems(docs)
    if messages is not None:
        problems += message_problems(docs, messages)
    if effects is not None:
        problems += effect_problems(docs, effects)
    if problems:
        raise DialogError(problems)
    return FlowSet({d.data["id"]: flow_from_dict(d.data, d.source) for d in docs})
