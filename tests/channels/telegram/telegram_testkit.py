"""Helpers the Telegram tests import: made-up credentials and settings pointed at the fake."""

from __future__ import annotations

from pathlib import Path

from bot.config import DEFAULT_CONFIG, Settings, load_settings

TOKEN = "123456:TEST-not-a-real-token"
WEBHOOK_SECRET = "test-webhook-secret_0123456789"


def make_settings(
    tmp_path: Path,
    *,
    api_url: str | None,
    db_url: str | None = None,
    mode: str = "polling",
    max_bytes: int | None = None,
    secret: str | None = WEBHOOK_SECRET,
) -> Settings:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN}
    if secret:
        env["TELEGRAM_WEBHOOK_SECRET"] = secret
    overrides: dict[str, object] = {
        "channels.telegram.mode": mode,
        "media.directory": str(tmp_path / "media"),
    }
    if api_url:
        overrides["channels.telegram.api_base_url"] = api_url
    if db_url:
        overrides["database.url"] = db_url
    if max_bytes:
        overrides["media.max_bytes"] = max_bytes
    return load_settings(DEFAULT_CONFIG, env=env, overrides=overrides)


def stored_media_files(tmp_path: Path) -> list[Path]:
    root = tmp_path / "media"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
