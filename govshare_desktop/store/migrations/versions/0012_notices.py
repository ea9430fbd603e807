"""notices (通报) as the desktop shows them: issuer, reader, subjects, and "notified"

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

The notices table of 0001 held title, body and times only and nothing filled it. The
desktop now keeps who issued a notice, who of the unit read it, the records it concerns
(`subjects_json`, as served) and `notified`: the officer has been told of its arrival
(local only). The table is made again whole (as 0008 and 0011 do: a new file made from
the models must read the same); notices already held count as notified, so an upgrade
does not announce old ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEPT = (
    "title, body, issued_at, read_at, id, server_version, base_json, local_rev, sync_state, "
    "deleted, server_updated_at, created_at, updated_at"
)


def _envelope() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("base_json", sa.Text(), nullable=True),
        sa.Column("local_rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("server_updated_at", sa.DateTime(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
    ]  # fmt: skip


def _rebuild(extra: list[sa.Column[object]], extra_values: str) -> None:
    """The table made again whole, every notice copied across, in the migration's
    transaction; `extra_values`: the SQL values of the `extra` columns for old rows."""
    op.drop_index("ix_notices_sync_state", table_name="notices")
    op.rename_table("notices", "notices_before_0012")
    op.create_table(
        "notices",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        *extra,
        *_envelope(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index("ix_notices_sync_state", "notices", ["sync_state"], unique=False)
    names = "".join(f", {c.name}" for c in extra)
    op.execute(
        f"INSERT INTO notices ({_KEPT}{names}) "  # noqa: S608
        f"SELECT {_KEPT}{extra_values} FROM notices_before_0012"
    )
    op.drop_table("notices_before_0012")


def upgrade() -> None:
    added: list[sa.Column[object]] = [
        sa.Column("issuer_unit_code", sa.String(length=32), server_default="", nullable=False),
        sa.Column("issued_by", sa.String(length=64), server_default="", nullable=False),
        sa.Column("read_by", sa.String(length=64), server_default="", nullable=False),
        sa.Column("subjects_json", sa.Text(), server_default="[]", nullable=False),
        sa.Column("notified", sa.Boolean(), server_default="0", nullable=False),
    ]
    _rebuild(added, ", '', '', '', '[]', 1")  # held notices count as announced


def downgrade() -> None:
    _rebuild([], "")
