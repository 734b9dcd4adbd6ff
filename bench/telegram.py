"""Webhook throughput for `make bench`: Telegram updates posted through the real app.

`webhook_throughput(app, secret=...)` posts text updates from distinct chats
to POST /webhooks/telegram in-process (httpx's ASGI transport, so the figure
is the app's, service's and database's work, not the network's), `concurrency`
at a time, and reports requests per second and latency percentiles. Every
update is stored and its replies queued, exactly as in production.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import Any

import httpx

from bench.stats import percentile
from bot.channels.telegram.channel import SECRET_HEADER, WEBHOOK_PATH

_ids = itertools.count(int(time.time()) * 1000)


def _update(update_id: int, chat_id: int, text: str) -> bytes:
    user = {"id": chat_id, "is_bot": False, "first_name": "Bench", "language_code": "en"}
    message = {
        "message_id": 1,
        "from": user,
        "chat": {"id": chat_id, "type": "private"},
        "date": int(time.time()),
        "text": text,
    }
    return json.dumps({"update_id": update_id, "message": message}).encode()


async def webhook_throughput(
    app: Any, *, secret: str, requests: int = 400, concurrency: int = 20
) -> dict[str, float]:
    """Post `requests` updates (`concurrency` in flight); figures in requests/s and ms."""
    transport = httpx.ASGITransport(app=app)
    headers = {SECRET_HEADER: secret, "Content-Type": "application/json"}
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    failures = 0

    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def one(i: int) -> None:
            nonlocal failures
            body = _update(next(_ids), 8_000_000_000 + i, "/start" if i % 2 else "help")
            async with gate:
                start = time.perf_counter()
                response = await client.post(WEBHOOK_PATH, content=body, headers=headers)
                latencies.append((time.perf_counter() - start) * 1000)
            failures += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(requests)))
        elapsed = time.perf_counter() - began

    return {
        "requests": float(requests),
        "failures": float(failures),
        "requests_per_second": requests / elapsed,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "max_ms": max(latencies),
    }
