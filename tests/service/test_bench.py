"""The benchmark's own measuring code runs and counts what it sent (figures are not asserted)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bench.service import service_flows
from bot.app.config import load_settings
from bot.app.wiring import build_runtime
from storage.models import Case


async def test_service_flows_files_one_report_per_person(sqlite_url: str, tmp_path: Path) -> None:
    settings = load_settings(
        overrides={"database.url": sqlite_url, "media.directory": str(tmp_path / "media")}
    )
    runtime = build_runtime(settings, with_nlu=False)
    figures = await service_flows(runtime, people=3, concurrency=2)
    assert set(figures) == {"messages_per_second", "reports_per_second", "p50_ms", "p95_ms"}
    with runtime.service.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 3
