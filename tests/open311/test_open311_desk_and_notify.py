"""A request filed through the API is a case like any other: in its team's queue, and its
reporter hears of status changes through the outbox (real senders, fake platforms).

The desk's queue is `storage.case_queue` for an agent of the case's team (the
page-level check follows when the desk's pages land). Notifications go through
the real outbox worker with the real WhatsApp sender against the fake Twilio
and the real Telegram sender (python-telegram-bot) against the fake Bot API.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from fakes.fake_telegram import FakeTelegram
from fakes.fake_twilio import FakeTwilio, fake_twilio  # noqa: F401  (a fixture)
from open311_kit import HARAM_LAT, HARAM_LONG, issue_key
from telegram import Bot

from bot.channels.telegram.sender import TelegramSender
from bot.channels.whatsapp.sender import WhatsAppSender, last_inbound_from
from bot.channels.whatsapp.settings import WhatsAppSettings
from bot.core.messages import ChannelSender
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from bot.open311.sender import READ_BACK_ID, senders
from storage import service as store
from storage.models import OutboxItem
from storage.queue import CaseFilter

TOKEN = "123456:TEST-open311"
PASSWORD = "correct horse battery staple 1447"


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


async def file(api: httpx.AsyncClient, key: str, **fields: str) -> httpx.Response:
    form = {
        "api_key": key,
        "service_code": "waste",
        "lat": str(HARAM_LAT),
        "long": str(HARAM_LONG),
        "description": "Bins overflowing at the gate",
        **fields,
    }
    return await api.post("/open311/v2/requests.json", data=form)


def resolve(runtime: Runtime, ticket: str) -> None:
    with runtime.service.database.transaction() as session:
        case = store.require_case(session, ticket_id=ticket)
        store.change_case_status(
            session, case=case, status="resolved", actor="system", message="We cleaned it."
        )


def worker(runtime: Runtime, sending: dict[str, ChannelSender]) -> OutboxWorker:
    return OutboxWorker.from_runtime(runtime, sending)


def outbox_rows(runtime: Runtime) -> list[OutboxItem]:
    with runtime.service.database.session() as session:
        rows = list(session.query(OutboxItem).order_by(OutboxItem.id))
        session.expunge_all()
        return rows


async def test_a_filed_request_is_in_its_teams_queue_and_no_other(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    database = runtime.service.database
    with database.transaction() as session:
        for slug in ("ajyad", "aziziyah"):  # seeded from the boundaries at start
            assert store.get_team(session, slug=slug) is not None
        store.create_agent(
            session,
            username="salma",
            display_name="Salma",
            password=PASSWORD,
            role="agent",
            team="ajyad",
        )
        store.create_agent(
            session,
            username="omar",
            display_name="Omar",
            password=PASSWORD,
            role="agent",
            team="aziziyah",
        )
    key = issue_key(database, "call-centre")
    ticket = (await file(api, key)).json()[0]["service_request_id"]

    with database.session() as session:
        salma = store.require_agent(session, username="salma")
        omar = store.require_agent(session, username="omar")
        mine = store.case_queue(session, agent=salma, filter=CaseFilter(statuses=("new",)))
        theirs = store.case_queue(session, agent=omar)
        assert [c.ticket_id for c in mine.rows] == [ticket]
        assert mine.rows[0].source == "open311"
        assert theirs.total == 0


async def test_a_whatsapp_reporter_is_told_of_the_status_change(
    api: httpx.AsyncClient,
    runtime: Runtime,
    fake_twilio: FakeTwilio,  # noqa: F811
) -> None:
    key = issue_key(runtime.service.database, "call-centre", ["notify_whatsapp"])
    response = await file(api, key, whatsapp_number="0501234567", locale="ur")
    ticket = response.json()[0]["service_request_id"]
    resolve(runtime, ticket)
    settings = WhatsAppSettings(
        account_sid=fake_twilio.account_sid,
        auth_token=fake_twilio.auth_token,
        api_base_url=fake_twilio.base_url,
        template_content_sid="HX" + "0" * 32,  # they never wrote to us: outside the window
    )
    sender = WhatsAppSender(settings, last_inbound=last_inbound_from(runtime.service.database))

    assert await worker(runtime, {"whatsapp": sender}).run_once() == 1

    [message] = fake_twilio.messages
    assert message["To"] == "whatsapp:+966501234567"
    text = json.loads(message["ContentVariables"])["1"]
    assert ticket in text
    assert "حل ہو گئی" in text  # in the language the client asked for (Urdu)
    assert outbox_rows(runtime)[0].status == "sent"


async def test_a_telegram_reporter_is_told_of_the_status_change(
    api: httpx.AsyncClient, runtime: Runtime, fake_telegram: FakeTelegram
) -> None:
    key = issue_key(runtime.service.database, "partner-app", ["notify_telegram"])
    ticket = (await file(api, key, telegram_id="424242", locale="id")).json()[0][
        "service_request_id"
    ]
    resolve(runtime, ticket)
    bot = Bot(TOKEN, base_url=fake_telegram.base_url, base_file_url=fake_telegram.base_file_url)

    assert await worker(runtime, {"telegram": TelegramSender(bot)}).run_once() == 1

    [sent] = fake_telegram.sent(424242)
    assert ticket in sent["text"] and "Sudah ditangani" in sent["text"]


@pytest.mark.parametrize(
    ("field", "value", "scope"),
    [
        ("whatsapp_number", "0501234567", "notify_whatsapp"),
        ("telegram_id", "4242", "notify_telegram"),
    ],
)
async def test_a_key_without_the_scope_may_not_name_a_person_to_notify(
    api: httpx.AsyncClient, runtime: Runtime, field: str, value: str, scope: str
) -> None:
    key = issue_key(runtime.service.database, "dashboard", ["read_private"])

    response = await file(api, key, **{field: value})

    assert response.status_code == 403
    assert scope in response.json()[0]["description"]
    with runtime.service.database.session() as session:
        assert store.find_cases(session).total == 0  # nothing filed


async def test_a_client_reporter_reads_the_change_back_and_nothing_fails(
    api: httpx.AsyncClient, runtime: Runtime
) -> None:
    key = issue_key(runtime.service.database, "dashboard")
    ticket = (await file(api, key)).json()[0]["service_request_id"]
    resolve(runtime, ticket)

    assert await worker(runtime, dict(senders())).run_once() == 1

    [row] = outbox_rows(runtime)
    assert (row.status, row.platform_message_id) == ("sent", READ_BACK_ID)
    status = (await api.get(f"/open311/v2/requests/{ticket}.json")).json()[0]["status"]
    assert status == "closed"
    with runtime.service.database.session() as session:
        case = store.require_case(session, ticket_id=ticket)
        assert "notification_failed" not in [e.type for e in case.events]
