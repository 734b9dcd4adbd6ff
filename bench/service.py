"""The product's own paths, measured on one database: start-up, the conversation service,
the Telegram and WhatsApp webhooks. `python -m bench` (bench/__main__.py) runs them on a
fresh SQLite file and a fresh PostgreSQL database and prints the table.

Loops are bounded by count; everything talks to this machine only. Percentiles are
bench/stats.py's.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import psycopg

from bench.stats import percentile
from bench.telegram import webhook_throughput
from bench.whatsapp import bench_webhook
from bot.app.wiring import build_runtime, create_app
from bot.channels.telegram.bot_api import section as telegram_section
from bot.core.messages import Inbound
from bot.core.runtime import Runtime
from bot.core.settings import Settings

PG_URL = os.environ.get(
    "LABBAIK_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/labbaik_bench"
)
REPORT = [
    {"command": "start"},
    {"choice": "flow:report_issue"},
    {"choice": "waste"},
    {"text": "The bins by the bus stop have not been emptied since yesterday"},
    {"text": "Ibrahim Al-Khalil Street, near gate 5"},
    {"choice": "skip"},
    {"choice": "skip"},
    {"choice": "confirm"},
]
Row = tuple[str, str, dict[str, float]]


def fresh_pg() -> str | None:
    """A new empty database for the run, or None when PostgreSQL does not answer."""
    admin = PG_URL.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0] + "/postgres"
    name = PG_URL.rsplit("/", 1)[1]
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        print(f"PostgreSQL not measured: {exc}".splitlines()[0], file=sys.stderr)
        return None
    return PG_URL


def _runtime(settings: Settings, url: str, media: Path) -> tuple[Runtime, float]:
    settings = settings.model_copy(
        update={
            "database": settings.database.model_copy(update={"url": url}),
            "media": settings.media.model_copy(update={"directory": media}),
        }
    )
    began = time.perf_counter()
    runtime = build_runtime(settings, with_nlu=False)
    return runtime, (time.perf_counter() - began) * 1000


async def service_flows(runtime: Runtime, people: int, concurrency: int) -> dict[str, float]:
    """`people` report flows, `concurrency` people typing at once; per-message latency."""
    latencies: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    run = uuid.uuid4().hex[:8]

    async def person(n: int) -> None:
        async with gate:
            for fields in REPORT:
                inbound = Inbound(
                    channel="console",
                    user_id=f"bench-{run}-{n}",
                    message_id=uuid.uuid4().hex,
                    **fields,  # type: ignore[arg-type]
                )
                began = time.perf_counter()
                await runtime.service.handle(inbound, deliver="outbox")
                latencies.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    await asyncio.gather(*(person(n) for n in range(people)))
    elapsed = time.perf_counter() - began
    return {
        "messages_per_second": len(latencies) / elapsed,
        "reports_per_second": people / elapsed,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
    }


async def telegram_webhook(runtime: Runtime, requests: int) -> dict[str, float]:
    secret = "bench-secret"
    tg = telegram_section(runtime.settings).model_copy(
        update={
            "enabled": True,
            "mode": "webhook",
            "token": "123456:BENCH",
            "webhook_secret": secret,
        }
    )
    channels = runtime.settings.channels.model_copy(update={"telegram": tg})
    runtime.settings = runtime.settings.model_copy(update={"channels": channels})
    return await webhook_throughput(create_app(runtime), secret=secret, requests=requests)


async def whatsapp_webhook(runtime: Runtime, requests: int) -> dict[str, float]:
    return await bench_webhook(runtime, requests=requests)


async def measure(settings: Settings, name: str, url: str, quick: bool) -> list[Row]:
    scale = 1 if quick else 4
    with tempfile.TemporaryDirectory() as media:
        runtime, startup = _runtime(settings, url, Path(media))
        rows: list[Row] = [("start-up (migrations, content snapshot)", name, {"ms": startup})]
        steps: list[tuple[str, Callable[[], Awaitable[dict[str, float]]]]] = [
            ("service: report flows, 8 messages each, 10 people at once",
             lambda: service_flows(runtime, people=25 * scale, concurrency=10)),
            ("Telegram webhook, 20 in flight",
             lambda: telegram_webhook(runtime, requests=100 * scale)),
            ("WhatsApp webhook (signed), 10 in flight",
             lambda: whatsapp_webhook(runtime, requests=50 * scale)),
        ]  # fmt: skip
        for label, measure in steps:
            rows.append((label, name, await measure()))
        runtime.service.database.dispose()
    return rows
