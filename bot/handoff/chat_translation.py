"""Translating a live chat's messages, always after they are stored, never in the way.

- A pilgrim's message is stored and announced first; its translation into
  the holding agent's desk language follows in the background
  (`pilgrim_message`) and is announced again ("translated") when it arrives.
  When an agent claims a chat, what the pilgrim wrote so far is translated
  into that agent's language the same way (`backlog`).
- An agent's reply "translated" is stored and queued at once, held back in
  the outbox for at most the translation timeout plus `HOLD_MARGIN`; the
  translation replaces the text if it comes in time (`send_translated_reply`),
  else the reply goes as typed and says so (`release_reply`). A crash in
  between holds nothing: the row falls due by itself and goes as typed.

Database work runs in threads (the storage layer is synchronous); the HTTP
call is async (bot/handoff/translation.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.handoff.translation import Translator
from storage import service as store
from storage.db import Database
from storage.models import Handoff, Message

log = logging.getLogger(__name__)

HOLD_MARGIN = timedelta(seconds=2)
BACKLOG = 30  # the pilgrim's latest messages translated when an agent claims a chat


@dataclass(frozen=True)
class _Job:
    message_id: int
    text: str
    source: str
    target: str


class ChatTranslations:
    """The translation jobs of live chats, on one database."""

    def __init__(
        self, database: Database, translator: Translator, *, clock: Callable[[], datetime]
    ) -> None:
        self.database = database
        self.translator = translator
        self.clock = clock

    @property
    def enabled(self) -> bool:
        return self.translator.enabled

    def hold_until(self, now: datetime) -> datetime:
        """How long an agent's reply may wait for its translation."""
        return now + timedelta(seconds=self.translator.settings.timeout_seconds) + HOLD_MARGIN

    # ---- the pilgrim's messages --------------------------------------------------------

    async def pilgrim_message(self, message_id: int) -> None:
        """Translate one of the pilgrim's messages for the agent holding the chat."""
        job = await asyncio.to_thread(self._pilgrim_job, message_id)
        if job is not None:
            await self._run(job)

    async def backlog(self, chat_id: int) -> None:
        """Translate what the pilgrim wrote in the chat so far, for the agent who claimed it."""
        jobs = await asyncio.to_thread(self._backlog_jobs, chat_id)
        for job in jobs:  # one after the other: a small server is not flooded
            await self._run(job)

    async def _run(self, job: _Job) -> None:
        text = await self.translator.translate(job.text, source=job.source, target=job.target)
        if text is not None:
            await asyncio.to_thread(self._keep, job, text)

    def _pilgrim_job(self, message_id: int) -> _Job | None:
        with self.database.session() as session:
            message = session.get(Message, message_id)
            chat = (
                session.get(Handoff, message.handoff_id) if message and message.handoff_id else None
            )
            if message is None or chat is None:
                return None
            return _job_for(message, chat)

    def _backlog_jobs(self, chat_id: int) -> list[_Job]:
        with self.database.session() as session:
            chat = session.get(Handoff, chat_id)
            if chat is None:
                return []
            messages = [
                m for m in store.chat_messages(session, handoff=chat) if m.direction == "in"
            ]
            jobs = [_job_for(m, chat) for m in messages[-BACKLOG:]]
            return [j for j in jobs if j is not None]

    def _keep(self, job: _Job, text: str) -> None:
        with self.database.transaction() as session:
            message = session.get(Message, job.message_id)
            if message is not None:
                store.add_translation(session, message=message, lang=job.target, text=text)

    # ---- the agent's replies -----------------------------------------------------------

    async def agent_reply(self, message_id: int, *, source: str, target: str) -> None:
        """Send a held reply as its translation, or as typed when there is none in time."""
        text = await asyncio.to_thread(self._typed, message_id)
        translated = (
            await self.translator.translate(text, source=source, target=target) if text else None
        )
        await asyncio.to_thread(self._send, message_id, source, target, translated)

    def _typed(self, message_id: int) -> str | None:
        with self.database.session() as session:
            message = session.get(Message, message_id)
            return str(message.payload.get("text")) if message is not None else None

    def _send(self, message_id: int, source: str, target: str, translated: str | None) -> None:
        with self.database.transaction() as session:
            message = session.get(Message, message_id)
            if message is None:
                return
            now = self.clock()
            if translated is not None and store.send_translated_reply(
                session, message=message, lang=target, text=translated, typed_lang=source, now=now
            ):
                return
            store.release_reply(
                session,
                message=message,
                translation_failed=translated is None,
                typed_lang=source,
                now=now,
            )
            if translated is not None:
                log.info("chat reply %s went out before its translation came", message_id)


def _job_for(message: Message, chat: Handoff) -> _Job | None:
    """What to translate a pilgrim's message into: the holding agent's desk language."""
    text = message.payload.get("text")
    source = chat.language or chat.person.language
    agent = chat.agent
    if not isinstance(text, str) or not text.strip() or agent is None or source is None:
        return None
    target = agent.desk_language
    if target == source or target in (message.payload.get("translations") or {}):
        return None
    return _Job(message.id, text, source, target)
