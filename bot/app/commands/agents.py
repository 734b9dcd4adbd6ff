"""`labbaik agents add|disable|reset-password`: desk accounts from the command line.

For the first admin of a new install and for scripts:

    LABBAIK_PASSWORD='four unrelated words here' labbaik agents add amina --role admin
    labbaik agents add omar --role agent --team customer_service --name "Omar A." --lang en
    labbaik agents disable omar
    labbaik agents reset-password omar

The password comes from LABBAIK_PASSWORD, else it is asked twice at a prompt
(never an argument: it would stay in the shell's history). A weak one is
refused with zxcvbn's reason. Each change is an audit event by "cli"; a
disable or a reset ends every desk session of the account.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from bot.app.config import load_settings
from bot.app.wiring import content_source
from bot.municipal import teams
from storage import service as store
from storage.db import Database, resolve_url, upgrade
from storage.errors import StorageError, WeakPassword


class _NoPassword(Exception):
    pass


def _password(prompt: str = "Password") -> str:
    from_env = os.environ.get("LABBAIK_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise _NoPassword("set LABBAIK_PASSWORD (no terminal to ask at)")
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} again: ") != first:
        raise _NoPassword("the two passwords differ")
    return first


def _database(args: argparse.Namespace) -> Database:
    """The configured database, migrated, with the teams of config and the boundaries seeded
    (so `--team customer_service` works before the first `labbaik run`)."""
    settings = load_settings(getattr(args, "config", None))
    url = resolve_url(settings.database.url, settings.root)
    upgrade(url)
    database = Database(url)
    content = content_source(settings, keep_last_good=False).start().current()
    teams.seed(database, settings.routing, content)
    return database


def _fail(exc: Exception) -> int:
    if isinstance(exc, WeakPassword):
        print(f"labbaik agents: password refused: {exc.reason}", file=sys.stderr)
        for tip in exc.suggestions:
            print(f"  - {tip}", file=sys.stderr)
    else:
        print(f"labbaik agents: {exc}", file=sys.stderr)
    return 1


def add_main(args: argparse.Namespace) -> int:
    try:
        password = _password()
        db = _database(args)
        with db.transaction() as s:
            agent = store.create_agent(
                s,
                username=args.username,
                display_name=args.name or args.username,
                password=password,
                role=args.role,
                team=args.team,
                desk_language=args.lang,
            )
            store.record_audit(
                s, action="agent.create", actor="cli", object_type="agent",
                object_id=agent.id, detail={"role": args.role, "team": args.team},
            )  # fmt: skip
    except (StorageError, _NoPassword) as exc:
        return _fail(exc)
    print(f"created {args.role} {args.username!r}" + (f" in team {args.team}" if args.team else ""))
    return 0


def disable_main(args: argparse.Namespace) -> int:
    try:
        db = _database(args)
        with db.transaction() as s:
            agent = store.require_agent(s, username=args.username)
            ended = store.disable_agent(s, agent=agent)
            store.record_audit(
                s, action="agent.disable", actor="cli", object_type="agent",
                object_id=agent.id, detail={"sessions_ended": ended},
            )  # fmt: skip
    except StorageError as exc:
        return _fail(exc)
    print(f"disabled {args.username!r}; {ended} session(s) ended")
    return 0


def reset_main(args: argparse.Namespace) -> int:
    try:
        password = _password("New password")
        db = _database(args)
        with db.transaction() as s:
            agent = store.require_agent(s, username=args.username)
            ended = store.reset_password(s, agent=agent, password=password)
            store.record_audit(
                s, action="agent.reset_password", actor="cli", object_type="agent",
                object_id=agent.id, detail={"sessions_ended": ended},
            )  # fmt: skip
    except (StorageError, _NoPassword) as exc:
        return _fail(exc)
    print(f"password of {args.username!r} reset; {ended} session(s) ended")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    agents = sub.add_parser("agents", help="desk accounts").add_subparsers(
        dest="agents_command", required=True
    )
    add = agents.add_parser("add", help="create an account (password: LABBAIK_PASSWORD or prompt)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=("agent", "supervisor", "admin"))
    add.add_argument("--team", help="the team's slug (required for --role agent)")
    add.add_argument("--name", help="display name (default: the username)")
    add.add_argument("--lang", default="ar", choices=("ar", "en"), help="desk language")
    agents.add_parser("disable", help="no more signing in; ends every session").add_argument(
        "username"
    )
    agents.add_parser("reset-password", help="a new password; ends every session").add_argument(
        "username"
    )
