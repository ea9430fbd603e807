"""grants and objections as the platform serves them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

Migration 0001 made placeholder tables for grants and objections. They are made again
whole (as 0007 did for share requests: a new file made from the models must read the
same), keeping every column they had and adding what the platform's `Grant` and
`Objection` carry: the grantee, the authority, the resource's id and name, the granted
items with their ids, who granted and who revoked and why; an objection's grant, aspect,
parties, the ids of the resource and data item, and who raised and answered it when.
Every row is copied across in the migration's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SYNC = (
    "id, server_version, base_json, local_rev, sync_state, deleted, server_updated_at, "
    "created_at, updated_at"
)
_GRANT_COMMON = (
    "request_id, resource_code, provider_unit_code, data_item_names_json, purpose, valid_from, "
    "valid_to, allow_offline_cache, allow_export, revoked_at, " + _SYNC
)
_OBJECTION_COMMON = "resource_code, data_item_name, description, state, response, " + _SYNC


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


def _grant_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("request_id", sa.String(length=36), nullable=True),
        sa.Column("resource_code", sa.String(length=64), nullable=False),
        sa.Column("provider_unit_code", sa.String(length=64), nullable=False),
        sa.Column("data_item_names_json", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("allow_offline_cache", sa.Boolean(), nullable=False),
        sa.Column("allow_export", sa.Boolean(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    ]


def _objection_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("resource_code", sa.String(length=64), nullable=False),
        sa.Column("data_item_name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
    ]


def _rebuild(table: str, columns: list[sa.Column[object]], indexes: Sequence[str],
             old_indexes: Sequence[str], common: str) -> None:  # fmt: skip
    """Set `table` aside, make it anew with `columns`, copy the rows, drop the old one."""
    aside = f"_{table}_{revision}"
    for name in old_indexes:
        op.drop_index(f"ix_{table}_{name}", table_name=table)
    op.rename_table(table, aside)
    op.create_table(
        table, *columns, *_sync_columns(), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))
    )
    for name in indexes:
        op.create_index(f"ix_{table}_{name}", table, [name], unique=False)
    op.execute(f"INSERT INTO {table} ({common}) SELECT {common} FROM {aside}")  # noqa: S608
    op.drop_table(aside)


_GRANT_INDEXES = ("resource_code", "grantee_unit_code", "sync_state")
_OBJECTION_INDEXES = (
    "resource_code", "grant_id", "raiser_unit_code", "provider_unit_code", "sync_state",
)  # fmt: skip
_OLD_INDEXES = ("resource_code", "sync_state")


def upgrade() -> None:
    _rebuild(
        "grants",
        [
            *_grant_columns(),
            sa.Column("grantee_unit_code", sa.String(length=64), server_default="", nullable=False),
            sa.Column("authority_unit_code", sa.String(length=64), server_default="",
                      nullable=False),
            sa.Column("resource_id", sa.String(length=36), server_default="", nullable=False),
            sa.Column("resource_name", sa.String(length=200), server_default="", nullable=False),
            sa.Column("data_items_json", sa.Text(), server_default="[]", nullable=False),
            sa.Column("granted_at", sa.DateTime(), nullable=True),
            sa.Column("granted_by", sa.String(length=100), server_default="", nullable=False),
            sa.Column("revoked_by", sa.String(length=100), server_default="", nullable=False),
            sa.Column("revocation_reason", sa.Text(), server_default="", nullable=False),
        ],
        _GRANT_INDEXES, _OLD_INDEXES, _GRANT_COMMON,
    )  # fmt: skip
    _rebuild(
        "objections",
        [
            *_objection_columns(),
            sa.Column("grant_id", sa.String(length=36), server_default="", nullable=False),
            sa.Column("aspect", sa.String(length=16), server_default="", nullable=False),
            sa.Column("raiser_unit_code", sa.String(length=64), server_default="",
                      nullable=False),
            sa.Column("provider_unit_code", sa.String(length=64), server_default="",
                      nullable=False),
            sa.Column("resource_id", sa.String(length=36), server_default="", nullable=False),
            sa.Column("data_item_id", sa.String(length=36), nullable=True),
            sa.Column("raised_at", sa.DateTime(), nullable=True),
            sa.Column("raised_by", sa.String(length=100), server_default="", nullable=False),
            sa.Column("answered_at", sa.DateTime(), nullable=True),
            sa.Column("answered_by", sa.String(length=100), server_default="", nullable=False),
        ],
        _OBJECTION_INDEXES, _OLD_INDEXES, _OBJECTION_COMMON,
    )  # fmt: skip


def downgrade() -> None:
    _rebuild("grants", _grant_columns(), _OLD_INDEXES, _GRANT_INDEXES, _GRANT_COMMON)
    _rebuild("objections", _objection_columns(), _OLD_INDEXES, _OBJECTION_INDEXES,
             _OBJECTION_COMMON)  # fmt: skip
