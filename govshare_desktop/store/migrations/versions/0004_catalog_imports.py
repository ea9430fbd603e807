"""what each stored Excel import did, so it can be undone as one step

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

An import may create thousands of resources and overwrite existing ones. Its record names
the resources it created and holds the content before and after of every resource it
changed, written in the import's own transaction, so the whole import can be taken back
(issue 10, item 1) even after a restart. Local only: nothing here is ever sent.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_imports",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("file", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("batch_seq", sa.Integer(), nullable=True),
        sa.Column("created_json", sa.Text(), nullable=False),
        sa.Column("changed_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_imports")),
    )
    with op.batch_alter_table("catalog_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalog_imports_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("catalog_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_imports_at"))
    op.drop_table("catalog_imports")
