"""The neutral message types the conversation core and every channel speak.

A channel turns a platform payload into an `Inbound` and renders each `Reply`
back in the platform's terms; a `ChannelSender` delivers a reply later (for
the outbox) and answers with the platform's message id, or raises one of the
outcomes below. No platform SDK type crosses this line. The types live in the
core because the core speaks them; the Channel protocol (what a channel
package offers) is bot/channels/base.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from dialogs.model import Expects, Location, Media

ChannelName = str  # a name of bot/channels/registry.py ("telegram", "webchat", ...)


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
class ReplyLink:
    """A web address shown with a reply (a map): each channel makes it tappable its own way."""

    url: str
    label: str


@dataclass(frozen=True)
class Reply:
    """One rendered message for the person, in their language."""

    key: str  # message id, for tests and the console's --json
    text: str
    lang: str
    choices: tuple[ReplyChoice, ...] = ()  # ids are tokens of dialogs.tokens.CHOICE_ID's shape
    expects: Expects = "none"
    rtl: bool = False
    links: tuple[ReplyLink, ...] = ()  # never inside `text` (its bidi marks would break them)


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


@runtime_checkable
class StoredMessageSender(Protocol):
    """A sender whose delivery is writing into our own storage (the web chat's history).

    When the message being sent is already a stored row (an agent's reply, a chat
    notice: the outbox payload's "message_id"), the worker calls `send_stored`, so
    the row is marked delivered instead of a second copy being written.
    """

    async def send(self, user_id: str, reply: Reply) -> str: ...

    async def send_stored(self, user_id: str, reply: Reply, message_id: int) -> str: ...


class RetryLater(Exception):
    def __init__(self, seconds: float, reason: str) -> None:
        super().__init__(reason)
        self.seconds = seconds


class PermanentFailure(Exception):
    """The platform will never accept this message."""


class Held(Exception):
    """The message cannot be sent as it is now and needs a person (shown on the case)."""
