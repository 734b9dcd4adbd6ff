"""The repo's content (flows, texts, services' data) loaded once per test process.

Loading and validating the whole set takes a moment; the tests that only
converse share one snapshot, read-only. Tests of reloading build their own.
"""

from __future__ import annotations

import functools

from bot.app.config import load_settings
from bot.app.wiring import build_service, content_source, runtime_for
from bot.core.content import ContentSource
from bot.core.conversation import ConversationService
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from storage.db import Database, resolve_url


@functools.cache
def repo_content() -> ContentSource:
    """The repo's content files as `labbaik run` loads them (no last-good copy kept)."""
    return content_source(load_settings(), keep_last_good=False).start()


def service_on(settings: Settings, database: Database | None = None) -> ConversationService:
    """The conversation service as `build_runtime` builds it, without the NLU server,
    on an already migrated database, with the shared content snapshot."""
    database = database or Database(resolve_url(settings.database.url, settings.root))
    return build_service(settings, database, repo_content(), with_nlu=False)


def runtime_on_settings(settings: Settings) -> Runtime:
    """What `build_runtime(settings, with_nlu=False)` gives, on a migrated database."""
    return runtime_for(service_on(settings))
