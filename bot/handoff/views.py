"""What the desk's chat pages get: plain, frozen views of chats and their messages.

Built inside a read transaction (bot/handoff/chats.py) and handed out detached
from it, so a page renders them without touching the database. Text is as
the pilgrim sent it or received it; `translations` holds machine
translations by language, `original` what an agent typed when the pilgrim got
a translation. Nothing here is escaped: the page escapes everything it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from bot.core.content import Content
from storage.models import Agent, Handoff, Message

Sender = Literal["pilgrim", "agent", "bot"]


@dataclass(frozen=True)
class ReplyWindow:
    """Whether the pilgrim's channel lets us write to them now (WhatsApp: 24 hours).

    `limited` is False for channels without such a window (always open). When
    it has closed, a reply is sent as the configured template or held, and
    the agent should be warned before typing.
    """

    channel: str
    limited: bool
    open: bool
    closes_at: datetime | None = None


def reply_window(
    channel: str, last_inbound_at: datetime | None, windows: Mapping[str, timedelta], now: datetime
) -> ReplyWindow:
    window = windows.get(channel)
    if window is None:
        return ReplyWindow(channel, limited=False, open=True)
    if last_inbound_at is None:
        return ReplyWindow(channel, limited=True, open=False)
    closes = last_inbound_at + window
    return ReplyWindow(channel, limited=True, open=now < closes, closes_at=closes)


@dataclass(frozen=True)
class ChatLine:
    """One message of a chat (or of the conversation before it)."""

    id: int
    at: datetime
    sender: Sender
    kind: str  # text | photo | location | choice | command | unsupported | notice
    text: str | None
    lang: str | None
    in_chat: bool  # False: from the conversation with the bot before the chat
    agent_id: int | None = None
    translations: Mapping[str, str] = field(default_factory=dict)
    original: Mapping[str, str] | None = None  # {"lang", "text"} the agent typed
    translation_failed: bool = False
    canned: str | None = None  # the canned reply's shortcut
    media: Mapping[str, Any] | None = None  # {"ref", "content_type", "size"}
    location: Mapping[str, Any] | None = None  # {"lat", "lon", "label"}
    delivery: str | None = None  # an agent's reply: pending | sending | sent | held | failed


@dataclass(frozen=True)
class ChatSummary:
    """A chat as the list of waiting and active chats shows it."""

    id: int
    status: str  # waiting | with_agent | ended | abandoned
    team: str
    reason: str  # asked | not_understood | flow | agent
    language: str | None  # the pilgrim's
    channel: str
    queued_at: datetime
    claimed_at: datetime | None
    ended_at: datetime | None
    agent_id: int | None
    agent_name: str | None
    position: int | None  # in the team's queue, while waiting
    ticket_id: str | None  # the case it is about
    last_pilgrim_at: datetime | None
    last_agent_at: datetime | None
    rating: int | None


@dataclass(frozen=True)
class ChatView:
    """One chat as its page shows it, for the agent who asked."""

    chat: ChatSummary
    lines: tuple[ChatLine, ...]  # the conversation before, then the chat, oldest first
    window: ReplyWindow
    yours: bool  # held by this agent: they may reply, send canned replies, end, transfer
    languages_differ: bool  # the pilgrim's language is not the agent's desk language
    agent_language: str  # the agent's desk language


@dataclass(frozen=True)
class SentReply:
    """An agent's reply as stored: the pilgrim gets it through the outbox."""

    chat_id: int
    message_id: int
    translating: bool  # held back a moment for its translation (sent as typed if it fails)


@dataclass(frozen=True)
class CannedOption:
    """A canned reply as the picker lists it, in the agent's desk language."""

    shortcut: str
    title: str
    text: str


def summary(chat: Handoff, position: int | None) -> ChatSummary:
    return ChatSummary(
        id=chat.id,
        status=chat.status,
        team=chat.team,
        reason=chat.reason,
        language=chat.language or chat.person.language,
        channel=chat.person.channel,
        queued_at=chat.queued_at,
        claimed_at=chat.claimed_at,
        ended_at=chat.ended_at,
        agent_id=chat.agent_id,
        agent_name=chat.agent.display_name if chat.agent is not None else None,
        position=position,
        ticket_id=chat.case.ticket_id if chat.case is not None else None,
        last_pilgrim_at=chat.last_pilgrim_at,
        last_agent_at=chat.last_agent_at,
        rating=chat.rating,
    )


def _inbound_kind(payload: Mapping[str, Any]) -> tuple[str, str | None]:
    if payload.get("unsupported"):
        return "unsupported", str(payload["unsupported"])
    if payload.get("media"):
        return "photo", payload.get("text")
    if payload.get("location"):
        return "location", None
    if payload.get("command"):
        return "command", "/" + str(payload["command"])
    if payload.get("choice"):
        return "choice", str(payload["choice"])
    return "text", payload.get("text")


def _agent_text(
    message: Message, content: Content, pilgrim_lang: str, agent: Agent
) -> tuple[str | None, dict[str, str], str | None]:
    """An agent's reply: (text as the pilgrim gets it, translations, canned shortcut)."""
    payload = message.payload
    translations = dict(payload.get("translations") or {})
    key = str(payload.get("key") or "")
    if not key.startswith("canned-"):
        return payload.get("text"), translations, None
    args = dict(payload.get("args") or {})
    text = payload.get("text") or content.texts.render(pilgrim_lang, key, args)
    if agent.desk_language != pilgrim_lang:
        translations.setdefault(
            agent.desk_language, content.texts.render(agent.desk_language, key, args)
        )
    return text, translations, key.removeprefix("canned-")


def line(
    message: Message,
    *,
    content: Content,
    pilgrim_lang: str,
    agent: Agent,
    in_chat: bool,
    delivery: Mapping[int, str],
) -> ChatLine:
    payload = message.payload
    common: dict[str, Any] = {
        "id": message.id,
        "at": message.created_at,
        "in_chat": in_chat,
        "translations": dict(payload.get("translations") or {}),
        "translation_failed": bool(payload.get("translation_failed")),
    }
    if message.direction == "in":
        kind, text = _inbound_kind(payload)
        return ChatLine(
            sender="pilgrim",
            kind=kind,
            text=text,
            lang=pilgrim_lang,
            media=payload.get("media"),
            location=payload.get("location"),
            **common,
        )
    if message.agent_id is not None:
        text, translations, canned = _agent_text(message, content, pilgrim_lang, agent)
        return ChatLine(
            **{**common, "translations": translations},
            sender="agent",
            kind="text",
            text=text,
            lang=payload.get("lang") or pilgrim_lang,
            agent_id=message.agent_id,
            original=payload.get("original"),
            canned=canned,
            delivery=delivery.get(message.id),
        )
    kind = "notice" if in_chat else "text"
    return ChatLine(
        sender="bot", kind=kind, text=payload.get("text"), lang=payload.get("lang"), **common
    )
