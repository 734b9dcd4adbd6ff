"""The outbox worker against a real database and the real twilio client on a fake Twilio.

Each test runs on SQLite and on PostgreSQL. Time is injected: the wall clock
moves only when a test says so, and the rate limiter's sleeps are recorded.
"""

from __future__ import annotations

from datetime import timedelta

from fakes.fake_twilio import FakeTwilio
from worker_kit import (
    Ticks,
    WallClock,
    make_worker,
    new_user,
    person_wrote,
    queue_payload,
    queue_reply,
    row,
)

from bot.core.outbox import LEASED_RECHECK_SECONDS
from bot.core.ratelimit import RateLimits
from dialogs.tickets import make_ticket_id
from storage import service as store
from storage.db import Database
from storage.models import CaseEvent, OutboxItem


async def test_sends_in_order_and_marks_each_sent(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    first = queue_reply(database, user, "Your report MK-1234566 is received.")
    second = queue_reply(database, user, "We will tell you when it changes.")

    assert await make_worker(database, fake_twilio, wall).run_once() == 2

    assert fake_twilio.bodies_to(user) == [
        "Your report MK-1234566 is received.",
        "We will tell you when it changes.",
    ]
    sids = [m["sid"] for m in fake_twilio.messages]
    for item_id, sid in zip((first, second), sids, strict=True):
        item = row(database, item_id)
        assert (item.status, item.platform_message_id, item.attempts) == ("sent", sid, 1)
    assert fake_twilio.messages[0]["From"] == "whatsapp:+14155238886"


async def test_nothing_due_nothing_sent(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    assert await make_worker(database, fake_twilio, wall).run_once() == 0
    assert fake_twilio.messages == []


async def test_rate_limited_429_retries_after_retry_after_then_sends(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    item_id = queue_reply(database, user, "Status: in progress.")
    fake_twilio.fail_next(429, 20429, retry_after="7", message="Too Many Requests")
    worker = make_worker(database, fake_twilio, wall)

    await worker.run_once()
    item = row(database, item_id)
    assert item.status == "pending"
    assert item.next_attempt_at == wall() + timedelta(seconds=7)  # Retry-After beats 2 s backoff
    assert "20429" in (item.last_error or "")

    wall.advance(6)
    assert await worker.run_once() == 0  # not due yet
    wall.advance(1)
    assert await worker.run_once() == 1
    assert row(database, item_id).status == "sent"
    assert fake_twilio.bodies_to(user) == ["Status: in progress."]


async def test_outage_backs_off_exponentially_then_gives_up_visibly(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    item_id = queue_reply(database, user, "Your case is resolved.", with_case=True)
    fake_twilio.fail_next(500, 20500, times=3)
    worker = make_worker(database, fake_twilio, wall, max_attempts=3)

    waits = []
    for _ in range(2):
        await worker.run_once()
        item = row(database, item_id)
        assert item.status == "pending"
        waits.append((item.next_attempt_at - wall()).total_seconds())
        wall.now = item.next_attempt_at
    assert waits == [2.0, 4.0]  # doubling (jitter pinned to the middle)

    await worker.run_once()
    item = row(database, item_id)
    assert item.status == "failed"
    assert "gave up after 3 attempts" in (item.last_error or "")
    assert _case_events(database, item.case_id) == ["created", "notification_failed"]
    assert fake_twilio.messages == []


async def test_refused_message_fails_at_once_without_the_number_in_the_error(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    item_id = queue_reply(database, user, "Hello", with_case=True)
    fake_twilio.fail_next(400, 21211, message=f"The 'To' number {user} is not valid")

    await make_worker(database, fake_twilio, wall).run_once()

    item = row(database, item_id)
    assert item.status == "failed"
    assert "21211" in (item.last_error or "")
    assert user.removeprefix("whatsapp:") not in (item.last_error or "")
    assert _case_events(database, item.case_id)[-1] == "notification_failed"


async def test_outside_24h_window_goes_out_as_the_template(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall() - timedelta(hours=25))
    item_id = queue_reply(database, user, "Your case MK-1234566\nis now resolved.")
    template = "HX" + "ab" * 16

    await make_worker(database, fake_twilio, wall, template=template).run_once()

    assert row(database, item_id).status == "sent"
    [sent] = fake_twilio.messages
    assert sent["ContentSid"] == template
    assert sent["ContentVariables"] == '{"1": "Your case MK-1234566 is now resolved."}'
    assert "Body" not in sent


async def test_outside_24h_window_without_template_is_held_on_the_case(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall() - timedelta(hours=24, seconds=1))
    item_id = queue_reply(database, user, "Your case is resolved.", with_case=True)

    await make_worker(database, fake_twilio, wall).run_once()

    item = row(database, item_id)
    assert item.status == "held"
    assert "24-hour window" in (item.last_error or "")
    assert _case_events(database, item.case_id)[-1] == "notification_held"
    assert fake_twilio.messages == []


async def test_twilio_saying_63016_switches_to_the_template(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall() - timedelta(hours=23))  # inside by our clock
    item_id = queue_reply(database, user, "Status changed.")
    fake_twilio.fail_next(400, 63016, message="outside the allowed window")
    template = "HX" + "cd" * 16

    await make_worker(database, fake_twilio, wall, template=template).run_once()

    assert row(database, item_id).status == "sent"
    [sent] = fake_twilio.messages
    assert sent["ContentSid"] == template


async def test_twilio_saying_63016_without_template_holds(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    item_id = queue_reply(database, user, "Status changed.")
    fake_twilio.fail_next(400, 63016, message="outside the allowed window")

    await make_worker(database, fake_twilio, wall).run_once()

    assert row(database, item_id).status == "held"
    assert fake_twilio.messages == []


async def test_a_waiting_message_holds_back_the_later_ones_of_that_person_only(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    alice, bob = new_user(), new_user()
    for user in (alice, bob):
        person_wrote(database, user, wall())
    a1 = queue_reply(database, alice, "A1")
    a2 = queue_reply(database, alice, "A2")
    b1 = queue_reply(database, bob, "B1")
    fake_twilio.fail_next(429, 20429, to=alice)  # A1 is rate limited
    worker = make_worker(database, fake_twilio, wall)

    await worker.run_once()
    assert fake_twilio.bodies_to(bob) == ["B1"]
    assert fake_twilio.bodies_to(alice) == []
    assert [row(database, i).status for i in (a1, a2, b1)] == ["pending", "pending", "sent"]

    wall.advance(2)
    await worker.run_once()
    assert fake_twilio.bodies_to(alice) == ["A1", "A2"]


async def test_a_newer_message_waits_for_an_older_one_still_to_be_retried(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    first = queue_reply(database, user, "first")
    fake_twilio.fail_next(429, 20429, retry_after="10")
    worker = make_worker(database, fake_twilio, wall)
    await worker.run_once()  # "first" now waits 10 s for a retry
    second = queue_reply(database, user, "second")

    wall.advance(5)
    assert await worker.run_once() == 1  # "second" is due, but must not overtake "first"
    assert fake_twilio.bodies_to(user) == []
    assert row(database, second).next_attempt_at == row(database, first).next_attempt_at

    wall.advance(5)
    assert await worker.run_once() == 2
    assert fake_twilio.bodies_to(user) == ["first", "second"]


async def test_long_replies_are_split_under_1600_characters(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    sentence = "The municipality has received your report and a team is on its way. "
    queue_reply(database, user, sentence * 40)

    await make_worker(database, fake_twilio, wall).run_once()

    bodies = fake_twilio.bodies_to(user)
    assert len(bodies) == 2
    assert all(len(b) <= 1600 and b.endswith("way.") for b in bodies)
    assert " ".join(bodies) == (sentence * 40).strip()


async def test_a_retried_long_reply_sends_only_the_parts_twilio_did_not_take(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    sentence = "The municipality has received your report and a team is on its way. "
    item_id = queue_reply(database, user, sentence * 40)
    fake_twilio.fail_next(500, 20500, after=1)  # part 1 accepted, part 2 hits an outage
    worker = make_worker(database, fake_twilio, wall)

    await worker.run_once()
    assert len(fake_twilio.bodies_to(user)) == 1
    assert row(database, item_id).status == "pending"

    wall.advance(2)
    await worker.run_once()
    bodies = fake_twilio.bodies_to(user)
    assert len(bodies) == 2 and " ".join(bodies) == (sentence * 40).strip()
    assert row(database, item_id).status == "sent"


async def test_case_status_notification_is_rendered_in_the_person_s_language(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    with database.transaction() as session:
        from storage import service as store

        person = store.get_or_create_person(session, channel="whatsapp", user_id=user)
        case = store.create_case(
            session,
            reporter=person,
            kind="report",
            category="waste",
            description="rubbish",
            channel="whatsapp",
            language="ur",
            new_ticket_id=make_ticket_id,
        )
        store.change_case_status(session, case=case, status="in_progress", actor="agent:1")
        ticket = case.ticket_id
    rendered: list[tuple[str, str]] = []

    def render(lang: str, key: str, args: dict) -> str:
        rendered.append((lang, key))
        return f"[{lang}] {args['ticket_id']} {args['status']}"

    await make_worker(database, fake_twilio, wall, render=render).run_once()

    assert rendered == [("ur", "case-status-changed")]
    assert fake_twilio.bodies_to(user) == [f"[ur] {ticket} in_progress"]


async def test_a_notification_without_a_text_fails_visibly_instead_of_sending_its_id(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    payload = {"key": "case-status-unheard-of", "lang": "fa", "args": {}}
    item_id = queue_payload(database, user, payload, with_case=True)

    await make_worker(database, fake_twilio, wall, render=lambda lang, key, args: key).run_once()

    item = row(database, item_id)
    assert item.status == "failed"
    assert "case-status-unheard-of" in (item.last_error or "")
    assert fake_twilio.messages == []


async def test_per_chat_rate_limit_paces_one_person(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    user = new_user()
    person_wrote(database, user, wall())
    for n in range(3):
        queue_reply(database, user, f"part {n}")
    ticks = Ticks()
    limits = RateLimits(global_per_second=30.0, per_key_per_second=1.0)

    await make_worker(database, fake_twilio, wall, limits=limits, ticks=ticks).run_once()

    assert ticks.sleeps == [1.0, 1.0]  # the first at once, then one a second
    assert fake_twilio.bodies_to(user) == ["part 0", "part 1", "part 2"]


async def test_global_rate_limit_spaces_sends_to_different_people(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    users = [new_user() for _ in range(3)]
    for user in users:
        person_wrote(database, user, wall())
        queue_reply(database, user, "hello")
    ticks = Ticks(advance=False)  # time stands still: each wait is measured from the same now
    limits = RateLimits(global_per_second=2.0)

    await make_worker(database, fake_twilio, wall, limits=limits, ticks=ticks).run_once()

    assert sorted(ticks.sleeps) == [0.5, 1.0]  # 2 messages a second overall
    assert len(fake_twilio.messages) == 3


def _case_events(database: Database, case_id: int | None) -> list[str]:
    from sqlalchemy import select

    with database.session() as session:
        stmt = select(CaseEvent.type).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        return list(session.scalars(stmt))


async def test_a_newer_message_behind_one_another_worker_is_sending_looks_again_soon(
    database: Database, fake_twilio: FakeTwilio, wall: WallClock
) -> None:
    """Several processes: the older row is leased by another worker, which sends it now; the
    newer one waits a moment behind it, not the whole lease (that is for a dead worker)."""
    user = new_user()
    person_wrote(database, user, wall())
    first = queue_reply(database, user, "first")
    with database.transaction() as session:  # the other worker claims "first" ...
        (leased,) = store.claim_outbox(session, now=wall(), lease_seconds=60)
    second = queue_reply(database, user, "second")
    worker = make_worker(database, fake_twilio, wall)

    assert await worker.run_once() == 1  # "second" must not overtake "first"
    assert fake_twilio.bodies_to(user) == []
    assert row(database, second).next_attempt_at == wall() + timedelta(
        seconds=LEASED_RECHECK_SECONDS
    )
    with database.transaction() as session:  # ... and sends it
        item = session.get_one(OutboxItem, leased.id, with_for_update=True)
        store.mark_outbox_sent(session, item=item, platform_message_id="SM-other-worker")

    wall.advance(LEASED_RECHECK_SECONDS)
    assert await worker.run_once() == 1
    assert fake_twilio.bodies_to(user) == ["second"]
    assert [row(database, i).status for i in (first, second)] == ["sent", "sent"]
