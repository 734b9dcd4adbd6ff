"""`python -m bench.nlu`: parse latency, throughput and memory of the local NLU server.

Uses the server at `settings.nlu.url` when one answers (it must be on this
machine), otherwise starts one for the run. Messages are the held-out
evaluation texts in all languages, sent through the bot's own `NluClient`:
first one at a time (latency p50/p95), then from concurrent clients
(requests per second). Every loop is bounded by `--requests`. Percentiles:
bench/stats.py.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import time

from bench.stats import percentile
from bot.app.config import load_settings
from bot.core.nlu_contract import NORMALISERS
from nlu import project
from nlu.client import NluClient
from nlu.evaluate import load_cases
from nlu.server import (
    ServerError,
    find_server_pid,
    host_port,
    nlu_server,
    process_rss_bytes,
)

CONCURRENCY = 8


async def _timed(client: NluClient, text: str, out: list[float]) -> bool:
    started = time.perf_counter()
    ok = await client.parse(text) is not None
    out.append(time.perf_counter() - started)
    return ok


async def run(url: str, requests: int, concurrency: int = CONCURRENCY) -> dict[str, float]:
    texts = [c.text for c in load_cases()]
    async with NluClient(url=url, timeout=30.0, normalisers=NORMALISERS) as client:
        for text in texts[:10]:  # warm-up
            await client.parse(text)
        sequential: list[float] = []
        failures = 0
        for text in itertools.islice(itertools.cycle(texts), requests):
            failures += not await _timed(client, text, sequential)

        concurrent: list[float] = []
        queue = iter(itertools.islice(itertools.cycle(reversed(texts)), requests))

        async def worker() -> int:
            bad = 0
            for text in queue:  # shared iterator: `requests` parses in total
                bad += not await _timed(client, text, concurrent)
            return bad

        started = time.perf_counter()
        failures += sum(await asyncio.gather(*(worker() for _ in range(concurrency))))
        elapsed = time.perf_counter() - started
    return {
        "p50_ms": percentile(sequential, 50) * 1000,
        "p95_ms": percentile(sequential, 95) * 1000,
        "rps": requests / elapsed,
        "concurrent_p50_ms": percentile(concurrent, 50) * 1000,
        "concurrent_p95_ms": percentile(concurrent, 95) * 1000,
        "failures": failures,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.nlu", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--config", help="path to config.yaml (default: the repo's)")
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args(argv)
    settings = load_settings(args.config)
    requests = max(10, int(getattr(args, "requests", 400)))
    host, port = host_port(settings.nlu.url)
    if host not in {"127.0.0.1", "localhost"}:
        print("python -m bench.nlu: only measures a server on this machine", file=sys.stderr)
        return 2
    try:
        with nlu_server(settings.nlu) as url:
            figures = asyncio.run(run(url, requests))
            pid = find_server_pid(port)
            rss = process_rss_bytes(pid) if pid else None
    except (ServerError, project.TrainingError) as exc:
        print(f"python -m bench.nlu: {exc}", file=sys.stderr)
        return 1
    print(f"NLU server {url}, {requests} parses each way, held-out texts in all languages")
    print(
        f"latency, one client:       p50 {figures['p50_ms']:.1f} ms   "
        f"p95 {figures['p95_ms']:.1f} ms"
    )
    print(
        f"throughput, {CONCURRENCY} clients:    {figures['rps']:.1f} requests/s   "
        f"(p50 {figures['concurrent_p50_ms']:.1f} ms, p95 {figures['concurrent_p95_ms']:.1f} ms)"
    )
    print(f"server memory (RSS):       {rss / 2**20:.0f} MiB" if rss else "server memory: unknown")
    if figures["failures"]:
        print(f"{int(figures['failures'])} parses failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
