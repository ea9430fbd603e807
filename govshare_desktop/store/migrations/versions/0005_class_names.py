"""the names a unit gives its own classes (项 / 目), shown beside their codes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

The catalog tree showed bare codes ("301", "301001") for the classes the national profile
does not name. A unit may now name them; the names stay on this PC (the platform's catalog
carries codes only), one row per unit and class code. Nothing existing changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "class_names",
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "code", name=op.f("pk_class_names")),
    )


def downgrade() -> None:
    op.drop_table("class_names")
