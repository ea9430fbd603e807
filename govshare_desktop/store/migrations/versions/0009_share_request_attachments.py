"""share request attachments (附件), their bytes in the database

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A new table, nothing copied: the attachments a share request lists (the negotiation record
as PDF), with their bytes once held here — added on this PC (uploaded with the next sync)
or downloaded on demand. The bytes are a BLOB in the row so an attachment and its upload
op commit in one transaction (see `ShareRequestAttachmentRow`).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "share_request_attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), server_default="", nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("local", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("removed", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["share_requests.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_share_request_attachments_request_id",
        "share_request_attachments",
        ["request_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_share_request_attachments_request_id", table_name="share_request_attachments")
    op.drop_table("share_request_attachments")
