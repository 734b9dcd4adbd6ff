"""Where the municipal data files live (bot/municipal/data/), and reading one.

Nothing is cached here: the running bot reads these files once per content
snapshot (bot/municipal/content.py, swapped in whole by bot/core/content.py
after the whole set validated). A file that fails to parse raises
`DataError` with its path and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml when PyYAML has it (much faster at start-up), else the pure-Python parser
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(__file__).resolve().parent / "data"


class DataError(Exception):
    """A data file is missing, is not YAML, or does not have the expected shape."""


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DataError(f"{path}{line}: not valid YAML: {exc}") from exc
