"""The outbox worker's sender for the web chat: delivering is writing into the chat's history.

A status notification becomes a new message of the history. A message that is
stored already (an agent's reply in a live chat, a chat notice) is marked
delivered instead (`send_stored`), with its text as the pilgrim sees it (a
canned reply is rendered in their language only by the worker), so the
history never shows it twice.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict

from bot.channels.webchat.payloads import CHANNEL
from bot.core.messages import PermanentFailure, Reply
from storage import service as store
from storage.db import Database
from storage.models import Message


class WebChatSender:
    """The outbox worker's sender for the web chat: delivery is writing into the history."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def send(self, user_id: str, reply: Reply) -> str:
        return await asyncio.to_thread(self._store, user_id, reply)

    async def send_stored(self, user_id: str, reply: Reply, message_id: int) -> str:
        return await asyncio.to_thread(self._mark, user_id, reply, message_id)

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

    def _mark(self, user_id: str, reply: Reply, message_id: int) -> str:
        with self._database.transaction() as session:
            message = session.get(Message, message_id)
            person = store.find_person(session, channel=CHANNEL, user_id=user_id)
            if message is None or person is None or message.person_id != person.id:
                raise PermanentFailure("the stored message is not this web chat's")
            store.record_delivered_reply(session, message=message, reply=asdict(reply))
            platform_id = f"webchat-{message.id}"
            store.mark_message_sent(session, message=message, platform_message_id=platform_id)
        return platform_id
