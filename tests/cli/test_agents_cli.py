"""`labbaik agents add|disable|reset-password`, run as a program against a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage import service as store
from storage.db import Database

ROOT = Path(__file__).resolve().parents[2]
GOOD = "amber window river 63"


def labbaik(
    db_url: str, *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LABBAIK_DATABASE_URL": db_url}
    env.pop("LABBAIK_PASSWORD", None)
    if password is not None:
        env["LABBAIK_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "bot", "agents", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_the_first_admin_then_an_agent_disabled_and_reset(db_url: str) -> None:
    made = labbaik(db_url, "add", "first.admin", "--role", "admin", password=GOOD)
    assert made.returncode == 0, made.stderr
    assert "created admin 'first.admin'" in made.stdout
    weak = labbaik(
        db_url, "add", "omar", "--role", "agent", "--team", "customer_service", password="makkah123"
    )
    assert weak.returncode == 1 and "password refused" in weak.stderr
    no_team = labbaik(db_url, "add", "omar", "--role", "agent", password=GOOD)
    assert no_team.returncode == 1 and "belongs to a team" in no_team.stderr
    no_password = labbaik(db_url, "add", "omar", "--role", "supervisor")
    assert no_password.returncode == 1 and "LABBAIK_PASSWORD" in no_password.stderr
    assert labbaik(db_url, "disable", "first.admin").returncode == 0
    reset = labbaik(db_url, "reset-password", "first.admin", password="cobalt meadow lantern 7")
    assert reset.returncode == 0 and "0 session(s) ended" in reset.stdout
    assert labbaik(db_url, "disable", "nobody").returncode == 1
    db = Database(db_url)
    try:
        with db.session() as s:
            agent = store.require_agent(s, username="first.admin")
            assert (agent.role, agent.active) == ("admin", False)
            actions = [r.action for r in store.list_audit(s).rows]
        assert actions == ["agent.reset_password", "agent.disable", "agent.create"]
    finally:
        db.dispose()
