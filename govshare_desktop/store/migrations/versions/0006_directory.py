"""the shared directory (共享目录): other units' filed resources, cached read-only, searchable

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

The platform now lists every resource another unit's authority has filed, and its feed
carries their changes. This PC keeps them for offline browsing, search and derivation
(Art. 11 §3): one row per entry, its content whole as JSON, and an FTS5 trigram index
like the catalog's (migration 0002). The cache starts empty; the next sync fills it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "directory_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("unit_name", sa.String(length=200), nullable=False),
        sa.Column("superior", sa.Boolean(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("class_category", sa.String(length=1), nullable=False),
        sa.Column("class_item", sa.String(length=2), nullable=False),
        sa.Column("class_subject", sa.String(length=3), nullable=False),
        sa.Column("class_detail", sa.String(length=32), nullable=False),
        sa.Column("share_type", sa.String(length=16), nullable=False),
        sa.Column("filing_id", sa.String(length=36), nullable=False),
        sa.Column("filed_at", sa.DateTime(), nullable=True),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_entries")),
    )
    op.create_index(
        "ix_directory_entries_unit_code", "directory_entries", ["unit_code", "code"], unique=False
    )
    op.execute(
        "CREATE VIRTUAL TABLE directory_search USING fts5("
        "entry_id UNINDEXED, name, abstract, item_names, tokenize = 'trigram')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE directory_search")
    op.drop_index("ix_directory_entries_unit_code", table_name="directory_entries")
    op.drop_table("directory_entries")
