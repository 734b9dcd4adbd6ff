"""Signing in: throttling by username and by client address, lockout, rehash, attempts.

`sign_in` does it all and never raises for a wrong password: it returns a
`SignInResult`, so the caller commits the failure count and the attempt row
(raising would roll them back and make guessing free). Use it like this:

    with db.transaction() as s:
        result = sign_in(s, username=..., password=..., client_address=ip)
        if result.ok:
            new = create_desk_session(s, agent=result.agent, client_address=ip)
    # result.outcome: "ok" | "bad_credentials" | "locked" | "throttled" | "disabled"
    # result.retry_after: seconds to wait when locked or throttled

Show the same words for "bad_credentials" and "disabled". A known account
locks after `max_failures` failures in a row (`agents.locked_until`, which an
admin may lift); an unknown username is locked exactly the same way, replayed
from its rows in `login_attempts`, so lockout does not tell which usernames
exist. One client address failing too often (any usernames) is throttled.

`check_sign_in_allowed` alone answers "may this attempt proceed, and if not,
for how many seconds".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from storage.agents import find_agent
from storage.models import Agent, LoginAttempt
from storage.passwords import DEFAULT_HASHER, hash_password, needs_rehash, verify
from storage.types import utcnow

MAX_USERNAME_CHARS = 64  # what is stored of a typed username


@dataclass(frozen=True)
class SignInPolicy:
    max_failures: int = 5  # in a row, per username: then locked for `lockout`
    lockout: timedelta = timedelta(minutes=15)
    max_failures_per_address: int = 50  # from one client address within `address_window`
    address_window: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class SignInCheck:
    allowed: bool
    retry_after: int = 0  # seconds, when not allowed
    reason: str | None = None  # "locked" | "throttled"


@dataclass(frozen=True)
class SignInResult:
    outcome: str  # "ok" | "bad_credentials" | "locked" | "throttled" | "disabled"
    agent: Agent | None = None  # the agent when "ok" (or "disabled")
    retry_after: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def _key(username: str) -> str:
    return username.strip().lower()[:MAX_USERNAME_CHARS] if isinstance(username, str) else ""


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))


def _failures_since_success(session: Session, username: str) -> tuple[int, datetime | None]:
    """How many failed attempts for `username` since its last success, and the latest one."""
    last_ok = (
        select(func.max(LoginAttempt.at))
        .where(LoginAttempt.username == username, LoginAttempt.succeeded.is_(True))
        .scalar_subquery()
    )
    stmt = select(func.count(), func.max(LoginAttempt.at)).where(
        LoginAttempt.username == username,
        LoginAttempt.succeeded.is_(False),
        or_(last_ok.is_(None), LoginAttempt.at > last_ok),
    )
    count, latest = session.execute(stmt).one()
    return count, latest


def _unknown_user_lock(
    session: Session, username: str, now: datetime, policy: SignInPolicy
) -> datetime | None:
    """Until when a username nobody has is "locked": the account rule replayed on attempts.

    An account locks at every `max_failures`-th failure in a row (its counter
    starts again then) and attempts while locked are not recorded, so the
    same holds when the count of failures since the last success is a
    multiple of `max_failures` and the latest is less than `lockout` ago.
    """
    count, latest = _failures_since_success(session, username)
    if count and count % policy.max_failures == 0 and latest is not None:
        until: datetime = latest + policy.lockout
        return until if until > now else None
    return None


def _address_failures(
    session: Session, address: str, since: datetime
) -> tuple[int, datetime | None]:
    stmt = select(func.count(), func.min(LoginAttempt.at)).where(
        LoginAttempt.client_address == address,
        LoginAttempt.succeeded.is_(False),
        LoginAttempt.at > since,
    )
    count, oldest = session.execute(stmt).one()
    return count, oldest


def check_sign_in_allowed(
    session: Session,
    *,
    username: str,
    client_address: str | None,
    now: datetime | None = None,
    policy: SignInPolicy = SignInPolicy(),
) -> SignInCheck:
    """May this attempt proceed? If not, for how many seconds to wait (the longest that applies)."""
    now = now or utcnow()
    waits: list[tuple[int, str]] = []
    agent = find_agent(session, username=username)
    locked_until = (
        agent.locked_until
        if agent is not None
        else _unknown_user_lock(session, _key(username), now, policy)
    )
    if locked_until is not None and locked_until > now:
        waits.append((_seconds(locked_until - now), "locked"))
    if client_address:
        since = now - policy.address_window
        count, oldest = _address_failures(session, client_address, since)
        if count >= policy.max_failures_per_address and oldest is not None:
            waits.append((_seconds(oldest + policy.address_window - now), "throttled"))
    if not waits:
        return SignInCheck(allowed=True)
    seconds, reason = max(waits)
    return SignInCheck(allowed=False, retry_after=seconds, reason=reason)


def record_login_attempt(
    session: Session,
    *,
    username: str,
    client_address: str | None,
    succeeded: bool,
    agent: Agent | None = None,
    now: datetime | None = None,
) -> LoginAttempt:
    """Remember one attempt (the username lower-cased, as typed, even if nobody has it)."""
    attempt = LoginAttempt(
        username=_key(username),
        client_address=(client_address or None) and client_address[:45],
        succeeded=succeeded,
        at=now or utcnow(),
        agent_id=agent.id if agent is not None else None,
    )
    session.add(attempt)
    session.flush()
    return attempt


def _count_failure(agent: Agent, now: datetime, policy: SignInPolicy) -> None:
    agent.failed_sign_ins += 1
    if agent.failed_sign_ins >= policy.max_failures:
        agent.locked_until = now + policy.lockout
        agent.failed_sign_ins = 0


def _succeed(agent: Agent, password: str, now: datetime, hasher: PasswordHasher) -> None:
    agent.failed_sign_ins, agent.locked_until = 0, None
    agent.last_sign_in_at = now
    if needs_rehash(agent.password_hash, hasher=hasher):
        agent.password_hash = hash_password(password, hasher=hasher)


def sign_in(
    session: Session,
    *,
    username: str,
    password: str,
    client_address: str | None,
    now: datetime | None = None,
    policy: SignInPolicy = SignInPolicy(),
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> SignInResult:
    """Check a username and password with throttling and lockout; record the attempt.

    Commit whatever comes back: a failure must be counted. A throttled or
    locked attempt checks no password and records nothing.
    """
    now = now or utcnow()
    check = check_sign_in_allowed(
        session, username=username, client_address=client_address, now=now, policy=policy
    )
    if not check.allowed:
        return SignInResult(outcome=check.reason or "throttled", retry_after=check.retry_after)
    agent = find_agent(session, username=username)
    matches = verify(agent.password_hash if agent else None, password or "", hasher=hasher)
    ok = agent is not None and matches and agent.active
    record_login_attempt(
        session,
        username=username,
        client_address=client_address,
        succeeded=ok,
        agent=agent,
        now=now,
    )
    if agent is None:
        return SignInResult(outcome="bad_credentials")
    if not matches:
        if agent.active:
            _count_failure(agent, now, policy)
        session.flush()
        return SignInResult(outcome="bad_credentials")
    if not agent.active:
        return SignInResult(outcome="disabled", agent=agent)
    _succeed(agent, password, now, hasher)
    session.flush()
    return SignInResult(outcome="ok", agent=agent)


def prune_login_attempts(session: Session, *, before: datetime) -> int:
    """Forget attempts older than `before` (they no longer count); how many rows went."""
    result = session.execute(delete(LoginAttempt).where(LoginAttempt.at < before))
    return result.rowcount  # type: ignore[attr-defined,no-any-return]
