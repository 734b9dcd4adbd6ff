"""Helpers the Telegram tests import: made-up credentials, settings pointed at the fake,
and what the bot stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shared_content import runtime_on_settings
from sqlalchemy import func, select

from bot.app.config import DEFAULT_CONFIG, Settings, load_settings
from bot.core.runtime import Runtime
from storage.models import Message, OutboxItem, Person

TOKEN = "123456:TEST-not-a-real-token"
WEBHOOK_SECRET = "test-webhook-secret_0123456789"
MAX_BYTES = 64 * 1024  # the largest photo in these tests: small, so oversize stays fast


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


def runtime_for(settings: Settings) -> Runtime:
    """What `build_runtime` builds, on an already migrated test database, without NLU,
    with the content snapshot shared across tests (loading it is the slow part)."""
    return runtime_on_settings(settings)


def stored_media_files(tmp_path: Path) -> list[Path]:
    root = tmp_path / "media"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def stored_messages(runtime: Runtime, direction: str) -> list[dict[str, Any]]:
    """Payloads of the stored messages ("in" or "out"), oldest first."""
    with runtime.service.database.session() as session:
        stmt = select(Message.payload).where(Message.direction == direction).order_by(Message.id)
        return list(session.scalars(stmt))


def inbound_ids(runtime: Runtime) -> list[str | None]:
    with runtime.service.database.session() as session:
        stmt = select(Message.platform_message_id).where(Message.direction == "in")
        return list(session.scalars(stmt.order_by(Message.id)))


def outbox_rows(runtime: Runtime) -> list[tuple[str, str, dict[str, Any]]]:
    """(user_id, status, payload) of every outbox row, oldest first."""
    with runtime.service.database.session() as session:
        rows = session.execute(
            select(OutboxItem.user_id, OutboxItem.status, OutboxItem.payload).order_by(
                OutboxItem.id
            )
        )
        return [(u, s, p) for u, s, p in rows]


def counts(runtime: Runtime) -> dict[str, int]:
    with runtime.service.database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Person, Message, OutboxItem)
        }
