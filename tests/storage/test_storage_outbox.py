"""The outbox: enqueue with dedupe, claim with a lease, retry, release, sent, failed, held."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_helpers import T0, count, person, report, run_together

from storage import service as svc
from storage.db import Database
from storage.errors import InvalidValue, OutboxStateError
from storage.models import CaseEvent, OutboxItem

HELLO = {"key": "hello", "text": "Hello", "lang": "en"}


def _enqueue(database: Database, n: int = 1, **kw: object) -> list[int]:
    with database.transaction() as s:
        p = person(s)
        items = [svc.enqueue_outbox(s, person=p, channel="telegram", payload=HELLO, **kw)]
        items += [
            svc.enqueue_outbox(s, person=p, channel="telegram", payload={"n": i}, **kw)
            for i in range(1, n)
        ]
        return [i.id for i in items]


def _claim(database: Database, now=T0 + timedelta(minutes=1), **kw: object) -> list[OutboxItem]:
    with database.transaction() as s:
        return svc.claim_outbox(s, now=now, **kw)


def test_enqueue_stores_who_and_what(database: Database) -> None:
    [item_id] = _enqueue(database, not_before=T0)
    with database.session() as s:
        item = s.get_one(OutboxItem, item_id)
    assert (item.channel, item.user_id, item.payload, item.status) == (
        "telegram", "1001", HELLO, "pending"
    )  # fmt: skip
    assert (item.attempts, item.next_attempt_at, item.case_id) == (0, T0, None)


def test_the_same_dedupe_key_queues_once(database: Database) -> None:
    first = _enqueue(database, dedupe_key="case-status:1:2")
    again = _enqueue(database, dedupe_key="case-status:1:2")
    assert first == again
    with database.session() as s:
        assert count(s, OutboxItem) == 1


def test_a_message_goes_out_on_the_persons_own_channel(database: Database) -> None:
    with (
        database.transaction() as s,
        pytest.raises(InvalidValue, match="reached on 'telegram', not on 'whatsapp'"),
    ):
        svc.enqueue_outbox(s, person=person(s), channel="whatsapp", payload=HELLO)


def test_claim_leases_due_items_oldest_first(database: Database) -> None:
    with database.transaction() as s:
        p = person(s)
        for minutes in (3, 1, 2, 30):
            svc.enqueue_outbox(
                s,
                person=p,
                channel="telegram",
                payload={"m": minutes},
                not_before=T0 + timedelta(minutes=minutes),
            )
    now = T0 + timedelta(minutes=5)
    claimed = _claim(database, now=now, limit=2, lease_seconds=60)
    assert [i.payload["m"] for i in claimed] == [1, 2]
    assert all(i.status == "sending" and i.attempts == 1 for i in claimed)
    assert all(i.next_attempt_at == now + timedelta(seconds=60) for i in claimed)
    assert [i.payload["m"] for i in _claim(database, now=now)] == [3]  # not 30: not yet due
    assert _claim(database, now=now) == []


def test_a_crashed_workers_items_come_back_after_the_lease(database: Database) -> None:
    [item_id] = _enqueue(database, not_before=T0)
    [item] = _claim(database, now=T0, lease_seconds=60)
    assert _claim(database, now=T0 + timedelta(seconds=59)) == []
    [again] = _claim(database, now=T0 + timedelta(seconds=60))
    assert (again.id, again.attempts, again.status) == (item_id, 2, "sending")


def test_retry_makes_the_item_due_again_later(database: Database) -> None:
    _enqueue(database, not_before=T0)
    [item] = _claim(database, now=T0)
    with database.transaction() as s:
        item = s.get_one(OutboxItem, item.id)
        svc.mark_outbox_retry(
            s, item=item, error="429 Too Many Requests", retry_at=T0 + timedelta(hours=1)
        )
    with database.session() as s:
        item = s.get_one(OutboxItem, item.id)
        assert (item.status, item.last_error) == ("pending", "429 Too Many Requests")
    assert _claim(database, now=T0 + timedelta(minutes=59)) == []
    [again] = _claim(database, now=T0 + timedelta(hours=1))
    assert again.attempts == 2


def test_release_gives_an_item_back_without_counting_the_attempt(database: Database) -> None:
    _enqueue(database, not_before=T0)
    [item] = _claim(database, now=T0)
    with database.transaction() as s:
        svc.release_outbox(s, item=s.get_one(OutboxItem, item.id), retry_at=T0)
    [again] = _claim(database, now=T0)
    assert again.attempts == 1


def test_sent_records_the_platform_id_and_is_final(database: Database) -> None:
    _enqueue(database, not_before=T0)
    [item] = _claim(database, now=T0)
    with database.transaction() as s:
        item = s.get_one(OutboxItem, item.id)
        svc.mark_outbox_sent(s, item=item, platform_message_id="tg:1001:88", now=T0)
    with database.transaction() as s:
        item = s.get_one(OutboxItem, item.id)
        assert (item.status, item.platform_message_id, item.sent_at) == ("sent", "tg:1001:88", T0)
        with pytest.raises(OutboxStateError, match="is 'sent'; only a claimed"):
            svc.mark_outbox_retry(s, item=item, error="x", retry_at=T0)
    assert _claim(database, now=T0 + timedelta(days=1)) == []


def test_an_unclaimed_item_cannot_be_marked(database: Database) -> None:
    [item_id] = _enqueue(database)
    with database.transaction() as s:
        item = s.get_one(OutboxItem, item_id)
        for mark in (svc.mark_outbox_failed, svc.mark_outbox_held):
            with pytest.raises(OutboxStateError, match="is 'pending'"):
                mark(s, item=item, error="x")
        with pytest.raises(OutboxStateError, match="is 'pending'"):
            svc.mark_outbox_sent(s, item=item, platform_message_id="1")


@pytest.mark.parametrize(("mark", "status"), [("held", "held"), ("failed", "failed")])
def test_held_and_failed_notifications_show_on_the_case(
    database: Database, mark: str, status: str
) -> None:
    with database.transaction() as s:
        case = report(s, person(s, channel="whatsapp"), now=T0)
        svc.change_case_status(s, case=case, status="resolved", actor="agent:1", now=T0)
    [item] = _claim(database, now=T0)
    error = "outside the 24-hour window and no template configured"
    with database.transaction() as s:
        mark_it = svc.mark_outbox_held if mark == "held" else svc.mark_outbox_failed
        mark_it(s, item=s.get_one(OutboxItem, item.id), error=error)
    with database.session() as s:
        item = s.get_one(OutboxItem, item.id)
        assert (item.status, item.last_error) == (status, error)
        case = svc.require_case(s, ticket_id=case.ticket_id)
        last = case.events[-1]
        assert (last.type, last.actor, last.note) == (f"notification_{mark}", "system", error)
    assert _claim(database, now=T0 + timedelta(days=1)) == []


def test_held_without_a_case_writes_no_event(database: Database) -> None:
    _enqueue(database, not_before=T0)
    [item] = _claim(database, now=T0)
    with database.transaction() as s:
        svc.mark_outbox_held(s, item=s.get_one(OutboxItem, item.id), error="x" * 5000)
    with database.session() as s:
        assert count(s, CaseEvent) == 0
        assert len(s.get_one(OutboxItem, item.id).last_error) == 2000


def test_two_claims_never_share_an_item(database: Database) -> None:
    _enqueue(database, n=5, not_before=T0)
    first = _claim(database, now=T0, limit=3)
    second = _claim(database, now=T0, limit=3)
    assert len(first) == 3 and len(second) == 2
    assert not {i.id for i in first} & {i.id for i in second}


def test_concurrent_claims_skip_each_others_locked_rows(pg_database: Database) -> None:
    """PostgreSQL only: SQLite serialises writers, so claims there never overlap in time."""
    database = pg_database
    _enqueue(database, n=4, not_before=T0)
    with database.transaction() as s1:
        first = svc.claim_outbox(s1, now=T0, limit=2)
        with database.transaction() as s2:  # while s1 still holds its rows
            second = svc.claim_outbox(s2, now=T0, limit=10)
    assert len(first) == 2 and len(second) == 2
    assert not {i.id for i in first} & {i.id for i in second}


def test_racing_enqueues_with_one_dedupe_key_queue_once(database: Database) -> None:
    with database.transaction() as s:
        person(s)

    def enqueue() -> int:
        with database.transaction() as s:
            item = svc.enqueue_outbox(
                s, person=person(s), channel="telegram", payload=HELLO, dedupe_key="once"
            )
            return item.id

    assert len(set(run_together(8, enqueue))) == 1
    with database.session() as s:
        assert count(s, OutboxItem) == 1


def test_workers_claiming_at_once_share_the_work_without_overlap(database: Database) -> None:
    _enqueue(database, n=20, not_before=T0)

    def work() -> list[int]:
        ids: list[int] = []
        while batch := _claim(database, now=T0, limit=3):
            ids += [i.id for i in batch]
        return ids

    claimed = [i for ids in run_together(4, work) for i in ids]
    assert sorted(claimed) == sorted(set(claimed)) and len(claimed) == 20
