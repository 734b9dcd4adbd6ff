"""The webhook benchmark really stores what it posts (its figures are not asserted)."""

from __future__ import annotations

from pathlib import Path

from fakes.fake_telegram import FakeTelegram
from telegram_testkit import WEBHOOK_SECRET, counts, make_settings, runtime_for

from bench.telegram import webhook_throughput
from bot.app.wiring import create_app


async def test_bench_posts_real_updates(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram
) -> None:
    settings = make_settings(tmp_path, api_url=fake_telegram.url, db_url=sqlite_url, mode="webhook")
    runtime = runtime_for(settings)
    try:
        figures = await webhook_throughput(
            create_app(runtime), secret=WEBHOOK_SECRET, requests=20, concurrency=5
        )
        assert figures["failures"] == 0
        assert figures["requests"] == 20
        assert set(figures) >= {"requests_per_second", "p50_ms", "p95_ms", "max_ms"}
        stored = counts(runtime)
        assert stored["people"] == 20
        assert stored["messages"] > 20  # 20 in, and their replies
    finally:
        runtime.service.database.dispose()
