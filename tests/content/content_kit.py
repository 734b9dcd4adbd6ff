"""A private copy of the repo's content (flows, locales, services' data) to edit, and
settings that point a product at it."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bot.app.config import DEFAULT_CONFIG
from bot.core.settings import ROOT

FLOWS = ROOT / "dialogs" / "flows"
LOCALES = ROOT / "locales"
MUNICIPAL = ROOT / "bot" / "municipal" / "data"


def copy_content(target: Path) -> Path:
    """`target/flows`, `target/locales/<lang>/*.ftl`, `target/municipal/*.yaml`."""
    shutil.copytree(FLOWS, target / "flows")
    shutil.copytree(LOCALES, target / "locales", ignore=shutil.ignore_patterns("*.py", "__*"))
    shutil.copytree(MUNICIPAL, target / "municipal", ignore=shutil.ignore_patterns("*.md"))
    return target


def write_config(folder: Path, **sections: dict) -> Path:
    """The repo's config.yaml with its `content` pointed at `folder/content` and `sections`
    merged in; written to `folder/config.yaml` (relative paths are relative to it)."""
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    raw["content"] = {
        "flows": "content/flows",
        "locales": "content/locales",
        "municipal": "content/municipal",
        "last_good": "var/content",
        "check_seconds": 0.2,
    }
    for name, values in sections.items():
        raw.setdefault(name, {}).update(values)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)
