"""`labbaik`: the one command-line entry point.

The parser lives here; each subcommand's work lives in the module that owns
it, imported only when that subcommand runs (so `labbaik chat` never loads
the web stack, and nothing here imports Rasa).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from bot.app.config import ConfigError

# subcommand path -> "module:function"; each function takes the parsed args and returns an exit code
_COMMANDS: dict[str, str] = {
    "run": "bot.app.run:main",
    "chat": "bot.channels.console.chat:main",
    "db upgrade": "bot.app.commands.db:upgrade_main",
    "dialogs validate": "bot.app.commands.dialogs:main",
    "nlu train": "bot.app.commands.nlu:train_main",
    "nlu parse": "bot.app.commands.nlu:parse_main",
    "nlu evaluate": "bot.app.commands.nlu:evaluate_main",
    "nlu serve": "bot.app.commands.nlu:serve_main",
    "nlu bench": "bot.app.commands.nlu:bench_main",
    "bench": "bench.product:main",
}


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="labbaik", description=__doc__.splitlines()[0])
    p.add_argument("--config", help="path to config.yaml (default: the repo's, or LABBAIK_CONFIG)")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="everything for local use: NLU server, web app, channels")
    run.add_argument("--host")
    run.add_argument("--port", type=int)
    run.add_argument("--no-nlu", action="store_true", help="do not start the Rasa server")

    chat = sub.add_parser("chat", help="talk to the bot in the console")
    chat.add_argument("--lang", choices=["ar", "en", "id", "ur", "fa"])
    chat.add_argument("--user", default="console-user", help="who you are (conversations persist)")
    chat.add_argument("--json", action="store_true", help="JSON lines in and out")
    chat.add_argument("--no-nlu", action="store_true", help="menus only, no NLU server")

    db = sub.add_parser("db", help="database").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply Alembic migrations")

    dlg = sub.add_parser("dialogs", help="dialog flows").add_subparsers(
        dest="dialogs_command", required=True
    )
    val = dlg.add_parser("validate", help="check every flow and message id; non-zero on error")
    val.add_argument("--flows", help="flows directory (default: configured)")
    val.add_argument("--locales", help="locales directory (default: configured)")

    nlu = sub.add_parser("nlu", help="the Rasa NLU model").add_subparsers(
        dest="nlu_command", required=True
    )
    train = nlu.add_parser("train", help="train the model (skipped when data is unchanged)")
    train.add_argument("--force", action="store_true")
    nlu.add_parser("parse", help="texts on stdin -> one JSON object per line")
    nlu.add_parser("evaluate", help="held-out evaluation per language")
    nlu.add_parser("serve", help="run the Rasa NLU server in the foreground")
    nbench = nlu.add_parser("bench", help="parse latency and throughput of the NLU server")
    nbench.add_argument("--requests", type=int, default=400)

    bench = sub.add_parser("bench", help="all benchmarks; figures on stdout")
    bench.add_argument("--quick", action="store_true")
    return p


def _resolve(target: str) -> Callable[[argparse.Namespace], int]:
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    key = args.command
    for attr in ("db_command", "dialogs_command", "nlu_command"):
        if getattr(args, attr, None):
            key = f"{key} {getattr(args, attr)}"
    try:
        return _resolve(_COMMANDS[key])(args)
    except ConfigError as exc:
        print(f"labbaik: configuration error:\n{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
