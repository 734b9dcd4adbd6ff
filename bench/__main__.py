"""`python -m bench` (`make bench`): speed and memory, measured, printed as a Markdown table.

What is measured, each on a fresh SQLite file and a fresh PostgreSQL database
(bench/service.py, bench/telegram.py, bench/whatsapp.py):

- start-up: building the runtime (migrations, the content snapshot);
- the conversation service: whole report flows (eight messages each, from
  many people at once) through `service.handle`, the path every channel takes;
- the Telegram webhook: updates posted to POST /webhooks/telegram in-process;
- the WhatsApp webhook: signed Twilio posts, then the same posts redelivered;
- the desk over 20,000 cases: GET /desk/cases (several filters and sorts), /desk/reports
  and the CSV export (bench/desk.py);
- the NLU server: parse latency and throughput (bench/nlu.py), unless `--quick`;
- peak memory of this process.

Every percentile is bench/stats.py's (linear interpolation between ranks).
The figures depend on the machine: run it on a quiet one and quote the command.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
import time
from typing import Any

from bench import desk as desk_bench
from bench import nlu as nlu_bench
from bench.service import Row, fresh_pg, measure
from bot.app.config import load_settings
from bot.core.settings import Settings
from nlu.server import ServerError, find_server_pid, host_port, nlu_server, process_rss_bytes


def _nlu_rows(settings: Settings, requests: int) -> list[Row]:
    try:
        with nlu_server(settings.nlu) as url:
            figures = asyncio.run(nlu_bench.run(url, requests))
            pid = find_server_pid(host_port(url)[1])
            rss = process_rss_bytes(pid) if pid else None
            if rss:
                figures["server_rss_mb"] = rss / 2**20
    except ServerError as exc:
        print(f"NLU not measured: {exc}", file=sys.stderr)
        return []
    return [("NLU server parse (Rasa 3.6)", "-", figures)]


def _fmt(figures: dict[str, Any]) -> str:
    return ", ".join(
        f"{k.removeprefix('whatsapp_webhook_')} {v:.0f}"
        if abs(v) >= 100
        else f"{k.removeprefix('whatsapp_webhook_')} {v:.1f}"
        for k, v in figures.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="path to config.yaml (default: the repo's)")
    parser.add_argument("--quick", action="store_true", help="smaller loops, no NLU server")
    args = parser.parse_args(argv)
    settings = load_settings(args.config)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", f"sqlite:///{tmp}/bench.db")]
        pg = fresh_pg()
        if pg:
            targets.append(("PostgreSQL", pg))
        for name, url in targets:
            rows += asyncio.run(measure(settings, name, url, args.quick))
            rows += asyncio.run(desk_bench.measure(settings, name, url, args.quick))
    if not args.quick:
        rows += _nlu_rows(settings, requests=400)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n`python -m bench{' --quick' if args.quick else ''}` on {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%d')}\n")  # fmt: skip
    print("| what | database | figures |\n|---|---|---|")
    for label, db, figures in rows:
        print(f"| {label} | {db} | {_fmt(figures)} |")
    print(f"| bot process peak memory (RSS) | - | {peak_mb:.0f} MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
