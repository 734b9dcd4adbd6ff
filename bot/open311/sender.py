"""The outbox's "sender" for cases whose reporter is a client system (channel `open311`).

A status change queues a notification for every reporter (storage.cases). When
the reporter is the client system itself, there is nobody to message: the
client learns of the change by reading the request back (GET requests), which
shows the new status at once. This sender marks such a row sent with the id
`open311:read-back`, so the case does not show a failed notification.
"""

from __future__ import annotations

from bot.core.messages import Reply
from bot.open311.filing import API_CHANNEL

READ_BACK_ID = "open311:read-back"


class Open311Sender:
    async def send(self, user_id: str, reply: Reply) -> str:
        return READ_BACK_ID


def senders() -> dict[str, Open311Sender]:
    """The outbox worker's senders this package adds (`labbaik run`)."""
    return {API_CHANNEL: Open311Sender()}
