"""Whether Telegram runs, and how it is wired: settings, the PTB application, the webhook."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fakes.fake_telegram import FakeTelegram
from telegram_testkit import TOKEN, WEBHOOK_SECRET, runtime_for

from bot.app.config import DEFAULT_CONFIG, load_settings
from bot.app.wiring import build_runtime
from bot.channels.telegram import channel as telegram


def settings_with(env: dict[str, str], **overrides: object):  # type: ignore[no-untyped-def]
    return load_settings(DEFAULT_CONFIG, env=env, overrides=overrides)


def test_on_with_a_token_in_polling_mode() -> None:
    on, why = telegram.enabled(settings_with({"TELEGRAM_BOT_TOKEN": TOKEN}))
    assert (on, why) == (True, "polling mode")


@pytest.mark.parametrize(
    ("env", "overrides", "reason"),
    [
        ({}, {}, "TELEGRAM_BOT_TOKEN is not set"),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN},
            {"channels.telegram.enabled": False},
            "switched off in config.yaml (channels.telegram.enabled)",
        ),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN},
            {"channels.telegram.mode": "webhook"},
            "webhook mode needs TELEGRAM_WEBHOOK_SECRET",
        ),
    ],
)
def test_off_with_one_clear_reason(env: dict[str, str], overrides: dict, reason: str) -> None:
    on, why = telegram.enabled(settings_with(env, **overrides))
    assert (on, why) == (False, reason)
    assert TOKEN not in why


def test_webhook_mode_with_token_and_secret() -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET}
    settings = settings_with(env, **{"channels.telegram.mode": "webhook"})
    assert telegram.enabled(settings) == (True, "webhook mode")


def test_the_application_talks_to_the_configured_api(sqlite_url: str) -> None:
    settings = settings_with(
        {"TELEGRAM_BOT_TOKEN": TOKEN},
        **{"channels.telegram.api_base_url": "http://127.0.0.1:9/", "database.url": sqlite_url},
    )
    runtime = build_runtime(settings, with_nlu=False)
    try:
        app = telegram.build_application(runtime)
    finally:
        runtime.service.database.dispose()
    assert app.bot.base_url == f"http://127.0.0.1:9/bot{TOKEN}"
    assert app.bot.base_file_url == f"http://127.0.0.1:9/file/bot{TOKEN}"
    assert app.updater is not None


def test_real_telegram_by_default() -> None:
    bot = telegram.build_bot(settings_with({"TELEGRAM_BOT_TOKEN": TOKEN}))
    assert bot.base_url == f"https://api.telegram.org/bot{TOKEN}"


async def test_register_webhook_sends_the_url_and_the_secret(
    fake_telegram: FakeTelegram,
) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "PUBLIC_URL": "https://labbaik.example.org/",
    }
    settings = settings_with(
        env,
        **{
            "channels.telegram.mode": "webhook",
            "channels.telegram.api_base_url": fake_telegram.url,
        },
    )
    url = await telegram.register_webhook(settings)
    assert url == "https://labbaik.example.org/webhooks/telegram"
    [call] = fake_telegram.calls_of("setWebhook")
    assert call["url"] == url
    assert call["secret_token"] == WEBHOOK_SECRET
    assert call["allowed_updates"] == ["message", "callback_query"]


async def test_register_webhook_needs_a_public_url() -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET}
    with pytest.raises(ValueError, match="public_url"):
        await telegram.register_webhook(settings_with(env))


async def test_run_in_webhook_mode_registers_the_webhook_and_waits(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram
) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "PUBLIC_URL": "https://labbaik.example.org",
    }
    settings = settings_with(
        env,
        **{
            "channels.telegram.mode": "webhook",
            "channels.telegram.api_base_url": fake_telegram.url,
            "database.url": sqlite_url,
            "media.directory": str(tmp_path / "media"),
        },
    )
    runtime = runtime_for(settings)
    stop = asyncio.Event()
    task = asyncio.create_task(telegram.run(runtime, stop))
    try:
        await fake_telegram.wait_for(lambda: bool(fake_telegram.calls_of("setWebhook")))
        assert fake_telegram.webhook_url == "https://labbaik.example.org/webhooks/telegram"
        assert not task.done()  # it stays up with the app
        assert fake_telegram.calls_of("getUpdates") == []  # no polling in webhook mode
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
        runtime.service.database.dispose()


async def test_run_in_webhook_mode_without_public_url_says_so_and_stays_up(
    sqlite_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET}
    settings = settings_with(
        env, **{"channels.telegram.mode": "webhook", "database.url": sqlite_url}
    )
    runtime = runtime_for(settings)
    stop = asyncio.Event()
    task = asyncio.create_task(telegram.run(runtime, stop))
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        assert not task.done()
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
        runtime.service.database.dispose()
    assert any("webhook not registered" in r.getMessage() for r in caplog.records)
    assert all(WEBHOOK_SECRET not in r.getMessage() for r in caplog.records)
