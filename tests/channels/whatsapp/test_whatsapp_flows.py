"""The full report and status flows over WhatsApp, in every language, end to end.

A pilgrim writes in their language, answers the numbered options with digits
in their own script, shares a pin and a photo, and gets a ticket; an agent
moves the case on and the notification goes out through the outbox and the
real twilio client to the fake Twilio; the pilgrim then asks where the ticket
stands, typing its number in their digits. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re

import httpx
import pytest
from fakes.fake_twilio import FakeTwilio
from wa_kit import form, messages, new_phone, post

from bot.channels.whatsapp.webhook import WhatsAppSender
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from storage import service as store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 256
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# language: (first words, how digits are written, the problem in a few words)
PILGRIMS = {
    "ar": ("مرحبا، أحتاج مساعدة", ARABIC_INDIC, "حفرة كبيرة في الطريق قرب الفندق"),
    "en": ("Hello, I need help please", None, "Big pothole in the road near the hotel"),
    "id": ("Halo, saya butuh bantuan", None, "Ada lubang besar di jalan dekat hotel"),
    "ur": ("السلام علیکم، مجھے مدد چاہیے", PERSIAN, "ہوٹل کے قریب سڑک میں بڑا گڑھا ہے"),
    "fa": ("سلام، من کمک می‌خواهم", PERSIAN, "چاله بزرگی در جاده نزدیک هتل است"),
}


class Pilgrim:
    """One person on WhatsApp, talking to the app through signed webhooks."""

    def __init__(self, client: httpx.AsyncClient, runtime: Runtime, fake: FakeTwilio, lang: str):
        self.client, self.runtime, self.fake, self.lang = client, runtime, fake, lang
        self.phone = new_phone()
        self.user_id = f"whatsapp:{self.phone}"
        self.digits = PILGRIMS[lang][1]
        self.last: list[str] = []  # the <Message> bodies of the last answer
        self.keys: list[str] = []  # the message ids of the last answer's replies

    def text(self, key: str, **args: object) -> str:
        return self.runtime.service.render(self.lang, key, args)

    def local(self, number: str) -> str:
        return number.translate(self.digits) if self.digits else number

    async def send(self, kind: str = "text", **values: str) -> list[str]:
        params = form(kind, phone=self.phone, account_sid=self.fake.account_sid, **values)
        self.last = messages(await post(self.client, params, token=self.fake.auth_token))
        assert self.last, f"no answer to {kind} {values}"
        with self.runtime.service.database.session() as session:
            inbound = store.find_inbound(
                session, channel="whatsapp", platform_message_id=params["MessageSid"]
            )
            assert inbound is not None
            self.keys = [m.payload["key"] for m in store.replies_to(session, message=inbound)]
        return self.last

    async def say(self, words: str) -> list[str]:
        return await self.send("text", Body=words)

    async def pick(self, label_key: str) -> list[str]:
        """Answer the numbered options with the number of `label_key`, in local digits."""
        return await self.say(self.local(option_number(self.last, self.text(label_key))))

    async def pick_from_menu(self, label_key: str) -> list[str]:
        """Pick `label_key`, going back to the main menu first when it is not on offer."""
        if not has_option(self.last, self.text(label_key)):
            await self.pick("choice-menu")
        return await self.pick(label_key)


def has_option(bodies: list[str], label: str) -> bool:
    return any(line.endswith(f". {label}") for body in bodies for line in body.splitlines())


def option_number(bodies: list[str], label: str) -> str:
    for body in bodies:
        for line in body.splitlines():
            match = re.fullmatch(r"(\d+)\. (.+)", line)
            if match and match.group(2) == label:
                return match.group(1)
    raise AssertionError(f"no numbered option {label!r} in {bodies!r}")


async def file_report(pilgrim: Pilgrim, fake: FakeTwilio) -> str:
    """The whole report flow, answered by number in the pilgrim's digits; returns the ticket."""
    greeting, _digits, problem = PILGRIMS[pilgrim.lang]
    await pilgrim.say(greeting)
    assert pilgrim.last[0] == pilgrim.text("menu-welcome")  # answered in their language
    await pilgrim.pick("menu-report")
    assert pilgrim.keys == ["report-ask-category"]
    await pilgrim.pick("category-road-hazard")
    assert pilgrim.keys == ["report-ask-description"]
    await pilgrim.say(problem)
    assert pilgrim.keys == ["report-ask-location"]
    await pilgrim.send("location")
    assert pilgrim.keys == ["report-ask-photo"]
    await pilgrim.send(
        "image", MediaUrl0=fake.add_media(PNG, "image/png"), MediaContentType0="image/png"
    )
    assert pilgrim.keys == ["report-ask-phone"]
    await pilgrim.pick("choice-skip")
    assert pilgrim.keys == ["report-summary"]
    assert problem in pilgrim.last[0]
    await pilgrim.pick("choice-confirm")
    assert pilgrim.keys[0] == "report-filed"
    [ticket] = re.findall(r"MK-\d{7}", pilgrim.last[0])
    assert pilgrim.last[0].startswith(pilgrim.text("report-filed", ticket_id=ticket))
    return str(ticket)


def agent_moves_case_on(runtime: Runtime, pilgrim: Pilgrim, ticket: str) -> None:
    """The case is stored as reported; an agent then marks it in progress."""
    problem = PILGRIMS[pilgrim.lang][2]
    with runtime.service.database.transaction() as session:
        case = store.get_case(session, ticket_id=ticket)
        assert case is not None
        assert (case.language, case.category, case.channel) == (
            pilgrim.lang,
            "road_hazard",
            "whatsapp",
        )
        assert case.description == problem
        assert (case.location_lat, case.location_lon) == (21.4225, 39.8262)
        assert len(case.photos) == 1
        assert case.reporter.user_id == pilgrim.user_id
        store.change_case_status(session, case=case, status="in_progress", actor="agent:7")


@pytest.mark.parametrize("lang", list(PILGRIMS))
async def test_report_and_status_in_every_language(
    lang: str, wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    pilgrim = Pilgrim(wa_client, wa_runtime, fake_twilio, lang)
    ticket = await file_report(pilgrim, fake_twilio)
    agent_moves_case_on(wa_runtime, pilgrim, ticket)

    await pilgrim.pick_from_menu("menu-status")
    assert pilgrim.keys == ["status-ask-ticket"]
    await pilgrim.say("mk " + pilgrim.local(ticket.removeprefix("MK-")))
    assert pilgrim.keys[0] == "status-owner"
    answer = pilgrim.last[0]
    assert ticket in answer
    assert pilgrim.text("case-status-in-progress") in answer
    assert PILGRIMS[lang][2] in answer


@pytest.mark.parametrize("lang", list(PILGRIMS))
async def test_status_change_notification_in_every_language(
    lang: str, wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    pilgrim = Pilgrim(wa_client, wa_runtime, fake_twilio, lang)
    ticket = await file_report(pilgrim, fake_twilio)
    agent_moves_case_on(wa_runtime, pilgrim, ticket)

    sender = WhatsAppSender.from_settings(wa_runtime.settings, wa_runtime.service.database)
    worker = OutboxWorker.from_runtime(wa_runtime, {"whatsapp": sender})
    assert await worker.run_once() == 1
    expected = pilgrim.text(
        "case-status-changed",
        ticket_id=ticket,
        category="road_hazard",  # the wording is per category
        status="in_progress",
        previous_status="new",
    )
    assert expected != "case-status-changed"
    assert fake_twilio.bodies_to(pilgrim.user_id) == [expected]
