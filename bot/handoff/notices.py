"""What the pilgrim is told when something happens to their chat at the desk's end.

Each is rendered in the pilgrim's language with the texts in force, stored,
filed under the chat and queued in the outbox in the caller's transaction:
who joined, that the chat was passed on, that it went back to the bot. When
the chat goes back to the bot the conversation's lock is taken first, in the
order a pilgrim's message takes them (its conversation, then the chat), so
the two never deadlock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.core.conversation import ConversationService, queue_notice
from dialogs.model import Output, UserInput
from storage import service as store
from storage.models import Handoff

RATING_FLOW = "flow:handoff_rating"


def tell(
    service: ConversationService, s: Session, chat: Handoff, key: str, args: dict[str, Any]
) -> None:
    """Tell the pilgrim `key` in their language, through the outbox; filed in the chat."""
    lang = chat.language or chat.person.language or service.settings.default_language
    reply = service.render_output(service.content.current(), lang, Output(key, args))
    queue_notice(s, person=chat.person, reply=reply, handoff_id=chat.id)


def lock_conversation_first(s: Session, chat: Handoff) -> None:
    """Before a change that hands the conversation back to the bot."""
    store.lock_conversation(s, person=chat.person)


def ask_rating(service: ConversationService, s: Session, chat: Handoff, now: datetime) -> None:
    """The bot is back and asks how it went (the handoff_rating flow, as if pressed)."""
    service.prompt(s, person=chat.person, user_input=UserInput(choice=RATING_FLOW), now=now)


def apologise(service: ConversationService, s: Session, chat: Handoff, now: datetime) -> None:
    """Nobody answered in time: sorry, the messages are kept, 940; then the menu."""
    tell(service, s, chat, "handoff-abandoned", {"hotline": service.settings.contact.hotline})
    service.prompt(s, person=chat.person, user_input=UserInput(command="menu"), now=now)
