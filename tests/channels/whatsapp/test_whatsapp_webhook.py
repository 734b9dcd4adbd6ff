"""POST /webhooks/whatsapp through the real app, service and database (SQLite and PostgreSQL).

Requests are the forms Twilio posts (fixtures/), signed by the twilio
library's RequestValidator over the public URL; photos are fetched from the
fake Twilio with the account's credentials.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from fakes.fake_twilio import FakeTwilio
from sqlalchemy import select
from wa_kit import PUBLIC_URL, counts, form, messages, new_phone, post, sign

from bot.core.runtime import Runtime
from storage.models import Message

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 512
NOTHING = {"people": 0, "messages": 0, "outbox": 0}


def _stored(runtime: Runtime, direction: str) -> list[dict]:
    with runtime.service.database.session() as session:
        stmt = select(Message.payload).where(Message.direction == direction).order_by(Message.id)
        return list(session.scalars(stmt))


def _media_files(runtime: Runtime) -> list[Path]:
    root = runtime.settings.path(runtime.settings.media.directory)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# ---- signatures: nothing unsigned, forged or altered gets in -------------------------


async def test_signed_text_is_stored_and_answered_in_twiml(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hello")
    response = await post(wa_client, params, token=fake_twilio.auth_token)

    bodies = messages(response)
    assert bodies, "the person gets an answer"
    [inbound] = _stored(wa_runtime, "in")
    assert inbound["text"] == "Hello"
    assert inbound["display_name"] == "Aisha"
    outbound = _stored(wa_runtime, "out")
    assert len(outbound) == len(bodies)
    assert all(b.startswith(o["text"]) for o, b in zip(outbound, bodies, strict=True))
    assert counts(wa_runtime.service.database)["outbox"] == 0  # answered inline, not queued


async def test_forged_signature_is_refused_and_nothing_stored(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    forged = sign("0" * 32, params)
    response = await post(wa_client, params, token=fake_twilio.auth_token, signature=forged)
    assert response.status_code == 403
    assert counts(wa_runtime.service.database) == NOTHING


async def test_missing_signature_is_refused(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    response = await post(wa_client, params, token=fake_twilio.auth_token, signature="")
    assert response.status_code == 403
    assert counts(wa_runtime.service.database) == NOTHING


async def test_replayed_with_a_changed_parameter_is_refused(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    old_signature = sign(fake_twilio.auth_token, params)
    for change in ({"Body": "Close my case"}, {"From": "whatsapp:+966511111111"}):
        altered = {**params, **change}
        response = await post(
            wa_client, altered, token=fake_twilio.auth_token, signature=old_signature
        )
        assert response.status_code == 403
    extra = {**params, "Latitude": "21.4", "Longitude": "39.8"}
    response = await post(wa_client, extra, token=fake_twilio.auth_token, signature=old_signature)
    assert response.status_code == 403
    assert counts(wa_runtime.service.database) == NOTHING


async def test_signature_is_over_the_public_url_and_its_query_string(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    internal = sign(fake_twilio.auth_token, params, "http://testserver/webhooks/whatsapp")
    response = await post(wa_client, params, token=fake_twilio.auth_token, signature=internal)
    assert response.status_code == 403  # signed for the inner URL, not the one Twilio calls

    with_query = sign(fake_twilio.auth_token, params, f"{PUBLIC_URL}/webhooks/whatsapp?v=1")
    response = await post(
        wa_client, params, token=fake_twilio.auth_token, signature=with_query, query="v=2"
    )
    assert response.status_code == 403
    assert counts(wa_runtime.service.database) == NOTHING

    response = await post(
        wa_client, params, token=fake_twilio.auth_token, signature=with_query, query="v=1"
    )
    assert response.status_code == 200


# ---- malformed requests: 400, nothing stored ---------------------------------------


async def test_malformed_requests_get_400_and_nothing_stored(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    token = fake_twilio.auth_token
    headers = {"X-Twilio-Signature": sign(token, {})}
    as_json = await wa_client.post("/webhooks/whatsapp", json={"Body": "hi"}, headers=headers)
    assert as_json.status_code == 400
    not_utf8 = await wa_client.post(
        "/webhooks/whatsapp",
        content=b"Body=%FF%FE&From=x",
        headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert not_utf8.status_code == 400

    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    no_sid = {k: v for k, v in params.items() if "Sid" not in k or k == "AccountSid"}
    assert (await post(wa_client, no_sid, token=token)).status_code == 400
    bad_count = {**params, "NumMedia": "many"}
    assert (await post(wa_client, bad_count, token=token)).status_code == 400
    bad_pin = {**form("location", phone=new_phone(), account_sid=fake_twilio.account_sid)}
    bad_pin["Latitude"] = "north"
    assert (await post(wa_client, bad_pin, token=token)).status_code == 400
    assert counts(wa_runtime.service.database) == NOTHING


# ---- redeliveries: handled once, answered with the stored replies -------------------


async def test_redelivery_is_answered_with_the_stored_replies(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hello")
    first = await post(wa_client, params, token=fake_twilio.auth_token)
    again = await post(wa_client, params, token=fake_twilio.auth_token)
    assert messages(again) == messages(first)
    assert len(_stored(wa_runtime, "in")) == 1
    assert len(_stored(wa_runtime, "out")) == len(messages(first))


async def test_ten_concurrent_redeliveries_store_one_message_and_one_set_of_replies(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hello")
    responses = await asyncio.gather(
        *(post(wa_client, params, token=fake_twilio.auth_token) for _ in range(10))
    )
    answers = [messages(r) for r in responses]
    assert answers[0]
    assert all(a == answers[0] for a in answers)  # every redelivery gets the same reply
    assert len(_stored(wa_runtime, "in")) == 1
    assert len(_stored(wa_runtime, "out")) == len(answers[0])
    assert counts(wa_runtime.service.database)["people"] == 1


async def test_a_delivery_receipt_posted_here_is_not_taken_for_a_message(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    receipt = {
        "MessageSid": "SM" + "7" * 32,
        "MessageStatus": "delivered",
        "AccountSid": fake_twilio.account_sid,
        "From": "whatsapp:+14155238886",
        "To": "whatsapp:" + new_phone(),
        "ChannelPrefix": "whatsapp",
        "ApiVersion": "2010-04-01",
    }
    response = await post(wa_client, receipt, token=fake_twilio.auth_token)
    assert messages(response) == []
    assert counts(wa_runtime.service.database) == NOTHING


# ---- kinds of message -----------------------------------------------------------------


async def test_location_pin_with_its_address(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("location", phone=new_phone(), account_sid=fake_twilio.account_sid)
    messages(await post(wa_client, params, token=fake_twilio.auth_token))
    [inbound] = _stored(wa_runtime, "in")
    assert inbound["location"] == {
        "lat": 21.4225,
        "lon": 39.8262,
        "label": "Al Haram, Makkah 24231, Saudi Arabia",
    }


async def test_photo_is_fetched_with_the_account_credentials_and_stored(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    url = fake_twilio.add_media(PNG, "image/png")
    params = form(
        "image",
        phone=new_phone(),
        account_sid=fake_twilio.account_sid,
        Body="Overflowing bins",
        MediaUrl0=url,
        MediaContentType0="image/png",
    )
    messages(await post(wa_client, params, token=fake_twilio.auth_token))

    assert len(fake_twilio.media_fetches) == 1  # basic auth accepted, redirect followed
    [inbound] = _stored(wa_runtime, "in")
    assert inbound["text"] == "Overflowing bins"
    assert inbound["media"]["content_type"] == "image/png"
    [path] = _media_files(wa_runtime)
    assert path.read_bytes() == PNG
    assert (
        inbound["media"]["ref"]
        == path.relative_to(
            wa_runtime.settings.path(wa_runtime.settings.media.directory)
        ).as_posix()
    )


async def _refused_photo(
    client: httpx.AsyncClient, runtime: Runtime, fake: FakeTwilio, data: bytes, declared: str
) -> str:
    url = fake.add_media(data, declared)
    params = form(
        "legacy_image",
        phone=new_phone(),
        account_sid=fake.account_sid,
        MediaUrl0=url,
        MediaContentType0=declared,
    )
    [body] = messages(await post(client, params, token=fake.auth_token))
    assert _media_files(runtime) == []
    [inbound] = _stored(runtime, "in")
    assert "media" not in inbound
    [reply] = _stored(runtime, "out")
    assert reply["text"] == body
    return str(reply["key"])


async def test_oversize_photo_gets_a_clear_answer_and_nothing_is_stored(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    big = PNG + b"\x00" * (wa_runtime.media.max_bytes + 1)
    key = await _refused_photo(wa_client, wa_runtime, fake_twilio, big, "image/png")
    assert key == "media-too-large"


async def test_wrong_declared_type_is_refused_without_downloading(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    key = await _refused_photo(wa_client, wa_runtime, fake_twilio, b"%PDF-1.7", "application/pdf")
    assert key == "media-wrong-type"
    assert fake_twilio.media_fetches == []


async def test_bytes_that_are_not_a_photo_are_refused(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    key = await _refused_photo(wa_client, wa_runtime, fake_twilio, b"<html>hi</html>", "image/jpeg")
    assert key == "media-wrong-type"


async def test_unreadable_kinds_get_the_polite_message(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    url = fake_twilio.add_media(b"OggS" + b"\x00" * 64, "audio/ogg")
    for kind in ("sticker", "voice", "video", "contact", "reaction", "poll"):
        params = form(kind, phone=new_phone(), account_sid=fake_twilio.account_sid, MediaUrl0=url)
        [body] = messages(await post(wa_client, params, token=fake_twilio.auth_token))
        reply = _stored(wa_runtime, "out")[-1]
        assert (reply["key"], reply["text"]) == ("unsupported-message", body), kind
    assert fake_twilio.media_fetches == []  # nothing we cannot read is downloaded
    assert _media_files(wa_runtime) == []
