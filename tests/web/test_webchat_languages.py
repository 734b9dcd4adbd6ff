"""The full report and status flows through the web chat API, in every launch language.

Buttons are pressed by id, the description is typed in the person's language,
the place is a shared pin and the photo a real PNG. The ticket number comes
back in the person's language's reply, and checking it shows it as the owner's.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from webchat_kit import png

TICKET = re.compile(r"MK-\d{7}")
DESCRIPTIONS = {
    "ar": "أكياس نفايات متراكمة بجانب مدخل الفندق منذ يومين",
    "en": "Rubbish bags piled up beside the hotel entrance for two days",
    "id": "Kantong sampah menumpuk di samping pintu masuk hotel sejak dua hari",
    "ur": "ہوٹل کے دروازے کے ساتھ دو دن سے کچرے کے تھیلے پڑے ہوئے ہیں",
    "fa": "کیسه‌های زباله از دو روز پیش کنار در ورودی هتل انباشته شده‌اند",
}


class Browser:
    """One web chat client: a client id and the replies of its last message."""

    def __init__(self, client: httpx.AsyncClient, lang: str) -> None:
        self.client = client
        self.lang = lang
        self.client_id = uuid.uuid4().hex
        self.replies: list[dict[str, Any]] = []

    async def send(self, **fields: Any) -> list[dict[str, Any]]:
        body = {"client_id": self.client_id, "message_id": uuid.uuid4().hex, "lang": self.lang}
        response = await self.client.post("/webchat/api/messages", json={**body, **fields})
        assert response.status_code == 200, response.text
        self.replies = response.json()["replies"]
        return self.replies

    async def photo(self) -> list[dict[str, Any]]:
        fields = {"client_id": self.client_id, "message_id": uuid.uuid4().hex, "lang": self.lang}
        response = await self.client.post(
            "/webchat/api/media", data=fields, files={"photo": ("p.png", png(), "image/png")}
        )
        assert response.status_code == 200, response.text
        self.replies = response.json()["replies"]
        return self.replies

    def said(self) -> list[str]:
        return [r["key"] for r in self.replies]

    def reply(self, key: str) -> dict[str, Any]:
        return next(r for r in self.replies if r["key"] == key)


@pytest.mark.parametrize("lang", sorted(DESCRIPTIONS))
async def test_report_and_status_in_every_language(client: httpx.AsyncClient, lang: str) -> None:
    person = Browser(client, lang)
    await person.send(command="start")
    assert all(r["lang"] == lang for r in person.replies)
    assert all(r["rtl"] is (lang in ("ar", "ur", "fa")) for r in person.replies)
    await person.send(choice="flow:report_issue")
    assert "report-ask-category" in person.said()
    await person.send(choice="waste")
    assert "report-ask-description" in person.said()
    await person.send(text=DESCRIPTIONS[lang])
    assert "report-ask-location" in person.said()
    await person.send(location={"lat": 21.4225, "lon": 39.8262})
    assert "report-ask-photo" in person.said()
    await person.photo()
    assert "report-ask-phone" in person.said()
    await person.send(choice="skip")
    summary = person.reply("report-summary")
    assert DESCRIPTIONS[lang] in summary["text"] and summary["lang"] == lang
    await person.send(choice="confirm")
    filed = person.reply("report-filed")
    assert filed["lang"] == lang
    ticket = TICKET.search(filed["text"])
    assert ticket, filed["text"]

    await person.send(choice="flow:check_status")
    await person.send(text=ticket.group(0))
    status = person.reply("status-owner")
    assert ticket.group(0) in status["text"] and status["lang"] == lang
    assert DESCRIPTIONS[lang] in status["text"]
