"""A status change made on the desk reaches the pilgrim in their language on every channel,
and the pilgrim's "no, not fixed" reopens the case.

Three pilgrims, each on their own channel and in their own language: Telegram in
Urdu (through the fake Bot API server), WhatsApp in Indonesian (through the fake
Twilio REST API, inside the 24-hour window), the web chat in Persian. An agent
changes each case's status on the desk; the real outbox worker sends through the
real senders; each platform receives the text of locales/<lang>/notifications.ftl.
Then "is it fixed?" is answered the way each platform answers: a Telegram button,
a WhatsApp "2" typed (numbered options), a web chat button.
"""

from __future__ import annotations

import copy
import json
import secrets
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from desk_kit import Clock, DeskUser, make_case, make_staff
from fakes.fake_telegram import FakeTelegram
from fakes.fake_twilio import FakeTwilio, fake_twilio  # noqa: F401  (a fixture)
from shared_content import runtime_on_settings
from starlette.applications import Starlette

from bot.app.config import load_settings
from bot.app.wiring import create_app
from bot.channels import registry
from bot.core.outbox import OutboxWorker
from bot.core.ratelimit import RateLimiter
from bot.core.runtime import Runtime
from storage import service as store

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456:TEST-not-a-real-token"
SECRET = "test-webhook-secret_0123456789"
PUBLIC_URL = "https://labbaik.example.org"
sys.path.insert(1, str(ROOT / "tests" / "channels" / "whatsapp"))
from wa_kit import form, post  # noqa: E402

CALLBACK = json.loads((ROOT / "tests/channels/telegram/fixtures/callback_query.json").read_text())
TG_CHAT = 5127364490
WA_PHONE = "+966500000123"
WEB_CLIENT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


@pytest.fixture(scope="module")
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
def live(
    db_url: str,
    tmp_path: Path,
    clock: Clock,
    fake_telegram: FakeTelegram,
    fake_twilio: FakeTwilio,  # noqa: F811
) -> Iterator[Runtime]:
    fake_telegram.reset()
    settings = load_settings(
        env={
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
            "TWILIO_AUTH_TOKEN": fake_twilio.auth_token,
            "PUBLIC_URL": PUBLIC_URL,
        },
        overrides={
            "database.url": db_url,
            "media.directory": str(tmp_path / "media"),
            "channels.telegram.mode": "webhook",
            "channels.telegram.api_base_url": fake_telegram.url,
            "channels.whatsapp.api_base_url": fake_twilio.base_url,
        },
    )
    runtime = runtime_on_settings(settings)
    runtime.service.clock = clock
    yield runtime
    runtime.service.database.dispose()


