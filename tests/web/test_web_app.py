"""create_app: channel webhooks mounted only when configured, each refusal said once in the log."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from webchat_kit import SharedTexts, runtime_on, web_settings

from bot.app.wiring import create_app

SECRETS = {
    "TELEGRAM_BOT_TOKEN": "123456:test-token-not-real",
    "TELEGRAM_WEBHOOK_SECRET": "test-webhook-secret",
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "TWILIO_AUTH_TOKEN": "test-auth-token",
    "PUBLIC_URL": "https://labbaik.example",
}


async def _post(app: Starlette, path: str) -> int:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        return (await c.post(path, content=b"{}")).status_code


async def test_webhooks_are_mounted_when_configured_and_refuse_strangers(
    sqlite_url: str, tmp_path: Path, shared_texts: SharedTexts
) -> None:
    settings = web_settings(
        sqlite_url, tmp_path, env=SECRETS, **{"channels.telegram.mode": "webhook"}
    )
    runtime = runtime_on(settings, shared_texts)
    app = create_app(runtime)
    try:
        assert await _post(app, "/webhooks/telegram") == 403  # no secret header
        assert await _post(app, "/webhooks/whatsapp") == 403  # no Twilio signature
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            metrics = (await c.get("/metrics")).text
        assert 'labbaik_webhook_requests_total{channel="telegram",status="403"} 1' in metrics
        assert 'labbaik_webhook_requests_total{channel="whatsapp",status="403"} 1' in metrics
    finally:
        runtime.service.database.dispose()


async def test_channels_without_secrets_are_not_mounted_and_say_why(
    sqlite_url: str, tmp_path: Path, shared_texts: SharedTexts, caplog: pytest.LogCaptureFixture
) -> None:
    runtime = runtime_on(web_settings(sqlite_url, tmp_path), shared_texts)
    with caplog.at_level(logging.INFO, logger="bot.channels.registry"):
        app = create_app(runtime)
    try:
        assert await _post(app, "/webhooks/telegram") == 404
        assert await _post(app, "/webhooks/whatsapp") == 404
        lines = [r.getMessage() for r in caplog.records if r.name == "bot.channels.registry"]
        assert len(lines) == 2
        assert any("TELEGRAM_BOT_TOKEN" in line for line in lines)
        assert any("TWILIO_ACCOUNT_SID" in line for line in lines)
    finally:
        runtime.service.database.dispose()


async def test_web_chat_can_be_switched_off(
    sqlite_url: str, tmp_path: Path, shared_texts: SharedTexts
) -> None:
    settings = web_settings(sqlite_url, tmp_path, **{"channels.webchat.enabled": False})
    runtime = runtime_on(settings, shared_texts)
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            assert (await c.get("/")).status_code == 404
            assert (await c.get("/healthz")).status_code == 200
    finally:
        runtime.service.database.dispose()
