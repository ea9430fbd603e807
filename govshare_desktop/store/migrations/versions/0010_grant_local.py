"""what this PC alone knows of each grant: when the platform last confirmed it, and when
the officer acknowledged its revocation

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

Grants are pull-only (the platform's row is stored as served), so the two facts the PC
adds live in a table of their own, never sent: `confirmed_at` (the last sync that reached
the feed's head, or the last page of rows the platform served, while the grant was in
force), which bounds how long cached rows may be shown offline (the offline lease); and
`revocation_acknowledged_at`, after which a revoked grant leaves the list. Nothing existing
changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "grant_local",
        sa.Column("grant_id", sa.String(length=36), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("revocation_acknowledged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("grant_id", name=op.f("pk_grant_local")),
    )


def downgrade() -> None:
    op.drop_table("grant_local")
