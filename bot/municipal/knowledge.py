"""The consultant knowledge base: topics, entries, follow-ups and phone lines.

Structure lives in bot/municipal/data/consultant.yaml, words in
locales/<lang>/knowledge.ftl (message ids derived from the entry ids, see the
YAML's header). `load_knowledge` reads the typed base; `knowledge_problems` returns every
problem as "path:line: message" (for the content snapshot and `labbaik
dialogs validate`, bot/municipal/content.py), including entries missing a
text in some language; `validate_knowledge` is the same for files on disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.municipal.datafiles import DATA_DIR, ROOT, DataError
from dialogs.loader import DEFAULT_FLOWS_DIR
from locales.render import LOCALES_DIR, languages, message_ids

KNOWLEDGE_FILE = DATA_DIR / "consultant.yaml"
FLOWS_DIR = DEFAULT_FLOWS_DIR
GUIDANCE = ("general", "fixed")
Where = Callable[[Path], str]  # how a problem names a file


@dataclass(frozen=True)
class Contact:
    id: str
    number: str
    extensions: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"contact-{self.id}"


@dataclass(frozen=True)
class Entry:
    id: str
    guidance: str
    follow_ups: tuple[str, ...]
    contact: str | None
    reviewed: str | None = None

    @property
    def text_key(self) -> str:
        return f"kb-{self.id}"

    @property
    def label_key(self) -> str:
        return f"kb-{self.id}-label"

    @property
    def questions_key(self) -> str:
        """The questions this entry answers, one a line (bot/municipal/kb_match.py)."""
        return f"kb-{self.id}-questions"


@dataclass(frozen=True)
class Topic:
    id: str
    flow: str
    entries: tuple[str, ...]

    @property
    def label_key(self) -> str:
        return f"kb-topic-{self.id}"

    @property
    def intro_key(self) -> str:
        return f"kb-topic-{self.id}-intro"

    @property
    def questions_key(self) -> str:
        """Broad questions about the whole topic (they get its menu, kb_match.py)."""
        return f"kb-topic-{self.id}-questions"


@dataclass(frozen=True)
class KnowledgeBase:
    topics: tuple[Topic, ...]
    entries: dict[str, Entry]
    contacts: dict[str, Contact]

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def topic_for_flow(self, flow_id: str) -> Topic | None:
        return next((t for t in self.topics if t.flow == flow_id), None)

    def entry(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def message_ids(self) -> dict[str, str]:
        """Every message id the base needs -> what needs it (for the locale check)."""
        ids: dict[str, str] = {}
        for t in self.topics:
            ids[t.label_key] = f"topic {t.id}"
            ids[t.intro_key] = f"topic {t.id}"
            if len(t.entries) > 1:  # a topic with a menu of entries carries broad questions
                ids[t.questions_key] = f"topic {t.id}"
        for e in self.entries.values():
            ids[e.text_key] = f"entry {e.id}"
            ids[e.label_key] = f"entry {e.id}"
            ids[e.questions_key] = f"entry {e.id}"
        for c in self.contacts.values():
            ids[c.key] = f"contact {c.id}"
        return ids


class _LineDict(dict[str, Any]):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """Remembers the line each mapping starts on, for "path:line: message" errors."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read(path: Path, where: Where | None = None) -> Any:
    name = (where or repo_relative)(path)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        raise DataError(f"{name}:1: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise DataError(f"{name}:{line}: not valid YAML: {exc}") from exc


def repo_relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _build(data: Any) -> KnowledgeBase:
    contacts = {
        str(c["id"]): Contact(str(c["id"]), str(c["number"]), _strings(c.get("extensions")))
        for c in data.get("contacts") or ()
    }
    entries = {
        str(e["id"]): Entry(
            id=str(e["id"]),
            guidance=str(e.get("guidance", "general")),
            follow_ups=_strings(e.get("follow_ups")),
            contact=None if e.get("contact") is None else str(e["contact"]),
            reviewed=None if e.get("reviewed") is None else str(e["reviewed"]),
        )
        for e in data.get("entries") or ()
    }
    topics = tuple(
        Topic(str(t["id"]), str(t["flow"]), _strings(t.get("entries")))
        for t in data.get("topics") or ()
    )
    return KnowledgeBase(topics=topics, entries=entries, contacts=contacts)


def parse_knowledge(path: Path) -> KnowledgeBase:
    """The base from a file, or `DataError` with the first problem found."""
    errors = _structure_errors(path, _read(path))
    if errors:
        raise DataError(errors[0])
    return _build(_read(path))


def load_knowledge(path: Path = KNOWLEDGE_FILE) -> KnowledgeBase:
    """The file read now (the running bot reads it through its content snapshot)."""
    return parse_knowledge(path)


# --- validation -----------------------------------------------------------------


def _structure_errors(
    path: Path, data: Any, flow_ids: Collection[str] | None = None, name: Where = repo_relative
) -> list[str]:
    where = name(path)
    if not isinstance(data, dict):
        return [f"{where}:1: expected a mapping with contacts, topics and entries"]
    errors: list[str] = []
    contacts = _ids(where, data, "contacts", ("id", "number"), errors)
    entries = _ids(where, data, "entries", ("id",), errors)
    topics = _ids(where, data, "topics", ("id", "flow"), errors)
    for raw in entries.values():
        errors += _entry_errors(where, raw, entries, contacts)
    used: set[str] = set()
    for raw in topics.values():
        errors += _topic_errors(where, raw, entries, flow_ids)
        used.update(_strings(raw.get("entries")))
    reachable = used | {f for e in entries.values() for f in _strings(e.get("follow_ups"))}
    for entry_id, raw in entries.items():
        if entry_id not in reachable:
            errors.append(f"{where}:{raw.line}: entry {entry_id}: no topic or follow-up leads here")
    return errors


def _ids(
    where: str, data: dict[str, Any], section: str, required: tuple[str, ...], errors: list[str]
) -> dict[str, _LineDict]:
    found: dict[str, _LineDict] = {}
    items = data.get(section)
    if not isinstance(items, list) or not items:
        errors.append(f"{where}:{getattr(data, 'line', 1)}: `{section}` must be a non-empty list")
        return found
    for raw in items:
        line = getattr(raw, "line", 1)
        missing = [k for k in required if not isinstance(raw, dict) or raw.get(k) in (None, "")]
        if missing:
            errors.append(f"{where}:{line}: {section} item without {', '.join(missing)}")
            continue
        if str(raw["id"]) in found:
            errors.append(f"{where}:{line}: {section}: duplicate id {raw['id']!r}")
        found[str(raw["id"])] = raw
    return found


def _entry_errors(
    where: str, raw: _LineDict, entries: dict[str, Any], contacts: dict[str, Any]
) -> list[str]:
    at = f"{where}:{raw.line}: entry {raw['id']}"
    errors = []
    if raw.get("guidance") not in GUIDANCE:
        errors.append(f"{at}: guidance must be one of {', '.join(GUIDANCE)}")
    errors += [
        f"{at}: unknown follow-up {f!r}"
        for f in _strings(raw.get("follow_ups"))
        if f not in entries
    ]
    if raw.get("contact") is not None and raw["contact"] not in contacts:
        errors.append(f"{at}: unknown contact {raw['contact']!r}")
    reviewed = raw.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, dt.date):
        errors.append(f"{at}: reviewed must be an ISO date (YYYY-MM-DD) or null")
    return errors


