"""The live-chat round trip on each channel's real edge: Telegram, WhatsApp, the web chat API.

The pilgrim's side is the real web app (webhooks, the web chat's JSON API)
and the platforms' fakes (fake Bot API, fake Twilio REST); the agent's side is
the desk's chat API; between them the real outbox worker with each channel's
real sender. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from channel_kit import (
    PUBLIC_URL,
    TG_SECRET,
    TG_TOKEN,
    post_telegram,
    post_twilio,
    telegram_update,
    twilio_form,
)
from fakes.fake_telegram import FakeTelegram
from fakes.fake_twilio import FakeTwilio
from handoff_kit import JPEG, Clock, Desk, deliver, handoff_settings, make_runtime

from bot.app.wiring import create_app
from bot.core.runtime import Runtime
from bot.handoff.chats import Chats

CHAT_ID = 5127364490


@asynccontextmanager
async def _client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(runtime))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def _waiting_chat(chats_list: list) -> int:  # type: ignore[type-arg]
    [chat] = chats_list
    assert chat.status == "waiting"
    return int(chat.id)


# ---- Telegram ------------------------------------------------------------------------------


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TG_TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
def tg_runtime(
    db_url: str, tmp_path: Path, clock: Clock, fake_telegram: FakeTelegram
) -> Iterator[Runtime]:
    settings = handoff_settings(
        db_url,
        tmp_path,
        env={"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_WEBHOOK_SECRET": TG_SECRET},
        **{
            "channels.telegram.mode": "webhook",
            "channels.telegram.api_base_url": fake_telegram.url,
        },
    )
    runtime = make_runtime(settings, clock)
    yield runtime
    runtime.service.database.dispose()


async def test_telegram_round_trip_with_a_photo_and_the_rating_button(
    tg_runtime: Runtime, clock: Clock, fake_telegram: FakeTelegram
) -> None:
    desk = Desk(tg_runtime, clock)
    desk.team("customer_service", languages=("ar", "en", "id", "ur"))
    amina = desk.agent("amina", desk_language="ar")
    chats = Chats(tg_runtime)
    async with _client(tg_runtime) as client:
        await post_telegram(client, telegram_update("text", CHAT_ID, text="/human"))
        await deliver(tg_runtime)
        queued = fake_telegram.sent(CHAT_ID)[-1]
        assert queued["text"] == tg_runtime.service.render(
            "ur", "handoff-queued", {"position": 1, "minutes": 6}
        )  # the pilgrim's Telegram language (language_code "ur")
        chat_id = _waiting_chat(await chats.list_open(agent_id=amina))
        await chats.claim(agent_id=amina, chat_id=chat_id)

        fake_telegram.add_file("AgACAgQAAxkBAAIBc2ZlargeYYYYY", JPEG)
        await post_telegram(client, telegram_update("photo", CHAT_ID, caption="یہ دیکھیں"))
        await post_telegram(client, telegram_update("text", CHAT_ID, text="کوڑا کب اٹھے گا؟"))
        await chats.reply(agent_id=amina, chat_id=chat_id, text="سيصل الفريق خلال ساعة.")
        await chats.send_canned(agent_id=amina, chat_id=chat_id, name="anything-else")
        await deliver(tg_runtime)
        texts = [m["text"] for m in fake_telegram.sent(CHAT_ID)]
        assert texts[-3:] == [
            tg_runtime.service.render("ur", "handoff-joined", {"agent": "Amina"}),
            "سيصل الفريق خلال ساعة.",
            tg_runtime.service.render("ur", "canned-anything-else"),
        ]  # and nothing from the bot in between: it is silent
        view = await chats.get(agent_id=amina, chat_id=chat_id)
        photo = next(line for line in view.lines if line.kind == "photo")
        assert photo.text == "یہ دیکھیں" and photo.media is not None

        await chats.end(agent_id=amina, chat_id=chat_id)
        await deliver(tg_runtime)
        rating = fake_telegram.sent(CHAT_ID)[-1]
        buttons = [
            b["callback_data"] for row in rating["reply_markup"]["inline_keyboard"] for b in row
        ]
        assert buttons[:5] == ["r5", "r4", "r3", "r2", "r1"]
        await post_telegram(client, telegram_update("callback_query", CHAT_ID, data="r5"))
        await deliver(tg_runtime)
    chat = (await chats.list_closed(agent_id=amina))[0]
    assert (chat.status, chat.rating) == ("ended", 5)
    await chats.settle()


# ---- WhatsApp ------------------------------------------------------------------------------


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


def _wa_runtime(db_url: str, tmp_path: Path, clock: Clock, fake: FakeTwilio) -> Runtime:
    settings = handoff_settings(
        db_url,
        tmp_path,
        env={
            "TWILIO_ACCOUNT_SID": fake.account_sid,
            "TWILIO_AUTH_TOKEN": fake.auth_token,
            "PUBLIC_URL": PUBLIC_URL,
        },
        **{"channels.whatsapp.api_base_url": fake.base_url},
    )
    return make_runtime(settings, clock)


@pytest.fixture
def wa_runtime(
    db_url: str, tmp_path: Path, clock: Clock, fake_twilio: FakeTwilio
) -> Iterator[Runtime]:
    runtime = _wa_runtime(db_url, tmp_path, clock, fake_twilio)
    yield runtime
    runtime.service.database.dispose()


async def _ask_for_a_person(
    client: httpx.AsyncClient, runtime: Runtime, fake: FakeTwilio, phone: str
) -> list[str]:
    """Hello, then the menu's "Talk to a person" by its number; the TwiML answer's bodies."""

    def say(body: str) -> dict[str, str]:
        return twilio_form("text", phone=phone, account_sid=fake.account_sid, Body=body)

    [*_, menu] = await post_twilio(client, say("Hello, I need some help please"), fake.auth_token)
    number = _number_of(runtime.service.render("en", "menu-agent"), menu)
    return await post_twilio(client, say(number), fake.auth_token)


def _number_of(label: str, body: str) -> str:
    """The number WhatsApp shows before a choice (buttons are numbered lines there)."""
    found = re.search(rf"^(\d+)\. {re.escape(label)}$", body, flags=re.MULTILINE)
    assert found, body
    return found.group(1)


async def test_whatsapp_round_trip_by_numbered_choices(
    wa_runtime: Runtime, clock: Clock, fake_twilio: FakeTwilio
) -> None:
    desk = Desk(wa_runtime, clock)
    desk.team("customer_service", languages=("ar", "en", "id", "ur"))
    omar = desk.agent("omar", desk_language="en")
    chats = Chats(wa_runtime)
    phone = "+966512345678"
    token, sid = fake_twilio.auth_token, fake_twilio.account_sid

    def say(body: str) -> dict[str, str]:
        return twilio_form("text", phone=phone, account_sid=sid, Body=body)

    async with _client(wa_runtime) as client:
        [queued] = await _ask_for_a_person(client, wa_runtime, fake_twilio, phone)
        assert queued.startswith(
            wa_runtime.service.render("en", "handoff-queued", {"position": 1, "minutes": 6})
        )
        chat_id = _waiting_chat(await chats.list_open(agent_id=omar))
        view = await chats.claim(agent_id=omar, chat_id=chat_id)
        assert view.window.limited and view.window.open  # the 24 hours run from her message
        assert view.window.closes_at == view.chat.queued_at + timedelta(hours=24)
        assert await post_twilio(client, say("The lift in our building is broken"), token) == []
        location = twilio_form("location", phone=phone, account_sid=sid)
        assert await post_twilio(client, location, token) == []
        await chats.reply(agent_id=omar, chat_id=chat_id, text="Which building, please?")
        await deliver(wa_runtime)
        bodies = fake_twilio.bodies_to(f"whatsapp:{phone}")
        assert bodies[-2:] == [
            wa_runtime.service.render("en", "handoff-joined", {"agent": "Omar"}),
            "Which building, please?",
        ]
        await chats.end(agent_id=omar, chat_id=chat_id)
        await deliver(wa_runtime)
        rating = fake_twilio.bodies_to(f"whatsapp:{phone}")[-1]
        good = _number_of(wa_runtime.service.render("en", "rating-4"), rating)
        [thanks, *_] = await post_twilio(client, say(good), token)
        assert thanks == wa_runtime.service.render("en", "handoff-rating-thanks")
    [chat] = await chats.list_closed(agent_id=omar)
    assert chat.rating == 4
    await chats.settle()


async def test_whatsapp_warns_the_agent_when_the_24_hour_window_has_closed(
    db_url: str, tmp_path: Path, fake_twilio: FakeTwilio
) -> None:
    real_now = Clock().now
    clock = Clock(real_now - timedelta(hours=25))  # she wrote 25 hours ago
    runtime = _wa_runtime(db_url, tmp_path, clock, fake_twilio)
    try:
        desk = Desk(runtime, clock)
        omar = desk.agent("omar", desk_language="en")
        chats = Chats(runtime)
        phone = "+966512345679"
        async with _client(runtime) as client:
            await _ask_for_a_person(client, runtime, fake_twilio, phone)
        clock.now = real_now
        desk.sign_in(omar)
        chat_id = _waiting_chat(await chats.list_open(agent_id=omar))
        view = await chats.claim(agent_id=omar, chat_id=chat_id)
        assert view.window.limited and not view.window.open  # the desk warns before typing
        await chats.reply(agent_id=omar, chat_id=chat_id, text="Sorry for the wait")
        await deliver(runtime)
        view = await chats.get(agent_id=omar, chat_id=chat_id)
        assert view.lines[-1].delivery == "held"  # no template configured: held, visible
        await chats.settle()
    finally:
        runtime.service.database.dispose()


# ---- the web chat --------------------------------------------------------------------------


async def test_web_chat_round_trip_through_its_api(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    desk.team("customer_service", languages=("ar", "en", "id", "ur", "fa"))
    amina = desk.agent("amina", desk_language="ar")
    client_id = uuid.uuid4().hex

    async with _client(runtime) as client:

        async def post(client: httpx.AsyncClient = client, **fields: object) -> list[str]:
            body = {"client_id": client_id, "message_id": uuid.uuid4().hex, "lang": "fa", **fields}
            response = await client.post("/webchat/api/messages", json=body)
            assert response.status_code == 200, response.text
            return [r["key"] for r in response.json()["replies"]]

        async def history(client: httpx.AsyncClient = client) -> list[dict[str, object]]:
            response = await client.get("/webchat/api/history", params={"client_id": client_id})
            return list(response.json()["messages"])

        async def live(client: httpx.AsyncClient = client) -> bool:
            """The page looks for answers often while a person has the chat."""
            response = await client.get("/webchat/api/history", params={"client_id": client_id})
            return bool(response.json()["live"])

        await post(command="start")
        assert not await live()
        assert await post(text="/human") == ["handoff-queued"]  # typed as a command
        assert await live()
        assert await post(text="سلام، هتل ما آب ندارد") == []
        upload = await client.post(
            "/webchat/api/media",
            data={"client_id": client_id, "message_id": uuid.uuid4().hex, "lang": "fa"},
            files={"photo": ("tap.jpg", JPEG, "image/jpeg")},
        )
        assert upload.status_code == 200 and upload.json()["replies"] == []
        chat_id = _waiting_chat(await chats.list_open(agent_id=amina))
        await chats.claim(agent_id=amina, chat_id=chat_id)
        await chats.send_canned(agent_id=amina, chat_id=chat_id, name="greeting")
        await chats.reply(agent_id=amina, chat_id=chat_id, text="Hello, which hotel?")
        await deliver(runtime)
        shown = [m["text"] for m in await history() if m["from"] == "bot"]
        assert shown[-3:] == [
            runtime.service.render("fa", "handoff-joined", {"agent": "Amina"}),
            runtime.service.render("fa", "canned-greeting", {"agent": "Amina", "hotline": "940"}),
            "Hello, which hotel?",
        ]
        assert len(shown) == len(set(shown))
        await chats.end(agent_id=amina, chat_id=chat_id)
        await deliver(runtime)
        assert not await live()
        last = (await history())[-1]
        assert last["key"] == "handoff-ask-rating" and len(last["choices"]) == 6  # type: ignore[arg-type]
        assert await post(choice="r3") == ["handoff-rating-thanks", "menu-anything-else"]
    [chat] = await chats.list_closed(agent_id=amina)
    assert chat.rating == 3
