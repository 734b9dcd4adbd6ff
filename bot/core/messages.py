"""Neutral message types every channel adapter speaks.

An adapter turns a platform payload into an `Inbound` and renders each
`Reply` back in the platform's terms. No platform SDK type crosses this line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from dialogs.model import Expects, Location, Media

ChannelName = Literal["console", "telegram", "whatsapp", "webchat"]


@dataclass(frozen=True)
class Inbound:
    channel: ChannelName
    user_id: str  # the platform's id of the person (chat id, phone number, browser id)
    message_id: str  # the platform's id of this message; unique per channel
    text: str | None = None
    choice: str | None = None  # button payload
    location: Location | None = None
    media: Media | None = None
    phone: str | None = None
    command: str | None = None
    locale_hint: str | None = None  # e.g. Telegram's language_code
    display_name: str | None = None
    unsupported: str | None = None  # kind of a message we cannot read ("sticker", "voice")


@dataclass(frozen=True)
class ReplyChoice:
    id: str
    label: str


@dataclass(frozen=True)
class Reply:
    """One rendered message for the person, in their language."""

    key: str  # message id, for tests and the console's --json
    text: str
    lang: str
    choices: tuple[ReplyChoice, ...] = ()
    expects: Expects = "none"
    rtl: bool = False


@dataclass(frozen=True)
class OutgoingMessage:
    """A reply bound for one person on one channel (what the outbox stores)."""

    channel: ChannelName
    user_id: str
    reply: Reply
    meta: dict[str, str] = field(default_factory=dict)


class ChannelSender(Protocol):
    """What the outbox worker needs from a channel: deliver one reply now.

    Returns the platform's id of the sent message. Raises `RetryLater` when
    the platform asks to wait, `PermanentFailure` when it never will accept it.
    """

    async def send(self, user_id: str, reply: Reply) -> str: ...


class RetryLater(Exception):
    def __init__(self, seconds: float, reason: str) -> None:
        super().__init__(reason)
        self.seconds = seconds


class PermanentFailure(Exception):
    pass
