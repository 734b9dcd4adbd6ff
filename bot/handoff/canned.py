"""Canned replies: the common answers agents send in a live chat, in every pilgrim language.

They live in `locales/<lang>/canned.ftl`, one Fluent message per reply:

    canned-location = Could you share your location ...
        .title = Ask for the location

The message id after `canned-` is the reply's shortcut (`location`: the agent
picks it by name or types the shortcut). The text is written in every
configured language (the content checks insist, like every other message);
the `.title` is the name agents see, needed in the desk languages (ar, en).
A reply may use `{ $agent }` (the agent's display name) and `{ $hotline }`,
nothing else. An agent sees the text in their desk language; the pilgrim gets
it in theirs (rendered by the outbox worker with the texts in force).

`CANNED` is the content part (bot/core/content.py) that reads and checks the
files each time the content changes; `content.part(CannedLibrary)` has them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.core.content import Where
from locales.render import FALLBACK
from storage.models import DESK_LANGUAGES

PREFIX = "canned-"
FILE = "canned.ftl"
ARGUMENTS = frozenset({"agent", "hotline"})  # what the core fills in


@dataclass(frozen=True)
class CannedReply:
    shortcut: str  # "location"
    key: str  # "canned-location"
    titles: Mapping[str, str]  # desk language -> the name agents see


@dataclass(frozen=True)
class CannedLibrary:
    replies: tuple[CannedReply, ...]

    def find(self, name: str) -> CannedReply | None:
        """A reply by its shortcut ("location", "/location") or message id."""
        wanted = name.strip().lstrip("/").lower() if isinstance(name, str) else ""
        wanted = wanted.removeprefix(PREFIX)
        return next((r for r in self.replies if r.shortcut == wanted), None)


def _messages(path: Path) -> list[tuple[ast.Message, int]]:
    """The canned messages of one file, with their lines."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    found = []
    for entry in FluentParser(with_spans=True).parse(text).body:
        if isinstance(entry, ast.Message) and entry.id.name.startswith(PREFIX):
            line = text.count("\n", 0, entry.span.start if entry.span else 0) + 1
            found.append((entry, line))
    return found


def _variables(node: object) -> set[str]:
    """Every `$name` a message (value and attributes) refers to."""
    names: set[str] = set()

    class Names(Visitor):
        def visit_VariableReference(self, ref: ast.VariableReference) -> None:  # noqa: N802
            names.add(ref.id.name)

    Names().visit(node)  # type: ignore[arg-type]
    return names


def _title(message: ast.Message) -> str | None:
    for attribute in message.attributes:
        if attribute.id.name == "title":
            return "".join(
                e.value for e in attribute.value.elements if isinstance(e, ast.TextElement)
            ).strip()
    return None


def load_canned(
    directory: Path, *, languages: Collection[str], where: Where
) -> tuple[CannedLibrary | None, list[str]]:
    """The library from `directory/<lang>/canned.ftl`, or None and every problem."""
    problems: list[str] = []
    titles: dict[str, dict[str, str]] = {}
    for lang in sorted({*languages, FALLBACK}):
        path = directory / lang / FILE
        for message, line in _messages(path):
            name = message.id.name
            extra = sorted(_variables(message) - ARGUMENTS)
            if extra:
                problems.append(
                    f"{where(path)}:{line}: {name} uses {', '.join('$' + e for e in extra)}; "
                    f"a canned reply may use only {', '.join('$' + a for a in sorted(ARGUMENTS))}"
                )
            title = _title(message)
            if title:
                titles.setdefault(name, {})[lang] = title
            elif lang in DESK_LANGUAGES:
                problems.append(f"{where(path)}:{line}: {name} needs a .title (agents see it)")
    reference = [m.id.name for m, _ in _messages(directory / FALLBACK / FILE)]
    replies = tuple(
        CannedReply(shortcut=key.removeprefix(PREFIX), key=key, titles=titles.get(key, {}))
        for key in reference
    )
    return (None, problems) if problems else (CannedLibrary(replies), [])


class CannedContent:
    """The canned replies as a part of the content snapshot (a bot.core.content.ContentPart).

    Its folder is the locales folder itself; only the canned.ftl files are its own.
    """

    name = "canned"
    pattern = f"*/{FILE}"

    def load(
        self,
        directory: Path,
        *,
        messages: Mapping[str, set[str]],
        flow_ids: Collection[str],
        where: Where,
    ) -> tuple[CannedLibrary | None, list[str]]:
        return load_canned(directory, languages=messages.keys(), where=where)


CANNED = CannedContent()
