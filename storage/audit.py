"""The audit trail: every staff action, append-only, read by supervisors.

`record_audit` writes one row in the caller's transaction (so an action and
its audit row commit together); nothing here changes or deletes a row. The
detail is a small JSON object of ids, codes and counts: keys that usually
carry personal data or secrets (phone, text, password, token, ...) and long
strings are refused, so the audit log is safe to show and export.

Actions are dotted codes the callers choose, e.g. "sign_in", "sign_in.failed",
"case.status", "case.assign", "case.phone_revealed", "case.export",
"agent.create", "agent.disable", "handoff.claim", "open311.request".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from storage.errors import InvalidValue
from storage.models import Agent, AuditEvent
from storage.types import utcnow

_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
_ACTOR = re.compile(r"^(agent:\d+|system|open311:\d+|cli|person:\d+)$")
FORBIDDEN_DETAIL_KEYS = frozenset(
    {
        "phone",
        "contact_phone",
        "text",
        "message",
        "description",
        "password",
        "token",
        "csrf",
        "cookie",
        "api_key",
        "key",
        "user_id",
        "name",
        "display_name",
        "email",
    }
)
MAX_DETAIL_BYTES = 2000
MAX_DETAIL_STRING = 100
MAX_PAGE = 500


def _detail(detail: dict[str, Any] | None) -> dict[str, Any]:
    detail = dict(detail or {})
    for key, value in detail.items():
        if key.lower() in FORBIDDEN_DETAIL_KEYS:
            raise InvalidValue(
                f"audit detail {key!r}: no personal data or secrets in the audit log"
            )
        if isinstance(value, str) and len(value) > MAX_DETAIL_STRING:
            raise InvalidValue(
                f"audit detail {key!r} is {len(value)} characters; at most {MAX_DETAIL_STRING} "
                "(ids and codes, not text)"
            )
    try:
        size = len(json.dumps(detail).encode())
    except (TypeError, ValueError) as exc:
        raise InvalidValue(f"audit detail is not JSON: {exc}") from exc
    if size > MAX_DETAIL_BYTES:
        raise InvalidValue(f"audit detail is {size} bytes; at most {MAX_DETAIL_BYTES}")
    return detail


def record_audit(
    session: Session,
    *,
    action: str,
    agent: Agent | None = None,
    actor: str | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    detail: dict[str, Any] | None = None,
    client_address: str | None = None,
    now: datetime | None = None,
) -> AuditEvent:
    """Append one audit row. Who: `agent`, or an `actor` such as "system" or "open311:4"."""
    if not isinstance(action, str) or not _ACTION.match(action) or len(action) > 64:
        raise InvalidValue(f"audit action {action!r}: a dotted code such as 'case.status'")
    actor = agent.actor if agent is not None else actor
    if actor is None or not _ACTOR.match(actor):
        raise InvalidValue(f"audit actor {actor!r}: an agent, 'system', 'cli' or 'open311:<id>'")
    if object_type is not None and not _ACTION.match(object_type):
        raise InvalidValue(f"audit object type {object_type!r}: a code such as 'case'")
    row = AuditEvent(
        at=now or utcnow(),
        agent_id=agent.id if agent is not None else None,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id)[:64],
        detail=_detail(detail),
        client_address=(client_address or None) and client_address[:45],
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class AuditFilter:
    agent_id: int | None = None
    actor: str | None = None
    action: str | None = None  # exact, or a prefix ending in "." ("case." = every case action)
    object_type: str | None = None
    object_id: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditEvent]
    total: int


def _filtered(stmt: Select[Any], f: AuditFilter) -> Select[Any]:
    conditions = []
    if f.agent_id is not None:
        conditions.append(AuditEvent.agent_id == f.agent_id)
    if f.actor is not None:
        conditions.append(AuditEvent.actor == f.actor)
    if f.action is not None:
        if f.action.endswith("."):
            conditions.append(AuditEvent.action.startswith(f.action, autoescape=True))
        else:
            conditions.append(AuditEvent.action == f.action)
    if f.object_type is not None:
        conditions.append(AuditEvent.object_type == f.object_type)
    if f.object_id is not None:
        conditions.append(AuditEvent.object_id == str(f.object_id))
    if f.since is not None:
        conditions.append(AuditEvent.at >= f.since)
    if f.until is not None:
        conditions.append(AuditEvent.at < f.until)
    return stmt.where(*conditions)


def list_audit(
    session: Session, *, filter: AuditFilter = AuditFilter(), page: int = 1, per_page: int = 50
) -> AuditPage:
    """Audit rows matching `filter`, newest first, one page of them, and how many match."""
    if page < 1 or not 1 <= per_page <= MAX_PAGE:
        raise InvalidValue(f"page {page} of {per_page}: pages start at 1, at most {MAX_PAGE} rows")
    total = session.scalar(_filtered(select(func.count()).select_from(AuditEvent), filter)) or 0
    stmt = (
        _filtered(select(AuditEvent), filter)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return AuditPage(rows=list(session.scalars(stmt)), total=total)
