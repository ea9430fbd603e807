"""full-text search over resources: an FTS5 trigram index of names, abstracts, data items

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Trigrams match Chinese substrings of three characters or more without a word segmenter;
shorter queries are answered with LIKE by the repository. The index is filled from the
resources already stored, so an upgraded DB is searchable at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE resource_search USING fts5("
        "resource_id UNINDEXED, name, abstract, item_names, tokenize = 'trigram')"
    )
    op.execute(
        "INSERT INTO resource_search (resource_id, name, abstract, item_names) "
        "SELECT r.id, r.name, r.abstract, "
        "COALESCE((SELECT group_concat(d.name, ' ') FROM data_items d "
        "WHERE d.resource_id = r.id), '') "
        "FROM resources r WHERE r.deleted = 0"
    )


def downgrade() -> None:
    op.execute("DROP TABLE resource_search")
