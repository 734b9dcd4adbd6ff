"""The live chats' periodic job (`labbaik run`, every `handoff.check_seconds`).

- a chat an agent holds whose pilgrim's message went unanswered for
  `reply_minutes` (or that the agent claimed and never wrote in): abandoned,
  the pilgrim apologised to and given the menu, the messages kept for a
  follow-up (`Chats.list_closed`, `Chats.take_over`);
- a chat left waiting `wait_minutes` while someone of its team was on duty:
  the same. While nobody is there it is never given back: the pilgrim was
  told their message is kept and answered here, so it waits, and only the
  time someone was on duty counts;
- a chat with an agent silent both ways for `idle_minutes`: ended by the
  system, and the bot asks how it went.

Each chat is read again under its lock before anything is done, so an agent
who answered a moment ago keeps their chat.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.runtime import Runtime
from bot.core.settings import HandoffSettings
from bot.handoff.notices import apologise, ask_rating, lock_conversation_first
from bot.handoff.queue import on_duty_since
from storage import service as store
from storage.models import Handoff


async def sweep(runtime: Runtime) -> dict[str, int]:
    """Give back chats nobody answered in time and end chats silent for long; how many."""
    now = runtime.service.clock()
    found = await asyncio.to_thread(_overdue, runtime, now)
    done: dict[str, int] = {}
    for chat_id in found:
        why = await asyncio.to_thread(_give_back, runtime, chat_id, now)
        if why is not None:
            done[why] = done.get(why, 0) + 1
    if done:
        runtime.outbox_wakeup.set()
    return done


def _limits(settings: HandoffSettings, now: datetime) -> dict[str, datetime]:
    """Before when a message went unanswered, a chat waited, a chat fell silent: too long."""
    return {
        "unanswered_before": now - timedelta(minutes=settings.reply_minutes),
        "waiting_before": now - timedelta(minutes=settings.wait_minutes),
        "idle_before": now - timedelta(minutes=settings.idle_minutes),
    }


def _overdue(runtime: Runtime, now: datetime) -> list[int]:
    limits = _limits(runtime.settings.handoff, now)
    with runtime.service.database.session() as session:
        return [chat.id for chat, _ in store.overdue_chats(session, limit=100, **limits)]


def _give_back(runtime: Runtime, chat_id: int, now: datetime) -> str | None:
    """One overdue chat back to the bot (read again under its lock); why, or None."""
    service = runtime.service
    with service.database.transaction() as s:
        chat = s.get_one(Handoff, chat_id)
        lock_conversation_first(s, chat)
        why = store.overdue_reason(s, handoff=chat, **_limits(runtime.settings.handoff, now))
        if why is None or (why == "waiting" and not _waited_on_duty(runtime, s, chat, now)):
            return None  # answered meanwhile, or nobody there yet: the chat is kept
        if why == "idle":
            store.end_handoff(s, handoff=chat, by="system", now=now)
            ask_rating(service, s, chat, now)
        else:
            store.abandon_handoff(s, handoff=chat, now=now)
            apologise(service, s, chat, now)
        store.record_audit(
            s, actor="system", action=f"handoff.{why}", object_type="handoff", object_id=chat.id
        )
        return why


def _waited_on_duty(runtime: Runtime, s: Session, chat: Handoff, now: datetime) -> bool:
    """A waiting chat has waited too long only counting the time someone was there."""
    settings = runtime.settings.handoff
    since = on_duty_since(s, team=chat.team, hours=settings.hours, now=now)
    limit = timedelta(minutes=settings.wait_minutes)
    return since is not None and now - max(since, chat.queued_at) > limit
