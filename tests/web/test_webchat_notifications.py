"""Messages sent later (status changes, agent answers) reach a web chat through the outbox.

The real outbox worker sends a queued row with the web chat's sender, which
writes it into the chat's history; the page finds it there.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict

import httpx
import pytest

from bot.channels.webchat.sender import WebChatSender
from bot.core.messages import PermanentFailure, Reply
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from storage import service as store

CLIENT = "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b"


async def test_a_queued_message_lands_in_the_chat_history(
    client: httpx.AsyncClient, webchat_runtime: Runtime
) -> None:
    start = {"client_id": CLIENT, "message_id": uuid.uuid4().hex, "lang": "en", "command": "start"}
    assert (await client.post("/webchat/api/messages", json=start)).status_code == 200
    later = Reply(key="agent-reply", text="Our team is on the way to the hotel.", lang="en")
    database = webchat_runtime.service.database
    with database.transaction() as session:
        person = store.find_person(session, channel="webchat", user_id=CLIENT)
        assert person is not None
        store.enqueue_outbox(
            session, person=person, channel="webchat", payload={"reply": asdict(later)}
        )
    worker = OutboxWorker.from_runtime(webchat_runtime, {"webchat": WebChatSender(database)})

    assert await worker.run_once() == 1

    response = await client.get("/webchat/api/history", params={"client_id": CLIENT})
    last = response.json()["messages"][-1]
    assert (last["from"], last["key"], last["text"]) == ("bot", "agent-reply", later.text)
    assert "labbaik_outbox_pending 0" in (await client.get("/metrics")).text


async def test_a_message_for_an_unknown_browser_is_refused_for_good(
    webchat_runtime: Runtime,
) -> None:
    sender = WebChatSender(webchat_runtime.service.database)
    with pytest.raises(PermanentFailure):
        await sender.send("no-such-browser-0000", Reply(key="k", text="t", lang="en"))
