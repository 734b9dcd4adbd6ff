"""The bot's HTTP client for the Rasa NLU server (`POST /model/parse`).

`NluClient.parse(text)` returns a `Parse` (nlu/result.py) with normalised entities, or
None when the server is down, too slow (the configured timeout) or answers
something that is not a parse result; the caller then keeps to menus. Each
such failure logs one line that never contains the message text.

Normalisation:
- `category`: one of `vocab.CATEGORIES` (Rasa's synonym mapper does most of
  it; a surface form it missed is looked up in the same vocabulary here). In
  text order, except that a bare "water" word yields to a more specific
  category in the same message ("no water in the toilets" is about toilets).
- any other entity, and the text itself, through the `Normalisers` the
  caller passes: the bot passes the dialog contract's (canonical ticket ids,
  Arabic-Indic and Persian digits read as ASCII; bot/core/nlu_contract.py),
  so the ticket format has one home (dialogs/tickets.py) and this package
  does not import it. Without a normaliser a value comes through as Rasa gave it.
- `place`: the words as written (`value` and `raw`: Arabic prefixes written onto
  the name left out, a district word next to it taken in: "بالعزيزية" ->
  "العزيزية", "حي العزيزية") and `key`, the place the bot resolves (its id in
  the bot's data, "aziziyah", "gate-king-fahd", or a numbered place,
  "gate-79", "mina-camp-56", "maktab-22"); overlapping spans are one place
  (nlu/places.py).
- `language`: the `LanguageDetector` (runs here, not in Rasa); None when the
  text says nothing about its language ("ok", "👍", a number).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from nlu import category, places, vocab
from nlu.language import LanguageDetector, default_detector
from nlu.result import Parse, ParsedEntity
from nlu.settings import NluSettings

log = logging.getLogger(__name__)

_category_table: dict[str, str] | None = None

# Rasa's sentence category classifier (nlu/rasa_project/labbaik_category.py) and the
# confidence from which its guess is taken when no word of the message named a
# category: per intent, else `SENTENCE_CONFIDENT_OTHER` (None: never). On a report the
# naive Bayes guess comes first. 0.7 on the other intents (a report Rasa misread as a
# status question, a Wajibna request, a fallback): 7 of the held-out set's 546
# non-report messages get a category (0.6: 16, 0.8: 3); docs/nlu.md "Category".
SENTENCE_EXTRACTOR = "SentenceCategoryClassifier"
SENTENCE_CONFIDENT: dict[str, float | None] = {category.INTENT: 0.5}
SENTENCE_CONFIDENT_OTHER: float | None = 0.7


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Normalisers:
    """What the caller's domain says about texts and entity values.

    `text` tidies a message before Rasa sees it and must keep every character
    at its place (entity offsets point into the original); `entities` maps an
    entity name to a reader of the typed text that gives the canonical value,
    or None to drop the entity.
    """

    text: Callable[[str], str] = _same
    entities: Mapping[str, Callable[[str], str | None]] = field(default_factory=dict)


def _category_value(value: str, raw: str) -> str | None:
    global _category_table
    if value in vocab.CATEGORIES:
        return value
    if _category_table is None:
        _category_table = vocab.synonyms()
    return _category_table.get(value.lower()) or _category_table.get(raw.lower())


def _entity(item: Mapping[str, Any], text: str, normalisers: Normalisers) -> ParsedEntity | None:
    name = str(item["entity"])
    value = str(item.get("value", ""))
    start, end = item.get("start"), item.get("end")
    raw = text[start:end] if isinstance(start, int) and isinstance(end, int) else value
    if name == "category":
        category = _category_value(value, raw)
        return ParsedEntity("category", category, raw) if category else None
    read = normalisers.entities.get(name)
    if read is not None:
        canonical = read(raw)
        return ParsedEntity(name, canonical, raw) if canonical is not None else None
    return ParsedEntity(name, value, raw)


def _places(items: Sequence[Mapping[str, Any]], text: str) -> list[ParsedEntity]:
    """The `place` spans as places: words as written, one per place, with its key."""
    found = []
    for item in items:
        start, end = item.get("start"), item.get("end")
        if item["entity"] == "place" and isinstance(start, int) and isinstance(end, int):
            place = places.read(text, start, end)
            if place is not None:
                found.append(place)
    found = places.with_sites(places.merge(text, found))
    return [ParsedEntity("place", p.text, p.text, p.key) for p in found]


def _specific_categories_first(entities: list[ParsedEntity]) -> list[ParsedEntity]:
    """Drop a bare "water" category when the message also names a more specific one."""
    categories = [e for e in entities if e.name == "category"]
    generic = [e for e in categories if (e.raw or "").lower() in vocab.GENERIC_WORDS]
    if not generic or len(generic) == len(categories):
        return entities
    return [e for e in entities if e not in generic]


def _sentence_guess(items: Sequence[Mapping[str, Any]]) -> tuple[str, float] | None:
    """The category Rasa's sentence classifier added (labbaik_category.py), if any."""
    for item in items:
        if item.get("entity") == "category" and item.get("extractor") == SENTENCE_EXTRACTOR:
            value = str(item.get("value", ""))
            if value in vocab.CATEGORIES:
                return value, float(item.get("confidence_entity") or 0.0)
    return None


