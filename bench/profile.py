"""Where a webhook's time goes: a py-spy profile of `labbaik run`, sorted into the parts of
the path (docs/performance.md, "Where the time goes").

    py-spy record -p PID -r 100 -d 30 --format raw -o run.txt   # while the load runs
    python -m bench.profile run.txt

py-spy's raw format is one line per distinct stack ("frame;frame;... count"), root first.
Each sample goes to the first part, in the order of `PARTS`, one of whose markers appears
in its stack; a thread waiting for work (the thread pool's queue, the event loop's
`select`) is idle and left out of the shares. A share is of the busy samples of every
thread together, so it says what the process spends its time on, not how long a person
waits: under load proportions mean something, absolute times much less.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Iterable

# (part, markers): a marker is a substring of one frame ("function (file:line)"); one that
# starts with "leaf:" must be in the innermost frame (where the thread is now).
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("idle", ("leaf:_worker (concurrent/futures/thread.py:8", "leaf:select (selectors.py")),
    ("logging", ("logging/__init__.py", "bot/app/logs.py")),
    ("outbox: sending replies (Bot API calls)", ("OutboxWorker",)),
    ("NLU (client side)", ("NluClient.parse",)),
    ("signature", ("RequestValidator", "_signed_pairs")),
    # SQLite: in its busy handler (BEGIN IMMEDIATE), or in the queue for our writer lock
    ("write-lock wait (SQLite)", ("_on_begin", "leaf:Database.transaction (storage/db.py")),
    ("commit / fsync", ("do_commit", "Session.commit", "_commit_impl")),
    ("peek (read before the NLU)", ("_peek",)),
    ("rendering replies", ("render_output",)),
    ("dialog engine", ("dialogs/engine.py", "dialogs/flow_runner.py")),
    ("language detection", ("nlu/language.py",)),
    ("transaction: SQL and ORM", ("_process", "_store_replies", "storage/")),
    ("TwiML", ("twiml (",)),
    ("Telegram update parsing", ("bot/channels/telegram/",)),
    ("WhatsApp form checks", ("bot/channels/whatsapp/",)),
    ("thread hand-off", ("to_thread", "run_in_executor", "_WorkItem.run")),
    ("HTTP (uvicorn, Starlette, middleware)", ("uvicorn/", "starlette/", "h11", "bot/web/")),
    ("event loop", ("asyncio/",)),
)


def classify(stack: str) -> str:
    frames = stack.split(";")
    leaf = frames[-1]
    for part, markers in PARTS:
        for marker in markers:
            if marker.startswith("leaf:"):
                if marker[5:] in leaf:
                    return part
            elif any(marker in f for f in frames):
                return part
    return "other"


def breakdown(lines: Iterable[str]) -> tuple[dict[str, int], int]:
    counts: collections.Counter[str] = collections.Counter()
    for line in lines:
        line = line.rstrip()
        if not line or " " not in line:
            continue
        stack, n = line.rsplit(" ", 1)
        counts[classify(stack)] += int(n)
    busy = sum(v for k, v in counts.items() if k != "idle")
    return dict(counts), busy


def table(counts: dict[str, int], busy: int) -> str:
    rows = ["| part | share of busy samples |", "|---|---|"]
    for part, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if part != "idle":
            rows.append(f"| {part} | {100 * n / max(busy, 1):.1f} % |")
    rows.append(f"| (busy samples: {busy}, idle: {counts.get('idle', 0)}) | |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("raw", nargs="+", help="py-spy --format raw output file(s)")
    args = parser.parse_args(argv)
    for path in args.raw:
        with open(path, encoding="utf-8") as f:
            counts, busy = breakdown(f)
        print(f"\n{path}\n\n{table(counts, busy)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
