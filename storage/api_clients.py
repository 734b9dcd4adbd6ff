"""Open311 API clients: keys issued once, stored as hashes, checked in constant time; scopes.

A key reads "<prefix>.<secret>". The prefix (public, 12 hex digits) finds
the client; the SHA-256 of the secret (256 random bits, so a fast hash is
enough) is compared with `hmac.compare_digest`. An unknown prefix is compared
against a dummy hash, so a wrong key takes the same time either way. The
plaintext key is returned by `create_api_client` and never stored.

Scopes (`API_SCOPES`): "read_private" (reporter contact, description and
photos of other people), "notify_whatsapp", "notify_telegram" (the reporter
given by the client may be notified on that channel).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict
from storage.errors import AlreadyExists, InvalidValue, NotFound
from storage.models import API_SCOPES, ApiClient
from storage.types import utcnow

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")
_KEY = re.compile(r"^([0-9a-f]{12})\.([A-Za-z0-9_-]{43})$")
LAST_USED_INTERVAL = timedelta(minutes=1)  # last_used_at is written at most this often
_DUMMY_HASH = hashlib.sha256(b"no such client").hexdigest()


@dataclass(frozen=True)
class NewApiClient:
    """The client row and its key in plaintext: show it once, it cannot be read again."""

    client: ApiClient
    key: str


def _scopes(scopes: Iterable[str]) -> list[str]:
    if isinstance(scopes, str):
        raise InvalidValue("scopes is a list, such as ['read_private']")
    chosen = list(dict.fromkeys(scopes))
    for scope in chosen:
        if scope not in API_SCOPES:
            raise InvalidValue(
                f"unknown API scope {scope!r}; expected one of: {', '.join(API_SCOPES)}"
            )
    return sorted(chosen)


def _secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_api_client(
    session: Session, *, name: str, scopes: Iterable[str] = (), now: datetime | None = None
) -> NewApiClient:
    """A new client and its key (returned once); `AlreadyExists` if the name is taken."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise InvalidValue(f"client name {name!r}: 1-100 letters, digits, spaces, '.', '_', '-'")
    chosen = _scopes(scopes)
    prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    values = {
        "name": name,
        "key_prefix": prefix,
        "key_hash": _secret_hash(secret),
        "scopes": chosen,
        "created_at": now or utcnow(),
    }
    client_id = insert_ignoring_conflict(session, ApiClient, values, conflict_columns=("name",))
    if client_id is None:
        raise AlreadyExists(f"an API client named {name!r} exists")
    return NewApiClient(client=session.get_one(ApiClient, client_id), key=f"{prefix}.{secret}")


def verify_api_key(
    session: Session, *, key: str | None, now: datetime | None = None
) -> ApiClient | None:
    """The live (not revoked) client whose key this is, its last use noted; else None."""
    match = _KEY.match(key) if isinstance(key, str) else None
    prefix, secret = match.groups() if match else ("", "")
    client = None
    if prefix:
        stmt = select(ApiClient).where(ApiClient.key_prefix == prefix)
        client = session.scalars(stmt).one_or_none()
    stored = client.key_hash if client is not None else _DUMMY_HASH
    matches = hmac.compare_digest(stored, _secret_hash(secret))
    if client is None or not matches or client.revoked_at is not None:
        return None
    now = now or utcnow()
    if client.last_used_at is None or now - client.last_used_at >= LAST_USED_INTERVAL:
        client.last_used_at = now
        session.flush()
    return client


def has_scope(client: ApiClient, scope: str) -> bool:
    """Whether the client's key allows `scope` (an unknown scope is a programming error)."""
    if scope not in API_SCOPES:
        raise InvalidValue(f"unknown API scope {scope!r}; expected one of: {', '.join(API_SCOPES)}")
    return scope in (client.scopes or [])


def set_api_scopes(session: Session, *, client: ApiClient, scopes: Iterable[str]) -> None:
    """Replace the client's scopes (sorted, each known)."""
    client.scopes = _scopes(scopes)
    session.flush()


def revoke_api_client(session: Session, *, client: ApiClient, now: datetime | None = None) -> None:
    """The key stops working at once; the row (and the cases it filed) stay."""
    if client.revoked_at is None:
        client.revoked_at = now or utcnow()
        session.flush()


def find_api_client(session: Session, *, name: str) -> ApiClient | None:
    """The client with this name, revoked or not."""
    return session.scalars(select(ApiClient).where(ApiClient.name == name)).one_or_none()


def require_api_client(session: Session, *, name: str) -> ApiClient:
    """Like `find_api_client`, but raises `NotFound`."""
    client = find_api_client(session, name=name)
    if client is None:
        raise NotFound(f"no API client named {name!r}")
    return client


def list_api_clients(session: Session, *, include_revoked: bool = False) -> list[ApiClient]:
    """Clients by name; only live ones unless `include_revoked`."""
    stmt = select(ApiClient).order_by(ApiClient.name)
    if not include_revoked:
        stmt = stmt.where(ApiClient.revoked_at.is_(None))
    return list(session.scalars(stmt))
