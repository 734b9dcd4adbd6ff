"""The desk's live-chat pages through the real app: list, chat, claim, reply, canned, transfer,
end, take over from a case; errors as pages; access for every role. SQLite and PostgreSQL.

The pilgrim writes through the real conversation service (as the web chat does) and
receives through the real outbox worker and the web chat's sender; the agent is a
signed-in HTTP client of the desk (cookies, CSRF token), as a browser without script.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from chat_kit import CHAT_ROUTES, Pilgrim, deliver, handoff_settings, make_runtime
from desk_kit import DeskUser, make_case, make_staff
from fakes.fake_libretranslate import FakeLibreTranslate
from handoff_kit import JPEG, Clock
from starlette.applications import Starlette

from bot.app.wiring import create_app
from bot.core.runtime import Runtime
from dialogs.model import Location
from storage import service as store
from storage.models import AuditEvent, Handoff

URDU = "میرے ہوٹل کے باہر کچرا پڑا ہے"
REPLY = "وعليكم السلام، سأحيل البلاغ إلى فريق النظافة الآن."
Users = Callable[[str], Awaitable[DeskUser]]


@pytest.fixture
def clock() -> Clock:
    """A minute ahead of real time, so what storage queued at the real time is due."""
    return Clock()


@pytest.fixture
def runtime(db_url: str, tmp_path: Path, clock: Clock) -> Iterator[Runtime]:
    runtime = make_runtime(handoff_settings(db_url, tmp_path), clock)
    with runtime.service.database.transaction() as s:
        team = store.get_team(s, slug="customer_service")
        assert team is not None
        store.update_team(s, team=team, languages=("ar", "en", "id", "ur", "fa"))
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
def app(runtime: Runtime) -> Starlette:
    """The desk on this module's runtime; conftest's `user` signs in to it."""
    return create_app(runtime)


async def waiting_chat(runtime: Runtime, user_id: str, language: str = "ur") -> Pilgrim:
    pilgrim = Pilgrim(runtime, user_id)
    await pilgrim.start(language)
    assert await pilgrim.send(choice="flow:human_agent") == ["handoff-queued"]
    return pilgrim


def chat_id(pilgrim: Pilgrim) -> int:
    chat = pilgrim.chat()
    assert chat is not None
    return chat.id


def audit_actions(runtime: Runtime) -> list[str]:
    with runtime.service.database.session() as s:
        return [a.action for a in s.query(AuditEvent).order_by(AuditEvent.id)]


def text_of(html: str) -> str:
    """What a page says: no tags, no Fluent isolation marks, spaces collapsed."""
    plain = re.sub(r"<[^>]+>", " ", html).replace("\u2068", "").replace("\u2069", "")
    return re.sub(r"\s+", " ", plain)


async def test_an_agent_claims_answers_and_ends_a_chat_through_the_pages(
    runtime: Runtime, user: Users
) -> None:
    make_staff(runtime, "amina", lang="ar")
    amina = await user("amina")
    pilgrim = await waiting_chat(runtime, "browser-desk-chat-000001")
    assert await pilgrim.send(text=URDU) == []  # kept for the agent; the bot is silent
    number = chat_id(pilgrim)

    listing = await amina.get("/desk/chats")
    assert listing.status_code == 200
    row = re.search(
        rf'<tr class="chat-waiting" data-chat="{number}">(.*?)</tr>', listing.text, re.S
    )
    assert row is not None
    cells = text_of(row.group(1))
    for shown in ("1", "الأردية", "المحادثة على الموقع", "طلب التحدث إلى موظف"):
        assert shown in cells, cells
    page = await amina.get(f"/desk/chats/{number}")
    assert page.status_code == 200 and URDU in page.text
    assert 'id="claim-form"' in page.text and 'id="reply-form"' not in page.text

    claimed = await amina.post(f"/desk/chats/{number}/claim")
    assert claimed.status_code == 303 and claimed.headers["location"].startswith(
        f"/desk/chats/{number}"
    )
    await deliver(runtime)
    assert pilgrim.received()[-1]["text"] == runtime.service.render(
        "ur", "handoff-joined", {"agent": "Amina"}
    )

    photo = runtime.media.store(JPEG, channel="webchat")
    assert await pilgrim.send(media=photo, text="یہ دیکھیں") == []
    assert await pilgrim.send(location=Location(21.4225, 39.8262)) == []
    page = await amina.get(f"/desk/chats/{number}")
    assert 'id="reply-form"' in page.text and 'id="language-warning"' in page.text
    assert f'src="/desk/photos/{photo.ref}"' in page.text
    assert "openstreetmap.org/?mlat=21.42250&amp;mlon=39.82620" in page.text
    shown = await amina.get(f"/desk/photos/{photo.ref}")
    assert shown.status_code == 200 and shown.content == JPEG

    assert (await amina.post(f"/desk/chats/{number}/reply", text=REPLY)).status_code == 303
    assert (await amina.post(f"/desk/chats/{number}/canned", name="location")).status_code == 303
    typed = await amina.post(f"/desk/chats/{number}/reply", text="/anything-else")
    assert typed.status_code == 303  # a shortcut typed into the box: that canned reply
    await deliver(runtime)
    received = [m["text"] for m in pilgrim.received()]
    assert received[-3:] == [
        REPLY,
        runtime.service.render("ur", "canned-location", {}),
        runtime.service.render("ur", "canned-anything-else", {}),
    ]
    page = await amina.get(f"/desk/chats/{number}")
    # Amina reads the canned reply in Arabic beside what the pilgrim got in Urdu
    assert runtime.service.render("ar", "canned-location", {}) in page.text
    assert runtime.service.render("ur", "canned-location", {}) in page.text

    newer = await amina.get(f"/desk/chats/{number}/lines", after="0")
    assert newer.status_code == 200 and "<html" not in newer.text
    last = max(int(i) for i in re.findall(r'data-id="(\d+)"', newer.text))
    assert 'data-id="' not in (await amina.get(f"/desk/chats/{number}/lines", after=str(last))).text

    assert (await amina.post(f"/desk/chats/{number}/end")).status_code == 303
    await deliver(runtime)
    assert pilgrim.received()[-1]["key"] == "handoff-ask-rating"
    assert await pilgrim.send(choice="r5") == ["handoff-rating-thanks", "menu-anything-else"]
    listing = await amina.get("/desk/chats")
    closed = re.search(
        rf'<tr class="chat-closed" data-chat="{number}">(.*?)</tr>', listing.text, re.S
    )
    assert closed is not None and "5 من 5" in text_of(closed.group(1))
    actions = audit_actions(runtime)
    for action in ("handoff.claim", "handoff.reply", "handoff.canned", "handoff.end"):
        assert action in actions
    assert "handoff.photo_view" in actions


async def test_two_agents_racing_to_claim_one_wins_the_other_is_told_who(
    runtime: Runtime, user: Users
) -> None:
    make_staff(runtime, "amina")
    make_staff(runtime, "omar")
    amina, omar = await user("amina"), await user("omar")
    pilgrim = await waiting_chat(runtime, "browser-desk-chat-000002")
    number = chat_id(pilgrim)
    answers = await asyncio.gather(
        amina.post(f"/desk/chats/{number}/claim"), omar.post(f"/desk/chats/{number}/claim")
    )
    codes = sorted(a.status_code for a in answers)
    assert codes == [303, 409]
    lost = next(a for a in answers if a.status_code == 409)
    winner = pilgrim.chat()
    assert winner is not None and winner.status == "with_agent"
    name = "Amina" if lost is answers[1] else "Omar"
    assert f"Chat {number} was already taken by {name}." in text_of(lost.text)
    await deliver(runtime)
    joined = [m for m in pilgrim.received() if m.get("key") == "handoff-joined"]
    assert len(joined) == 1  # told once, of the one who won


async def test_transfer_to_a_colleague_and_to_a_team_and_errors_as_pages(
    runtime: Runtime, user: Users
) -> None:
    make_staff(runtime, "amina")
    omar_id = make_staff(runtime, "omar")
    make_staff(runtime, "khalid", team="ajyad")
    amina, omar = await user("amina"), await user("omar")
    number = chat_id(await waiting_chat(runtime, "browser-desk-chat-000003", "en"))
    await amina.post(f"/desk/chats/{number}/claim")

    not_yours = await omar.post(f"/desk/chats/{number}/reply", text="Hello")
    assert not_yours.status_code == 403
    empty = await amina.post(f"/desk/chats/{number}/reply", text="   ")
    assert empty.status_code == 400 and "Please fill in" in text_of(empty.text)
    too_long = await amina.post(f"/desk/chats/{number}/reply", text="x" * 4001)
    assert too_long.status_code == 400
    unknown = await amina.post(f"/desk/chats/{number}/canned", name="no-such-reply")
    assert unknown.status_code == 400 and "no canned reply" in text_of(unknown.text)
    both = await amina.post(f"/desk/chats/{number}/transfer", agent=str(omar_id), team="ajyad")
    assert both.status_code == 400
    junk = await amina.post(f"/desk/chats/{number}/transfer", agent="omar")
    assert junk.status_code == 400

    moved = await amina.post(f"/desk/chats/{number}/transfer", agent=str(omar_id))
    assert moved.status_code == 303
    page = await omar.get(f"/desk/chats/{number}")
    assert 'id="reply-form"' in page.text
    gone = await omar.post(f"/desk/chats/{number}/transfer", team="ajyad")
    assert gone.status_code == 303 and gone.headers["location"] == "/desk/chats"
    assert (await omar.get(f"/desk/chats/{number}")).status_code == 404  # now Ajyad's
    khalid = await user("khalid")
    page = await khalid.get(f"/desk/chats/{number}")
    assert page.status_code == 200 and 'id="claim-form"' in page.text
    ended = await khalid.post(f"/desk/chats/{number}/end")
    assert ended.status_code == 403  # nobody holds it: only a holder or a supervisor ends


async def test_take_over_from_a_case_page_and_a_follow_up_of_an_ended_chat(
    runtime: Runtime, user: Users
) -> None:
    make_staff(runtime, "amina", lang="en")
    amina = await user("amina")
    ticket = make_case(runtime, channel="webchat", user_id="browser-desk-chat-000004")
    case_page = await amina.get(f"/desk/cases/{ticket}")
    assert 'id="take-over-form"' in case_page.text
    taken = await amina.post(f"/desk/cases/{ticket}/chat")
    assert taken.status_code == 303
    number = int(taken.headers["location"].split("/")[3].split("#")[0])
    page = await amina.get(f"/desk/chats/{number}")
    assert 'id="reply-form"' in page.text and ticket in page.text
    await deliver(runtime)
    pilgrim = Pilgrim(runtime, "browser-desk-chat-000004")
    assert pilgrim.received()[-1]["key"] == "handoff-joined-case"
    await amina.post(f"/desk/chats/{number}/end")
    page = await amina.get(f"/desk/chats/{number}")
    assert 'id="follow-up-form"' in page.text
    again = await amina.post(f"/desk/chats/{number}/take-over")
    assert again.status_code == 303 and again.headers["location"] != f"/desk/chats/{number}"
    phone = make_case(runtime, channel="phone", user_id="+966501234567")
    assert 'id="take-over-form"' not in (await amina.get(f"/desk/cases/{phone}")).text
    assert "handoff.take_over" in audit_actions(runtime)


async def _call(who: DeskUser, method: str, path: str, data: dict[str, str]) -> httpx.Response:
    return await (who.get(path) if method == "GET" else who.post(path, **data))


async def test_every_chat_route_for_every_role(
    runtime: Runtime, user: Users, app: Starlette
) -> None:
    make_staff(runtime, "amina")  # customer service
    make_staff(runtime, "khalid", team="ajyad")
    make_staff(runtime, "sara", role="supervisor", team=None)
    make_staff(runtime, "root", role="admin", team=None)
    await user("amina")  # on duty: the chat is queued
    number = chat_id(await waiting_chat(runtime, "browser-desk-chat-000005", "en"))
    khalid = await user("khalid")
    for method, pattern, data in CHAT_ROUTES:  # another team's chat: word for word a missing one
        if "{id}" not in pattern:
            continue
        theirs = await _call(khalid, method, pattern.format(id=number), data)
        missing = await _call(khalid, method, pattern.format(id=999999), data)
        assert theirs.status_code == missing.status_code == 404, (pattern, theirs.text)
        assert theirs.text == missing.text
    assert f'/desk/chats/{number}"' not in (await khalid.get("/desk/chats")).text
    assert (await _call(khalid, "GET", "/desk/chats/x" * 40, {})).status_code == 404
    ticket = make_case(runtime, channel="webchat", user_id="browser-desk-chat-000008")
    assert (await khalid.post(f"/desk/cases/{ticket}/chat")).status_code == 404  # not his team's

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        anonymous = DeskUser(client)
        for method, pattern, data in CHAT_ROUTES:
            answer = await _call(anonymous, method, pattern.format(id=number), data)
            assert answer.status_code == 303, pattern
            assert answer.headers["location"].startswith("/desk/login")
        events = await client.get("/desk/chats/events")
        assert events.status_code == 303 and events.headers["location"].startswith("/desk/login")

    for name in ("amina", "sara", "root"):
        who = await user(name)
        assert (await who.get("/desk/chats")).status_code == 200
        assert (await who.get("/desk/chats/list")).status_code == 200
        assert (await who.get(f"/desk/chats/{number}")).status_code == 200
        assert (await who.get(f"/desk/chats/{number}/lines")).status_code == 200
    sara = await user("sara")
    forged = await sara.client.post(f"/desk/chats/{number}/claim", data={"csrf": "forged"})
    assert forged.status_code == 403 and "did not come from the desk" in text_of(forged.text)
    bare = await sara.client.post(f"/desk/chats/{number}/claim")
    assert bare.status_code == 403
    with runtime.service.database.session() as s:
        assert s.get_one(Handoff, number).status == "waiting"  # nothing done
    assert (await sara.post(f"/desk/chats/{number}/claim")).status_code == 303  # a supervisor
    assert (await sara.post(f"/desk/chats/{number}/end")).status_code == 303
    bad_after = await sara.get(f"/desk/chats/{number}/lines", after="1; drop")
    assert bad_after.status_code == 400


async def test_outside_the_chat_hours_the_desk_and_the_pilgrim_are_told(
    db_url: str, tmp_path: Path
) -> None:
    # Monday 1 June 2026, 02:00 in Makkah; chats from 08:00 to 23:00
    clock = Clock(datetime(2026, 5, 31, 23, 0, tzinfo=UTC))
    hours = {"handoff.hours.opens": "08:00", "handoff.hours.closes": "23:00"}
    runtime = make_runtime(handoff_settings(db_url, tmp_path, **hours), clock)
    try:
        make_staff(runtime, "amina", lang="en")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
        ) as client:
            amina = DeskUser(client)
            assert (await amina.sign_in("amina")).status_code == 303
            pilgrim = Pilgrim(runtime, "browser-desk-chat-000006")
            await pilgrim.start("ur")
            assert await pilgrim.send(choice="flow:human_agent") == ["handoff-closed"]
            assert "940" in pilgrim.last[0].text
            listing = await amina.get("/desk/chats")
            assert 'id="hours-closed"' in listing.text
            assert "Outside the chat hours (08:00–23:00 Makkah time)" in text_of(listing.text)
            assert 'class="chat-waiting"' in listing.text  # kept, answered when someone is there
    finally:
        runtime.service.database.dispose()


async def test_with_translation_on_the_page_shows_both_and_sends_the_translation(
    db_url: str, tmp_path: Path, clock: Clock, fake_libretranslate: FakeLibreTranslate
) -> None:
    settings = handoff_settings(db_url, tmp_path, **{"translation.url": fake_libretranslate.url})
    runtime = make_runtime(settings, clock)
    try:
        fake_libretranslate.teach("ur", "ar", URDU, "توجد قمامة أمام فندقي")
        fake_libretranslate.teach(
            "ar", "ur", REPLY, "وعلیکم السلام، میں ابھی صفائی کی ٹیم کو بھیجتی ہوں۔"
        )
        make_staff(runtime, "amina", lang="ar")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
        ) as client:
            amina = DeskUser(client)
            assert (await amina.sign_in("amina", lang="ar")).status_code == 303
            pilgrim = await waiting_chat(runtime, "browser-desk-chat-000007")
            number = chat_id(pilgrim)
            await amina.post(f"/desk/chats/{number}/claim")
            assert await pilgrim.send(text=URDU) == []
            await runtime.service.background.settle()
            page = await amina.get(f"/desk/chats/{number}")
            assert URDU in page.text and "توجد قمامة أمام فندقي" in page.text  # side by side
            assert 'id="translate"' in page.text
            sent = await amina.post(f"/desk/chats/{number}/reply", text=REPLY, translate="1")
            assert sent.status_code == 303
            translated = "وعلیکم السلام، میں ابھی صفائی کی ٹیم کو بھیجتی ہوں۔"
            for _ in range(600):  # the reply waits (briefly) for its translation
                await deliver(runtime)
                if pilgrim.received()[-1]["text"] == translated:
                    break
                await asyncio.sleep(0.05)
            assert pilgrim.received()[-1]["text"] == translated
            page = await amina.get(f"/desk/chats/{number}")
            assert translated in page.text and REPLY in page.text  # what went, what was typed
            assert "ما كتبه الموظف (قبل الترجمة):" in page.text
    finally:
        runtime.service.database.dispose()


async def test_the_whatsapp_window_warning_when_the_pilgrim_wrote_over_24_hours_ago(
    db_url: str, tmp_path: Path
) -> None:
    now = Clock().now
    clock = Clock(now - timedelta(hours=25))  # the pilgrim asked 25 hours ago
    runtime = make_runtime(handoff_settings(db_url, tmp_path), clock)
    try:
        make_staff(runtime, "omar", lang="en")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://testserver"
        ) as client:
            omar = DeskUser(client)
            assert (await omar.sign_in("omar")).status_code == 303
            pilgrim = Pilgrim(runtime, "966512345001", channel="whatsapp")
            await pilgrim.start("en")
            await pilgrim.send(choice="flow:human_agent")
            number = chat_id(pilgrim)
            clock.now = now
            assert (await omar.sign_in("omar")).status_code == 303  # a new day's session
            assert (await omar.post(f"/desk/chats/{number}/claim")).status_code == 303
            page = await omar.get(f"/desk/chats/{number}")
            assert 'id="window-warning"' in page.text
            assert "more than 24 hours ago" in text_of(page.text)
    finally:
        runtime.service.database.dispose()
