"""The webhook benchmark runs through the real app and reports its figures (none asserted)."""

from __future__ import annotations

from sqlalchemy import func, select

from bench.whatsapp import bench_settings, bench_webhook
from bot.app.config import load_settings
from bot.channels.whatsapp.webhook import enabled
from bot.core.runtime import Runtime
from storage.models import Message


def test_bench_settings_fill_in_made_up_credentials_only_where_missing() -> None:
    assert enabled(bench_settings(load_settings(env={})))[0]
    real = load_settings(env={"TWILIO_AUTH_TOKEN": "t" * 32, "PUBLIC_URL": "https://x.example"})
    filled = bench_settings(real)
    assert filled.channels.whatsapp.auth_token == "t" * 32
    assert filled.web.public_url == "https://x.example"


async def test_bench_reports_throughput_and_latency_for_new_and_redelivered(
    wa_runtime: Runtime,
) -> None:
    figures = await bench_webhook(wa_runtime, requests=12, concurrency=4, people=3)

    assert set(figures) == {
        f"whatsapp_webhook_{kind}_{figure}"
        for kind in ("new", "redelivered")
        for figure in ("requests_per_second", "p50_ms", "p95_ms")
    }
    assert all(value > 0 for value in figures.values())
    with wa_runtime.service.database.session() as session:
        inbound = select(func.count()).where(Message.direction == "in")
        assert session.scalar(inbound) == 12  # redeliveries stored nothing more
