"""The pilgrim's side of a live chat: every message goes to the chat, and the bot keeps quiet.

The conversation service hands each message of a handed-off conversation to
`HandoffRouter.route` inside the message's transaction (bot/core/conversation.py):

- the message (text, photo, location, anything) is filed under the open chat
  and announced on the bus (ids only) for the desk;
- while the chat waits in the queue, "cancel" (the Cancel button, /cancel,
  the word on the button in any language, or the button's number) leaves the
  queue: the pilgrim is told so and gets the menu back;
- otherwise the bot says nothing: a person answers.

With translation on, the message of a chat an agent holds is translated for
them after the commit (bot/handoff/chat_translation.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from bot.core.conversation import Routed
from bot.core.effects import EffectContext
from bot.handoff.chat_translation import ChatTranslations
from dialogs.matching import by_label, match_choice
from dialogs.model import Output, UserInput
from storage import service as store
from storage.models import Message

CANCEL = {"id": "cancel", "key": "choice-cancel"}


def is_cancel(ctx: EffectContext, user_input: UserInput, dialog: Mapping[str, Any]) -> bool:
    """Whether the pilgrim asked to leave: the Cancel button, /cancel, its word or number."""
    if user_input.command == "cancel" or user_input.choice == "cancel":
        return True
    text = (user_input.text or "").strip()
    if not text or user_input.command:
        return False
    labels = ctx.snapshot.texts.labels(ctx.language, every_language=True)
    shown = [c for c in dialog.get("choices") or [] if isinstance(c, Mapping) and "id" in c]
    return (
        match_choice(text, shown, labels) == "cancel"
        or by_label(text, [CANCEL], labels) == "cancel"
    )


class HandoffRouter:
    """The conversation service's `ChatRouter` for live chats."""

    def __init__(self, translations: ChatTranslations | None = None) -> None:
        self.translations = translations

    def route(
        self,
        ctx: EffectContext,
        message: Message,
        user_input: UserInput,
        dialog: Mapping[str, Any],
    ) -> Routed | None:
        chat = store.open_handoff_of(ctx.session, person=ctx.person)
        if chat is None:
            return None  # the chat ended meanwhile: the bot answers
        store.record_pilgrim_message(ctx.session, handoff=chat, message=message, now=ctx.now)
        if chat.status == "waiting" and is_cancel(ctx, user_input, dialog):
            store.end_handoff(ctx.session, handoff=chat, by=f"person:{ctx.person.id}", now=ctx.now)
            return Routed((Output("handoff-left-queue"),), then=UserInput(command="menu"))
        translations = self.translations
        if translations is not None and translations.enabled and chat.status == "with_agent":
            ctx.after_commit.append(partial(translations.pilgrim_message, message.id))
        return Routed()
