"""Awareness tips (Municipal Snap): which tip to show, the daily tip, stop words,
and queueing the daily tip for every subscriber through the outbox.

Tips are listed in bot/municipal/data/tips.yaml; their words are `tip-<id>` in
locales/<lang>/tips.ftl. The daily tip is the same for everyone on a Makkah
calendar day and goes round every tip in order.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bot.municipal import prayer
from bot.municipal.datafiles import KNOWLEDGE_DIR, DataError, cached, read_yaml
from bot.municipal.place_names import fold
from dialogs.model import msg_ref
from storage import service as store
from storage import subscriptions

log = logging.getLogger(__name__)

TIPS_FILE = KNOWLEDGE_DIR / "tips.yaml"
DAILY_KEY = "tips-daily"
SEND_AT = time(9, 0)  # Makkah time: a daily tip never arrives at night
DEFAULT_LANGUAGE = "ar"
# One word, alone in a message, stops the daily tip. Persian "لغو" also means
# "cancel": the service only treats it as stop for a subscriber with no flow open.
STOP_WORDS_BY_LANGUAGE = {
    "en": ("stop", "unsubscribe", "stop tips"),
    "ar": ("توقف", "إيقاف", "ايقاف", "إلغاء الاشتراك", "الغاء الاشتراك"),
    "id": ("berhenti", "stop langganan"),
    "ur": ("بند", "بند کرو", "band", "band karo"),
    "fa": ("لغو", "لغو اشتراک", "توقف کن"),
}
STOP_WORDS = frozenset(fold(w) for words in STOP_WORDS_BY_LANGUAGE.values() for w in words)


@dataclass(frozen=True)
class Tip:
    id: str
    topic: str

    @property
    def key(self) -> str:
        return f"tip-{self.id}"


@dataclass(frozen=True)
class Tips:
    topics: tuple[str, ...]
    tips: tuple[Tip, ...]

    def of_topic(self, topic: str) -> tuple[Tip, ...]:
        return tuple(t for t in self.tips if t.topic == topic)

    def pick(self, topic: str, *, now: datetime) -> Tip | None:
        """A tip of the topic, changing from one request to the next (by the clock)."""
        found = self.of_topic(topic)
        return found[int(now.timestamp()) % len(found)] if found else None

    def daily(self, day: date) -> Tip:
        return self.tips[day.toordinal() % len(self.tips)]


def parse_tips(data: Any, *, where: str = "tips") -> Tips:
    if not isinstance(data, dict) or not data.get("tips") or not data.get("topics"):
        raise DataError(f"{where}: expected `topics` and a non-empty `tips` list")
    topics = tuple(str(t) for t in data["topics"])
    try:
        tips = tuple(Tip(str(t["id"]), str(t["topic"])) for t in data["tips"])
    except (KeyError, TypeError) as exc:
        raise DataError(f"{where}: every tip needs an id and a topic ({exc})") from exc
    unknown = sorted({t.topic for t in tips} - set(topics))
    if unknown:
        raise DataError(f"{where}: tips of unknown topics: {', '.join(unknown)}")
    ids = [t.id for t in tips]
    if len(set(ids)) != len(ids):
        raise DataError(f"{where}: duplicate tip ids")
    return Tips(topics=topics, tips=tips)


def load_tips(path: Path = TIPS_FILE) -> Tips:
    return cached(path, lambda p: parse_tips(read_yaml(p), where=str(p)))


def is_stop_word(text: str | None) -> bool:
    """True for a message that is only a stop word, in any of our languages."""
    return bool(text) and fold(text or "") in STOP_WORDS


def enqueue_daily_tips(session: Session, *, now: datetime, tips: Tips | None = None) -> int:
    """Queue today's tip for every subscriber not served today; returns how many were queued.

    Safe to run as often as the scheduler likes: one tip per person per
    Makkah day (the subscription's `last_sent_on` and the outbox dedupe key).
    Tips queued before SEND_AT wait until then (`not_before`).
    """
    tips = tips or load_tips()
    local = prayer.makkah_now(now)
    day = local.date()
    tip = tips.daily(day)
    send_at = max(now, datetime.combine(day, SEND_AT, prayer.MAKKAH_TZ))
    count = 0
    for sub in subscriptions.due_tip_subscriptions(session, day=day):
        person = sub.person
        store.enqueue_outbox(
            session,
            person=person,
            channel=person.channel,
            payload={
                "key": DAILY_KEY,
                "args": {"tip": msg_ref(tip.key)},
                "lang": person.language or DEFAULT_LANGUAGE,
            },
            dedupe_key=f"tip:{person.id}:{day.isoformat()}",
            not_before=send_at,
        )
        subscriptions.mark_tip_queued(session, subscription=sub, day=day)
        count += 1
    log.info("daily tip %s queued for %d subscriber(s)", tip.id, count)
    return count
