"""The outbox worker's sender for the web chat: delivering is writing into the chat's history."""

from __future__ import annotations

import asyncio
from dataclasses import asdict

from bot.channels.webchat.payloads import CHANNEL
from bot.core.messages import PermanentFailure, Reply
from storage import service as store
from storage.db import Database


class WebChatSender:
    """The outbox worker's sender for the web chat: delivery is writing into the history."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def send(self, user_id: str, reply: Reply) -> str:
        return await asyncio.to_thread(self._store, user_id, reply)

    def _store(self, user_id: str, reply: Reply) -> str:
        with self._database.transaction() as session:
            person = store.find_person(session, channel=CHANNEL, user_id=user_id)
            if person is None:
                raise PermanentFailure("no web chat with this client id")
            message = store.record_outbound(
                session,
                person=person,
                channel=CHANNEL,
                key=reply.key,
                payload=asdict(reply),
                in_reply_to=None,
            )
            platform_id = f"webchat-{message.id}"
            store.mark_message_sent(session, message=message, platform_message_id=platform_id)
        return platform_id
