"""The tables: people, conversations, messages, cases and their events, the outbox,
and the human side: teams, agents, desk sessions, login attempts, audit events,
handoffs (live chats) and API clients.

Write through `storage.service`, not by changing these objects directly: the
service functions keep the invariants (every case change has an event, every
notification goes through the outbox, inbound messages are stored once, every
desk session is revocable, at most one open handoff per person).

Teams are referred to by their `slug` everywhere (`cases.team`,
`agents.team`, `handoffs.team`). `agents.team` and `handoffs.team` are foreign
keys; `cases.team` is not, so the bot can route a case to a team that the
desk has not set up yet (it shows up in that team's queue once it exists).

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
    func,
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
CASE_STATUSES = ("new", "assigned", "in_progress", "resolved", "closed", "rejected", "reopened")
OPEN_CASE_STATUSES = ("new", "assigned", "in_progress", "reopened")  # in a team's queue
FINAL_CASE_STATUSES = ("closed", "rejected")
CASE_SOURCES = ("bot", "desk", "open311")
PRIORITIES = ("low", "normal", "high", "urgent")
EVENT_TYPES = (
    "created",
    "status_changed",
    "note",
    "team_changed",
    "agent_assigned",
    "priority_changed",
    "message_sent",
    "fix_asked",
    "fix_answered",
    "satisfaction_rated",
    "notification_held",
    "notification_failed",
)
FIX_ANSWERS = ("yes", "no")
OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "held")
ROLES = ("agent", "supervisor", "admin")
DESK_LANGUAGES = ("ar", "en")
HANDOFF_STATUSES = ("waiting", "with_agent", "ended", "abandoned")
OPEN_HANDOFF_STATUSES = ("waiting", "with_agent")
HANDOFF_REASONS = ("asked", "not_understood", "flow", "agent")
API_SCOPES = ("read_private", "notify_whatsapp", "notify_telegram")
RATINGS = (1, 2, 3, 4, 5)  # satisfaction and chat ratings

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


def _one_of(column: str, values: tuple[str, ...] | tuple[int, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


OPEN_HANDOFF = text(_one_of("status", OPEN_HANDOFF_STATUSES))  # the partial index's predicate


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
    """One message in or out. Inbound ones are unique per (channel, platform message id).

    During a live chat a message points to its handoff, and an agent's reply to
    its agent. Translations live in the payload beside the original:
    `payload["translations"] = {"en": "..."}` (`storage.handoffs.add_translation`).
    """

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
        Index("ix_messages_handoff_id_id", "handoff_id", "id"),
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
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoffs.id"))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))  # who wrote a reply

    person: Mapped[Person] = relationship()


class Case(Base):
    """A report, complaint or service request, known to the person by its ticket id.

    The indexes serve the desk's queue (`storage.queue`): a team's cases by
    status sorted by creation or SLA due time, every team's (supervisors) the
    same way, an agent's own cases, and Open311's listing by date.
    """

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(_one_of("status", CASE_STATUSES), name="status"),
        CheckConstraint(_one_of("priority", PRIORITIES), name="priority"),
        CheckConstraint(_one_of("source", CASE_SOURCES), name="source"),
        CheckConstraint(f"fix_answer IS NULL OR {_one_of('fix_answer', FIX_ANSWERS)}", name="fix"),
        CheckConstraint(
            f"satisfaction IS NULL OR {_one_of('satisfaction', RATINGS)}", name="satisfaction"
        ),
        CheckConstraint("reopen_count >= 0", name="reopen_count"),
        Index("ix_cases_reporter_id_created_at", "reporter_id", "created_at"),
        Index("ix_cases_team_status_created_at", "team", "status", "created_at"),
        Index("ix_cases_team_status_sla_due_at", "team", "status", "sla_due_at"),
        Index("ix_cases_status_sla_due_at", "status", "sla_due_at"),
        Index("ix_cases_status_created_at", "status", "created_at"),
        Index("ix_cases_created_at", "created_at"),
        Index("ix_cases_assigned_agent_id_status", "assigned_agent_id", "status"),
        Index("ix_cases_status_fix_asked_at", "status", "fix_asked_at"),
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
    assigned_agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    sub_municipality: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16), default="bot")
    api_client_id: Mapped[int | None] = mapped_column(ForeignKey("api_clients.id"))
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # when it became closed or rejected
    reopen_count: Mapped[int] = mapped_column(default=0)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    referral: Mapped[str | None] = mapped_column(String(200))  # the body responsible instead
    fix_asked_at: Mapped[datetime | None]  # "is it fixed?" sent
    fix_answer: Mapped[str | None] = mapped_column(String(3))  # "yes" | "no"
    fix_answered_at: Mapped[datetime | None]
    satisfaction: Mapped[int | None]  # 1..5
    satisfaction_at: Mapped[datetime | None]

    reporter: Mapped[Person] = relationship()
    assigned_agent: Mapped[Agent | None] = relationship()
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Case {self.ticket_id} {self.status}>"


class CaseEvent(Base):
    """One change to a case: who (`actor`), when (`at`), what (`type`, from, to, note).

    `note` is internal (never sent); `message` is what the pilgrim was told as
    the agent typed it, and `outbox_id` the notification the change queued.
    """

    __tablename__ = "case_events"
    __table_args__ = (
        CheckConstraint(_one_of("type", EVENT_TYPES), name="type"),
        Index("ix_case_events_case_id_at", "case_id", "at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    actor: Mapped[str] = mapped_column(String(64))  # "person:12", "agent:3", "system"
    at: Mapped[datetime] = mapped_column(default=utcnow)
    type: Mapped[str] = mapped_column(String(32))
    from_value: Mapped[str | None] = mapped_column(String(64))
    to_value: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))

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


class CasePhoto(Base):
    """One media reference of a case, so a photo's case is found by an index (`access_photo`).

    Kept in step with `cases.photos` by `create_case` (the only writer of photos).
    """

    __tablename__ = "case_photos"
    __table_args__ = (UniqueConstraint("ref", "case_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    ref: Mapped[str] = mapped_column(String(255))


class Team(Base):
    """A team of agents: the 940 centre, an outreach service, a sub-municipality.

    `names` are per desk language ({"ar": ..., "en": ...}); `languages` the
    pilgrim languages the team takes chats in. A team is never deleted, only
    made inactive, so old cases and audit rows keep their meaning.
    """

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    names: Mapped[dict[str, Any]] = mapped_column(default=dict)
    languages: Mapped[list[str]] = mapped_column(JSONType, default=list)
    sub_municipality: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"<Team {self.slug}>"


class Agent(Base):
    """A staff account of the desk. Usernames are unique whatever their case."""

    __tablename__ = "agents"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role"),
        CheckConstraint(_one_of("desk_language", DESK_LANGUAGES), name="desk_language"),
        CheckConstraint("role <> 'agent' OR team IS NOT NULL", name="agent_has_team"),
        CheckConstraint("failed_sign_ins >= 0", name="failed_sign_ins"),
        Index("uq_agents_username_lower", func.lower(text("username")), unique=True),
        Index("ix_agents_team_active", "team", "active"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(32))
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    team: Mapped[str | None] = mapped_column(ForeignKey("teams.slug"))
    desk_language: Mapped[str] = mapped_column(String(2), default="ar")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[datetime | None]
    disabled_at: Mapped[datetime | None]

    @property
    def actor(self) -> str:
        """How this agent is named in event and audit rows: "agent:<id>"."""
        return f"agent:{self.id}"

    @property
    def sees_every_team(self) -> bool:
        return self.role in ("supervisor", "admin")

    def __repr__(self) -> str:
        return f"<Agent {self.id} {self.role}>"


class DeskSession(Base):
    """A signed-in browser. Only the SHA-256 of the cookie token is stored.

    Live while not revoked, before `expires_at` (absolute) and seen within the
    idle timeout (`last_seen_at`, refreshed at most once a minute).
    """

    __tablename__ = "desk_sessions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    client_address: Mapped[str | None] = mapped_column(String(45))

    agent: Mapped[Agent] = relationship()


class LoginAttempt(Base):
    """One sign-in attempt, for throttling by username and by client address."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at"),
        Index("ix_login_attempts_client_address_at", "client_address", "at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))  # lower-cased, as typed (maybe unknown)
    client_address: Mapped[str | None] = mapped_column(String(45))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class AuditEvent(Base):
    """One staff (or system) action. Append-only: no function changes or deletes a row.

    `actor` is "agent:<id>", "system" or "open311:<client id>"; `detail` is a
    small JSON object without personal data (no phone numbers, message text,
    passwords or tokens).
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_at", "at"),
        Index("ix_audit_events_agent_id_at", "agent_id", "at"),
        Index("ix_audit_events_object_type_object_id", "object_type", "object_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str | None] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    client_address: Mapped[str | None] = mapped_column(String(45))


class Handoff(Base):
    """A live chat: the person's conversation handed from the bot to a team's agents.

    waiting (in `team`'s queue) → with_agent (claimed by `agent_id`) → ended,
    or → abandoned. At most one open (waiting or with_agent) handoff per
    person, enforced by a partial unique index.
    """

    __tablename__ = "handoffs"
    __table_args__ = (
        CheckConstraint(_one_of("status", HANDOFF_STATUSES), name="status"),
        CheckConstraint(_one_of("reason", HANDOFF_REASONS), name="reason"),
        CheckConstraint(f"rating IS NULL OR {_one_of('rating', RATINGS)}", name="rating"),
        CheckConstraint("status <> 'with_agent' OR agent_id IS NOT NULL", name="claimed_by"),
        Index(
            "uq_handoffs_open_person_id",
            "person_id",
            unique=True,
            sqlite_where=OPEN_HANDOFF,
            postgresql_where=OPEN_HANDOFF,
        ),
        Index("ix_handoffs_team_status_queued_at", "team", "status", "queued_at"),
        Index("ix_handoffs_agent_id_status", "agent_id", "status"),
        Index("ix_handoffs_team_claimed_at", "team", "claimed_at"),
        Index("ix_handoffs_case_id", "case_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    team: Mapped[str] = mapped_column(ForeignKey("teams.slug"))
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    reason: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    last_pilgrim_at: Mapped[datetime | None]
    last_agent_at: Mapped[datetime | None]
    rating: Mapped[int | None]
    rated_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(64))  # "agent:3", "system", "person:12"

    person: Mapped[Person] = relationship()
    case: Mapped[Case | None] = relationship()
    agent: Mapped[Agent | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_HANDOFF_STATUSES

    def __repr__(self) -> str:
        return f"<Handoff {self.id} {self.status}>"


class ApiClient(Base):
    """Another system using the Open311 API. Only a hash of its key is stored.

    A key reads "<key_prefix>.<secret>": the prefix finds the row, the secret's
    SHA-256 is compared in constant time.
    """

    __tablename__ = "api_clients"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    key_prefix: Mapped[str] = mapped_column(String(16), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]

    @property
    def actor(self) -> str:
        """How this client is named in event and audit rows: "open311:<id>"."""
        return f"open311:{self.id}"

    def __repr__(self) -> str:
        return f"<ApiClient {self.id}>"
