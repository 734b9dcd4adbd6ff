"""`labbaik open311 keys add|list|revoke` on both databases: a key printed once that works,
its scopes, the audit rows, and a revoked key refused at once."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bot.app.cli import main
from bot.core.runtime import Runtime
from storage import service as store
from storage.audit import AuditFilter


def _config(tmp_path: Path, url: str) -> str:
    path = tmp_path / "cli-config.yaml"
    path.write_text(f"database:\n  url: {url}\n", encoding="utf-8")
    return str(path)


async def test_a_key_is_printed_once_works_and_stops_when_revoked(
    db_url: str,
    tmp_path: Path,
    api: httpx.AsyncClient,
    runtime: Runtime,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("LABBAIK_DATABASE_URL", raising=False)
    config = _config(tmp_path, db_url)

    assert (
        main(
            [
                "--config",
                config,
                "open311",
                "keys",
                "add",
                "city-dashboard",
                "--scope",
                "read_private",
                "--scope",
                "notify_whatsapp",
            ]
        )
        == 0
    )
    printed = capsys.readouterr()
    key = printed.out.split("api_key: ")[1].strip()
    assert "shown only this once" in printed.err
    assert "notify_whatsapp,read_private" in printed.out

    ok = await api.get("/open311/v2/requests.json", params={"api_key": key})
    assert main(["--config", config, "open311", "keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert main(["--config", config, "open311", "keys", "revoke", "city-dashboard"]) == 0
    refused = await api.get("/open311/v2/requests.json", params={"api_key": key})

    assert ok.status_code == 200
    assert listed.startswith("city-dashboard\t") and key not in listed
    assert refused.status_code == 403
    with runtime.service.database.session() as session:
        actions = [
            a.action for a in store.list_audit(session, filter=AuditFilter(actor="cli")).rows
        ]
        assert actions == ["open311.key_revoke", "open311.key_add"]
        client = store.require_api_client(session, name="city-dashboard")
        assert key.split(".")[1] not in client.key_hash  # only the hash is kept


def test_a_taken_name_and_an_unknown_scope_are_refused(
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("LABBAIK_DATABASE_URL", raising=False)
    config = _config(tmp_path, db_url)
    assert main(["--config", config, "open311", "keys", "add", "crm"]) == 0

    assert main(["--config", config, "open311", "keys", "add", "crm"]) == 1
    assert "exists" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--config", config, "open311", "keys", "add", "x", "--scope", "everything"])
    assert main(["--config", config, "open311", "keys", "revoke", "nobody"]) == 1
