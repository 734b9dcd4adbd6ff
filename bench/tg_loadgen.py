"""Closed-loop load on the Telegram webhook, the twin of ../shared/bench/loadgen.py's `twilio`.

N simulated pilgrims, each running the same 6-turn report-then-status conversation as the
shared load generator, post Telegram updates (with the webhook's secret header) to
POST /webhooks/telegram; each posts its next message when the last was answered. Prints one
JSON line of the same shape (messages, errors, msgs_per_s, p50/p95/p99 in ms).

    python -m bench.tg_loadgen URL SECRET --users 8 --seconds 20

The webhook answers once the update is stored and its replies are queued; the replies
themselves go out through the outbox to the Bot API (bench/fake_bot_api.py in `make bench`).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import time

import httpx

# the shared load generator's conversation, turn for turn
SCRIPT = (
    "hello",
    "there is garbage on the street near my hotel",
    "Aziziyah street 50 near Bin Dawood",
    "it smells very bad and blocks the road",
    "what is the status of my ticket MK-1234566",
    "bye",
)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_update_ids = itertools.count(int(time.time()) * 1000)
_message_ids = itertools.count(1)


def update(chat_id: int, text: str) -> bytes:
    user = {"id": chat_id, "is_bot": False, "first_name": "Load", "language_code": "en"}
    message = {
        "message_id": next(_message_ids),
        "from": user,
        "chat": {"id": chat_id, "type": "private"},
        "date": int(time.time()),
        "text": text,
    }
    return json.dumps({"update_id": next(_update_ids), "message": message}).encode()


async def user(
    client: httpx.AsyncClient,
    url: str,
    secret: str,
    chat_id: int,
    lat: list[tuple[float, int]],
    stop_at: float,
) -> None:
    headers = {SECRET_HEADER: secret, "Content-Type": "application/json"}
    while time.monotonic() < stop_at:
        for text in SCRIPT:
            if time.monotonic() >= stop_at:
                return
            t = time.perf_counter()
            r = await client.post(url, content=update(chat_id, text), headers=headers)
            lat.append((time.perf_counter() - t, r.status_code))


async def run(
    url: str, secret: str, users: int, seconds: float, warmup: float
) -> dict[str, object]:
    limits = httpx.Limits(max_connections=users)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        warm: list[tuple[float, int]] = []
        until = time.monotonic() + warmup
        await asyncio.gather(
            *(user(client, url, secret, 7_100_000 + i, warm, until) for i in range(users))
        )
        lat: list[tuple[float, int]] = []
        t0 = time.monotonic()
        await asyncio.gather(
            *(user(client, url, secret, 7_000_000 + i, lat, t0 + seconds) for i in range(users))
        )
        dt = time.monotonic() - t0
    ok = [v for v, status in lat if status < 400]
    q = statistics.quantiles(ok, n=100) if len(ok) > 2 else [float("nan")] * 99
    return {
        "target": "telegram",
        "users": users,
        "messages": len(lat),
        "errors": len(lat) - len(ok),
        "msgs_per_s": round(len(lat) / dt, 1),
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
    }


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.tg_loadgen", description=__doc__)
    p.add_argument("url")
    p.add_argument("secret")
    p.add_argument("--users", type=int, default=16)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--warmup", type=float, default=5)
    a = p.parse_args()
    print(json.dumps(asyncio.run(run(a.url, a.secret, a.users, a.seconds, a.warmup))))


if __name__ == "__main__":
    main()
