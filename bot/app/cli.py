"""`labbaik`: the one command-line entry point: the parser and the command table.

Each subcommand's work lives in bot/app/commands/ (one module per group) or,
for `labbaik run`, bot/app/run.py; `COMMANDS` maps the subcommand to it. A new
command: its parser lines in `_build_parser`, its module in bot/app/commands/,
one entry in `COMMANDS`. Nothing here imports Rasa (it runs in its own process).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot.app import run as run_command
from bot.app.commands import agents as agent_commands
from bot.app.commands import chat as chat_commands
from bot.app.commands import db as db_commands
from bot.app.commands import dialogs as dialog_commands
from bot.app.commands import nlu as nlu_commands
from bot.app.commands import open311 as open311_commands
from bot.core.settings import ConfigError

Command = Callable[[argparse.Namespace], int]  # the parsed args -> an exit code

COMMANDS: dict[str, Command] = {
    "run": run_command.main,
    "chat": chat_commands.main,
    "db upgrade": db_commands.upgrade_main,
    "dialogs validate": dialog_commands.main,
    "nlu train": nlu_commands.train_main,
    "nlu parse": nlu_commands.parse_main,
    "nlu evaluate": nlu_commands.evaluate_main,
    "nlu serve": nlu_commands.serve_main,
    "open311 keys add": open311_commands.add_main,
    "open311 keys list": open311_commands.list_main,
    "open311 keys revoke": open311_commands.revoke_main,
    "agents add": agent_commands.add_main,
    "agents disable": agent_commands.disable_main,
    "agents reset-password": agent_commands.reset_main,
}


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="labbaik", description=__doc__.splitlines()[0])
    p.add_argument("--config", help="path to config.yaml (default: the repo's, or LABBAIK_CONFIG)")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="everything for local use: NLU server, web app, channels")
    run.add_argument("--host")
    run.add_argument("--port", type=int)
    run.add_argument("--no-nlu", action="store_true", help="do not start the Rasa server")
    run.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="worker processes on the one port (more than one needs PostgreSQL)",
    )

    chat = sub.add_parser("chat", help="talk to the bot in the console")
    chat.add_argument("--lang", help="answer in this language (one of config.yaml's `languages`)")
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
    ev = nlu.add_parser(
        "evaluate", help="held-out and frozen-set evaluation per language and style"
    )
    ev.add_argument(
        "--leave-one-out",
        action="store_true",
        help="also train one model per language without its files and score that language",
    )
    ev.add_argument(
        "--free-port",
        action="store_true",
        help="always start an own server on a free port (never use one already at nlu.url)",
    )
    nlu.add_parser("serve", help="run the Rasa NLU server in the foreground")
    open311_commands.add_parser(sub)
    agent_commands.add_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    key = args.command
    for attr in (
        "db_command",
        "dialogs_command",
        "nlu_command",
        "open311_command",
        "keys_command",
        "agents_command",
    ):
        if getattr(args, attr, None):
            key = f"{key} {getattr(args, attr)}"
    try:
        return COMMANDS[key](args)
    except ConfigError as exc:
        print(f"labbaik: configuration error:\n{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
