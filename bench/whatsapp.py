"""Webhook throughput: signed Twilio posts through the real app, service and database.

`bench_webhook(runtime)` posts `requests` signed text messages, `concurrency`
at a time, from `people` different numbers, to POST /webhooks/whatsapp of
`create_app(runtime)` in-process (httpx's ASGI transport: the app, the
signature check, the service and the database are measured, not a network),
then the same messages again as redeliveries. It returns requests per second
and latency percentiles for both. Made-up Twilio credentials are used when the
runtime has none, so `python -m bench` needs no account.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import replace

import httpx
from twilio.request_validator import RequestValidator

from bench.stats import percentile
from bot.app.wiring import create_app
from bot.channels.whatsapp.webhook import PATH, section, webhook_url
from bot.core.runtime import Runtime
from bot.core.settings import Settings

_GREETINGS = ("Hello", "مرحبا", "Halo", "سلام", "السلام علیکم")


def bench_settings(settings: Settings) -> Settings:
    """`settings` with made-up Twilio credentials and public URL where they are missing."""
    wa = section(settings)
    wa = wa.model_copy(
        update={
            "enabled": True,
            "account_sid": wa.account_sid or "AC" + secrets.token_hex(16),
            "auth_token": wa.auth_token or secrets.token_hex(16),
        }
    )
    web = settings.web.model_copy(
        update={"public_url": settings.web.public_url or "https://bench.invalid"}
    )
    channels = settings.channels.model_copy(update={"whatsapp": wa})
    return settings.model_copy(update={"channels": channels, "web": web})


async def bench_webhook(
    runtime: Runtime, *, requests: int = 200, concurrency: int = 10, people: int = 50
) -> dict[str, float]:
    runtime = replace(runtime, settings=bench_settings(runtime.settings))
    token = section(runtime.settings).auth_token or ""
    forms = [_form(n, people) for n in range(requests)]
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        first = await _run(client, forms, token, webhook_url(runtime.settings), concurrency)
        again = await _run(client, forms, token, webhook_url(runtime.settings), concurrency)
    return {**_figures("new", *first), **_figures("redelivered", *again)}


def _form(n: int, people: int) -> dict[str, str]:
    phone = f"+9665{n % people:08d}"
    return {
        "MessageSid": "SM" + secrets.token_hex(16),
        "From": f"whatsapp:{phone}",
        "To": "whatsapp:+14155238886",
        "Body": _GREETINGS[n % len(_GREETINGS)],
        "NumMedia": "0",
        "ProfileName": "Bench",
        "MessageType": "text",
    }


async def _run(
    client: httpx.AsyncClient, forms: list[dict[str, str]], token: str, url: str, concurrency: int
) -> tuple[list[float], float]:
    validator = RequestValidator(token)
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []

    async def one(form: dict[str, str]) -> None:
        headers = {"X-Twilio-Signature": validator.compute_signature(url, form)}
        async with gate:
            started = time.perf_counter()
            response = await client.post(PATH, data=form, headers=headers)
            latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"webhook answered {response.status_code}: {response.text[:200]}")

    started = time.perf_counter()
    await asyncio.gather(*(one(f) for f in forms))
    return latencies, time.perf_counter() - started


def _figures(name: str, latencies: list[float], elapsed: float) -> dict[str, float]:
    return {
        f"whatsapp_webhook_{name}_requests_per_second": round(len(latencies) / elapsed, 1),
        f"whatsapp_webhook_{name}_p50_ms": round(percentile(latencies, 50) * 1000, 1),
        f"whatsapp_webhook_{name}_p95_ms": round(percentile(latencies, 95) * 1000, 1),
    }
