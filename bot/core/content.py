"""The content snapshot: flows, texts and the services' data, validated as one, swapped whole.

Admins edit `dialogs/flows/*.yaml`, `locales/<lang>/*.ftl` and the data of
each content part (the municipal services': bot/municipal/data/*.yaml). A
`Content` is one immutable set of all of it: the `FlowSet`, the `Localizer`
and each part's data. The conversation service takes `current()` once at the
start of a message and hands that snapshot down, so a message is never
handled half with the old files and half with the new.

`ContentSource` keeps the snapshot in force. A cheap stat of the files (every
`content.check_seconds`, by `watch()` in `labbaik run`) notices an edit; the
files are then copied to a staging folder under `var/`, the copy is loaded
and validated as a whole (the checks of `labbaik dialogs validate`: Fluent
syntax, every message id in every configured language, the flows' schema,
references, effects and their arguments, each part's own checks), and only
then swapped in. The validated copy becomes the last good set on disk
(`content.last_good`, e.g. var/content/<version>/ with a `current` link).

A broken edit keeps the snapshot in force, is logged with every `file:line`,
and shows on /healthz ("degraded", naming the problems). A process that
starts while a file is broken serves the last good copy, loudly; with no good
copy at all it refuses to start, listing every `file:line`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

from dialogs import FlowSet, load_flows
from dialogs.loader import DialogError
from locales.render import FALLBACK, Localizer
from locales.syntax import syntax_problems

log = logging.getLogger(__name__)

T = TypeVar("T")
Where = Callable[[Path], str]  # how a problem names a file


class ContentError(Exception):
    """The content cannot be used; `problems` lists each as `file:line: what is wrong`."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


class ContentPart(Protocol):
    """A folder of data beside the flows and texts (e.g. bot/municipal/content.py's MUNICIPAL).

    `load` reads and checks the folder against the texts (`messages`: message
    ids per configured language) and the flows (their ids), and returns its
    data, or None and every problem (named with `where`).
    """

    name: str  # its folder in the staging and last-good copies; its key in ContentFiles
    pattern: str  # the files of the folder that are content, e.g. "*.yaml"

    def load(
        self,
        directory: Path,
        *,
        messages: Mapping[str, set[str]],
        flow_ids: Collection[str],
        where: Where,
    ) -> tuple[object | None, list[str]]: ...


@dataclass(frozen=True)
class Content:
    """One validated set of everything admins edit; never changes once built."""

    flows: FlowSet
    texts: Localizer
    languages: tuple[str, ...]
    version: str  # a short hash of the files' bytes
    parts: Mapping[type, object] = field(default_factory=dict)

    def part(self, kind: type[T]) -> T:
        """The data of the part whose type is `kind` (e.g. MunicipalData)."""
        value = self.parts.get(kind)
        if not isinstance(value, kind):
            raise LookupError(f"no {kind.__name__} in this content snapshot")
        return value


FLOW_PATTERN = "*.y*ml"
LOCALE_PATTERN = "*/*.ftl"


@dataclass(frozen=True)
class ContentFiles:
    """Where each kind of content lives: the flows, the locales, one folder per part."""

    flows: Path
    locales: Path
    parts: Mapping[str, Path] = field(default_factory=dict)

    def folders(self, parts: Sequence[ContentPart]) -> list[tuple[str, Path, str]]:
        """(name, folder, file pattern) of every folder that is content."""
        found = [("flows", self.flows, FLOW_PATTERN), ("locales", self.locales, LOCALE_PATTERN)]
        return found + [(p.name, self.parts[p.name], p.pattern) for p in parts]

    def under(self, root: Path) -> ContentFiles:
        """The same layout inside `root` (a staging or last-good copy)."""
        return ContentFiles(
            flows=root / "flows",
            locales=root / "locales",
            parts={name: root / name for name in self.parts},
        )


def shown(path: Path) -> str:
    """A path relative to the current directory when inside it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


# ---- loading one set -------------------------------------------------------------------


def _locale_problems(
    texts: Localizer,
    locales: Path,
    languages: Sequence[str],
    where: Where,
    staff_files: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Fluent syntax, a folder per configured language, every English message in each.

    A staff file (`staff_files`: file name -> languages, e.g. the desk's
    desk.ftl in Arabic and English) is required, message by message, only in
    its own languages; pilgrims' languages need not have it.
    """
    problems = [f"{where(p)}:{line}: {message}" for p, line, message in syntax_problems(locales)]
    for lang in languages:
        if not any((locales / lang).glob("*.ftl")):
            problems.append(f"{where(locales / lang)}:1: no .ftl files for language {lang!r}")
    staff = {name: set(langs) for name, langs in (staff_files or {}).items()}
    staff_ids = {name: _file_ids(locales / FALLBACK / name) for name in staff}
    reference = texts.message_ids(FALLBACK) - set().union(set(), *staff_ids.values())
    lines = _definition_lines(locales / FALLBACK)
    for lang in languages:
        wanted = reference.union(*(ids for n, ids in staff_ids.items() if lang in staff[n]))
        for key in sorted(wanted - texts.message_ids(lang)):
            path, line = lines.get(key, (locales / FALLBACK, 1))
            problems.append(f"{where(path)}:{line}: message {key!r} is missing in locales/{lang}")
    return problems


