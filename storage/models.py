"""The tables: people, conversations, messages, cases and their events, the outbox.

Write through `storage.service`, not by changing these objects directly: the
service functions keep the invariants (every case change has an event, every
notification goes through the outbox, inbound messages are stored once).

Datetimes are timezone-aware UTC (`UTCDateTime`); JSON columns are JSONB on
PostgreSQL. Value sets (statuses, kinds, ...) are the tuples below; the
database also enforces the closed ones with CHECK constraints.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import JSONType, UTCDateTime, utcnow

# Which channels exist is bot/channels/registry.py's business: storage takes any
# name of this shape (storage._sql.require_channel).
CHANNEL_NAME = r"[a-z][a-z0-9_]{1,31}"
# The report categories of DESIGN.md's contract: the cases' `category` column, the NLU's
# `category` entity values (nlu/rasa_project/categories.yml) and the report flow's choices.
REPORT_CATEGORIES = (
    "waste",
    "food_safety",
    "water_sewage",
    "road_hazard",
    "street_lighting",
    "animals_pests",
    "public_toilets",
    "building_violation",
    "street_vendors",
    "other",
)
DIRECTIONS = ("in", "out")
CASE_KINDS = ("report", "complaint", "home_visit", "proxy_service", "inquiry")
CASE_STATUSES = ("new", "in_progress", "waiting", "resolved", "closed", "rejected")
PRIORITIES = ("low", "normal", "high", "urgent")
EVENT_TYPES = (
    "created",
    "status_changed",
    "note",
    "assigned",
    "notification_held",
    "notification_failed",
)
OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "held")

# Stable constraint names on both databases, so migrations can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets bigint.
Id = BigInteger().with_variant(Integer(), "sqlite")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONType}


class Person(Base):
    """Someone who wrote to us, once per (channel, platform user id)."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("channel", "user_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(128))  # chat id, phone number, browser id
    language: Mapped[str | None] = mapped_column(String(8))
    display_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_inbound_at: Mapped[datetime | None]  # WhatsApp's 24-hour window starts here

    def __repr__(self) -> str:  # no user id: it may be a phone number
        return f"<Person {self.id} {self.channel}>"


class Conversation(Base):
    """The dialog state of one person; `version` moves on at every save."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), unique=True)
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(default=1)
    handed_off: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()

    __mapper_args__ = {"version_id_col": version}


class Message(Base):
    """One message in or out. Inbound ones are unique per (channel, platform message id)."""

    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint(_one_of("direction", DIRECTIONS), name="direction"),
        Index(
            "uq_messages_inbound_platform_id",
            "channel",
            "platform_message_id",
            unique=True,
            sqlite_where=text("direction = 'in'"),
            postgresql_where=text("direction = 'in'"),
        ),
        Index("ix_messages_person_id_created_at", "person_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    channel: Mapped[str] = mapped_column(String(16))
    platform_message_id: Mapped[str | None] = mapped_column(String(128))
    in_reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    key: Mapped[str | None] = mapped_column(String(100))  # message id of an outbound reply
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()


class Case(Base):
    """A report, complaint or service request, known to the person by its ticket id."""

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(_one_of("status", CASE_STATUSES), name="status"),
        CheckConstraint(_one_of("priority", PRIORITIES), name="priority"),
        Index("ix_cases_reporter_id_created_at", "reporter_id", "created_at"),
        Index("ix_cases_team_status", "team", "status"),
        Index("ix_cases_status_sla_due_at", "status", "sla_due_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    category: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)
    location_text: Mapped[str | None] = mapped_column(Text)
    photos: Mapped[list[str]] = mapped_column(JSONType, default=list)  # media refs
    status: Mapped[str] = mapped_column(String(16), default="new")
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    team: Mapped[str | None] = mapped_column(String(64))
    sla_due_at: Mapped[datetime | None]
    reporter_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)  # other kinds' fields
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    reporter: Mapped[Person] = relationship()
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Case {self.ticket_id} {self.status}>"


class CaseEvent(Base):
    """One change to a case: who (`actor`), when (`at`), what (`type`, from, to, note)."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id_at", "case_id", "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    actor: Mapped[str] = mapped_column(String(64))  # "person:12", "agent:3", "system"
    at: Mapped[datetime] = mapped_column(default=utcnow)
    type: Mapped[str] = mapped_column(String(32))
    from_value: Mapped[str | None] = mapped_column(String(64))
    to_value: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="events")


class OutboxItem(Base):
    """A message waiting to be sent by the outbox worker.

    `next_attempt_at` is when the row is due: for "pending" the earliest send
    time, for "sending" the end of the worker's lease (after which another
    worker may claim it again).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(_one_of("status", OUTBOX_STATUSES), name="status"),
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(128))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    platform_message_id: Mapped[str | None] = mapped_column(String(128))
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)

    person: Mapped[Person] = relationship()
    case: Mapped[Case | None] = relationship()


class TipSubscription(Base):
    """A person's daily awareness tip (Municipal Snap). `active` is false once they said stop.

    `last_sent_on` is the Makkah calendar day of the last tip queued, so a
    scheduler that runs twice a day queues one tip per person per day.
    Written through `storage.subscriptions`.
    """

    __tablename__ = "tip_subscriptions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    subscribed_at: Mapped[datetime] = mapped_column(default=utcnow)
    unsubscribed_at: Mapped[datetime | None]
    last_sent_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship()
