"""The running product wired in one place: settings -> database, content, NLU, service, web app.

`build_runtime(settings)` is what `labbaik run`, `labbaik chat`, the bench and
the tests call: the database migrated, the content snapshot loaded (or the
last good copy of it, or a refusal listing every `file:line`), the NLU client,
the conversation service with every effect and hook, the media store.
`create_app(runtime)` is the one ASGI app, with the routes of every provider
in `ROUTE_PROVIDERS`.

Where the next parts plug in (one line each):
- routes: a `(runtime, web) -> routes` function in `ROUTE_PROVIDERS` (the desk,
  Open311);
- effects: an `EffectSpec` tuple in `EFFECTS`;
- content: a `ContentPart` in `CONTENT_PARTS`, with its folder in
  `content_files()` and `ContentSettings` (canned replies, ...);
- input hooks: an `InputRewriter` in `INPUT_REWRITERS`; an `InputHandler` (answers an
  input before the engine, e.g. "is it fixed?") in `INPUT_HANDLERS`;
- CLI commands: bot/app/cli.py's `COMMANDS` and a module in bot/app/commands/.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from starlette.applications import Starlette

from bot.channels import registry
from bot.core.content import ContentFiles, ContentPart, ContentSource
from bot.core.conversation import ConversationService, InputHandler, InputRewriter
from bot.core.effects import CORE_EFFECTS, EffectRegistry, EffectSpec
from bot.core.fix_answers import answer_fix_question
from bot.core.media import MediaStore
from bot.core.nlu_contract import NORMALISERS
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.desk import app as desk
from bot.handoff.canned import CANNED
from bot.handoff.chat_translation import ChatTranslations
from bot.handoff.effects import HANDOFF_EFFECTS
from bot.handoff.router import HandoffRouter
from bot.handoff.translation import Translator
from bot.municipal import teams
from bot.municipal.content import MUNICIPAL
from bot.municipal.effects import (
    MUNICIPAL_EFFECTS,
    places_in,
    stop_word,
    team_at,
    team_named,
)
from bot.open311 import routes as open311
from bot.web.app import build_app
from bot.web.context import RouteProvider
from bot.web.throttle import Clock
from nlu.category import default_classifier
from nlu.client import NluClient
from nlu.language import LanguageDetector, default_detector
from nlu.settings import PROJECT_DATA
from storage.db import Database, resolve_url, upgrade

EFFECTS: tuple[tuple[EffectSpec, ...], ...] = (CORE_EFFECTS, MUNICIPAL_EFFECTS, HANDOFF_EFFECTS)
CONTENT_PARTS: tuple[ContentPart, ...] = (MUNICIPAL, CANNED)
INPUT_REWRITERS: tuple[InputRewriter, ...] = (stop_word,)
INPUT_HANDLERS: tuple[InputHandler, ...] = (answer_fix_question,)
# Locale files of staff pages, in the desk's languages only (not the pilgrims')
STAFF_TEXTS: dict[str, tuple[str, ...]] = {"desk.ftl": ("ar", "en")}
ROUTE_PROVIDERS: tuple[RouteProvider, ...] = (registry.routes, desk.routes, open311.routes)


def utc_now() -> datetime:
    return datetime.now(UTC)


def effect_registry() -> EffectRegistry:
    """Every effect the flows may ask for, with the arguments each needs."""
    return EffectRegistry(spec for specs in EFFECTS for spec in specs)


def content_files(
    settings: Settings, *, flows: Path | None = None, locales: Path | None = None
) -> ContentFiles:
    """Where the content is (`flows`, `locales`: other folders, e.g. for `dialogs validate`)."""
    content = settings.content
    locales = locales or settings.path(content.locales)
    return ContentFiles(
        flows=flows or settings.path(content.flows),
        locales=locales,
        parts={
            MUNICIPAL.name: settings.path(content.municipal),
            CANNED.name: locales,  # its canned.ftl files
        },
    )


def content_source(settings: Settings, *, keep_last_good: bool = True) -> ContentSource:
    """The content snapshot source for these settings (not started)."""
    return ContentSource(
        content_files(settings),
        languages=settings.languages,
        effects=effect_registry().signatures(),
        parts=CONTENT_PARTS,
        last_good=settings.path(settings.content.last_good) if keep_last_good else None,
        check_seconds=settings.content.check_seconds,
        staff_files=STAFF_TEXTS,
    )


def language_detector(settings: Settings) -> LanguageDetector:
    """Language detection for the configured languages, from the NLU's training data."""
    data = settings.path(settings.nlu.data)
    detector = default_detector()
    if data == PROJECT_DATA and set(detector.languages) == set(settings.languages):
        return detector  # the project's own data and languages: built once per process
    return LanguageDetector.from_data(data, languages=settings.languages)


def build_service(
    settings: Settings,
    database: Database,
    content: ContentSource,
    *,
    with_nlu: bool = True,
    detector: LanguageDetector | None = None,
) -> ConversationService:
    detector = detector or language_detector(settings)
    translations = ChatTranslations(database, Translator(settings.translation), clock=utc_now)
    return ConversationService(
        settings=settings,
        database=database,
        content=content,
        effects=effect_registry(),
        nlu=NluClient(settings.nlu, normalisers=NORMALISERS, detector=detector)
        if with_nlu
        else None,
        detector=detector,
        team_for=team_at,
        team_named=team_named,
        places_for=places_in,
        input_rewriters=INPUT_REWRITERS,
        input_handlers=INPUT_HANDLERS,
        chat_router=HandoffRouter(translations),
    )


def runtime_for(service: ConversationService) -> Runtime:
    """The runtime around a service: media store, outbox wake-up, channel rate limits."""
    settings = service.settings
    media = MediaStore(settings.media, settings.path(settings.media.directory))
    runtime = Runtime(
        settings=settings,
        service=service,
        media=media,
        rate_limits=registry.rate_limits(settings),
        channels=tuple(c.name for c in registry.CHANNELS),
        reply_windows=registry.reply_windows(),
    )
    service.on_outbox = runtime.outbox_wakeup.set
    teams.seed(service.database, settings.routing, service.content.current())  # the desk's teams
    return runtime


def build_runtime(settings: Settings, *, with_nlu: bool = True) -> Runtime:
    """Everything a process needs, from settings; the database is migrated first."""
    url = resolve_url(settings.database.url, settings.root)
    upgrade(url)
    content = content_source(settings).start()  # ContentError: nothing good to serve
    detector = language_detector(settings)
    detector.detect("warm-up")  # the model is built now, not on the first message
    if with_nlu:
        default_classifier()  # the category fallback too (both read from var/cache, nlu/tables.py)
    service = build_service(settings, Database(url), content, with_nlu=with_nlu, detector=detector)
    return runtime_for(service)


def create_app(runtime: Runtime, *, clock: Clock = time.monotonic) -> Starlette:
    """The one web app: health, metrics and the routes of every provider."""
    return build_app(runtime, ROUTE_PROVIDERS, clock=clock)
