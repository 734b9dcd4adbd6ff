"""Helpers of the desk tests: staff accounts, cases routed like the bot's, a signed-in client.

Everything is real: the app, the database (SQLite and PostgreSQL), the content
snapshot, argon2 (cheap parameters for the accounts made here; a sign-in
rehashes them with the real ones, as production would).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from argon2 import PasswordHasher

from bot.core.cases import open_case
from bot.core.runtime import Runtime
from storage import service as store

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "olive lantern harbour 42"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Clock:
    """The desk's and the service's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_staff(
    runtime: Runtime,
    username: str,
    role: str = "agent",
    team: str | None = "customer_service",
    *,
    lang: str = "en",
    password: str = PASSWORD,
) -> int:
    with runtime.service.database.transaction() as s:
        agent = store.create_agent(
            s,
            username=username,
            display_name=username.title(),
            password=password,
            role=role,
            team=team if role == "agent" or team else None,
            desk_language=lang,
            hasher=FAST,
        )
        return agent.id


def make_case(
    runtime: Runtime,
    *,
    team: str | None = None,
    channel: str = "telegram",
    user_id: str = "1001",
    language: str = "ur",
    category: str = "waste",
    description: str = "Rubbish by the hotel door",
    now: datetime | None = None,
    **fields: Any,
) -> str:
    """A case filed by a pilgrim, routed by config (or to `team`); its ticket id."""
    with runtime.service.database.transaction() as s:
        person = store.get_or_create_person(s, channel=channel, user_id=user_id, language=language)
        case = open_case(
            s,
            routing=runtime.settings.routing,
            reporter=person,
            kind=fields.pop("kind", "report"),
            category=category,
            description=description,
            channel=channel,
            language=language,
            now=now or runtime.service.clock(),
            team=team,
            **fields,
        )
        return case.ticket_id


class DeskUser:
    """A browser-like client of the desk: cookies kept, the CSRF token added to every form."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.csrf = ""

    async def sign_in(
        self, username: str, password: str = PASSWORD, *, lang: str = "en"
    ) -> httpx.Response:
        form = await self.client.get("/desk/login", params={"lang": lang})
        token = _CSRF.search(form.text)
        assert token, form.text
        response = await self.client.post(
            f"/desk/login?lang={lang}",
            data={"csrf": token.group(1), "username": username, "password": password},
        )
        if response.status_code == 303:
            page = await self.client.get("/desk/cases")
            found = _CSRF.search(page.text)
            self.csrf = found.group(1) if found else ""
        return response

    async def get(self, path: str, **params: Any) -> httpx.Response:
        return await self.client.get(path, params=params or None)

    async def post(self, path: str, **data: Any) -> httpx.Response:
        return await self.client.post(path, data={"csrf": self.csrf, **data})
