"""The desk queue benchmark's own code runs: it fills, signs in and times every query
(on a few hundred cases; figures are not asserted)."""

from __future__ import annotations

from pathlib import Path

from shared_content import runtime_on_settings

from bench import desk as desk_bench
from bot.app.config import load_settings


async def test_the_queue_benchmark_fills_and_times_every_query(
    sqlite_url: str, tmp_path: Path
) -> None:
    settings = load_settings(
        env={}, overrides={"database.url": sqlite_url, "media.directory": str(tmp_path / "m")}
    )
    runtime = runtime_on_settings(settings)
    try:
        desk_bench.fill(runtime, cases=300, people_count=20)
        rows = await desk_bench.queue_times(runtime, repeat=1)
    finally:
        runtime.service.database.dispose()
    # the supervisor's queries, the agent's first three, the reports' views, the CSV export
    assert len(rows) == len(desk_bench.QUERIES) + 3 + len(desk_bench.REPORT_QUERIES) + 1
    assert all(figures["p50_ms"] > 0 for _, figures in rows)
