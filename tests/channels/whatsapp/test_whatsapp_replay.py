"""Replaying a captured confirmation never files a second case, not even with the signature trick.

Twilio's signature joins the sorted names and values with no separator, so
moving `MessageType` into `MessageSid` (`SMx…` + `MessageTypetext`) keeps it
valid while changing the message id the de-duplication keys on. The test
proves the trick really keeps the signature, then that the format check
refuses it: one case, whatever is replayed.
"""

from __future__ import annotations

import httpx
from fakes.fake_twilio import FakeTwilio
from sqlalchemy import func, select
from test_whatsapp_flows import PILGRIMS, Pilgrim, option_number
from twilio.request_validator import RequestValidator
from wa_kit import WEBHOOK_URL, form, messages, post, sign

from bot.core.runtime import Runtime
from storage.models import Case, Message

PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 256


def _cases(runtime: Runtime) -> int:
    with runtime.service.database.session() as session:
        return session.scalar(select(func.count()).select_from(Case)) or 0


def _inbound(runtime: Runtime) -> int:
    with runtime.service.database.session() as session:
        query = select(func.count()).select_from(Message).where(Message.direction == "in")
        return session.scalar(query) or 0


async def _up_to_the_summary(pilgrim: Pilgrim, fake: FakeTwilio) -> None:
    await pilgrim.say(PILGRIMS["en"][0])
    await pilgrim.pick("menu-report")
    await pilgrim.pick("category-road-hazard")
    await pilgrim.say("Big pothole near the hotel")
    await pilgrim.send("location")
    await pilgrim.send(
        "image", MediaUrl0=fake.add_media(PNG, "image/png"), MediaContentType0="image/png"
    )
    await pilgrim.pick("choice-skip")
    assert pilgrim.keys == ["report-summary"]


async def test_a_replayed_confirmation_files_no_second_case(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    pilgrim = Pilgrim(wa_client, wa_runtime, fake_twilio, "en")
    await _up_to_the_summary(pilgrim, fake_twilio)
    number = option_number(pilgrim.last, pilgrim.text("choice-confirm"))
    confirm = form("text", phone=pilgrim.phone, account_sid=fake_twilio.account_sid, Body=number)
    signature = sign(fake_twilio.auth_token, confirm)
    token = fake_twilio.auth_token

    first = messages(await post(wa_client, confirm, token=token, signature=signature))
    assert _cases(wa_runtime) == 1
    seen = _inbound(wa_runtime)

    # the same request again: a redelivery, answered with the same replies
    again = messages(await post(wa_client, confirm, token=token, signature=signature))
    assert again == first
    assert (_cases(wa_runtime), _inbound(wa_runtime)) == (1, seen)

    # the trick: MessageType moved into MessageSid, the captured signature unchanged
    trick = {k: v for k, v in confirm.items() if k != "MessageType"}
    trick["MessageSid"] = confirm["MessageSid"] + "MessageType" + confirm["MessageType"]
    assert RequestValidator(token).validate(WEBHOOK_URL, trick, signature)  # still "signed"
    refused = await post(wa_client, trick, token=token, signature=signature)
    assert refused.status_code == 400
    assert refused.json()["field"] == "MessageSid"
    assert (_cases(wa_runtime), _inbound(wa_runtime)) == (1, seen)
