"""Tables of the reference platform: units, officers, tokens, catalog, feed, sharing, logs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
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
    # Set on a sharing authority (信息共享主管部门, Art. 5): the government unit whose level it
    # serves; its jurisdiction is that unit and every unit below it.
    authority_of: Mapped[str | None] = mapped_column(String(32))


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


class SignInFailure(Base):
    """A failed password sign-in (or one still being checked), kept while it counts for throttling.

    The username is kept only as its SHA-256: what people type there is sometimes a password.
    """

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account: Mapped[str] = mapped_column(String(64), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


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
    kind: Mapped[str] = mapped_column(String(16))  # upsert | delete | grant | revoke
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


# ---------------------------------------------------------------- filing and sharing (Art. 11-17)


class CatalogFiling(Base):
    """备案: one version of a unit's catalog submitted to its sharing authority (Art. 11)."""

    __tablename__ = "catalog_filings"
    __table_args__ = (Index("ix_catalog_filings_unit", "unit_code", "catalog_version"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    authority_unit_code: Mapped[str] = mapped_column(String(32), index=True)
    catalog_version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # initial | refiling
    reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16))  # submitted | filed | returned
    resources: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # id, code, name, version
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decision_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer)


class FiledResource(Base):
    """A resource as a filing recorded it when submitted: what the directory shows once filed."""

    __tablename__ = "filed_resources"

    filing_id: Mapped[str] = mapped_column(ForeignKey("catalog_filings.id"), primary_key=True)
    resource_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)


class DirectoryEntry(Base):
    """共享目录: one filed resource of a unit as every other unit sees it, or its removal.

    `version` is the resource's version as filed (a removal takes a newer one), so it only
    ever grows; `document` is the resource document of that filing (null once removed).
    """

    __tablename__ = "directory_entries"
    __table_args__ = (Index("ix_directory_entries_live", "removed", "resource_id"),)

    resource_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    filing_id: Mapped[str] = mapped_column(String(36))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    unit: Mapped[Unit] = relationship(lazy="joined")


class ShareRequest(Base):
    """共享申请: one unit's request for another unit's resource, through the Art. 13 workflow."""

    __tablename__ = "share_requests"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    requester_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    provider_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    authority_unit_code: Mapped[str] = mapped_column(String(32), index=True)
    resource_code: Mapped[str] = mapped_column(String(64))
    data_item_names: Mapped[list[str]] = mapped_column(JSON)
    purpose: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    share_method: Mapped[str] = mapped_column(String(32), default="")
    use_from: Mapped[date | None] = mapped_column(Date)
    use_until: Mapped[date | None] = mapped_column(Date)
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(32), index=True)
    # Who sees the request besides the requester: the provider once it was submitted, the
    # authority once it was filed, applied for, or disputed as secret.
    provider_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    authority_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    resume_state: Mapped[str | None] = mapped_column(String(32))  # after a secrecy dispute
    explanation_due: Mapped[date | None] = mapped_column(Date)
    coordination_due: Mapped[date | None] = mapped_column(Date)
    grant_id: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    events: Mapped[list[ShareRequestEvent]] = relationship(
        order_by="ShareRequestEvent.seq", cascade="all, delete-orphan", lazy="selectin"
    )
    # what is listed of each attachment (its bytes are loaded only when asked for)
    attachments: Mapped[list[ShareRequestAttachment]] = relationship(
        order_by=lambda: (ShareRequestAttachment.uploaded_at, ShareRequestAttachment.id),
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class ShareRequestAttachment(Base):
    """附件 of a share request (the negotiation record, as PDF), under the client's UUID.

    The bytes live in the row (a deferred column: listing a request never reads them), so
    one write transaction holds the attachment, its stored idempotent answer and its
    request's version: there is no file that could outlive or miss its row.
    """

    __tablename__ = "share_request_attachments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("share_requests.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ShareRequestEvent(Base):
    """One step of a share request: who, when, which action, the text, and the states."""

    __tablename__ = "share_request_events"

    request_id: Mapped[str] = mapped_column(ForeignKey("share_requests.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    action: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    actor_unit_code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Grant(Base):
    """授权: what a unit may read of another unit's resource, and until when (Art. 14, 15)."""

    __tablename__ = "grants"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str | None] = mapped_column(String(36))
    grantee_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    provider_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    authority_unit_code: Mapped[str] = mapped_column(String(32), index=True)
    resource_id: Mapped[str] = mapped_column(ForeignKey("resources.id"))
    data_item_ids: Mapped[list[str]] = mapped_column(JSON)
    purpose: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    allow_offline_cache: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_export: Mapped[bool] = mapped_column(Boolean, default=False)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    granted_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    revocation_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer)

    resource: Mapped[Resource] = relationship(lazy="joined")


class ResourceCell(Base):
    """One value of one data row of a resource (a row is the cells sharing `row_no`)."""

    __tablename__ = "resource_cells"
    __table_args__ = (Index("ix_resource_cells_value", "resource_id", "item_id", "value"),)

    resource_id: Mapped[str] = mapped_column(ForeignKey("resources.id"), primary_key=True)
    row_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    value: Mapped[str | None] = mapped_column(String(500))


class Objection(Base):
    """异议: a grantee's doubt about the accuracy, completeness or timeliness of data (Art. 16)."""

    __tablename__ = "objections"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    grant_id: Mapped[str] = mapped_column(ForeignKey("grants.id"))
    raiser_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    provider_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    resource_id: Mapped[str] = mapped_column(String(36))
    data_item_id: Mapped[str | None] = mapped_column(String(36))
    aspect: Mapped[str] = mapped_column(String(16))  # accuracy | completeness | timeliness
    description: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))  # submitted | accepted | corrected | rejected
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raised_by: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)


class Notice(Base):
    """通报: a monitoring notice issued to one or more units (Art. 17)."""

    __tablename__ = "notices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    issuer_unit_code: Mapped[str] = mapped_column(String(32))
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    # the records it concerns: [{"type": "grant", "id": "…"}, …]
    subjects: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)

    deliveries: Mapped[list[NoticeDelivery]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class NoticeDelivery(Base):
    """A notice as one recipient unit holds it: read or not, by whom."""

    __tablename__ = "notice_deliveries"
    __table_args__ = (Index("ix_notice_deliveries_unit", "unit_code", "notice_id"),)

    notice_id: Mapped[str] = mapped_column(ForeignKey("notices.id"), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    read_by: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)

    notice: Mapped[Notice] = relationship(back_populates="deliveries", lazy="joined")


class ClientAuditEvent(Base):
    """An audit event uploaded by a desktop client, kept as sent (Art. 17); unique per unit."""

    __tablename__ = "client_audit_events"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(128))
    hash: Mapped[str] = mapped_column(String(128))
    uploaded_by: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
