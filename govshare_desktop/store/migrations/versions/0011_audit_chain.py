"""the audit log sealed by an HMAC chain, and its upload state

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

Each audit event gets its `mac` in the chain keyed with the install's secret (security/
audit_chain.py), "" while it is not sealed; `uploaded_at` records when the platform
acknowledged it and `upload_conflict` that the platform holds another event under its id.
Existing events keep their plain SHA-256 checksum and start unsealed: the migration has no
keyring, so the app seals them into the chain, in their order, on first use with the key.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_KEPT = (
    "seq, id, at, actor, action, subject_type, subject_id, details_json, prev_hash, hash, uploaded"
)


def _columns() -> list[sa.Column[object]]:
    return [
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject_type", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("uploaded", sa.Boolean(), nullable=False),
    ]


def _rebuild(extra: list[sa.Column[object]]) -> None:
    """The table made again whole (as 0008 does: a new file made from the models must read
    the same), every event copied across in its order, in the migration's transaction."""
    op.drop_index("ix_audit_events_uploaded", table_name="audit_events")
    op.rename_table("audit_events", "audit_events_before_0011")
    op.create_table(
        "audit_events",
        *_columns(),
        *extra,
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("id", name=op.f("uq_audit_events_id")),
    )
    op.create_index("ix_audit_events_uploaded", "audit_events", ["uploaded"], unique=False)
    op.execute(
        f"INSERT INTO audit_events ({_KEPT}) SELECT {_KEPT} FROM audit_events_before_0011"  # noqa: S608
    )
    op.drop_table("audit_events_before_0011")


def upgrade() -> None:
    _rebuild(
        [
            sa.Column("mac", sa.String(length=64), server_default="", nullable=False),
            sa.Column("uploaded_at", sa.DateTime(), nullable=True),
            sa.Column("upload_conflict", sa.Boolean(), server_default="0", nullable=False),
        ]
    )


def downgrade() -> None:
    _rebuild([])