def _categories_by_classifier(
    entities: list[ParsedEntity], intent: str, text: str, sentence: tuple[str, float] | None
) -> list[ParsedEntity]:
    """Several categories: the naive Bayes classifier's best first. None: on a report the
    naive Bayes guess when confident, else Rasa's sentence classifier's guess when
    confident enough for this intent (`SENTENCE_CONFIDENT`); with no raw text (the words
    did not say it)."""
    found = [e for e in entities if e.name == "category"]
    if len(found) > 1:
        ranked = category.default_classifier().order([e.value for e in found], text)
        ordered = iter(sorted(found, key=lambda e: ranked.index(e.value)))
        return [next(ordered) if e.name == "category" else e for e in entities]
    if found:
        return entities
    if intent == category.INTENT:
        guess = category.default_classifier().classify(text)
        if guess is not None and guess.confidence >= category.CONFIDENT:
            return [*entities, ParsedEntity("category", guess.category, None)]
    if sentence is not None:
        value, confidence = sentence
        needed = SENTENCE_CONFIDENT.get(intent, SENTENCE_CONFIDENT_OTHER)
        if needed is not None and confidence >= needed:
            return [*entities, ParsedEntity("category", value, None)]
    return entities


def to_result(
    payload: Any,
    text: str,
    normalisers: Normalisers | None = None,
    detector: LanguageDetector | None = None,
) -> Parse:
    """A Rasa `/model/parse` answer as a `Parse`; ValueError when it is not one."""
    normalisers = normalisers or Normalisers()
    try:
        intent = payload["intent"]
        name = str(intent["name"])
        confidence = float(intent["confidence"])
        entities: list[ParsedEntity] = []
        items = payload.get("entities") or []
        for item in items:
            if item["entity"] == "place" or item.get("extractor") == SENTENCE_EXTRACTOR:
                continue
            ent = _entity(item, text, normalisers)
            if ent and all((e.name, e.value) != (ent.name, ent.value) for e in entities):
                entities.append(ent)
        entities = _specific_categories_first(entities)
        sentence = _sentence_guess(items)
        entities = _categories_by_classifier(entities, name, text, sentence)
        entities += _places(items, text)
        ranking_raw: Sequence[Mapping[str, Any]] = payload.get("intent_ranking") or []
        ranking = tuple((str(r["name"]), float(r["confidence"])) for r in ranking_raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a Rasa parse result ({type(exc).__name__})") from exc
    detected = (detector or default_detector()).detect(text)
    return Parse(
        intent=name,
        confidence=confidence,
        entities=tuple(entities),
        language=detected.language if detected.confidence > 0 else None,
        ranking=ranking,
    )


class NluClient:
    """Async client for one Rasa server; reuse one instance (it pools connections)."""

    def __init__(
        self,
        settings: NluSettings | None = None,
        *,
        url: str | None = None,
        timeout: float | None = None,
        normalisers: Normalisers | None = None,
        detector: LanguageDetector | None = None,
    ) -> None:
        settings = settings or NluSettings()
        self.url = (url or settings.url).rstrip("/")
        self.timeout = timeout if timeout is not None else settings.timeout_seconds
        self.normalisers = normalisers or Normalisers()
        self.detector = detector
        self._http = httpx.AsyncClient(base_url=self.url, timeout=self.timeout)

    async def parse(self, text: str) -> Parse | None:
        """Intent, entities and language of `text`, or None when the NLU is unavailable."""
        try:
            # e.g. Arabic-Indic/Persian digits -> ASCII (one character each, so entity
            # offsets still point into `text`): the model sees every ticket number alike.
            sent = self.normalisers.text(text)
            r = await self._http.post("/model/parse", json={"text": sent})
            r.raise_for_status()
            return to_result(r.json(), text, self.normalisers, self.detector)
        except httpx.TimeoutException:
            log.warning("NLU parse timed out after %.1f s", self.timeout)
        except httpx.HTTPStatusError as exc:
            log.warning("NLU parse failed: HTTP %s", exc.response.status_code)
        except httpx.HTTPError as exc:
            log.warning("NLU server unreachable: %s", type(exc).__name__)
        except ValueError as exc:  # JSON decode errors and to_result's
            log.warning("NLU answered garbage: %s", type(exc).__name__)
        return None

    async def health(self) -> bool:
        """True when the server answers `GET /` within the timeout."""
        try:
            r = await self._http.get("/")
        except httpx.HTTPError:
            return False
        return r.status_code == 200 and r.text.startswith("Hello from Rasa")

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> NluClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
