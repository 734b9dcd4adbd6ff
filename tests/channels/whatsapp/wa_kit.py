"""Helpers for the WhatsApp webhook tests: captured-style forms, real Twilio signatures.

Forms come from fixtures/*.json (what Twilio posts for each kind of message),
with placeholders filled per test. Signatures are computed by the twilio
library's RequestValidator over the public URL, exactly as Twilio signs.
"""

from __future__ import annotations

import json
import secrets
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import httpx
from twilio.request_validator import RequestValidator

FIXTURES = Path(__file__).parent / "fixtures"
PUBLIC_URL = "https://labbaik.example.org"  # behind a proxy: the app itself is "testserver"
WEBHOOK_URL = f"{PUBLIC_URL}/webhooks/whatsapp"


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def new_phone() -> str:
    return f"+9665{uuid.uuid4().int % 10**8:08d}"


def form(kind: str, *, phone: str, account_sid: str, **values: str) -> dict[str, str]:
    """The form Twilio posts for a `kind` of message (fixtures/<kind>.json), filled in."""
    raw = json.loads((FIXTURES / f"{kind}.json").read_text(encoding="utf-8"))["form"]
    fill = _Defaults(
        MessageSid="SM" + secrets.token_hex(16),
        AccountSid=account_sid,
        Phone=phone,
        WaId=phone.lstrip("+"),
        ProfileName="Aisha",
        **values,
    )
    return {k: v.format_map(fill) for k, v in raw.items()}


def sign(token: str, params: dict[str, str], url: str = WEBHOOK_URL) -> str:
    return RequestValidator(token).compute_signature(url, params)


async def post(
    client: httpx.AsyncClient,
    params: dict[str, str],
    *,
    token: str,
    signature: str | None = None,
    query: str = "",
) -> httpx.Response:
    """POST the form as Twilio does, signed unless `signature` is given ("" for none)."""
    url = WEBHOOK_URL + (f"?{query}" if query else "")
    if signature is None:
        signature = sign(token, params, url)
    headers = {"X-Twilio-Signature": signature} if signature else {}
    path = "/webhooks/whatsapp" + (f"?{query}" if query else "")
    return await client.post(path, data=params, headers=headers)


def messages(response: httpx.Response) -> list[str]:
    """The bodies of the <Message> elements of a TwiML answer."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.text)
    assert root.tag == "Response"
    return [m.text or "" for m in root.findall("Message")]


def counts(database: Any) -> dict[str, int]:
    """Rows in the tables a webhook may write."""
    from sqlalchemy import func, select

    from storage.models import Message, OutboxItem, Person

    with database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Person, Message, OutboxItem)
        }
