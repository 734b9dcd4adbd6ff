"""Daily awareness tip subscriptions (Municipal Snap).

Revision ID: 0002_tips
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_tips"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the model types (migrations must not change when models do).
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "tip_subscriptions",
        sa.Column("id", ID, nullable=False),
        sa.Column("person_id", ID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("subscribed_at", TS, nullable=False),
        sa.Column("unsubscribed_at", TS, nullable=True),
        sa.Column("last_sent_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tip_subscriptions")),
        sa.UniqueConstraint("person_id", name=op.f("uq_tip_subscriptions_person_id")),
    )


def downgrade() -> None:
    op.drop_table("tip_subscriptions")
