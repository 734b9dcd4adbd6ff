"""Database round trips per message: a count, not a time, so it compares before and after on
a busy machine too.

    python -m bench.roundtrips [--pg]

Runs the shared load generator's 6-turn report-then-status conversation (bench/tg_loadgen.py
`SCRIPT`) for a few people through `service.handle` on a fresh SQLite file (and with
`--pg` on a fresh PostgreSQL database, LABBAIK_BENCH_PG_URL), with the real NLU when one
answers at the configured URL, and counts per message what goes to the database: SQL
statements, transaction starts, commits and rollbacks, savepoints, and connection check-outs
(each one a ping on PostgreSQL, `pool_pre_ping`), and which turns of the conversation asked
the NLU server for a parse (`nlu_parses`: each one ~25 ms of the NLU server's CPU, the
side-by-side's largest cost). Prints one JSON line per database.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.service import fresh_pg
from bench.tg_loadgen import SCRIPT
from bot.app.config import load_settings
from bot.app.wiring import build_runtime
from bot.core.messages import Inbound
from nlu.server import is_healthy


def _count(engine: Any, counts: collections.Counter[str]) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _statement(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        word = statement.lstrip().split(None, 1)[0].upper()
        counts["savepoint" if word in ("SAVEPOINT", "RELEASE") else "statement"] += 1
        if word == "BEGIN":
            counts["begin"] += 1

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.dialect.name == "postgresql":
            counts["begin"] += 1  # psycopg sends BEGIN before the first statement

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        counts["commit"] += 1

    @event.listens_for(engine, "rollback")
    def _rollback(conn: Any) -> None:
        counts["rollback"] += 1

    @event.listens_for(engine.pool, "checkout")
    def _checkout(*args: Any) -> None:
        counts["checkout"] += 1


async def measure(name: str, url: str, people: int, nlu_url: str | None) -> dict[str, Any]:
    overrides = {"database.url": url} | ({"nlu.url": nlu_url} if nlu_url else {})
    settings = load_settings(overrides=overrides)
    with_nlu = is_healthy(settings.nlu.url)
    runtime = build_runtime(settings, with_nlu=with_nlu)
    counts: collections.Counter[str] = collections.Counter()
    parsed: collections.Counter[str] = collections.Counter()  # script line -> parses
    nlu = runtime.service.nlu
    if nlu is not None:
        parse = nlu.parse

        async def counted_parse(text: str) -> Any:
            if counts:  # past the warm-up conversation
                parsed[text] += 1
            return await parse(text)

        nlu.parse = counted_parse  # type: ignore[method-assign]
    # a first conversation warms the caches; then count
    for n in range(people + 1):
        if n == 1:
            _count(runtime.service.database.engine, counts)
        user = f"whatsapp:+9665{uuid.uuid4().int % 10**8:08d}"
        for text in SCRIPT:
            inbound = Inbound("whatsapp", user, "SM" + uuid.uuid4().hex, text=text)
            await runtime.service.handle(inbound, deliver="inline")
    await runtime.service.background.settle()
    runtime.service.database.dispose()
    messages = people * len(SCRIPT)
    per = {k: round(v / messages, 2) for k, v in sorted(counts.items())}
    trips = counts["statement"] + counts["savepoint"] + counts["commit"] + counts["rollback"]
    if name == "PostgreSQL":
        trips += counts["checkout"] + counts["begin"]
    return {"database": name, "nlu": with_nlu, "messages": messages, "per_message": per,
            "round_trips_per_message": round(trips / messages, 2),
            "nlu_parses_per_message": round(sum(parsed.values()) / messages, 2),
            "nlu_parsed_turns": [text for text in SCRIPT if parsed[text]]}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.roundtrips", description=__doc__)
    parser.add_argument("--pg", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--people", type=int, default=5)
    parser.add_argument("--nlu", metavar="URL", help="the NLU server (default: config.yaml's)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", f"sqlite:///{Path(tmp) / 'rt.db'}")]
        pg = fresh_pg() if args.pg else None
        if pg:
            targets.append(("PostgreSQL", pg))
        for name, url in targets:
            print(json.dumps(asyncio.run(measure(name, url, args.people, args.nlu))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
