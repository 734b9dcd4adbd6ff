"""Machine translation of live chats through a LibreTranslate-compatible server (optional).

    translator = Translator(settings.translation)
    text = await translator.translate("کچرا یہاں پڑا ہے", source="ur", target="ar")  # or None

The server's API (LibreTranslate, also what compatible servers speak):

- `GET  /languages` -> `[{"code": "ur", "name": "Urdu", "targets": ["ar", "en", ...]}, ...]`
- `POST /translate` JSON `{"q", "source", "target", "format": "text", "api_key"?}`
  -> `{"translatedText": "..."}`; errors are 4xx/5xx with `{"error": "..."}`
  (403: a missing or wrong key, 429: too many requests).

Translation is a help, never in the way: off unless `translation.url` is set;
every call ends within `translation.timeout_seconds`; any failure (down,
slow, refused, a pair the server lacks) is `None` and a log line without
the text. Callers translate after the message is stored and delivered
(bot/handoff/chat_translation.py). The pairs the server offers are asked once
and kept for `PAIRS_TTL` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx

from bot.core.settings import TranslationSettings

log = logging.getLogger(__name__)

PAIRS_TTL = 600.0  # seconds the server's language pairs are trusted
PAIRS_RETRY = 30.0  # after /languages failed, seconds before asking again
MAX_CHARS = 5000


class Translator:
    """A LibreTranslate client; `translate` returns the text or None, never raises."""

    def __init__(
        self,
        settings: TranslationSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._transport = transport
        self._clock = clock
        self._pairs: dict[str, set[str]] | None = None
        self._pairs_until = 0.0

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    async def translate(self, text: str, *, source: str, target: str) -> str | None:
        """`text` in `target`, or None (off, same language, failure, too slow)."""
        if not self.enabled or not text.strip() or source == target or len(text) > MAX_CHARS:
            return None
        try:
            async with asyncio.timeout(self.settings.timeout_seconds):
                return await self._translate(text, source, target)
        except TimeoutError:
            log.warning(
                "translation %s->%s: no answer within %.1f s",
                source,
                target,
                self.settings.timeout_seconds,
            )
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            log.warning("translation %s->%s failed: %s", source, target, type(exc).__name__)
        return None

    async def _translate(self, text: str, source: str, target: str) -> str | None:
        async with self._client() as client:
            pairs = await self._known_pairs(client)
            if pairs is not None and target not in pairs.get(source, set()):
                log.info("translation %s->%s: the server does not offer it", source, target)
                return None
            body: dict[str, Any] = {"q": text, "source": source, "target": target}
            body["format"] = "text"
            if self.settings.api_key:
                body["api_key"] = self.settings.api_key
            response = await client.post("/translate", json=body)
            if response.status_code != 200:
                log.warning(
                    "translation %s->%s refused: HTTP %d", source, target, response.status_code
                )
                return None
            translated = response.json()["translatedText"]
            return translated if isinstance(translated, str) and translated.strip() else None

    async def _known_pairs(self, client: httpx.AsyncClient) -> dict[str, set[str]] | None:
        """source -> targets the server offers; None when it would not say (then just try)."""
        if self._clock() < self._pairs_until:
            return self._pairs
        try:
            response = await client.get("/languages")
            response.raise_for_status()
            pairs = {str(lang["code"]): set(map(str, lang["targets"])) for lang in response.json()}
            self._pairs, self._pairs_until = pairs, self._clock() + PAIRS_TTL
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            log.warning(
                "translation: could not read the server's languages (%s)", type(exc).__name__
            )
            self._pairs, self._pairs_until = None, self._clock() + PAIRS_RETRY
        return self._pairs

    def _client(self) -> httpx.AsyncClient:
        assert self.settings.url is not None
        return httpx.AsyncClient(
            base_url=self.settings.url,
            timeout=self.settings.timeout_seconds,
            transport=self._transport,
            headers={"accept": "application/json"},
        )
