"""A crashing worker loses nothing: both sides of the platform's acceptance.

A "crash" is the worker's task cancelled while its send is inside the fake
Twilio, which holds the request until the test releases it:

- before Twilio accepted the message (the fake never records it): the row
  stays "sending" under its lease, and after the lease another worker sends
  it: exactly one delivery;
- after Twilio accepted it but before the worker marked the row sent: the
  other worker sends it again after the lease. This is the one repeat the
  design allows — the mark is a single short transaction right after the
  send returns, so the window is the time of one local commit.
"""

from __future__ import annotations

import asyncio

import pytest
from fakes.fake_twilio import FakeTwilio, Stall
from worker_kit import WallClock, make_worker, new_user, person_wrote, queue_reply, row

from bot.core.outbox import OutboxWorker
from storage.db import Database

LEASE = 60.0


async def _crash_during_send(worker: OutboxWorker, stall: Stall) -> None:
    task = asyncio.create_task(worker.run_once())
    await stall.wait_arrived()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    stall.release()


async def test_crash_before_acceptance_is_resent_once_after_the_lease(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    item_id = queue_reply(database, user, "Your report is received.")
    stall = fake_twilio.stall_next("before_accept")

    await _crash_during_send(make_worker(database, fake_twilio, wall), stall)
    assert row(database, item_id).status == "sending"
    assert fake_twilio.bodies_to(user) == []

    other = make_worker(database, fake_twilio, wall)
    assert await other.run_once() == 0  # the lease still holds: nobody sends it twice
    wall.advance(LEASE + 1)
    assert await other.run_once() == 1

    assert fake_twilio.bodies_to(user) == ["Your report is received."]  # exactly one delivery
    item = row(database, item_id)
    assert (item.status, item.attempts) == ("sent", 2)


async def test_crash_after_acceptance_before_the_mark_is_the_one_possible_repeat(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    item_id = queue_reply(database, user, "Your case is resolved.")
    stall = fake_twilio.stall_next("after_accept")

    await _crash_during_send(make_worker(database, fake_twilio, wall), stall)
    assert fake_twilio.bodies_to(user) == ["Your case is resolved."]  # Twilio has it
    assert row(database, item_id).status == "sending"  # but we never heard back

    wall.advance(LEASE + 1)
    assert await make_worker(database, fake_twilio, wall).run_once() == 1

    # the documented repeat: sent once more, never lost, and then recorded as sent
    assert fake_twilio.bodies_to(user) == ["Your case is resolved."] * 2
    assert row(database, item_id).status == "sent"


async def test_two_workers_at_once_send_each_message_once(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    users = [new_user() for _ in range(12)]
    for user in users:
        person_wrote(database, user, wall())
        queue_reply(database, user, f"hello {user[-4:]}")
    one, two = (make_worker(database, fake_twilio, wall) for _ in range(2))

    claimed = await asyncio.gather(one.run_once(), two.run_once())

    assert sum(claimed) == 12
    assert sorted(m["To"] for m in fake_twilio.messages) == sorted(users)


async def test_a_sent_row_is_never_claimed_again(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    queue_reply(database, user, "Once.")
    worker = make_worker(database, fake_twilio, wall)
    assert await worker.run_once() == 1

    wall.advance(3600)
    assert await worker.run_once() == 0
    assert fake_twilio.bodies_to(user) == ["Once."]


async def test_run_sends_when_woken_and_stops_when_told(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    stop, wakeup = asyncio.Event(), asyncio.Event()  # wakeup: the Runtime's outbox_wakeup
    worker = make_worker(database, fake_twilio, wall, wakeup=wakeup)
    task = asyncio.create_task(worker.run(stop))

    queue_reply(database, user, "Woken.")
    wakeup.set()
    for _ in range(500):
        if fake_twilio.bodies_to(user):
            break
        await asyncio.sleep(0.01)
    assert fake_twilio.bodies_to(user) == ["Woken."]

    stop.set()
    await asyncio.wait_for(task, 10)
