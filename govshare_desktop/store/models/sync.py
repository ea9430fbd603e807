"""The sync engine's own tables: outbox, cursor, conflicts, files to purge (SYNC.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govshare_desktop.store.models.base import Base, utcnow


class SyncOutboxRow(Base):
    """One local change to send, written in the same transaction as the change itself."""

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_status_seq", "status", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)  # also the Idempotency-Key
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(16))
    payload_json: Mapped[str] = mapped_column(Text, default="{}")
    base_version: Mapped[int | None] = mapped_column(default=None)
    snapshot_rev: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_http_status: Mapped[int | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncOutboxEntityRow(Base):
    """Which entities an op speaks for: one for a create, patch or delete, every resource
    it created for an Excel import's `import_batch`. The outbox rules look ops up here by
    entity, and the status bar counts a change per row."""

    __tablename__ = "sync_outbox_entities"

    seq: Mapped[int] = mapped_column(
        ForeignKey("sync_outbox.seq", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    # the entity's local revision this op carries: once the platform has it, the entity is
    # synced only if nothing was edited since (SYNC.md, the Anki #4366 rule)
    snapshot_rev: Mapped[int] = mapped_column(default=0, server_default="0")


class SyncMetaRow(Base):
    """Key/value: the pull cursor, the server epoch, the last sync in server time."""

    __tablename__ = "sync_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncConflictRow(Base):
    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="hard")  # hard | soft | deleted_remotely
    base_json: Mapped[str] = mapped_column(Text, default="{}")
    local_json: Mapped[str] = mapped_column(Text, default="{}")
    remote_json: Mapped[str] = mapped_column(Text, default="{}")
    fields_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class PurgeQueueRow(Base):
    """Files to delete once the transaction that orphaned them has committed."""

    __tablename__ = "purge_queue"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
