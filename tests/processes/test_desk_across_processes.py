"""The desk across two `labbaik run` processes on one PostgreSQL schema, at the desk's level.

An agent signs in on process A over HTTP (the login form's CSRF token, the
session cookie) and holds A's event stream (/desk/chats/events) open, as
chats.js does. A pilgrim writes through process B's Telegram webhook. The
stream on A tells of the new chat, the claim and the pilgrim's message (A's
bus listener hears B's commit: LISTEN/NOTIFY), A's `/desk/chats/<id>/lines?after=`
fragment shows the message, and the reply the agent posts on A reaches the
pilgrim once, sent by whichever process's outbox worker claimed it. Then the
same in headless Chromium: the agent's page of that chat on A (chats.js on A's
stream) shows, without a reload, the next line the pilgrim sent through B.

The desk's cookies are `Secure` (PUBLIC_URL is https); these requests go to the
process itself over plain HTTP, as a TLS proxy's would, so `DeskAgent` sends
them as a browser on the https address would (Chromium keeps Secure cookies
on 127.0.0.1, a trustworthy origin). One process pair for the module:
one test. Waits are bounded; nothing asserts a duration.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from browser_kit import CHROMIUM_ARGS, RESULTS, chromium_or_skip
from fakes.fake_telegram import FakeTelegram
from playwright.async_api import Page, async_playwright, expect
from process_kit import GUARD, Process, eventually, update
from shared_content import runtime_on_settings
from sqlalchemy import select

from bot.app.config import load_settings
from bot.core.runtime import Runtime
from storage import service as store
from storage.models import OutboxItem, Person

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "olive lantern harbour 42"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
_LINE_IDS = re.compile(r'data-id="(\d+)"')


class DeskAgent:
    """A browser on the desk of one process: its cookies kept, the CSRF token on every form."""

    def __init__(self, process: Process) -> None:
        self.http = process.http
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def _keep(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                assert morsel["secure"], f"the desk's cookie {name} is not Secure"
                if morsel["max-age"] == "0" or morsel.value in ("", '""'):
                    self.cookies.pop(name, None)  # deleted
                    continue
                self.cookies[name] = morsel.value

    def _headers(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    async def get(self, path: str, **params: Any) -> httpx.Response:
        response = await self.http.get(path, params=params or None, headers=self._headers())
        self._keep(response)
        return response

    async def post(self, path: str, **data: Any) -> httpx.Response:
        response = await self.http.post(
            path, data={"csrf": self.csrf, **data}, headers=self._headers()
        )
        self._keep(response)
        return response

    async def sign_in(self, username: str) -> None:
        form = await self.get("/desk/login", lang="en")
        token = _CSRF.search(form.text)
        assert token, form.text
        self.csrf = token.group(1)
        signed = await self.post("/desk/login?lang=en", username=username, password=PASSWORD)
        assert signed.status_code == 303, signed.text
        page = await self.get("/desk/chats")
        assert page.status_code == 200, page.text
        found = _CSRF.search(page.text)
        assert found, page.text
        self.csrf = found.group(1)

    def stream(self) -> Any:
        return self.http.stream("GET", "/desk/chats/events", headers=self._headers())


class Events:
    """Server-sent events as (event, data) pairs, read from an open response (pings skipped)."""

    def __init__(self, response: httpx.Response) -> None:
        self.lines = response.aiter_lines()

    async def next(self) -> tuple[str, dict[str, Any]]:
        return await asyncio.wait_for(self._next(), GUARD)

    async def _next(self) -> tuple[str, dict[str, Any]]:
        name, data = "message", ""
        async for line in self.lines:
            if line.startswith("event:"):
                name = line.removeprefix("event:").strip()
            elif line.startswith("data:"):
                data += line.removeprefix("data:").strip()
            elif line == "" and data:
                return name, json.loads(data)
        raise AssertionError("the event stream ended")


@pytest.fixture
def storage_side(pg_url: str, tmp_path: Path) -> Iterator[Runtime]:
    """This test process's runtime on the same schema: to seed the agent, read the outbox."""
    settings = load_settings(
        env={},
        overrides={"database.url": pg_url, "media.directory": str(tmp_path / "media")},
    )
    runtime = runtime_on_settings(settings)
    yield runtime
    runtime.service.database.dispose()


