"""Reading chats for the desk: the list, one chat's page, the canned-reply picker.

Called inside a read (or the action's) transaction by bot/handoff/chats.py,
after access was checked; returns the frozen views of bot/handoff/views.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.core.content import Content
from bot.handoff.canned import CannedLibrary
from bot.handoff.views import (
    CannedOption,
    ChatSummary,
    ChatView,
    line,
    reply_window,
    summary,
)
from storage import service as store
from storage.models import Agent, Handoff


def summaries(session: Session, chats: Iterable[Handoff]) -> list[ChatSummary]:
    return [summary(chat, store.queue_position(session, handoff=chat)) for chat in chats]


def build_view(
    session: Session,
    *,
    agent: Agent,
    chat: Handoff,
    content: Content,
    windows: Mapping[str, timedelta],
    now: datetime,
    history: int,
) -> ChatView:
    """The chat's page: the conversation with the bot before it, then the chat itself."""
    pilgrim = chat.language or chat.person.language or agent.desk_language
    before = store.conversation_before(session, handoff=chat, limit=history) if history else []
    during = store.chat_messages(session, handoff=chat)
    delivery = store.reply_delivery(session, messages=during)
    lines = tuple(
        line(
            m,
            content=content,
            pilgrim_lang=pilgrim,
            agent=agent,
            in_chat=in_chat,
            delivery=delivery,
        )
        for messages, in_chat in ((before, False), (during, True))
        for m in messages
    )
    person = chat.person
    return ChatView(
        chat=summary(chat, store.queue_position(session, handoff=chat)),
        lines=lines,
        window=reply_window(person.channel, person.last_inbound_at, windows, now),
        yours=chat.status == "with_agent" and chat.agent_id == agent.id,
        languages_differ=pilgrim != agent.desk_language,
        agent_language=agent.desk_language,
    )


def canned_options(
    content: Content, library: CannedLibrary, agent: Agent, args: Mapping[str, Any]
) -> list[CannedOption]:
    """Each canned reply's name and text in the agent's desk language."""
    lang = agent.desk_language
    return [
        CannedOption(
            shortcut=reply.shortcut,
            title=reply.titles.get(lang) or reply.titles.get("en") or reply.shortcut,
            text=content.texts.render(lang, reply.key, dict(args)),
        )
        for reply in library.replies
    ]
