"""The desk's words: `desk-*` messages of locales/ar/desk.ftl and locales/en/desk.ftl.

They live in the content snapshot's Localizer like every other text, so an edit
to desk.ftl shows on the next page view, validated first. Arabic is the desk's
default (right to left); each agent picks theirs (`agents.desk_language`).
Labels of values (statuses, categories, priorities, roles, languages, channels,
event types) are `desk-<kind>-<value>` with `_` written as `-`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from locales.render import Localizer, is_rtl

DESK_LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"


def pick_language(requested: str | None, accept_language: str = "") -> str:
    """The desk language for a visitor not signed in: ?lang=, else the browser's, else Arabic."""
    if requested in DESK_LANGUAGES:
        return str(requested)
    for part in accept_language.split(","):
        code = part.split(";")[0].strip().split("-")[0].lower()
        if code in DESK_LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


class DeskTexts:
    """The desk's words in one language of one content snapshot."""

    def __init__(self, localizer: Localizer, lang: str) -> None:
        self._localizer = localizer
        self.lang = lang if lang in DESK_LANGUAGES else DEFAULT_LANGUAGE
        self.rtl = is_rtl(self.lang)
        self.dir = "rtl" if self.rtl else "ltr"

    def __call__(self, key: str, **args: Any) -> str:
        """The text of `desk-<key>` (the prefix is added when missing)."""
        full = key if key.startswith("desk-") else f"desk-{key}"
        return self._localizer.render(self.lang, full, args)

    def label(self, kind: str, value: object) -> str:
        """A value's label, e.g. label("status", "in_progress"); the value itself if unknown."""
        if value is None or value == "":
            return self("none")
        key = f"desk-{kind}-{str(value).replace('_', '-')}"
        if not self._localizer.has(self.lang, key):
            return str(value)
        return self._localizer.render(self.lang, key, {})

    def pilgrim(self, lang: str, key: str, args: Mapping[str, Any] | None = None) -> str:
        """A pilgrim-facing text (what the bot sends), e.g. to preview a notification."""
        return self._localizer.render(lang, key, dict(args or {}))
