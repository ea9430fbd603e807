"""Declarative base, naming convention and the sync columns every synced table carries (SYNC.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import MetaData, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so later migrations can alter them under SQLite batch mode.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC, as SQLite stores it; clocks are for display only (SYNC.md)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncColumns:
    """`id` is the client UUID and the platform id; the rest is the sync engine's bookkeeping."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_version: Mapped[int | None] = mapped_column(default=None)
    base_json: Mapped[str | None] = mapped_column(Text, default=None)
    local_rev: Mapped[int] = mapped_column(default=0, server_default="0")
    sync_state: Mapped[str] = mapped_column(
        String(16), default="pending", server_default="pending", index=True
    )
    deleted: Mapped[bool] = mapped_column(default=False, server_default="0")
    server_updated_at: Mapped[datetime | None] = mapped_column(default=None)
    # written as migration 0001 wrote it, so a DB made from the models (`store.schema_create`)
    # has the very SQL a migrated one has
    created_at: Mapped[datetime] = mapped_column(
        default=utcnow, server_default=text("(CURRENT_TIMESTAMP)")
    )
    updated_at: Mapped[datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=text("(CURRENT_TIMESTAMP)")
    )