def _topic_errors(
    where: str, raw: _LineDict, entries: dict[str, Any], flow_ids: Collection[str] | None
) -> list[str]:
    at = f"{where}:{raw.line}: topic {raw['id']}"
    errors = []
    if flow_ids is not None and str(raw["flow"]) not in flow_ids:
        errors.append(f"{at}: no flow with id {raw['flow']!r}")
    errors += [
        f"{at}: unknown entry {e!r}" for e in _strings(raw.get("entries")) if e not in entries
    ]
    return errors


def flow_ids_on_disk(flows_dir: Path) -> set[str]:
    """The ids of the flow files of a folder (for checking files outside a snapshot)."""
    ids: set[str] = set()
    for path in flows_dir.glob("*.y*ml"):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def messages_on_disk(
    langs: Collection[str] | None = None, locales_dir: Path = LOCALES_DIR
) -> dict[str, set[str]]:
    """{language: message ids} of the locale files (default: every language folder)."""
    chosen = langs if langs is not None else languages(locales_dir)
    return {lang: message_ids(locales_dir / lang) for lang in chosen}


def missing_messages(
    needed: Mapping[str, str], messages: Mapping[str, set[str]]
) -> list[tuple[str, str, str]]:
    """(language, message id, what needs it) for each message a language lacks."""
    return [
        (lang, key, what)
        for lang, have in messages.items()
        for key, what in needed.items()
        if key not in have
    ]


def knowledge_problems(
    path: Path,
    *,
    messages: Mapping[str, set[str]] | None,
    flow_ids: Collection[str] | None,
    where: Where = repo_relative,
) -> tuple[KnowledgeBase | None, list[str]]:
    """The base and every problem of it as "path:line: message" (no base when any)."""
    try:
        data = _read(path, where)
    except DataError as exc:
        return None, [str(exc)]
    errors = _structure_errors(path, data, flow_ids, where)
    if errors:
        return None, errors
    kb = _build(data)
    lines = {
        f"{kind} {raw['id']}": raw.line
        for kind in ("topic", "entry", "contact")
        for raw in data.get({"topic": "topics", "entry": "entries", "contact": "contacts"}[kind])
        or ()
    }
    errors = [
        f"{where(path)}:{lines.get(what, 1)}: {what}: no message {key!r} in locales/{lang}"
        for lang, key, what in missing_messages(kb.message_ids(), messages or {})
    ]
    return (None if errors else kb), errors


def validate_knowledge(
    path: Path = KNOWLEDGE_FILE,
    *,
    languages: Collection[str] | None = None,
    locales_dir: Path = LOCALES_DIR,
    flows_dir: Path = FLOWS_DIR,
) -> list[str]:
    """Every problem of a knowledge file against locale and flow files on disk."""
    _, errors = knowledge_problems(
        path,
        messages=messages_on_disk(languages, locales_dir),
        flow_ids=flow_ids_on_disk(flows_dir),
    )
    return errors
