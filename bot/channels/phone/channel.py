"""A phone caller as a channel: no platform to send to, so every later message is held.

An agent who files a case for a caller (the desk's "file for a caller") reaches
them on WhatsApp at their number when they agree; otherwise the caller's case
is kept on this channel, whose person is the caller's number. Its outbox
sender never sends: each notification is held and shows on the case, which
tells the agent to call the caller back (or the caller calls 940 with the
ticket number). An SMS gateway would plug in here.
"""

from __future__ import annotations

from bot.channels.base import Channel
from bot.core.messages import ChannelSender, Held, Reply
from bot.core.runtime import Runtime

NAME = "phone"
HELD = "a phone caller without WhatsApp: call them back with this news"


class PhoneSender:
    """Holds every message for an agent to pass on by phone."""

    async def send(self, user_id: str, reply: Reply) -> str:
        raise Held(HELD)


def _sender(runtime: Runtime) -> ChannelSender:
    return PhoneSender()


CHANNEL = Channel(name=NAME, sender=_sender)