def make_agent(runtime: Runtime, username: str) -> int:
    with runtime.service.database.transaction() as s:
        agent = store.create_agent(
            s,
            username=username,
            display_name=username.title(),
            password=PASSWORD,
            role="agent",
            team="customer_service",
            desk_language="en",
            hasher=FAST_HASHER,
        )
        return agent.id


def outbox_of(runtime: Runtime, chat_id: int) -> list[OutboxItem]:
    with runtime.service.database.session() as s:
        who = s.scalar(
            select(Person.id).where(Person.channel == "telegram", Person.user_id == str(chat_id))
        )
        return list(s.scalars(select(OutboxItem).where(OutboxItem.person_id == who)))


async def test_an_agent_on_one_process_sees_and_answers_a_pilgrim_of_the_other(
    two: tuple[Process, Process], storage_side: Runtime, fake: FakeTelegram
) -> None:
    a, b = two
    chat_id = 62_000_001
    make_agent(storage_side, "amina")
    amina = DeskAgent(a)
    await amina.sign_in("amina")  # on process A
    async with amina.stream() as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = Events(response)
        assert await events.next() == ("ready", {})

        await b.telegram(update("text", chat_id, text="/human"))  # the pilgrim, into B
        name, opened = await events.next()
        assert (name, opened["change"], opened["status"]) == ("chat", "opened", "waiting")
        chat = opened["chat"]
        assert isinstance(chat, int)

        claimed = await amina.post(f"/desk/chats/{chat}/claim")  # the agent, on A
        assert claimed.status_code == 303, claimed.text
        name, data = await events.next()
        assert (name, data["change"], data["chat"]) == ("chat", "claimed", chat)
        page = await amina.get(f"/desk/chats/{chat}")
        after = re.search(r'data-after="(\d+)"', page.text)
        assert after, page.text

        await b.telegram(update("text", chat_id, text="Is the road to Mina open?"))  # into B
        name, heard = await events.next()
        assert (name, heard["change"], heard["chat"]) == ("chat", "message", chat)
        assert isinstance(heard["message"], int)
        assert "Mina" not in json.dumps(heard)  # ids and codes, never what was written

        lines = await amina.get(f"/desk/chats/{chat}/lines", after=after.group(1))
        assert lines.status_code == 200, lines.text
        assert "Is the road to Mina open?" in lines.text
        assert _LINE_IDS.findall(lines.text) == [str(heard["message"])]  # that line alone

        replied = await amina.post(f"/desk/chats/{chat}/reply", text="Yes, it is open.")
        assert replied.status_code == 303, replied.text
        name, data = await events.next()
        assert (name, data["change"], data["chat"]) == ("chat", "reply", chat)

    await eventually(
        lambda: any(p["text"] == "Yes, it is open." for p in fake.sent(chat_id)),
        "the agent's reply reaches the pilgrim",
    )
    await eventually(
        lambda: all(r.status == "sent" for r in outbox_of(storage_side, chat_id)),
        "every row of the chat sent",
    )
    texts = [p["text"] for p in fake.sent(chat_id)]
    assert texts.count("Yes, it is open.") == 1  # once, whichever worker sent it
    assert len(texts) == len(outbox_of(storage_side, chat_id))  # the bot said nothing more

    # the same in a browser: the chat's page on A shows what the pilgrim sends through B
    chromium = chromium_or_skip()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await browser_sign_in(page, a, "amina")
            await page.goto(f"{url(a)}/desk/chats/{chat}")
            await expect(page.locator('#chats-live[data-live="1"]')).to_be_attached()
            await b.telegram(update("text", chat_id, text="And the road to Arafat?"))  # into B
            newest = page.locator("#lines li.from-pilgrim").last
            await expect(newest).to_contain_text("And the road to Arafat?", timeout=GUARD * 1000)
            RESULTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(RESULTS / "desk-chat-two-processes-en.png"))
            assert errors == []
        finally:
            await browser.close()


def url(process: Process) -> str:
    return f"http://127.0.0.1:{process.port}"


async def browser_sign_in(page: Page, process: Process, username: str) -> None:
    await page.goto(f"{url(process)}/desk/login?lang=en")
    await page.fill("#username", username)
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit].primary")
    await expect(page.locator("h1.page-title")).to_be_visible()
