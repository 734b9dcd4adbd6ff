"""Agents (staff accounts): create, look up, change role/team/language, disable, reset password.

Usernames: 3-32 characters, a letter first, then letters, digits, '.', '_'
or '-' (ASCII, so they read the same in an Arabic and an English desk);
kept as typed, unique whatever their case (the database enforces it with a
unique index on lower(username)). Passwords are checked for strength and
stored as argon2id hashes (`storage.passwords`).

Disabling an agent or resetting their password revokes all their desk
sessions in the same transaction. Signing in (throttling, lockout, rehash)
is `storage.sign_in`.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage._sql import require_one_of
from storage.desk_sessions import revoke_agent_sessions
from storage.errors import AgentNotFound, AlreadyExists, InvalidValue
from storage.models import DESK_LANGUAGES, ROLES, Agent
from storage.passwords import DEFAULT_HASHER, check_strength, hash_password
from storage.teams import require_team
from storage.types import utcnow

_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{2,31}$")
MAX_DISPLAY_NAME_CHARS = 200


def _username(username: object) -> str:
    if not isinstance(username, str) or not _USERNAME.match(username):
        raise InvalidValue(
            f"username {username!r}: 3-32 characters, a letter first, then letters, "
            "digits, '.', '_' or '-'"
        )
    return username


def _display_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_DISPLAY_NAME_CHARS:
        raise InvalidValue(f"display name: 1-{MAX_DISPLAY_NAME_CHARS} characters")
    return name.strip()


def _role_and_team(session: Session, role: str, team: str | None) -> None:
    require_one_of("role", role, ROLES)
    if role == "agent" and team is None:
        raise InvalidValue("an agent (role 'agent') belongs to a team; name one")
    if team is not None:
        require_team(session, slug=team, active=True)


def find_agent(session: Session, *, username: str) -> Agent | None:
    """The agent with this username, whatever its case; None if there is none."""
    if not isinstance(username, str):
        return None
    stmt = select(Agent).where(func.lower(Agent.username) == username.strip().lower())
    return session.scalars(stmt).one_or_none()


def get_agent(session: Session, *, agent_id: int) -> Agent | None:
    """The agent with this id (e.g. from a desk session), active or not."""
    return session.get(Agent, agent_id)


def require_agent(session: Session, *, username: str) -> Agent:
    """Like `find_agent`, but raises `AgentNotFound`."""
    agent = find_agent(session, username=username)
    if agent is None:
        raise AgentNotFound(f"no agent {username!r}")
    return agent


def list_agents(
    session: Session, *, team: str | None = None, include_disabled: bool = False
) -> list[Agent]:
    """Agents by username (of `team`, when given); only active ones unless `include_disabled`."""
    stmt = select(Agent).order_by(func.lower(Agent.username))
    if team is not None:
        stmt = stmt.where(Agent.team == team)
    if not include_disabled:
        stmt = stmt.where(Agent.active.is_(True))
    return list(session.scalars(stmt))


def create_agent(
    session: Session,
    *,
    username: str,
    display_name: str,
    password: str,
    role: str,
    team: str | None = None,
    desk_language: str = "ar",
    now: datetime | None = None,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> Agent:
    """A new active account; `WeakPassword`, `AlreadyExists` or `InvalidValue` say what is wrong."""
    _username(username)
    display_name = _display_name(display_name)
    require_one_of("desk language", desk_language, DESK_LANGUAGES)
    _role_and_team(session, role, team)
    check_strength(password, user_inputs=(username, *display_name.split(), team or ""))
    if find_agent(session, username=username) is not None:
        raise AlreadyExists(f"username {username!r} is taken")
    now = now or utcnow()
    agent = Agent(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password, hasher=hasher),
        role=role,
        team=team,
        desk_language=desk_language,
        active=True,
        failed_sign_ins=0,
        password_changed_at=now,
        created_at=now,
    )
    try:
        with session.begin_nested():  # a concurrent insert of the same name loses cleanly
            session.add(agent)
    except IntegrityError as exc:
        raise AlreadyExists(f"username {username!r} is taken") from exc
    return agent


_KEEP: Any = object()  # change_agent: leave this field as it is


def change_agent(
    session: Session,
    *,
    agent: Agent,
    role: str = _KEEP,
    team: str | None = _KEEP,
    desk_language: str = _KEEP,
    display_name: str = _KEEP,
) -> dict[str, tuple[Any, Any]]:
    """Change what is given; the changes as {field: (old, new)} (for the audit detail).

    Cases already assigned to the agent stay theirs when their team changes.
    """
    new_role = agent.role if role is _KEEP else role
    new_team = agent.team if team is _KEEP else team
    wanted = {
        "role": new_role,
        "team": new_team,
        "desk_language": agent.desk_language if desk_language is _KEEP else desk_language,
        "display_name": (
            agent.display_name if display_name is _KEEP else _display_name(display_name)
        ),
    }
    require_one_of("desk language", wanted["desk_language"], DESK_LANGUAGES)
    if new_role != agent.role or new_team != agent.team:
        _role_and_team(session, new_role, new_team)
    changes = {k: (getattr(agent, k), v) for k, v in wanted.items() if getattr(agent, k) != v}
    for key, (_, new) in changes.items():
        setattr(agent, key, new)
    session.flush()
    return changes


def disable_agent(session: Session, *, agent: Agent, now: datetime | None = None) -> int:
    """No more signing in; every session ends now. How many sessions were revoked."""
    now = now or utcnow()
    agent.active, agent.disabled_at = False, now
    session.flush()
    return revoke_agent_sessions(session, agent=agent, now=now)


def enable_agent(session: Session, *, agent: Agent) -> None:
    """Let a disabled agent sign in again (with their old password, or reset it first)."""
    agent.active, agent.disabled_at = True, None
    agent.failed_sign_ins, agent.locked_until = 0, None
    session.flush()


def reset_password(
    session: Session,
    *,
    agent: Agent,
    password: str,
    now: datetime | None = None,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> int:
    """A new password (strength-checked), the lockout lifted, every session revoked; how many."""
    check_strength(
        password, user_inputs=(agent.username, *agent.display_name.split(), agent.team or "")
    )
    now = now or utcnow()
    agent.password_hash = hash_password(password, hasher=hasher)
    agent.password_changed_at = now
    agent.failed_sign_ins, agent.locked_until = 0, None
    session.flush()
    return revoke_agent_sessions(session, agent=agent, now=now)


def unlock_agent(session: Session, *, agent: Agent) -> None:
    """Lift a lockout before it runs out (an admin's action)."""
    agent.failed_sign_ins, agent.locked_until = 0, None
    session.flush()
