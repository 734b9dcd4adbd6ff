"""Helpers of the several-processes tests: real `labbaik run` processes on one PostgreSQL
schema, the fake Telegram Bot API they send to, and captured Telegram updates.

Waits are bounded polls (`eventually`); nothing asserts a duration.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import yaml
from fakes.fake_telegram import FakeTelegram
from twilio.request_validator import RequestValidator

from bot.app.config import DEFAULT_CONFIG
from bot.channels.telegram import channel as telegram
from bot.core.settings import ROOT

TOKEN = "123456:PROCESSES-not-a-real-token"
SECRET = "processes-webhook-secret-0123456789"
PUBLIC_URL = "https://labbaik.example.org"
TWILIO_SID = "AC" + "7" * 32
TWILIO_TOKEN = "processes-twilio-auth-token-0123"
GUARD = 60.0  # seconds: only so that something broken fails instead of hanging
POLL = 0.1
FIXTURES = ROOT / "tests" / "channels" / "telegram" / "fixtures"
ALL_DAY = {"opens": "00:00", "closes": "00:00"}
_update_ids = itertools.count(700_000_001)
_message_ids = itertools.count(9001)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(folder: Path, port: int, fake: FakeTelegram) -> Path:
    """The repo's config.yaml with the repo's content, this test's folders and the fake."""
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    raw["content"].update(
        flows=str(ROOT / "dialogs" / "flows"),
        locales=str(ROOT / "locales"),
        municipal=str(ROOT / "bot" / "municipal" / "data"),
        last_good=str(folder / "var" / "content"),
    )
    raw["media"]["directory"] = str(folder / "media")
    raw["nlu"]["manage_server"] = False
    raw["web"]["port"] = port
    raw["outbox"]["poll_seconds"] = 0.2
    raw["handoff"]["hours"].update(ALL_DAY)
    raw["channels"]["telegram"].update(mode="webhook", api_base_url=fake.url)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def process_env(pg_url: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "TWILIO_", "LABBAIK_")) and k != "PUBLIC_URL"
    }
    return {
        **env,
        "PYTHONPATH": str(ROOT),
        "LABBAIK_DATABASE_URL": pg_url,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "PUBLIC_URL": PUBLIC_URL,
        "TWILIO_ACCOUNT_SID": TWILIO_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
    }


class Process:
    """One `labbaik run --no-nlu` (with `extra` arguments) in a folder of its own."""

    def __init__(self, folder: Path, pg_url: str, fake: FakeTelegram, *extra: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        config = write_config(folder, self.port, fake)
        self.log = folder / "run.log"
        command = [sys.executable, "-m", "bot", "--config", str(config), "run", "--no-nlu"]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [*command, *extra],
                cwd=folder,
                env=process_env(pg_url),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}", timeout=GUARD)

    async def up(self) -> None:
        async def answers() -> bool:
            if self.proc.poll() is not None:
                raise AssertionError(f"labbaik run exited:\n{self.log.read_text()}")
            try:
                return (await self.http.get("/healthz")).status_code == 200
            except httpx.HTTPError:
                return False

        await eventually(answers, "labbaik run answers /healthz")

    async def telegram(self, update: dict[str, Any]) -> None:
        headers = {"Content-Type": "application/json", telegram.SECRET_HEADER: SECRET}
        body = json.dumps(update)
        response = await self.http.post("/webhooks/telegram", content=body, headers=headers)
        assert response.status_code == 200, response.text

    async def whatsapp(self, form: dict[str, str]) -> list[str]:
        """POST a form signed as Twilio signs it; the bodies of the TwiML answer's messages."""
        url = f"{PUBLIC_URL}/webhooks/whatsapp"
        signature = RequestValidator(TWILIO_TOKEN).compute_signature(url, form)
        response = await self.http.post(
            "/webhooks/whatsapp", data=form, headers={"X-Twilio-Signature": signature}
        )
        assert response.status_code == 200, response.text
        return [m.text or "" for m in ET.fromstring(response.text).findall("Message")]

    async def webchat(self, client_id: str, **fields: Any) -> list[str]:
        body = {"client_id": client_id, "message_id": secrets.token_hex(16), "lang": "en"}
        response = await self.http.post("/webchat/api/messages", json={**body, **fields})
        assert response.status_code == 200, response.text
        return [r["key"] for r in response.json()["replies"]]

    def logged(self, words: str) -> list[str]:
        """The lines of the process's log that contain `words`."""
        return [line for line in self.log.read_text().splitlines() if words in line]

    async def stop(self) -> None:
        await self.http.aclose()
        self.proc.terminate()
        try:
            await asyncio.to_thread(self.proc.wait, 30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            await asyncio.to_thread(self.proc.wait, 10)


async def eventually(check: Callable[[], Any], what: str) -> Any:
    """`check()`'s first truthy answer (awaited when it is a coroutine), bounded by GUARD."""
    end = time.monotonic() + GUARD
    while True:
        found = check()
        if asyncio.iscoroutine(found):
            found = await found
        if found:
            return found
        if time.monotonic() > end:
            raise AssertionError(f"{what}: never happened")
        await asyncio.sleep(POLL)


def update(kind: str, chat_id: int, **fields: Any) -> dict[str, Any]:
    """A captured Telegram update of this kind for this chat, with fresh ids."""
    data: dict[str, Any] = copy.deepcopy(
        json.loads((FIXTURES / f"{kind}.json").read_text(encoding="utf-8"))
    )
    data["update_id"] = next(_update_ids)
    message = data["message"]
    message["message_id"] = next(_message_ids)
    message["chat"]["id"] = message["from"]["id"] = chat_id
    message["from"]["language_code"] = "en"
    message.update(fields)
    return data


def whatsapp_text(phone: str, body: str) -> dict[str, str]:
    """The captured form Twilio posts for a WhatsApp text, with a fresh message id."""
    path = ROOT / "tests" / "channels" / "whatsapp" / "fixtures" / "text.json"
    raw = json.loads(path.read_text(encoding="utf-8"))["form"]
    fill = {
        "MessageSid": "SM" + secrets.token_hex(16),
        "AccountSid": TWILIO_SID,
        "Phone": phone,
        "WaId": phone.lstrip("+"),
        "ProfileName": "Fatima",
        "Body": body,
    }
    return {k: v.format_map(fill) for k, v in raw.items()}
