"""`labbaik db upgrade`: migrate the configured database to the newest schema."""

from __future__ import annotations

import argparse

from bot.app.config import load_settings
from storage.db import describe_url, resolve_url, upgrade


def upgrade_main(args: argparse.Namespace) -> int:
    """Apply the migrations to the database named in the settings; print which one."""
    settings = load_settings(getattr(args, "config", None))
    url = resolve_url(settings.database.url, settings.root)
    print(f"upgrading database {describe_url(url)}", flush=True)
    upgrade(url)
    print("database is at the newest schema", flush=True)
    return 0
