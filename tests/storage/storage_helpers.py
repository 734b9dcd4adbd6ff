"""Small builders shared by the storage tests (real service calls, no fakes)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from threading import Barrier
from typing import Any, TypeVar

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogs.tickets import make_ticket_id
from storage import service as svc
from storage.models import Agent, Case, Person, Team

T = TypeVar("T")
T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
# Cheap argon2 parameters: the tests check behaviour, not hashing cost.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "olive lantern harbour 42"  # strong enough for zxcvbn


def person(session: Session, user_id: str = "1001", channel: str = "telegram") -> Person:
    return svc.get_or_create_person(session, channel=channel, user_id=user_id, language="ar")


def report(session: Session, reporter: Person, **overrides: Any) -> Case:
    fields: dict[str, Any] = {
        "kind": "report",
        "category": "waste",
        "description": "rubbish near gate 3",
        "channel": reporter.channel,
        "language": "ar",
        "new_ticket_id": make_ticket_id,  # the ticket format is the dialog contract's
    }
    fields.update(overrides)
    return svc.create_case(session, reporter=reporter, **fields)


def count(session: Session, model: type, *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def run_together(n: int, work: Callable[[], T]) -> list[T]:
    """Run `work` in `n` threads released at the same moment; their results."""
    barrier = Barrier(n)

    def start() -> T:
        barrier.wait()
        return work()

    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = [pool.submit(start) for _ in range(n)]
        return [f.result() for f in futures]


def team(session: Session, slug: str = "cleanliness", languages: tuple[str, ...] = ()) -> Team:
    """The team `slug`, created (with plain names) if missing."""
    return svc.get_team(session, slug=slug) or svc.create_team(
        session, slug=slug, names={"en": slug.title(), "ar": slug}, languages=languages
    )


def agent(
    session: Session,
    username: str = "amina",
    *,
    role: str = "agent",
    team_slug: str | None = "cleanliness",
    password: str = PASSWORD,
) -> Agent:
    """An active account (its team created if needed)."""
    if team_slug is not None:
        team(session, team_slug)
    return svc.create_agent(
        session,
        username=username,
        display_name=username.title(),
        password=password,
        role=role,
        team=team_slug,
        hasher=FAST_HASHER,
    )
