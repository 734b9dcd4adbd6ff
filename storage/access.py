"""Access: what an agent may see, checked in one place (like Zulip's `access_stream_by_id`).

Every desk route that shows or changes a case, a chat or a photo asks here
first and gets the object or one `NotFound` error. The error is the same,
word for word, whether the thing does not exist or belongs to another team,
so guessing ticket numbers or ids teaches nothing. Agents see their own
team's; supervisors and admins see every team's; a disabled agent sees
nothing.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import CaseNotFound, HandoffNotFound, PhotoNotFound
from storage.models import Agent, Case, CasePhoto, Handoff, Message


def may_see_team(agent: Agent, team: str | None) -> bool:
    """Whether the agent may see (and work on) what belongs to `team`."""
    if not agent.active:
        return False
    return agent.sees_every_team or (team is not None and agent.team == team)


def _ticket(ticket_id: str) -> str:
    digits = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
    return ticket_id.translate(digits).strip().upper() if isinstance(ticket_id, str) else ""


def access_case(session: Session, *, agent: Agent, ticket_id: str) -> Case:
    """The case with this ticket id if the agent may see it, else `CaseNotFound`."""
    canonical = _ticket(ticket_id)
    case = session.scalars(select(Case).where(Case.ticket_id == canonical)).one_or_none()
    if case is None or not may_see_team(agent, case.team):
        raise CaseNotFound(ticket_id)
    return case


def access_handoff(session: Session, *, agent: Agent, handoff_id: int | str) -> Handoff:
    """The live chat with this id if the agent may see it, else `HandoffNotFound`.

    `handoff_id` may come straight from a URL: anything that is not a
    positive number is simply not found.
    """
    number = _positive_int(handoff_id)
    handoff = session.get(Handoff, number) if number is not None else None
    if handoff is None or not may_see_team(agent, handoff.team):
        raise HandoffNotFound(handoff_id)
    return handoff


def _positive_int(value: int | str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isascii() or not value.isdigit() or len(value) > 18:
            return None
        value = int(value)
    return value if isinstance(value, int) and 0 < value < 2**63 else None


def _chat_of_photo(session: Session, ref: str) -> list[Handoff]:
    stmt = (
        select(Handoff)
        .join(Message, Message.handoff_id == Handoff.id)
        .where(Message.payload["media"]["ref"].as_string() == ref)
        .order_by(Handoff.id)
    )
    return list(session.scalars(stmt).unique())


def access_photo(session: Session, *, agent: Agent, ref: str) -> Case | Handoff:
    """What a media reference belongs to (a case, else a chat) if the agent may see it.

    The same bytes may have been sent twice (refs are content hashes): any
    case or chat holding the ref that the agent may see will do. Else
    `PhotoNotFound`.
    """
    if not isinstance(ref, str) or not 0 < len(ref) <= 255:
        raise PhotoNotFound(str(ref)[:255])
    cases = session.scalars(
        select(Case).join(CasePhoto, CasePhoto.case_id == Case.id).where(CasePhoto.ref == ref)
    )
    for case in cases:
        if may_see_team(agent, case.team):
            return case
    for handoff in _chat_of_photo(session, ref):
        if may_see_team(agent, handoff.team):
            return handoff
    raise PhotoNotFound(ref)
