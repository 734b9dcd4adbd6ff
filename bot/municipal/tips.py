"""Awareness tips (Municipal Snap): which tip to show, the daily tip, stop words,
and queueing the daily tip for every subscriber through the outbox.

Tips are listed in bot/municipal/data/tips.yaml, with the words that stop the
daily tip in each language; their texts are `tip-<id>` in
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
from bot.municipal.datafiles import DATA_DIR, DataError, read_yaml
from bot.municipal.place_names import fold
from dialogs.model import msg_ref
from storage import service as store
from storage import subscriptions

log = logging.getLogger(__name__)

TIPS_FILE = DATA_DIR / "tips.yaml"
DAILY_KEY = "tips-daily"
SEND_AT = time(9, 0)  # Makkah time: a daily tip never arrives at night


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
    # One word, alone in a message, stops the daily tip (tips.yaml `stop_words`, per
    # language). Persian "لغو" also means "cancel": the conversation only treats it
    # as stop for a subscriber with no flow open.
    stop_words: frozenset[str] = frozenset()  # folded (place_names.fold)

    def is_stop_word(self, text: str | None) -> bool:
        """True for a message that is only a stop word, in any language."""
        return bool(text) and fold(text or "") in self.stop_words

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
    return Tips(topics=topics, tips=tips, stop_words=_stop_words(data.get("stop_words"), where))


def _stop_words(raw: Any, where: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, dict) or not all(isinstance(w, list) for w in raw.values()):
        raise DataError(f"{where}: `stop_words` maps a language code to a list of words")
    return frozenset(fold(str(w)) for words in raw.values() for w in words if fold(str(w)))


def load_tips(path: Path = TIPS_FILE) -> Tips:
    """The file read now (the running bot reads it through its content snapshot)."""
    return parse_tips(read_yaml(path), where=str(path))


def is_stop_word(text: str | None, tips: Tips | None = None) -> bool:
    """`tips.is_stop_word(text)`, of the tips file as it is now by default."""
    return (tips or load_tips()).is_stop_word(text)


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
                "lang": person.language,  # none yet: the outbox uses the default language
            },
            dedupe_key=f"tip:{person.id}:{day.isoformat()}",
            not_before=send_at,
        )
        subscriptions.mark_tip_queued(session, subscription=sub, day=day)
        count += 1
    log.info("daily tip %s queued for %d subscriber(s)", tip.id, count)
    return count
