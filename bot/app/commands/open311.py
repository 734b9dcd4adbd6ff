"""`labbaik open311 keys add|list|revoke`: the API keys of the city's other systems.

`keys add NAME [--scope SCOPE ...]` prints the new key once (only its hash is
kept; a lost key is revoked and a new one issued). Scopes: `read_private`
(reporter contact, descriptions and photos of requests the client did not
file), `notify_whatsapp`, `notify_telegram` (the reporter the client names may
be told of status changes on that platform). Each change is an audit event
(actor "cli").
"""

from __future__ import annotations

import argparse
import sys

from bot.app.config import load_settings
from storage import service as store
from storage.db import Database, resolve_url
from storage.errors import StorageError
from storage.models import API_SCOPES, ApiClient


def _database(args: argparse.Namespace) -> Database:
    settings = load_settings(getattr(args, "config", None))
    return Database(resolve_url(settings.database.url, settings.root))


def _line(client: ApiClient) -> str:
    scopes = ",".join(client.scopes or []) or "-"
    state = "revoked" if client.revoked_at else "live"
    used = client.last_used_at.isoformat(timespec="seconds") if client.last_used_at else "never"
    return f"{client.name}\t{client.key_prefix}\t{scopes}\t{state}\tlast used {used}"


def add_main(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.transaction() as session:
            new = store.create_api_client(session, name=args.name, scopes=args.scope or ())
            store.record_audit(
                session,
                action="open311.key_add",
                actor="cli",
                object_type="api_client",
                object_id=new.client.id,
                detail={"scopes": list(new.client.scopes)},
            )
            key, line = new.key, _line(new.client)
    except StorageError as exc:
        print(f"labbaik open311 keys add: {exc}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(line)
    print(f"api_key: {key}")
    print("Keep it now: it is shown only this once.", file=sys.stderr)
    return 0


def list_main(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.session() as session:
            for client in store.list_api_clients(session, include_revoked=True):
                print(_line(client))
    finally:
        database.dispose()
    return 0


def revoke_main(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.transaction() as session:
            client = store.require_api_client(session, name=args.name)
            store.revoke_api_client(session, client=client)
            store.record_audit(
                session,
                action="open311.key_revoke",
                actor="cli",
                object_type="api_client",
                object_id=client.id,
            )
    except StorageError as exc:
        print(f"labbaik open311 keys revoke: {exc}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"revoked the key of {args.name}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    o311 = sub.add_parser("open311", help="the Open311 GeoReport v2 API").add_subparsers(
        dest="open311_command", required=True
    )
    keys = o311.add_parser("keys", help="API keys of client systems").add_subparsers(
        dest="keys_command", required=True
    )
    add = keys.add_parser("add", help="issue a key (printed once)")
    add.add_argument("name", help="the client system, e.g. 'city-dashboard'")
    add.add_argument("--scope", action="append", choices=API_SCOPES, help="repeat for several")
    keys.add_parser("list", help="every client, its key prefix, scopes and last use")
    revoke = keys.add_parser("revoke", help="stop a client's key at once")
    revoke.add_argument("name")
