"""Initial schema: people, conversations, messages, cases, case events, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the model types (migrations must not change when models do).
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
INBOUND = sa.text("direction = 'in'")


def _id() -> sa.Column:
    return sa.Column("id", ID, nullable=False)


def _fk(column: str, table: str, nullable: bool = False) -> sa.Column:
    return sa.Column(column, ID, sa.ForeignKey(f"{table}.id"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "people",
        _id(),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("display_name", sa.String(200), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_inbound_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("channel", "user_id", name=op.f("uq_people_channel_user_id")),
    )
    op.create_table(
        "cases",
        _id(),
        sa.Column("ticket_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("category", sa.String(32), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location_lat", sa.Float(), nullable=True),
        sa.Column("location_lon", sa.Float(), nullable=True),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("photos", JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(8), nullable=False),
        sa.Column("team", sa.String(64), nullable=True),
        sa.Column("sla_due_at", TS, nullable=True),
        _fk("reporter_id", "people"),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("contact_phone", sa.String(32), nullable=True),
        sa.Column("extra", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(
            "priority IN ('low', 'normal', 'high', 'urgent')", name=op.f("ck_cases_priority")
        ),
        sa.CheckConstraint(
            "status IN ('new', 'in_progress', 'waiting', 'resolved', 'closed', 'rejected')",
            name=op.f("ck_cases_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_cases_ticket_id")),
    )
    op.create_index("ix_cases_reporter_id_created_at", "cases", ["reporter_id", "created_at"])
    op.create_index("ix_cases_status_sla_due_at", "cases", ["status", "sla_due_at"])
    op.create_index("ix_cases_team_status", "cases", ["team", "status"])

    op.create_table(
        "conversations",
        _id(),
        _fk("person_id", "people"),
        sa.Column("state", JSON, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("handed_off", sa.Boolean(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
        sa.UniqueConstraint("person_id", name=op.f("uq_conversations_person_id")),
    )
    op.create_table(
        "messages",
        _id(),
        sa.Column("direction", sa.String(3), nullable=False),
        _fk("person_id", "people"),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("platform_message_id", sa.String(128), nullable=True),
        _fk("in_reply_to_id", "messages", nullable=True),
        sa.Column("key", sa.String(100), nullable=True),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_messages_direction")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index("ix_messages_in_reply_to_id", "messages", ["in_reply_to_id"])
    op.create_index("ix_messages_person_id_created_at", "messages", ["person_id", "created_at"])
    op.create_index(
        "uq_messages_inbound_platform_id",
        "messages",
        ["channel", "platform_message_id"],
        unique=True,
        sqlite_where=INBOUND,
        postgresql_where=INBOUND,
    )

    op.create_table(
        "case_events",
        _id(),
        _fk("case_id", "cases"),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("from_value", sa.String(64), nullable=True),
        sa.Column("to_value", sa.String(64), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    op.create_index("ix_case_events_case_id_at", "case_events", ["case_id", "at"])

    op.create_table(
        "outbox",
        _id(),
        _fk("person_id", "people"),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("platform_message_id", sa.String(128), nullable=True),
        sa.Column("dedupe_key", sa.String(200), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("sent_at", TS, nullable=True),
        _fk("case_id", "cases", nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'held')",
            name=op.f("ck_outbox_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_dedupe_key")),
    )
    op.create_index("ix_outbox_case_id", "outbox", ["case_id"])
    op.create_index("ix_outbox_person_id", "outbox", ["person_id"])
    op.create_index("ix_outbox_status_next_attempt_at", "outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    for table in ("outbox", "case_events", "messages", "conversations", "cases", "people"):
        op.drop_table(table)
