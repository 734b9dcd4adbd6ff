"""The channels' edges for the live-handoff round trips: captured payloads, real signatures.

Telegram updates and Twilio forms are the captured ones of the channel tests
(tests/channels/*/fixtures/), with ids and text filled in; Twilio's signature is
computed by the twilio library over the public URL, as Twilio signs.
"""

from __future__ import annotations

import copy
import itertools
import json
import secrets
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import httpx
from twilio.request_validator import RequestValidator

from bot.channels.telegram import channel as telegram

CHANNEL_FIXTURES = Path(__file__).resolve().parents[1] / "channels"
TG_TOKEN = "123456:HANDOFF-not-a-real-token"
TG_SECRET = "handoff-webhook-secret_0123456789"
PUBLIC_URL = "https://labbaik.example.org"
_update_ids = itertools.count(900_000_001)
_message_ids = itertools.count(501)


def telegram_update(kind: str, chat_id: int, **fields: Any) -> dict[str, Any]:
    """A captured update (text, photo, callback_query, ...) for this chat."""
    path = CHANNEL_FIXTURES / "telegram" / "fixtures" / f"{kind}.json"
    data: dict[str, Any] = copy.deepcopy(json.loads(path.read_text(encoding="utf-8")))
    data["update_id"] = next(_update_ids)
    if "callback_query" in data:
        query = data["callback_query"]
        query["id"] = secrets.token_hex(8)
        query["from"]["id"] = query["message"]["chat"]["id"] = chat_id
        query["data"] = fields["data"]
        return data
    message = data["message"]
    message["message_id"] = next(_message_ids)
    message["chat"]["id"] = message["from"]["id"] = chat_id
    message.update(fields)
    return data


async def post_telegram(client: httpx.AsyncClient, update: dict[str, Any]) -> None:
    headers = {"Content-Type": "application/json", telegram.SECRET_HEADER: TG_SECRET}
    response = await client.post("/webhooks/telegram", content=json.dumps(update), headers=headers)
    assert response.status_code == 200, response.text


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def twilio_form(kind: str, *, phone: str, account_sid: str, **values: str) -> dict[str, str]:
    """The form Twilio posts for a kind of WhatsApp message, filled in."""
    path = CHANNEL_FIXTURES / "whatsapp" / "fixtures" / f"{kind}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))["form"]
    fill = _Blank(
        MessageSid="SM" + secrets.token_hex(16),
        AccountSid=account_sid,
        Phone=phone,
        WaId=phone.lstrip("+"),
        ProfileName="Fatima",
        **values,
    )
    return {k: v.format_map(fill) for k, v in raw.items()}


async def post_twilio(client: httpx.AsyncClient, form: dict[str, str], token: str) -> list[str]:
    """POST a signed form to the webhook; the bodies of the TwiML answer's messages."""
    signature = RequestValidator(token).compute_signature(f"{PUBLIC_URL}/webhooks/whatsapp", form)
    response = await client.post(
        "/webhooks/whatsapp", data=form, headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 200, response.text
    return [m.text or "" for m in ET.fromstring(response.text).findall("Message")]
