"""The dialog flows in force, reloaded when an admin edits the YAML.

Admins change dialogs by editing `dialogs/flows/*.yaml` and `locales/`. The
running bot notices (a cheap stat of the files, at most every few seconds),
validates the new set completely, and only then swaps it in. A broken edit is
logged with every error and the previous flows keep serving: nobody is ever
half-way through a flow that no longer loads.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from dialogs import FlowSet, load_flows
from locales.render import languages, message_ids

log = logging.getLogger(__name__)
CHECK_EVERY_SECONDS = 2.0


class FlowSource:
    def __init__(self, flows_dir: Path, *, locales: Path) -> None:
        self._flows_dir = flows_dir
        self._locales = locales
        self._lock = threading.Lock()
        self._stamp = self._fingerprint()
        self._flows = self._load()  # refuse to start on a broken set
        self._checked = time.monotonic()

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        files = [*self._flows_dir.rglob("*.yaml"), *self._locales.rglob("*.ftl")]
        return tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))

    def _load(self) -> FlowSet:
        messages = {lang: message_ids(self._locales / lang) for lang in languages(self._locales)}
        return load_flows(self._flows_dir, messages=messages)

    def current(self) -> FlowSet:
        now = time.monotonic()
        if now - self._checked >= CHECK_EVERY_SECONDS:
            with self._lock:
                self._checked = now
                self._reload_if_changed()
        return self._flows

    def _reload_if_changed(self) -> None:
        stamp = self._fingerprint()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        try:
            self._flows = self._load()
        except Exception as exc:  # a bad edit must not take the bot down
            log.error("dialog files changed but do not load; keeping the previous flows:\n%s", exc)
        else:
            log.info("dialog files reloaded")
