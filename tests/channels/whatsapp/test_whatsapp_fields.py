"""Every field of a signed Twilio form is held to its real format; photos come only from the
configured media hosts, redirects only to allowed ones, and the credentials go nowhere else.

All requests here are correctly signed: the signature proves the bytes, not the fields.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fakes.fake_twilio import FakeTwilio
from shared_content import runtime_on_settings
from sqlalchemy import select
from wa_kit import PUBLIC_URL, WEBHOOK_URL, counts, form, messages, new_phone, post, sign

from bot.app.config import load_settings
from bot.app.wiring import create_app
from bot.core.runtime import Runtime
from storage.models import Message

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 512
NOTHING = {"people": 0, "messages": 0, "outbox": 0}

# (fixture, field, value, the refusal's field)
BAD_FIELDS = [
    ("text", "MessageSid", "SM" + "0" * 200, "MessageSid"),
    ("text", "MessageSid", "SM" + "a" * 32 + "MessageTypetext", "MessageSid"),
    ("text", "MessageSid", "XX" + "a" * 32, "MessageSid"),
    ("text", "From", "whatsapp:+" + "9" * 140, "From"),
    ("text", "From", "whatsapp:+966 50 000", "From"),
    ("text", "From", "+966500000000", "From"),
    ("text", "To", "sms:+14155238886", "To"),
    ("text", "ProfileName", "n" * 201, "ProfileName"),
    ("text", "ProfileName", "a\x00b", "ProfileName"),
    ("text", "Body", "a\x00b", "Body"),
    ("text", "Body", "x" * 4097, "Body"),
    ("text", "Body", "bell\x07", "Body"),
    ("text", "NumMedia", "²", "NumMedia"),
    ("text", "NumMedia", "11", "NumMedia"),
    ("text", "NumMedia", "-1", "NumMedia"),
    ("text", "AccountSid", "AC" + "1" * 32, "AccountSid"),
    ("text", "Referral", "x\x00", "Referral"),
    ("location", "Latitude", "nan", "Latitude"),
    ("location", "Latitude", "91.5", "Latitude"),
    ("location", "Longitude", "1e3", "Longitude"),
    ("location", "Address", "a" * 513, "Address"),
    ("legacy_image", "MediaUrl0", "http://[::1", "MediaUrl0"),
    ("legacy_image", "MediaUrl0", "http://127.0.0.1:99999/", "MediaUrl0"),
    ("legacy_image", "MediaUrl0", "http://☃/", "MediaUrl0"),
    ("legacy_image", "MediaUrl0", "file:///etc/passwd", "MediaUrl0"),
    ("legacy_image", "MediaUrl0", "http://127.0.0.1:1/secret", "MediaUrl0"),
    ("legacy_image", "MediaUrl0", "https://api.twilio.com.evil.example/x", "MediaUrl0"),
    ("legacy_image", "MediaContentType0", "image/png\r\nX: y", "MediaContentType0"),
]


@pytest.mark.parametrize(
    ("kind", "name", "value", "field"),
    BAD_FIELDS,
    ids=[f"{c[1]}={c[2]!r:.20}" for c in BAD_FIELDS],
)
async def test_a_signed_form_with_a_bad_field_is_400_naming_it_and_nothing_is_stored(
    wa_client: httpx.AsyncClient,
    wa_runtime: Runtime,
    fake_twilio: FakeTwilio,
    kind: str,
    name: str,
    value: str,
    field: str,
) -> None:
    params = form(kind, phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    if kind == "legacy_image":
        params["MediaUrl0"] = fake_twilio.add_media(PNG, "image/png")
        params["MediaContentType0"] = "image/png"
    params[name] = value
    response = await post(wa_client, params, token=fake_twilio.auth_token)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    assert counts(wa_runtime.service.database) == NOTHING
    assert fake_twilio.media_fetches == []


async def test_a_parameter_given_twice_is_refused(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    params = form("text", phone=new_phone(), account_sid=fake_twilio.account_sid, Body="Hi")
    body = httpx.QueryParams(params).add("Body", "again")
    signature = sign(fake_twilio.auth_token, dict(body.multi_items()), WEBHOOK_URL)
    response = await wa_client.post(
        "/webhooks/whatsapp",
        content=str(body).encode(),
        headers={
            "X-Twilio-Signature": signature,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert response.status_code == 400
    assert response.json()["field"] == "Body"
    assert counts(wa_runtime.service.database) == NOTHING


async def test_an_oversize_form_is_413(wa_client: httpx.AsyncClient, wa_runtime: Runtime) -> None:
    response = await wa_client.post(
        "/webhooks/whatsapp",
        content=b"Body=" + b"x" * (128 * 1024),
        headers={"X-Twilio-Signature": "x", "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert counts(wa_runtime.service.database) == NOTHING


# ---- media: the allow-list, redirects, credentials ----------------------------------


def _stored_in(runtime: Runtime) -> list[dict]:
    with runtime.service.database.session() as session:
        stmt = select(Message.payload).where(Message.direction == "in").order_by(Message.id)
        return list(session.scalars(stmt))


def _media_files(runtime: Runtime) -> list[Path]:
    root = runtime.settings.path(runtime.settings.media.directory)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


async def _send_photo(client: httpx.AsyncClient, fake: FakeTwilio, url: str) -> str:
    params = form(
        "legacy_image",
        phone=new_phone(),
        account_sid=fake.account_sid,
        MediaUrl0=url,
        MediaContentType0="image/png",
    )
    return "\n".join(messages(await post(client, params, token=fake.auth_token)))


async def test_a_redirect_to_a_host_not_allowed_is_not_followed(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    with FakeTwilio() as elsewhere:
        target = elsewhere.serve_at_cdn(PNG, "image/png")
        url = fake_twilio.add_media(PNG, "image/png", redirect_to=target)
        await _send_photo(wa_client, fake_twilio, url)
        assert elsewhere.cdn_requests == []  # never asked
    [inbound] = _stored_in(wa_runtime)
    assert inbound["unsupported"] == "media_unreadable"
    assert _media_files(wa_runtime) == []


async def test_a_redirect_to_an_allowed_host_is_followed_without_the_credentials(
    db_url: str, tmp_path: Path, fake_twilio: FakeTwilio
) -> None:
    with FakeTwilio() as cdn:
        settings = load_settings(
            env={
                "TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
                "TWILIO_AUTH_TOKEN": fake_twilio.auth_token,
                "PUBLIC_URL": PUBLIC_URL,
            },
            overrides={
                "database.url": db_url,
                "media.directory": str(tmp_path / "media"),
                "channels.whatsapp.media_hosts": [fake_twilio.base_url],
                "channels.whatsapp.media_redirect_hosts": [cdn.base_url],
            },
        )
        runtime = runtime_on_settings(settings)
        transport = httpx.ASGITransport(app=create_app(runtime))
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                target = cdn.serve_at_cdn(PNG, "image/png")
                url = fake_twilio.add_media(PNG, "image/png", redirect_to=target)
                await _send_photo(c, fake_twilio, url)
        finally:
            runtime.service.database.dispose()
        [headers] = cdn.cdn_requests
    assert "authorization" not in headers  # the credentials stayed with Twilio's API host
    assert fake_twilio.media_fetches  # which did get them (it answers 401 without)
    [inbound] = _stored_in(runtime)
    assert inbound["media"]["content_type"] == "image/png"


async def test_every_download_failure_gets_the_same_answer(
    wa_client: httpx.AsyncClient, wa_runtime: Runtime, fake_twilio: FakeTwilio
) -> None:
    """A closed port, a 404 and a redirect loop all read the same to the person."""
    missing = fake_twilio.add_media(PNG, "image/png").rsplit("/", 1)[0] + "/ME" + "f" * 32
    loop = fake_twilio.add_media(PNG, "image/png")
    fake_twilio.redirect(loop, loop)  # to itself, where it is then asked without credentials
    bodies = {await _send_photo(wa_client, fake_twilio, url) for url in (missing, loop)}
    assert len(bodies) == 1
    assert {i["unsupported"] for i in _stored_in(wa_runtime)} == {"media_unreadable"}
