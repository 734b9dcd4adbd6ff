"""The web chat page's own words (locales/<lang>/webchat.ftl), rendered for the page.

The bot's messages come from the conversation service; this is only the
page's chrome: the placeholder, the buttons, the error lines. Rendering goes
through the same `locales.render.Localizer` the service uses, so edits to the
.ftl files reach the page the same way they reach the bot.
"""

from __future__ import annotations

from typing import Any

from locales.render import Localizer, is_rtl

PAGE_PREFIX = "webchat-"
FALLBACK = "en"

__all__ = ["PageTexts", "is_rtl"]


class PageTexts:
    def __init__(self, localizer: Localizer) -> None:
        """The page's words in one content snapshot's texts."""
        self._localizer = localizer
        self._keys = sorted(
            k for k in localizer.message_ids(FALLBACK) if k.startswith(PAGE_PREFIX)
        )

    def render(self, lang: str, key: str, args: dict[str, Any] | None = None) -> str:
        return self._localizer.render(lang, key, args or {})

    def page_strings(self, lang: str, args: dict[str, Any] | None = None) -> dict[str, str]:
        """Every webchat-* text of `lang`, keyed without the prefix (e.g. "send")."""
        return {k.removeprefix(PAGE_PREFIX): self.render(lang, k, args) for k in self._keys}

    def language_names(self, languages: tuple[str, ...]) -> dict[str, str]:
        """Each language's own name for itself, for the picker."""
        return {lang: self.render(lang, "webchat-language-name") for lang in languages}
