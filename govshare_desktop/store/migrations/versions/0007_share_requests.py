"""share requests as the platform serves them: authority, deadlines, allowed actions, history

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Migration 0001 made placeholder tables for share requests and their history. They are
made again whole (SQLite cannot add columns in place where a new file made from the models
must read the same), with what the platform's `ShareRequest` carries: the competent
authority, the share method, period of use and contact the requester gives, the state to
resume after a secrecy dispute, the grant, the actions the unit may
take next as served, who drafted it, and each event's details; the history is unique per
request and step number. Every row is copied across: the old tables are renamed, the new
ones made, the rows inserted, the old tables dropped, in the migration's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column[object]]:
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


_OLD_REQUESTS, _OLD_EVENTS = "_share_requests_0006", "_share_request_events_0006"
_SYNC = (
    "id, server_version, base_json, local_rev, sync_state, deleted, server_updated_at, "
    "created_at, updated_at"
)
_COMMON = (
    "requester_unit_code, provider_unit_code, resource_code, data_item_names_json, purpose, "
    "legal_basis, state, explanation_due, coordination_due, " + _SYNC
)
_EVENTS = "id, request_id, seq, action, actor, actor_unit_code, at, text, from_state, to_state"


def _set_aside(indexes: Sequence[str], event_index: str) -> None:
    """Drop the indexes (their names are reused) and rename the tables out of the way."""
    op.drop_index(event_index, table_name="share_request_events")
    for name in indexes:
        op.drop_index(name, table_name="share_requests")
    op.rename_table("share_request_events", _OLD_EVENTS)
    op.rename_table("share_requests", _OLD_REQUESTS)


def _copy_across() -> None:
    """The rows set aside, into the new tables (fixed column names: no input in the SQL)."""
    op.execute(f"INSERT INTO share_requests ({_COMMON}) SELECT {_COMMON} FROM {_OLD_REQUESTS}")  # noqa: S608
    op.execute(f"INSERT INTO share_request_events ({_EVENTS}) SELECT {_EVENTS} FROM {_OLD_EVENTS}")  # noqa: S608
    _drop_aside()


def _drop_aside() -> None:
    op.drop_table(_OLD_EVENTS)
    op.drop_table(_OLD_REQUESTS)


_OLD_INDEXES = (
    "ix_share_requests_provider_unit_code", "ix_share_requests_state",
    "ix_share_requests_sync_state",
)  # fmt: skip
_NEW_COLUMNS = ("requester_unit_code", "provider_unit_code", "authority_unit_code", "state",
                "sync_state")  # fmt: skip


def upgrade() -> None:
    _set_aside(_OLD_INDEXES, "ix_share_request_events_request_id")
    op.create_table(
        "share_requests",
        sa.Column("requester_unit_code", sa.String(length=64), nullable=False),
        sa.Column("provider_unit_code", sa.String(length=64), nullable=False),
        sa.Column("authority_unit_code", sa.String(length=64), server_default="", nullable=False),
        sa.Column("resource_code", sa.String(length=64), nullable=False),
        sa.Column("data_item_names_json", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("share_method", sa.String(length=32), server_default="", nullable=False),
        sa.Column("use_from", sa.Date(), nullable=True),
        sa.Column("use_until", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(length=100), server_default="", nullable=False),
        sa.Column("contact_phone", sa.String(length=40), server_default="", nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("explanation_due", sa.Date(), nullable=True),
        sa.Column("coordination_due", sa.Date(), nullable=True),
        sa.Column("resume_state", sa.String(length=32), nullable=True),
        sa.Column("grant_id", sa.String(length=36), nullable=True),
        sa.Column("allowed_actions_json", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=100), server_default="", nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_requests")),
    )
    for column in _NEW_COLUMNS:
        op.create_index(f"ix_share_requests_{column}", "share_requests", [column], unique=False)
    op.create_table(
        "share_request_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_unit_code", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("from_state", sa.String(length=32), nullable=True),
        sa.Column("to_state", sa.String(length=32), nullable=True),
        sa.Column("details_json", sa.Text(), server_default="{}", nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["share_requests.id"],
            name=op.f("fk_share_request_events_request_id_share_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_request_events")),
    )
    op.create_index(
        "ix_share_request_events_request_seq",
        "share_request_events",
        ["request_id", "seq"],
        unique=True,
    )
    _copy_across()


def downgrade() -> None:
    _set_aside(
        [f"ix_share_requests_{column}" for column in _NEW_COLUMNS],
        "ix_share_request_events_request_seq",
    )
    op.create_table(
        "share_requests",
        sa.Column("requester_unit_code", sa.String(length=64), nullable=False),
        sa.Column("provider_unit_code", sa.String(length=64), nullable=False),
        sa.Column("resource_code", sa.String(length=64), nullable=False),
        sa.Column("data_item_names_json", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("explanation_due", sa.Date(), nullable=True),
        sa.Column("coordination_due", sa.Date(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_requests")),
    )
    for column in ("provider_unit_code", "state", "sync_state"):
        op.create_index(f"ix_share_requests_{column}", "share_requests", [column], unique=False)
    op.create_table(
        "share_request_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_unit_code", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("from_state", sa.String(length=32), nullable=True),
        sa.Column("to_state", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["share_requests.id"],
            name=op.f("fk_share_request_events_request_id_share_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_request_events")),
    )
    op.create_index(
        "ix_share_request_events_request_id", "share_request_events", ["request_id"], unique=False
    )
    _copy_across()
