"""A real conversation service on a real database, and a small chat driver for transcripts.

`make_service(db_url)` builds the service exactly as `labbaik chat` does
(settings from config.yaml, overridden only for the database and media
directory), without the NLU server. `Chat` sends neutral inbound messages and
returns the rendered replies, so a test reads like a conversation.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from shared_content import service_on

from bot.app.config import load_settings
from bot.core.conversation import ConversationService, HandleResult
from bot.core.messages import Inbound, Reply
from dialogs.model import Location
from storage.db import Database

_ids = itertools.count(1)


class Chat:
    def __init__(self, service: ConversationService, user: str, channel: str = "console") -> None:
        self.service = service
        self.user = user
        self.channel = channel
        self.last: tuple[Reply, ...] = ()

    async def send(self, message_id: str | None = None, **fields: Any) -> tuple[Reply, ...]:
        result = await self.handle(message_id, **fields)
        return result.replies

    async def handle(self, message_id: str | None = None, **fields: Any) -> HandleResult:
        inbound = Inbound(
            channel=self.channel,  # type: ignore[arg-type]
            user_id=self.user,
            message_id=message_id or f"m{next(_ids)}",
            **fields,
        )
        result = await self.service.handle(inbound)
        self.last = result.replies
        return result

    async def say(self, text: str) -> list[str]:
        return keys(await self.send(text=text))

    async def choose(self, choice: str) -> list[str]:
        return keys(await self.send(choice=choice))

    async def pin(self, lat: float, lon: float) -> list[str]:
        return keys(await self.send(location=Location(lat=lat, lon=lon)))

    def text(self) -> str:
        return "\n".join(r.text for r in self.last)


def keys(replies: tuple[Reply, ...]) -> list[str]:
    return [r.key for r in replies]


@pytest.fixture
def make_service(tmp_path: Path) -> Callable[[str], ConversationService]:
    """The service as `labbaik chat` builds it, on `db_url`, without the NLU server."""

    def build(db_url: str) -> ConversationService:
        settings = load_settings(
            overrides={"database.url": db_url, "media.directory": str(tmp_path / "media")}
        )
        return service_on(settings, Database(db_url))

    return build
