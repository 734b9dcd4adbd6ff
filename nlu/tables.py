"""Trained tables kept on disk under the hash of everything they are trained from.

The language detector (`nlu.language`) and the category fallback
(`nlu.category`) are small naive Bayes models trained in pure Python from the
training files: about a second of CPU each, at every start of every process.
What they learn is a few dictionaries of log-probabilities, so `cached` keeps
them as JSON in `var/cache/<name>-<hash>.json`, where the hash covers the
training files' bytes, the training code itself (the module's source: an edit
to a constant retrains) and any option. A changed input is a new hash, so a
stale table is never read; the older file of the same name is removed when the
new one is written. Anything wrong with the cache (a read-only folder, a
truncated or hand-edited file) only means training again, never an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_DIR = Path(__file__).resolve().parent.parent / "var" / "cache"

Source = Path | str  # a file (its name and bytes count) or an option's text


def digest(sources: Iterable[Source]) -> str:
    """A short hash of the sources, in order."""
    h = hashlib.sha256()
    for source in sources:
        if isinstance(source, Path):
            h.update(f"file {source.name}\0".encode())
            h.update(source.read_bytes() if source.is_file() else b"(missing)")
        else:
            h.update(f"text {source}\0".encode())
    return h.hexdigest()[:16]


def cached(
    name: str,
    sources: Iterable[Source],
    build: Callable[[], dict[str, Any]],
    cache_dir: Path | None = CACHE_DIR,
) -> dict[str, Any]:
    """`build()`'s tables, from `cache_dir` when they were built from the same sources."""
    if cache_dir is None:
        return build()
    path = cache_dir / f"{name}-{digest(sources)}.json"
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            return loaded
    except (OSError, ValueError):
        pass  # not there yet, or unreadable: train
    tables = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=f".{name}-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(tables, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)  # whole or not at all, also with several processes at once
        for old in cache_dir.glob(f"{name}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("%s: trained tables not kept in %s (%s)", name, cache_dir, exc)
    return tables
