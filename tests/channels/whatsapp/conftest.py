"""Fixtures for the WhatsApp webhook: the real app and service on a real database,
with Twilio credentials of a fake Twilio account and a public URL behind a proxy.

The runtime is put together as `build_runtime` does, except that the flows and
texts (slow to parse) are loaded once per session and shared by the tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fakes.fake_twilio import FakeTwilio, fake_twilio  # noqa: F401  (a fixture)
from wa_kit import PUBLIC_URL

from bot.app.config import load_settings
from bot.app.wiring import Runtime
from bot.core.content import FlowSource
from bot.core.conversation import ConversationService
from bot.core.media import MediaStore
from bot.web.app import create_app
from locales.render import Localizer
from storage.db import Database

MAX_PHOTO_BYTES = 64 * 1024  # small, so oversize tests stay fast


@pytest.fixture(scope="session")
def texts() -> tuple[FlowSource, Localizer]:
    root = load_settings(env={}).root
    return FlowSource(root / "dialogs" / "flows", locales=root / "locales"), Localizer(
        root / "locales"
    )


@pytest.fixture
def wa_runtime(
    db_url: str,
    tmp_path: Path,
    fake_twilio: FakeTwilio,  # noqa: F811
    texts: tuple[FlowSource, Localizer],
) -> Iterator[Runtime]:
    settings = load_settings(
        env={
            "TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
            "TWILIO_AUTH_TOKEN": fake_twilio.auth_token,
            "PUBLIC_URL": PUBLIC_URL,
        },
        overrides={
            "database.url": db_url,
            "media.directory": str(tmp_path / "media"),
            "media.max_bytes": MAX_PHOTO_BYTES,
            "channels.whatsapp.api_base_url": fake_twilio.base_url,
        },
    )
    flows, localizer = texts
    service = ConversationService(
        settings=settings, database=Database(db_url), flows=flows, localizer=localizer, nlu=None
    )
    media = MediaStore(settings.media, settings.path(settings.media.directory))
    runtime = Runtime(settings=settings, service=service, media=media)
    service.on_outbox = runtime.outbox_wakeup.set
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
async def wa_client(wa_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(wa_runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
