"""Small builders shared by the storage tests (real service calls, no fakes)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from threading import Barrier
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogs.tickets import make_ticket_id
from storage import service as svc
from storage.models import Case, Person

T = TypeVar("T")
T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


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
