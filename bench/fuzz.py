"""`python -m bench.fuzz` (`make fuzz`): the fuzz corpus against a running `labbaik run`.

For each database (a fresh SQLite file, a fresh PostgreSQL database), it
starts `labbaik run` as its own process with every public endpoint on (both
webhooks with made-up credentials, the web chat, health, metrics) and an NLU
server that hangs (a local socket that never answers), sends `--requests`
requests from bench/fuzz_corpus.py across all endpoints (seeded, a few at a
time, each "from" another client address through the trusted local proxy),
and prints the answers counted by status and by endpoint. Then it measures
`/healthz` with the NLU still hung, and searches the server's whole log for
the corpus's made-up phone numbers, texts, names and client ids.

Nothing leaves the machine: the Bot API and Twilio URLs point at a closed
local port, so do the media hosts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from random import Random

import httpx
import psycopg
import yaml

from bench.fuzz_corpus import CLIENT_IDS, NAMES, PHONES, TEXTS, Target, build
from bench.stats import percentile

PG_SERVER = os.environ.get("LABBAIK_FUZZ_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432")
PG_DATABASE = "labbaik_fuzz"
SECRET = "fuzz-webhook-secret-0123456789"
TOKEN = "123456:FUZZ-not-a-real-token"
ACCOUNT = "AC" + "f" * 32
AUTH_TOKEN = "fuzz-auth-token-0123456789abcdef"
PUBLIC_URL = "https://labbaik.example.org"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def hung_server() -> Iterator[str]:
    """A local socket that accepts connections and never answers: a hung NLU server."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                held.append(sock.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        sock.close()


def fresh_pg() -> str:
    admin = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    return f"{PG_SERVER}/{PG_DATABASE}"


def write_config(folder: Path, database_url: str, nlu_url: str, closed: str) -> Path:
    config = {
        "database": {"url": database_url},
        "media": {"directory": str(folder / "media"), "max_bytes": 262144},
        "nlu": {"url": nlu_url, "manage_server": False, "timeout_seconds": 3.0},
        "web": {"trusted_proxies": ["127.0.0.1"]},
        "content": {"last_good": str(folder / "content")},
        "channels": {
            "telegram": {"mode": "webhook", "api_base_url": closed},
            "whatsapp": {"api_base_url": closed, "media_hosts": [closed]},
        },
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


@contextlib.contextmanager
def labbaik_run(config: Path, port: int, log: Path) -> Iterator[str]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TWILIO_ACCOUNT_SID": ACCOUNT,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "PUBLIC_URL": PUBLIC_URL,
    }
    command = [sys.executable, "-m", "bot", "--config", str(config), "run", "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_up(url, proc, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"labbaik run exited:\n{log.read_text(errors='replace')}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/healthz", timeout=2).status_code in (200, 503):
                return
        time.sleep(0.5)
    raise RuntimeError("labbaik run did not come up")


async def fire(url: str, target: Target, count: int, seed: int, concurrency: int) -> Counter:
    """Send `count` corpus requests; (endpoint, status) -> how many."""
    rng = Random(seed)
    requests = [build(rng, target) for _ in range(count)]
    counts: Counter[tuple[str, int]] = Counter()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(count):
        queue.put_nowait(index)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

        async def worker() -> None:
            while not queue.empty():
                index = queue.get_nowait()
                request = requests[index]
                headers = [*request.raw_headers(), (b"x-forwarded-for", _client(index))]
                try:
                    response = await client.request(
                        request.method, request.path, headers=headers, content=request.body
                    )
                    counts[(request.endpoint, response.status_code)] += 1
                except httpx.HTTPError as exc:
                    counts[(request.endpoint, -1)] += 1  # no answer at all
                    print(f"no answer: {request.endpoint}: {type(exc).__name__}", file=sys.stderr)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return counts


def _client(index: int) -> bytes:
    return f"198.18.{index // 250 % 250}.{index % 250 + 1}".encode()


def health_latency(url: str, samples: int = 50) -> tuple[float, float, dict[str, object]]:
    """p50 and max of GET /healthz in ms (sequential), and the last answer."""
    times: list[float] = []
    body: dict[str, object] = {}
    with httpx.Client(base_url=url, timeout=10) as client:
        for _ in range(samples):
            began = time.perf_counter()
            response = client.get("/healthz")
            times.append((time.perf_counter() - began) * 1000)
            body = response.json()
    return percentile(times, 50), max(times), body


def leaks(log: Path) -> list[str]:
    text = log.read_text(encoding="utf-8", errors="replace")
    phones = [p for phone in PHONES for p in (phone, phone.lstrip("+"))]
    markers = [w for t in TEXTS for w in t.split() if w.startswith("fuzzmarker")]
    names = [n.split()[1] for n in NAMES]
    return [m for m in (*phones, *markers, *names, *CLIENT_IDS) if m in text]


def run_one(name: str, database_url: str, args: argparse.Namespace, folder: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    target = Target(SECRET, AUTH_TOKEN, ACCOUNT, PUBLIC_URL, f"{closed}/2010-04-01/media.png")
    log = folder / "labbaik-run.log"
    with hung_server() as nlu_url:
        config = write_config(folder, database_url, nlu_url, closed)
        with labbaik_run(config, free_port(), log) as url:
            began = time.perf_counter()
            counts = asyncio.run(fire(url, target, args.requests, args.seed, args.concurrency))
            elapsed = time.perf_counter() - began
            p50, worst, body = health_latency(url)
    report(name, counts, elapsed, p50, worst, body, leaks(log))


def report(
    name: str,
    counts: Counter,
    elapsed: float,
    p50: float,
    worst: float,
    health: dict[str, object],
    leaked: list[str],
) -> None:
    by_status: Counter[int] = Counter()
    for (_, status), n in counts.items():
        by_status[status] += n
    total = sum(by_status.values())
    print(f"\n### {name}: {total} requests in {elapsed:.0f} s\n")
    print("| status | requests |\n|---|---|")
    for status, n in sorted(by_status.items()):
        print(f"| {status} | {n} |")
    print("\n| endpoint | answers by status |\n|---|---|")
    for endpoint in sorted({e for e, _ in counts}):
        cells = ", ".join(f"{s}: {n}" for (e, s), n in sorted(counts.items()) if e == endpoint)
        print(f"| {endpoint} | {cells} |")
    fivexx = sum(n for s, n in by_status.items() if s >= 500 or s < 0)
    print(f"\n5xx or no answer: {fivexx}")
    print(f"/healthz with the NLU hung: p50 {p50:.1f} ms, max {worst:.1f} ms; answer {health}")
    print(f"personal data in the server's log: {leaked or 'none'}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz")
    parser.add_argument("--requests", type=int, default=10_000, help="per database")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    for name in args.databases.split(","):
        with tempfile.TemporaryDirectory(prefix=f"labbaik-fuzz-{name}-") as tmp:
            folder = Path(tmp)
            url = f"sqlite:///{folder / 'labbaik.db'}" if name == "sqlite" else fresh_pg()
            run_one(name, url, args, folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
