"""Helpers for the live-handoff tests: a movable clock, the desk's people, a pilgrim, delivery.

Everything is the real thing: the conversation service and the desk's chat API
(`Chats`) on a real database, the real outbox worker with the channels' real
senders. Staff accounts and desk sessions are made through storage, as the desk
makes them (a signed-in agent is one with a live desk session).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from shared_content import runtime_on_settings
from sqlalchemy import select

from bot.app.config import load_settings
from bot.channels import registry
from bot.core.conversation import HandleResult
from bot.core.messages import Inbound, Reply
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from storage import service as store
from storage.models import Agent, Handoff, Message, OutboxItem

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "olive lantern harbour 42"
JPEG = b"\xff\xd8\xff\xe0" + b"\x10" * 300  # enough of a JPEG for the media store
ALL_DAY = {"handoff.hours.opens": "00:00", "handoff.hours.closes": "00:00"}
_ids = itertools.count(1)


class Clock:
    """The service's (and so the outbox worker's) clock: a minute ahead of real time, so
    what storage queued at the real time is due; moved on only by the test."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def handoff_settings(
    db_url: str, tmp_path: Path, *, env: dict[str, str] | None = None, **overrides: object
) -> Settings:
    """config.yaml with this database, chats open around the clock unless overridden."""
    return load_settings(
        env=env or {},
        overrides={
            "database.url": db_url,
            "media.directory": str(tmp_path / "media"),
            **ALL_DAY,
            **overrides,
        },
    )


def make_runtime(settings: Settings, clock: Clock) -> Runtime:
    runtime = runtime_on_settings(settings)
    runtime.service.clock = clock
    return runtime


@dataclass
class Desk:
    """The municipality's side: teams, agents, who is signed in."""

    runtime: Runtime
    clock: Clock

    def team(self, slug: str = "customer_service", languages: tuple[str, ...] | None = None) -> str:
        """The team; taking chats in exactly `languages` when they are given (teams are
        seeded at start from config and the boundaries data, with their languages)."""
        with self.runtime.service.database.transaction() as s:
            team = store.get_team(s, slug=slug)
            if team is None:
                names = {"en": slug.replace("_", " ").title(), "ar": slug}
                store.create_team(s, slug=slug, names=names, languages=languages or ())
            elif languages is not None:
                store.update_team(s, team=team, languages=languages)
        return slug

    def no_teams(self) -> None:
        """Every team deactivated: nobody is set up to take a chat."""
        with self.runtime.service.database.transaction() as s:
            for team in store.list_teams(s):
                store.deactivate_team(s, team=team)

    def agent(
        self,
        username: str,
        *,
        team: str | None = "customer_service",
        role: str = "agent",
        desk_language: str = "ar",
        signed_in: bool = True,
    ) -> int:
        if team is not None:
            self.team(team)
        with self.runtime.service.database.transaction() as s:
            agent = store.create_agent(
                s,
                username=username,
                display_name=username.title(),
                password=PASSWORD,
                role=role,
                team=team,
                desk_language=desk_language,
                hasher=FAST_HASHER,
            )
            agent_id = agent.id
        if signed_in:
            self.sign_in(agent_id)
        return agent_id

    def sign_in(self, agent_id: int) -> None:
        with self.runtime.service.database.transaction() as s:
            agent = s.get_one(Agent, agent_id)
            store.create_desk_session(s, agent=agent, now=self.clock())

    def stay(self, agent_id: int, minutes: float, *, step: float = 10.0) -> None:
        """Let `minutes` pass while the agent keeps using the desk (their session stays live)."""
        while minutes > 0:
            self.clock.advance(minutes=min(step, minutes))
            minutes -= step
            with self.runtime.service.database.transaction() as s:
                agent = s.get_one(Agent, agent_id)
                for row in store.list_agent_sessions(s, agent=agent, now=self.clock()):
                    store.touch_desk_session(s, desk_session=row, now=self.clock())


class Pilgrim:
    """Someone writing to the bot on one channel, through the conversation service."""

    def __init__(self, runtime: Runtime, user: str, channel: str = "webchat") -> None:
        self.runtime = runtime
        self.user = user
        self.channel = channel
        self.last: tuple[Reply, ...] = ()

    async def handle(self, **fields: Any) -> HandleResult:
        inbound = Inbound(
            channel=self.channel, user_id=self.user, message_id=f"p{next(_ids)}", **fields
        )
        result = await self.runtime.service.handle(inbound)
        self.last = result.replies
        return result

    async def send(self, **fields: Any) -> list[str]:
        return [r.key for r in (await self.handle(**fields)).replies]

    def set_language(self, language: str) -> None:
        self.runtime.service.set_language(
            channel=self.channel, user_id=self.user, language=language
        )

    async def start(self, language: str) -> None:
        """A person who chose `language` and has seen the welcome and the menu."""
        self.set_language(language)
        await self.send(command="start")

    def received(self) -> list[dict[str, Any]]:
        """What the bot and the agents sent this person, as the web chat shows it (oldest first)."""
        history = self.runtime.service.history(self.channel, self.user, limit=200)
        return [m for m in history if m["direction"] == "out"]

    def chat(self) -> Handoff | None:
        """The person's latest chat."""
        with self.runtime.service.database.session() as s:
            person = store.find_person(s, channel=self.channel, user_id=self.user)
            if person is None:
                return None
            stmt = select(Handoff).where(Handoff.person_id == person.id).order_by(Handoff.id)
            return s.scalars(stmt).all()[-1] if s.scalars(stmt).first() else None


async def deliver(runtime: Runtime) -> int:
    """Run the real outbox worker (the channels' real senders, the service's clock) until
    nothing is due."""
    worker = OutboxWorker.from_runtime(runtime, registry.senders(runtime))
    total = 0
    while (handled := await worker.run_once()) > 0:
        total += handled
    return total


def outbox_payloads(runtime: Runtime) -> list[tuple[str, dict[str, Any]]]:
    with runtime.service.database.session() as s:
        rows = s.execute(select(OutboxItem.status, OutboxItem.payload).order_by(OutboxItem.id))
        return [(status, payload) for status, payload in rows]


def chat_messages(runtime: Runtime, chat_id: int) -> list[Message]:
    with runtime.service.database.session() as s:
        chat = s.get_one(Handoff, chat_id)
        messages = store.chat_messages(s, handoff=chat)
        s.expunge_all()
        return messages
