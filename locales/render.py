"""The renderer: message ids + arguments -> text in the person's language, via Fluent.

Files are `locales/<lang>/*.ftl`, one `FluentBundle` per language. A message
missing in a language falls back to English only as a last resort, and says
so in the log. Plurals follow CLDR through Fluent selectors (Arabic has six
forms: zero, one, two, few, many, other).

An argument value shaped like `{"msg": id, "args": {...}}` (see
`dialogs.model.msg_ref`) is itself a message, rendered first in the same
language: that is how "Status: { $status }" shows a translated status.

Bidi isolation (`use_isolating`): Fluent can wrap every placeable in FSI/PDI
marks (U+2068/U+2069). In Arabic, Urdu and Persian text the placeables are
often left-to-right (ticket numbers like MK-1234566, phone numbers, dates);
without isolation the neighbouring punctuation and digits get reordered and a
ticket number can appear scrambled. Telegram and WhatsApp render the marks
invisibly. In English and Indonesian there is nothing to isolate, and the marks
only get in the way (console output, copy-pasting a ticket number, tests), so
isolation is on for right-to-left languages only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent
FALLBACK = "en"
RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he", "ps", "sd", "ug", "yi", "ckb"})


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGUAGES


def languages(locales_dir: Path = LOCALES_DIR) -> list[str]:
    """Every language folder that holds at least one .ftl file."""
    return sorted(p.name for p in locales_dir.iterdir() if p.is_dir() and any(p.glob("*.ftl")))


def parse_file(path: Path) -> ast.Resource:
    """One .ftl file parsed (see `parse_text`)."""
    return parse_text(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=512)
def parse_text(text: str) -> ast.Resource:
    """A file's text parsed, with spans (locales/syntax.py reports lines from them).

    Fluent's parser is pure Python and the largest part of loading the content: a
    text is parsed once per process, shared by the bundles and the syntax check
    (neither changes the tree), and a reload parses only the files that changed.
    """
    return FluentParser(with_spans=True).parse(text)


def message_ids(lang_dir: Path) -> set[str]:
    """The message ids defined in one language folder (parsed, not executed)."""
    ids: set[str] = set()
    for path in sorted(lang_dir.glob("*.ftl")):
        ids.update(e.id.name for e in parse_file(path).body if isinstance(e, ast.Message))
    return ids


def missing_messages(locales_dir: Path = LOCALES_DIR) -> dict[str, set[str]]:
    """For each language, the ids English has and it lacks."""
    reference = message_ids(locales_dir / FALLBACK)
    return {
        lang: reference - message_ids(locales_dir / lang)
        for lang in languages(locales_dir)
        if lang != FALLBACK
    }


class Localizer:
    """The bundles of `langs` (default: every folder), loaded once and never changed.

    `render` is safe to call from any thread. English is loaded too when it is
    there, as the last resort. A new set of files is a new Localizer: the
    conversation service swaps whole snapshots (bot/core/content.py).
    """

    def __init__(self, locales_dir: Path = LOCALES_DIR, langs: Iterable[str] | None = None) -> None:
        self.locales_dir = locales_dir
        wanted = list(langs) if langs is not None else languages(locales_dir)
        if FALLBACK not in wanted and (locales_dir / FALLBACK).is_dir():
            wanted.append(FALLBACK)
        self._bundles: dict[str, FluentBundle] = {}
        self._ids: dict[str, set[str]] = {}
        for lang in wanted:
            self._load(lang)

    def _load(self, lang: str) -> None:
        bundle = FluentBundle([lang], use_isolating=is_rtl(lang))
        ids: set[str] = set()
        for path in sorted((self.locales_dir / lang).glob("*.ftl")):
            resource = parse_file(path)
            bundle.add_resource(resource)
            ids.update(e.id.name for e in resource.body if isinstance(e, ast.Message))
        self._bundles[lang], self._ids[lang] = bundle, ids

    def message_ids(self, lang: str) -> set[str]:
        """The message ids one language defines (empty for a language not loaded)."""
        return set(self._ids.get(lang, ()))

    @property
    def languages(self) -> list[str]:
        return sorted(self._bundles)

    def has(self, lang: str, key: str) -> bool:
        bundle = self._bundles.get(lang)
        return bundle is not None and bundle.has_message(key)

    def render(self, lang: str, key: str, args: Mapping[str, Any] | None = None) -> str:
        """The text of `key` in `lang`, English as a last resort, the id itself if all fails."""
        for candidate in (lang, FALLBACK):
            if self.has(candidate, key):
                if candidate != lang:
                    log.warning("message %r missing in %r; using %r", key, lang, candidate)
                return self._format(candidate, key, args or {})
        log.error("message %r missing in every language", key)
        return key

    def labels(
        self, lang: str, *, every_language: bool = False
    ) -> Callable[[str, Mapping[str, Any]], list[str]]:
        """A label resolver for the dialog engine (`Context.labels`).

        With `every_language`, a typed label matches in any language (someone
        whose conversation is in English may still type "إلغاء" for Cancel).
        """
        langs = [lang] + ([x for x in self.languages if x != lang] if every_language else [])
        return lambda key, args: [self.render(x, key, args) for x in langs if self.has(x, key)]

    def _format(self, lang: str, key: str, args: Mapping[str, Any]) -> str:
        bundle = self._bundles[lang]
        message = bundle.get_message(key)
        if message.value is None:
            log.error("message %r in %r has no value", key, lang)
            return key
        text, errors = bundle.format_pattern(message.value, self._args(lang, args))
        for err in errors:
            log.warning("message %r in %r: %s", key, lang, err)
        return str(text)

    def _args(self, lang: str, args: Mapping[str, Any]) -> dict[str, Any]:
        return {name: self._arg(lang, value) for name, value in args.items()}

    def _arg(self, lang: str, value: Any) -> Any:
        if isinstance(value, Mapping) and isinstance(value.get("msg"), str):
            return self.render(lang, value["msg"], value.get("args") or {})
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, (str, int, float, datetime, date)):
            return value
        return str(value)
