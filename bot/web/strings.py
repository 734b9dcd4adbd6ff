"""The web chat page's own words (locales/<lang>/webchat.ftl), rendered for the page.

The bot's messages come from the conversation service; this is only the
page's chrome: the placeholder, the buttons, the error lines. Texts about a
rejected photo are the channel messages every adapter uses (media-too-large,
media-wrong-type), rendered by the same bundles.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

RTL_LANGUAGES = frozenset({"ar", "ur", "fa"})
PAGE_PREFIX = "webchat-"
FALLBACK = "en"


class PageTexts:
    """Fluent bundles of one locales directory, one per language, loaded once."""

    def __init__(self, locales_dir: Path) -> None:
        self._dir = locales_dir
        self._bundle = cache(self._load)

    def _load(self, lang: str) -> FluentBundle:
        bundle = FluentBundle([lang], use_isolating=False)
        for path in sorted((self._dir / lang).glob("*.ftl")):
            bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
        return bundle

    def render(self, lang: str, key: str, args: dict[str, Any] | None = None) -> str:
        """One message in `lang`, falling back to English when the key is missing there."""
        for candidate in (lang, FALLBACK):
            bundle = self._bundle(candidate)
            pattern = bundle.get_message(key).value if bundle.has_message(key) else None
            if pattern is not None:
                text, _errors = bundle.format_pattern(pattern, args or {})
                return str(text)
        return key

    def page_keys(self) -> list[str]:
        text = (self._dir / FALLBACK / "webchat.ftl").read_text(encoding="utf-8")
        return [
            line.split("=", 1)[0].strip()
            for line in text.splitlines()
            if line.startswith(PAGE_PREFIX)
        ]

    def page_strings(self, lang: str) -> dict[str, str]:
        """Every webchat-* text of `lang`, keyed without the prefix (e.g. "send")."""
        return {k.removeprefix(PAGE_PREFIX): self.render(lang, k) for k in self.page_keys()}

    def language_names(self, languages: tuple[str, ...]) -> dict[str, str]:
        """Each language's own name for itself, for the picker."""
        return {lang: self.render(lang, "webchat-language-name") for lang in languages}


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES
