"""Fixtures for the fuzz suite: the whole app with every public endpoint on, in-process.

Both webhooks are mounted (Telegram in webhook mode against the fake Bot API,
WhatsApp with a fake Twilio account whose media host is allowed), the web
chat and health and metrics; the database is `db_url`'s (SQLite and
PostgreSQL). The clock the throttles read moves ten seconds at every look,
so the fuzzer reaches the validation rather than a wall of 429s (the
ceilings themselves are tested in tests/web/test_web_hardening.py).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[0] != _ROOT:  # tests/dialogs/ would shadow the `dialogs` package
    sys.path.insert(0, _ROOT)

import httpx  # noqa: E402
import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from fakes.fake_telegram import FakeTelegram  # noqa: E402
from fakes.fake_twilio import FakeTwilio  # noqa: E402
from shared_content import runtime_on_settings  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.fuzz_corpus import PNG, FuzzRequest, Target  # noqa: E402
from bot.app.config import load_settings  # noqa: E402
from bot.app.wiring import create_app  # noqa: E402
from bot.core.runtime import Runtime  # noqa: E402
from bot.desk.pages import COOKIE  # noqa: E402
from storage import service as store  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import Case, CaseEvent, Message, OutboxItem, Person  # noqa: E402

TOKEN = "123456:FUZZ-not-a-real-token"
SECRET = "fuzz-webhook-secret-0123456789"
PUBLIC_URL = "https://labbaik.example.org"
DESK_PASSWORD = "olive lantern harbour 42"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
TABLES = (Person, Message, OutboxItem, Case, CaseEvent)


@dataclass
class Fuzzed:
    runtime: Runtime
    client: httpx.AsyncClient
    target: Target

    async def send(self, request: FuzzRequest) -> httpx.Response:
        return await self.client.request(
            request.method, request.path, headers=request.raw_headers(), content=request.body
        )

    def rows(self) -> dict[str, int]:
        return row_counts(self.runtime.service.database)


def row_counts(database: Database) -> dict[str, int]:
    with database.session() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in TABLES
        }


def _supervisor_cookie(runtime: Runtime) -> str:
    """A signed-in supervisor's cookie, so the desk's pages are fuzzed past the sign-in."""
    with runtime.service.database.transaction() as s:
        agent = store.create_agent(
            s, username="fuzzsuper", display_name="Fuzz Supervisor", password=DESK_PASSWORD,
            role="supervisor", team=None, desk_language="en", hasher=FAST_HASHER,
        )  # fmt: skip
        signed_in = store.create_desk_session(s, agent=agent, client_address=None)
    return f"{COOKIE}={signed_in.token}"


@pytest.fixture(scope="session")
def _fuzz_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def _fuzz_twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
async def fuzzed(
    db_url: str, tmp_path: Path, _fuzz_telegram: FakeTelegram, _fuzz_twilio: FakeTwilio
) -> AsyncIterator[Fuzzed]:
    twilio = _fuzz_twilio
    settings = load_settings(
        env={
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TWILIO_ACCOUNT_SID": twilio.account_sid,
            "TWILIO_AUTH_TOKEN": twilio.auth_token,
            "PUBLIC_URL": PUBLIC_URL,
        },
        overrides={
            "database.url": db_url,
            "media.directory": str(tmp_path / "media"),
            "media.max_bytes": 64 * 1024,
            "channels.telegram.mode": "webhook",
            "channels.telegram.api_base_url": _fuzz_telegram.url,
            "channels.whatsapp.api_base_url": twilio.base_url,
            "channels.whatsapp.media_hosts": [twilio.base_url],
        },
    )
    runtime = runtime_on_settings(settings)
    ticks = itertools.count(step=10.0)
    app = create_app(runtime, clock=lambda: next(ticks))
    target = Target(
        telegram_secret=SECRET,
        twilio_token=twilio.auth_token,
        twilio_account=twilio.account_sid,
        public_url=PUBLIC_URL,
        media_url=twilio.add_media(PNG, "image/png"),
        desk_cookie=_supervisor_cookie(runtime),
    )
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield Fuzzed(runtime, client, target)
    finally:
        runtime.service.database.dispose()
