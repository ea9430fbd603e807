"""Tables of the reference platform: units, officers, tokens, catalog, change feed, logs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from reference_platform.db.types import UTCDateTime


class Base(DeclarativeBase):
    """Declarative base of every platform table."""


class ServerState(Base):
    """One row: the feed's epoch, the key that signs cursors, and the commit sequence."""

    __tablename__ = "server_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(32))
    cursor_secret: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Cursors below this sequence may have missed pruned tombstones: they get 410.
    horizon_seq: Mapped[int] = mapped_column(Integer, default=0)


class Unit(Base):
    """机关单位 with its unified social credit code and its superior."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)


class Officer(Base):
    """A signed-in person of one unit, with roles; the password only as a scrypt hash."""

    __tablename__ = "officers"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    unit: Mapped[Unit] = relationship(lazy="joined")


class AccessToken(Base):
    """An issued bearer token, stored only as its SHA-256."""

    __tablename__ = "access_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("officers.username"), index=True)
    family_id: Mapped[str] = mapped_column(String(32), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class RefreshToken(Base):
    """A refresh token (hashed); used once, then rotated. Reuse revokes its whole family."""

    __tablename__ = "refresh_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("officers.username"), index=True)
    family_id: Mapped[str] = mapped_column(String(32), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Resource(Base):
    """政务信息资源: the current state of one catalog entry (or its tombstone)."""

    __tablename__ = "resources"
    __table_args__ = (Index("ix_resources_unit_live_id", "unit_code", "deleted", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    code: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(1), default="")
    item: Mapped[str] = mapped_column(String(2), default="")
    subject: Mapped[str] = mapped_column(String(3), default="")
    detail: Mapped[str] = mapped_column(String(32), default="")
    provider_name: Mapped[str] = mapped_column(String(200), default="")
    provider_code: Mapped[str] = mapped_column(String(18), default="")
    abstract: Mapped[str] = mapped_column(Text, default="")
    format_category: Mapped[str | None] = mapped_column(String(32))
    format_detail: Mapped[str] = mapped_column(String(100), default="")
    share_type: Mapped[str | None] = mapped_column(String(32))
    share_conditions: Mapped[str] = mapped_column(Text, default="")
    share_method: Mapped[str | None] = mapped_column(String(32))
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    open_to_society: Mapped[bool] = mapped_column(Boolean, default=False)
    open_conditions: Mapped[str] = mapped_column(Text, default="")
    update_cycle: Mapped[str | None] = mapped_column(String(32))
    published_on: Mapped[date | None] = mapped_column(Date)
    related_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))

    data_items: Mapped[list[DataItem]] = relationship(
        order_by="DataItem.position", cascade="all, delete-orphan", lazy="selectin"
    )


class DataItem(Base):
    """信息项: one field of a resource, identified by a client UUID within the resource."""

    __tablename__ = "data_items"

    resource_id: Mapped[str] = mapped_column(ForeignKey("resources.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    data_type: Mapped[str] = mapped_column(String(1))
    length: Mapped[int | None] = mapped_column(Integer)
    share_type: Mapped[str | None] = mapped_column(String(32))
    share_conditions: Mapped[str] = mapped_column(Text, default="")
    open_to_society: Mapped[bool | None] = mapped_column(Boolean)
    description: Mapped[str] = mapped_column(Text, default="")


class Change(Base):
    """One entry of the change feed, numbered by the server's commit sequence."""

    __tablename__ = "changes"
    __table_args__ = (
        Index("ix_changes_unit_seq", "unit_code", "seq"),
        Index("ix_changes_entity", "entity_type", "entity_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    unit_code: Mapped[str] = mapped_column(String(32))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # upsert | delete
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    op_id: Mapped[str | None] = mapped_column(String(255))  # the Idempotency-Key, if any
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class IdempotencyRecord(Base):
    """The stored outcome of a keyed write, replayed when the same key comes again."""

    __tablename__ = "idempotency_keys"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(500))
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[dict[str, str]] = mapped_column(JSON)
    body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AccessLogEntry(Base):
    """Who called what, when, about which resource, and how it ended (Art. 14, 17)."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    unit_code: Mapped[str | None] = mapped_column(String(32))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(500))
    route: Mapped[str | None] = mapped_column(String(200))
    resource_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
