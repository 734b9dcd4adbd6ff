"""Where the municipal data files live, and loading them with a reload on change.

Admins edit the YAML under dialogs/ while the bot runs; a file is read again
when its modification time changes, so a change takes effect on the next
message without a restart. A file that fails to parse raises `DataError` with
the path, and the last good copy is not silently kept: callers decide.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = ROOT / "dialogs"
DATA_DIR = Path(__file__).resolve().parent / "data"
KNOWLEDGE_DIR = DATA_DIR
LOCALES_DIR = ROOT / "locales"
LANGUAGES = ("ar", "en", "id", "ur", "fa")

T = TypeVar("T")
_cache: dict[tuple[Path, str], tuple[float, Any]] = {}


class DataError(Exception):
    """A data file is missing, is not YAML, or does not have the expected shape."""


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DataError(f"{path}{line}: not valid YAML: {exc}") from exc


def cached(path: Path, build: Callable[[Path], T]) -> T:
    """`build(path)`, rebuilt only when the file changed since the last call."""
    key = (path, getattr(build, "__qualname__", repr(build)))
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from exc
    hit = _cache.get(key)
    if hit is not None and hit[0] == mtime:
        return hit[1]  # type: ignore[no-any-return]
    value = build(path)
    _cache[key] = (mtime, value)
    return value
