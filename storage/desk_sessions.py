"""Desk sessions: server-side, revocable sign-ins of agents' browsers.

The cookie carries a random token (`secrets.token_urlsafe`, 256 bits); only
its SHA-256 is stored, so a copy of the database signs nobody in. (A fast
hash is right here: the token is random, not a password to brute-force.)
Each session has its own CSRF token for the desk's forms.

A session is live while it is not revoked, before its absolute expiry, and
seen within the idle timeout. `find_desk_session` answers that; `touch`
moves `last_seen_at` on at most once per `TOUCH_INTERVAL`, so a page view is
not a write. "Signed in" (for handoff's "nobody on duty") is an agent with a
live session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.errors import InvalidValue
from storage.models import Agent, DeskSession
from storage.types import utcnow

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_LIFETIME = timedelta(hours=12)
TOUCH_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class NewDeskSession:
    """What `create_desk_session` hands back: the row and the token for the cookie (once)."""

    row: DeskSession
    token: str

    @property
    def csrf_token(self) -> str:
        return self.row.csrf_token


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_desk_session(
    session: Session,
    *,
    agent: Agent,
    client_address: str | None = None,
    lifetime: timedelta = ABSOLUTE_LIFETIME,
    now: datetime | None = None,
) -> NewDeskSession:
    """Sign the agent in: a new session whose token is returned once and never stored."""
    if not agent.active:
        raise InvalidValue(f"agent {agent.username!r} is disabled and cannot sign in")
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    row = DeskSession(
        agent_id=agent.id,
        token_hash=token_hash(token),
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        last_seen_at=now,
        expires_at=now + lifetime,
        client_address=_address(client_address),
    )
    session.add(row)
    session.flush()
    return NewDeskSession(row=row, token=token)


def _address(client_address: str | None) -> str | None:
    if client_address is not None and (
        not isinstance(client_address, str) or len(client_address) > 45
    ):
        raise InvalidValue(f"client address {client_address!r}: expected an IPv4 or IPv6 address")
    return client_address


def _live(row: DeskSession, now: datetime, idle_timeout: timedelta) -> bool:
    return (
        row.revoked_at is None
        and now < row.expires_at
        and now - row.last_seen_at < idle_timeout
        and row.agent.active
    )


def find_desk_session(
    session: Session,
    *,
    token: str,
    now: datetime | None = None,
    idle_timeout: timedelta = IDLE_TIMEOUT,
) -> DeskSession | None:
    """The live session of this cookie token; None if unknown, revoked, expired or idle."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    stmt = select(DeskSession).where(DeskSession.token_hash == token_hash(token))
    row = session.scalars(stmt).one_or_none()
    if row is None or not _live(row, now or utcnow(), idle_timeout):
        return None
    return row


def touch_desk_session(
    session: Session,
    *,
    desk_session: DeskSession,
    now: datetime | None = None,
    interval: timedelta = TOUCH_INTERVAL,
) -> bool:
    """Note the agent is still there; writes only when `interval` has passed. True if it wrote.

    The UPDATE is conditional, so two requests at once write once.
    """
    now = now or utcnow()
    if now - desk_session.last_seen_at < interval:
        return False
    stmt = (
        update(DeskSession)
        .where(DeskSession.id == desk_session.id, DeskSession.last_seen_at <= now - interval)
        .values(last_seen_at=now)
        .execution_options(synchronize_session=False)
    )
    wrote = session.execute(stmt).rowcount == 1  # type: ignore[attr-defined]
    session.refresh(desk_session, ["last_seen_at"])
    return wrote


def check_csrf(desk_session: DeskSession, token: str | None) -> bool:
    """Whether a form's CSRF field is this session's token (constant-time compare)."""
    if not isinstance(token, str) or not token:
        return False
    return hmac.compare_digest(desk_session.csrf_token.encode(), token.encode())


def revoke_desk_session(
    session: Session, *, desk_session: DeskSession, now: datetime | None = None
) -> None:
    """Sign this browser out (the row stays, revoked)."""
    if desk_session.revoked_at is None:
        desk_session.revoked_at = now or utcnow()
        session.flush()


def revoke_agent_sessions(session: Session, *, agent: Agent, now: datetime | None = None) -> int:
    """Sign the agent out everywhere; how many sessions were live-or-idle and are now revoked."""
    stmt = (
        update(DeskSession)
        .where(DeskSession.agent_id == agent.id, DeskSession.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())
        .execution_options(synchronize_session="fetch")
    )
    return session.execute(stmt).rowcount  # type: ignore[attr-defined,no-any-return]


def signed_in_agents(
    session: Session,
    *,
    team: str | None = None,
    now: datetime | None = None,
    idle_timeout: timedelta = IDLE_TIMEOUT,
) -> list[Agent]:
    """Active agents with a live session (of `team`, when given), by id.

    Supervisors and admins count for a team only when it is theirs.
    """
    now = now or utcnow()
    live = (
        select(DeskSession.agent_id)
        .where(
            DeskSession.revoked_at.is_(None),
            DeskSession.expires_at > now,
            DeskSession.last_seen_at > now - idle_timeout,
        )
        .distinct()
    )
    stmt = select(Agent).where(Agent.active.is_(True), Agent.id.in_(live)).order_by(Agent.id)
    if team is not None:
        stmt = stmt.where(Agent.team == team)
    return list(session.scalars(stmt))


def list_agent_sessions(
    session: Session,
    *,
    agent: Agent,
    now: datetime | None = None,
    idle_timeout: timedelta = IDLE_TIMEOUT,
) -> list[DeskSession]:
    """The agent's live sessions, newest first (for "signed in elsewhere")."""
    rows = session.scalars(
        select(DeskSession)
        .where(DeskSession.agent_id == agent.id, DeskSession.revoked_at.is_(None))
        .order_by(DeskSession.created_at.desc(), DeskSession.id.desc())
    )
    now = now or utcnow()
    return [row for row in rows if _live(row, now, idle_timeout)]