@pytest.fixture
async def client(live: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app: Starlette = create_app(live)
    async with httpx.AsyncClient(  # https, as PUBLIC_URL: the desk's cookies are Secure
        transport=httpx.ASGITransport(app=app), base_url="https://testserver"
    ) as c:
        yield c


async def send_outbox(runtime: Runtime) -> int:
    senders = registry.senders(runtime)
    limits = runtime.rate_limits
    worker = OutboxWorker(  # as OutboxWorker.from_runtime builds it, on the test's clock
        runtime.service.database,
        senders,
        limiters={name: RateLimiter(limits[name]) for name in senders if name in limits},
        settings=runtime.settings.outbox,
        render=runtime.service.render,
        clock=runtime.service.clock,
    )
    sent = 0
    while (handled := await worker.run_once()) > 0:
        sent += handled
    for sender in senders.values():
        close = getattr(sender, "aclose", None)
        if close is not None:
            await close()
    return sent


def tg_button(data: str) -> dict[str, Any]:
    update = copy.deepcopy(CALLBACK)
    update["update_id"] = secrets.randbelow(10**9)
    update["callback_query"]["id"] = uuid.uuid4().hex
    update["callback_query"]["data"] = data
    return update


async def tg_post(client: httpx.AsyncClient, update: dict[str, Any]) -> None:
    response = await client.post(
        "/webhooks/telegram",
        content=json.dumps(update).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    assert response.status_code == 200, response.text


async def three_pilgrims(
    live: Runtime,
    client: httpx.AsyncClient,
    fake_twilio: FakeTwilio,  # noqa: F811
) -> dict[str, str]:
    """A case each: Telegram (Urdu), WhatsApp (Indonesian, who wrote today), web chat (Persian)."""
    hello = form("text", phone=WA_PHONE, account_sid=fake_twilio.account_sid, Body="Halo")
    wa = await post(client, hello, token=fake_twilio.auth_token)
    assert wa.status_code == 200  # their 24-hour window is open
    start = {
        "client_id": WEB_CLIENT,
        "message_id": uuid.uuid4().hex,
        "lang": "fa",
        "command": "start",
    }
    assert (await client.post("/webchat/api/messages", json=start)).status_code == 200
    return {
        "telegram": make_case(live, channel="telegram", user_id=str(TG_CHAT), language="ur"),
        "whatsapp": make_case(
            live, channel="whatsapp", user_id=f"whatsapp:{WA_PHONE}", language="id",
            category="street_lighting",
        ),
        "webchat": make_case(live, channel="webchat", user_id=WEB_CLIENT, language="fa"),
    }  # fmt: skip


async def web_history(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.get("/webchat/api/history", params={"client_id": WEB_CLIENT})
    return list(response.json()["messages"])


async def signed_in(client: httpx.AsyncClient) -> DeskUser:
    agent = DeskUser(client)
    assert (await agent.sign_in("amina")).status_code == 303
    return agent


async def test_a_status_change_reaches_each_pilgrim_in_their_language(
    live: Runtime,
    client: httpx.AsyncClient,
    fake_telegram: FakeTelegram,
    fake_twilio: FakeTwilio,  # noqa: F811
) -> None:
    tickets = await three_pilgrims(live, client, fake_twilio)
    make_staff(live, "amina", team="customer_service")
    amina = await signed_in(client)
    for ticket in tickets.values():
        changed = await amina.post(
            f"/desk/cases/{ticket}/status", status="in_progress", note="crew 4 sent",
            message="We are on our way.",
        )  # fmt: skip
        assert changed.status_code == 303
    await send_outbox(live)

    telegram = [m["text"] for m in fake_telegram.sent(chat_id=TG_CHAT)]
    assert any(tickets["telegram"] in t and "کام جاری ہے" in t for t in telegram), telegram
    assert any("We are on our way." in t for t in telegram)
    assert all("crew 4 sent" not in t for t in telegram)  # the note stays internal
    whatsapp = fake_twilio.bodies_to(f"whatsapp:{WA_PHONE}")
    assert any(
        tickets["whatsapp"] in b and "Sedang dikerjakan" in b and "lampu jalan" in b
        for b in whatsapp
    ), whatsapp  # the street-lighting wording of the template
    web = [m.get("text", "") for m in await web_history(client)]
    assert any(tickets["webchat"] in t and "در حال رسیدگی" in t for t in web), web
    with live.service.database.session() as s:
        case = store.require_case(s, ticket_id=tickets["whatsapp"])
        sent = [e for e in case.events if e.outbox_id is not None]
        assert {e.type for e in sent} == {"status_changed", "message_sent"}


async def test_not_fixed_reopens_the_case_from_every_channel(
    live: Runtime,
    clock: Clock,
    client: httpx.AsyncClient,
    fake_telegram: FakeTelegram,
    fake_twilio: FakeTwilio,  # noqa: F811
) -> None:
    tickets = await three_pilgrims(live, client, fake_twilio)
    make_staff(live, "amina", team="customer_service")
    amina = await signed_in(client)
    clock.advance(minutes=5)  # the crew's work takes a while after the pilgrims wrote
    for ticket in tickets.values():
        assert (
            await amina.post(f"/desk/cases/{ticket}/status", status="resolved")
        ).status_code == 303
    await send_outbox(live)

    question = fake_telegram.sent(chat_id=TG_CHAT)[-1]
    buttons = [
        b["callback_data"] for row in question["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert buttons == [f"fix:yes:{tickets['telegram']}", f"fix:no:{tickets['telegram']}"]
    assert "کیا مسئلہ واقعی حل ہو گیا ہے" in question["text"]
    asked = fake_twilio.bodies_to(f"whatsapp:{WA_PHONE}")[-1]
    assert "1. Ya, sudah beres" in asked and "2. Belum" in asked

    await tg_post(client, tg_button(f"fix:no:{tickets['telegram']}"))
    no = form("text", phone=WA_PHONE, account_sid=fake_twilio.account_sid, Body="٢")
    answered = await post(client, no, token=fake_twilio.auth_token)
    assert "buka kembali" in answered.text  # the thanks, in the TwiML answer
    yes = {
        "client_id": WEB_CLIENT,
        "message_id": uuid.uuid4().hex,
        "choice": f"fix:yes:{tickets['webchat']}",
    }
    web = await client.post("/webchat/api/messages", json=yes)
    assert "بسته شد" in web.json()["replies"][0]["text"]

    with live.service.database.session() as s:
        status = {k: store.require_case(s, ticket_id=t).status for k, t in tickets.items()}
        reopened = store.require_case(s, ticket_id=tickets["telegram"])
        assert reopened.reopen_count == 1 and reopened.sla_due_at > live.service.clock()
    assert status == {"telegram": "reopened", "whatsapp": "reopened", "webchat": "closed"}
    queue = await amina.get("/desk/cases", status="reopened")
    assert tickets["telegram"] in queue.text and tickets["whatsapp"] in queue.text
