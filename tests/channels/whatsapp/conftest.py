"""Fixtures for the WhatsApp webhook: the real app and service on a real database,
with Twilio credentials of a fake Twilio account and a public URL behind a proxy.

The runtime is put together as `build_runtime` does, except that the content
snapshot (flows, texts, data) is loaded once per session and shared by the tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fakes.fake_twilio import FakeTwilio, fake_twilio  # noqa: F401  (a fixture)
from shared_content import runtime_on_settings
from wa_kit import PUBLIC_URL

from bot.app.config import load_settings
from bot.app.wiring import create_app
from bot.core.runtime import Runtime

MAX_PHOTO_BYTES = 64 * 1024  # small, so oversize tests stay fast


@pytest.fixture
def wa_runtime(
    db_url: str,
    tmp_path: Path,
    fake_twilio: FakeTwilio,  # noqa: F811
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
            "channels.whatsapp.media_hosts": [fake_twilio.base_url],
        },
    )
    runtime = runtime_on_settings(settings)
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
async def wa_client(wa_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(wa_runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