def _file_ids(path: Path) -> set[str]:
    """The message ids one .ftl file defines (none when it does not exist)."""
    return set(_definition_lines_of(path)) if path.is_file() else set()


def _definition_lines_of(path: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        key, sep, _ = text.partition(" =")
        if sep and key and not key[0].isspace() and not key.startswith("#"):
            found.setdefault(key.strip(), number)
    return found


def _definition_lines(folder: Path) -> dict[str, tuple[Path, int]]:
    """Where each message of one language folder is defined."""
    lines: dict[str, tuple[Path, int]] = {}
    for path in sorted(folder.glob("*.ftl")):
        for key, number in _definition_lines_of(path).items():
            lines.setdefault(key, (path, number))
    return lines


def _flow_ids(flows_dir: Path) -> set[str]:
    """Flow ids read straight from the files, for the parts' checks when the flows fail."""
    ids: set[str] = set()
    for path in flows_dir.glob(FLOW_PATTERN):
        with contextlib.suppress(OSError, yaml.YAMLError):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                ids.add(data["id"])
    return ids


def load_content(
    files: ContentFiles,
    *,
    languages: Sequence[str],
    effects: Mapping[str, frozenset[str]],
    parts: Sequence[ContentPart] = (),
    where: Where = shown,
    version: str = "",
    staff_files: Mapping[str, Sequence[str]] | None = None,
) -> Content:
    """One snapshot from `files`, or ContentError with every problem of the whole set.

    `staff_files` names locale files only some languages have (the desk's words).
    """
    texts = Localizer(files.locales, languages)
    problems = _locale_problems(texts, files.locales, languages, where, staff_files)
    messages = {lang: texts.message_ids(lang) for lang in languages}
    flows: FlowSet | None = None
    try:
        flows = load_flows(files.flows, languages=languages, messages=messages, effects=effects)
    except DialogError as exc:
        problems += [f"{where(Path(p.source))}:{p.line}: {p.message}" for p in exc.problems]
    flow_ids = set(flows.flows) if flows is not None else _flow_ids(files.flows)
    loaded: dict[type, object] = {}
    for part in parts:
        value, found = part.load(
            files.parts[part.name], messages=messages, flow_ids=flow_ids, where=where
        )
        problems += found
        if value is not None:
            loaded[type(value)] = value
    if problems or flows is None:
        raise ContentError(problems)
    return Content(flows, texts, tuple(languages), version, loaded)


# ---- the snapshot in force ---------------------------------------------------------------


def _files_of(folders: Sequence[tuple[str, Path, str]]) -> list[tuple[str, Path, Path]]:
    """(folder name, folder, file) of every content file, in a stable order."""
    return [
        (name, folder, path)
        for name, folder, pattern in folders
        for path in sorted(folder.glob(pattern))
        if path.is_file()
    ]


def _fingerprint(folders: Sequence[tuple[str, Path, str]]) -> tuple[tuple[str, int, int], ...]:
    """What changes when an admin saves a file: names, modification times and sizes."""
    stamp = []
    for _, _, path in _files_of(folders):
        with contextlib.suppress(OSError):
            st = path.stat()
            stamp.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(stamp)


@dataclass
class ContentStatus:
    """What /healthz says about the content."""

    serving: str = "files"  # "files" (as on disk) or "last good copy"
    version: str = ""
    problems: tuple[str, ...] = ()  # of the files on disk, while they do not validate

    def as_json(self) -> dict[str, Any]:
        return {
            "status": "degraded" if self.problems else "ok",
            "serving": self.serving,
            "version": self.version,
            "problems": list(self.problems),
        }


class ContentSource:
    """The content snapshot in force, reloaded after an edit once the whole new set validates."""

    def __init__(
        self,
        files: ContentFiles,
        *,
        languages: Sequence[str],
        effects: Mapping[str, frozenset[str]],
        parts: Sequence[ContentPart] = (),
        last_good: Path | None = None,
        check_seconds: float = 2.0,
        staff_files: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.files = files
        self.staff_files = dict(staff_files or {})
        self.languages = tuple(languages)
        self.effects = dict(effects)
        self.parts = tuple(parts)
        self.last_good = last_good
        self.check_seconds = check_seconds
        self._folders = files.folders(self.parts)
        self._lock = threading.Lock()
        self._stamp: tuple[tuple[str, int, int], ...] = ()
        self._content: Content | None = None
        self.status = ContentStatus()

    # ---- start, read, refresh ------------------------------------------------------

    def start(self) -> ContentSource:
        """Load the files; when they are broken, the last good copy (loudly); else refuse."""
        with self._lock:
            self._stamp = _fingerprint(self._folders)
            try:
                self._content = self._load_files()
            except ContentError as exc:
                self._content = self._fall_back(exc)
            self.status.version = self._content.version
        return self

    def current(self) -> Content:
        """The snapshot in force (take it once per message and pass it down)."""
        if self._content is None:
            raise RuntimeError("ContentSource.start() was not called")
        return self._content

    def refresh(self) -> bool:
        """Reload when a file changed since the last look; True when a new set is in force."""
        with self._lock:
            stamp = _fingerprint(self._folders)
            if stamp == self._stamp:
                return False
            self._stamp = stamp
            try:
                content = self._load_files()
            except ContentError as exc:
                self.status.problems = exc.problems
                log.error(
                    "content files changed but do not validate; still serving version %s:\n%s",
                    self.current().version,
                    "\n".join(exc.problems),
                )
                return False
            self._content = content
            self.status = ContentStatus("files", content.version, ())
            log.info("content reloaded: version %s", content.version)
            return True

    async def watch(self, stop: asyncio.Event) -> None:
        """Look for edits every `check_seconds` until `stop` is set (`labbaik run`)."""
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.refresh)
            except Exception:  # a full disk or a vanished folder must not end the watch
                log.exception("content: could not check the files; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.check_seconds)

    # ---- one load ---------------------------------------------------------------------

    def _load(self, files: ContentFiles, where: Where, version: str) -> Content:
        return load_content(
            files,
            languages=self.languages,
            effects=self.effects,
            parts=self.parts,
            where=where,
            version=version,
            staff_files=self.staff_files,
        )

    def _load_files(self) -> Content:
        """The files as on disk, through a staging copy that becomes the last good set."""
        if self.last_good is None:
            return self._load(self.files, shown, _version(self._folders))
        staging = self.last_good / f".staging-{uuid.uuid4().hex[:12]}"
        try:
            try:
                version = _copy(self._folders, staging)
            except OSError as exc:  # e.g. var/ not writable: serve, but say nothing is kept
                log.warning("content: no copy kept under %s (%s)", self.last_good, exc)
                return self._load(self.files, shown, _version(self._folders))
            content = self._load(self.files.under(staging), self._names_of(staging), version)
            try:
                _promote(staging, self.last_good, version)
            except OSError as exc:
                log.warning("content: could not keep version %s as the last good: %s", version, exc)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return content

    def _names_of(self, staging: Path) -> Where:
        """Problems found in the staging copy name the admin's files."""
        copies = [(staging / name, folder) for name, folder, _ in self._folders]

        def where(path: Path) -> str:
            for copy, folder in copies:
                if path.is_relative_to(copy):
                    return shown(folder / path.relative_to(copy))
            return shown(path)

        return where

    def _fall_back(self, error: ContentError) -> Content:
        """The last good copy when the files are broken at start-up; else ContentError."""
        saved = self.last_good / "current" if self.last_good is not None else None
        if saved is None or not saved.exists():
            raise error
        try:
            content = self._load(self.files.under(saved.resolve()), shown, saved.resolve().name)
        except ContentError:
            raise error from None
        self.status = ContentStatus("last good copy", content.version, error.problems)
        log.warning(
            "THE CONTENT FILES DO NOT VALIDATE; serving the last good copy %s instead. "
            "Fix these and the bot picks them up by itself:\n%s",
            saved.resolve(),
            "\n".join(error.problems),
        )
        return content


def _version(folders: Sequence[tuple[str, Path, str]]) -> str:
    digest = hashlib.sha256()
    for name, folder, path in _files_of(folders):
        digest.update(f"{name}/{path.relative_to(folder)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _copy(folders: Sequence[tuple[str, Path, str]], target: Path) -> str:
    """Copy every content file under `target/<folder name>/`; the copy's version."""
    digest = hashlib.sha256()
    for name, folder, path in _files_of(folders):
        relative = path.relative_to(folder)
        data = path.read_bytes()
        digest.update(f"{name}/{relative}\0".encode())
        digest.update(data)
        copy = target / name / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(data)
    for name, _, _ in folders:
        (target / name).mkdir(parents=True, exist_ok=True)
    return digest.hexdigest()[:12]


KEEP_VERSIONS = 3


def _promote(staging: Path, last_good: Path, version: str) -> None:
    """Keep the validated copy as `last_good/<version>` and point `current` at it atomically."""
    target = last_good / version
    if not target.exists():
        (staging / "saved.json").write_text(
            json.dumps({"version": version, "saved_at": time.time()}), encoding="utf-8"
        )
        try:
            staging.rename(target)
        except OSError:  # another process kept the same version a moment ago
            if not target.exists():
                raise
    link = last_good / f".current-{uuid.uuid4().hex[:8]}"
    link.symlink_to(version)
    os.replace(link, last_good / "current")
    versions = sorted(
        (p for p in last_good.iterdir() if p.is_dir() and not p.is_symlink() and p.name[0] != "."),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in versions[KEEP_VERSIONS:]:
        if old.name != version:
            shutil.rmtree(old, ignore_errors=True)
