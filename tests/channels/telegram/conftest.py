"""Fixtures for the Telegram tests: the fake Bot API server, captured payloads, settings.

The fake server is real HTTP on 127.0.0.1; PTB is pointed at it through the
settings' `channels.telegram.api_base_url`, exactly as it would be at a
self-hosted Bot API server. Tokens and secrets here are made up.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

# pytest puts tests/ on sys.path (for `fakes`), where tests/dialogs/ would shadow the
# `dialogs` package as a namespace package; the project root must come first.
_ROOT = str(Path(__file__).resolve().parents[3])
if sys.path[0] != _ROOT:
    sys.path.insert(0, _ROOT)

import httpx  # noqa: E402
import pytest  # noqa: E402
from fakes.fake_telegram import FakeTelegram  # noqa: E402
from telegram_testkit import MAX_BYTES, TOKEN, make_settings, runtime_for  # noqa: E402

from bot.app.wiring import create_app  # noqa: E402
from bot.core.media import MediaStore  # noqa: E402
from bot.core.runtime import Runtime  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"

Payload = dict[str, Any]


@pytest.fixture(scope="session")
def _fake_telegram_server() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_telegram(_fake_telegram_server: FakeTelegram) -> FakeTelegram:
    """The fake Bot API server, with nothing recorded or queued."""
    _fake_telegram_server.reset()
    return _fake_telegram_server


@pytest.fixture
def payload() -> Callable[..., Payload]:
    """A captured-style update from fixtures/, with ids changed where asked.

    `payload("text", update_id=7, chat_id=42, text="hi")`
    """

    def load(
        name: str,
        *,
        update_id: int | None = None,
        chat_id: int | None = None,
        **message_fields: Any,
    ) -> Payload:
        data: Payload = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        data = copy.deepcopy(data)
        if update_id is not None:
            data["update_id"] = update_id
        body = data.get("message") or data.get("edited_message")
        if body is None:
            body = data["callback_query"]["message"]
            if "data" in message_fields:
                data["callback_query"]["data"] = message_fields.pop("data")
        if chat_id is not None:
            body["chat"]["id"] = chat_id
            for holder in (body, data.get("callback_query") or {}):
                if "from" in holder and not holder["from"].get("is_bot"):
                    holder["from"]["id"] = chat_id
        body.update(message_fields)
        return data

    return load


@pytest.fixture
def media_store(tmp_path: Path) -> MediaStore:
    settings = make_settings(tmp_path, api_url=None, max_bytes=MAX_BYTES)
    return MediaStore(settings.media, settings.path(settings.media.directory))


@pytest.fixture
def tg_runtime(db_url: str, tmp_path: Path, fake_telegram: FakeTelegram) -> Iterator[Runtime]:
    """The real service on SQLite and PostgreSQL, Telegram in webhook mode against the fake."""
    settings = make_settings(
        tmp_path, api_url=fake_telegram.url, db_url=db_url, mode="webhook", max_bytes=MAX_BYTES
    )
    runtime = runtime_for(settings)
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
async def tg_client(tg_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    """The real web app (bot.web.app), in-process."""
    transport = httpx.ASGITransport(app=create_app(tg_runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
