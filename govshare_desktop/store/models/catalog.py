"""Units, resources, data items, the versions and filings of a unit's catalog, and the names a
unit gives its own classes (项 / 目)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govshare_desktop.store.models.base import Base, SyncColumns, utcnow


class UnitRow(Base, SyncColumns):
    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_code: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    credit_code: Mapped[str] = mapped_column(String(18), default="")


class ResourceRow(Base, SyncColumns):
    __tablename__ = "resources"
    __table_args__ = (
        Index("ix_resources_unit_code_code", "unit_code", "code"),
        Index("ix_resources_class", "class_category", "class_item", "class_subject"),
    )

    unit_code: Mapped[str] = mapped_column(String(64))
    class_category: Mapped[str] = mapped_column(String(1), default="")
    class_item: Mapped[str] = mapped_column(String(2), default="")
    class_subject: Mapped[str] = mapped_column(String(3), default="")
    class_detail: Mapped[str] = mapped_column(String(32), default="")
    sequence: Mapped[str] = mapped_column(String(16), default="")
    code: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    provider_name: Mapped[str] = mapped_column(String(200), default="")
    provider_code: Mapped[str] = mapped_column(String(18), default="")
    abstract: Mapped[str] = mapped_column(Text, default="")
    format_category: Mapped[str] = mapped_column(String(32), default="")
    format_detail: Mapped[str] = mapped_column(String(64), default="")
    share_type: Mapped[str] = mapped_column(String(16), default="")
    share_conditions: Mapped[str] = mapped_column(Text, default="")
    share_method: Mapped[str] = mapped_column(String(32), default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    open_to_society: Mapped[bool] = mapped_column(default=False)
    open_conditions: Mapped[str] = mapped_column(Text, default="")
    update_cycle: Mapped[str] = mapped_column(String(16), default="")
    published_on: Mapped[date | None] = mapped_column(default=None)
    related_codes_json: Mapped[str] = mapped_column(Text, default="[]")
    secret: Mapped[bool] = mapped_column(default=False)
    source_resource_id: Mapped[str | None] = mapped_column(String(36), default=None)
    source_version: Mapped[int | None] = mapped_column(default=None)
    one_source_note: Mapped[str] = mapped_column(Text, default="")
    extra_json: Mapped[str] = mapped_column(Text, default="{}")

    data_items: Mapped[list[DataItemRow]] = relationship(
        back_populates="resource",
        cascade="all, delete-orphan",
        order_by="DataItemRow.position",
        lazy="selectin",
    )


class DataItemRow(Base):
    """Data items travel inside their resource's payload, so they carry no sync columns."""

    __tablename__ = "data_items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    resource_id: Mapped[str] = mapped_column(
        ForeignKey("resources.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(100))
    data_type: Mapped[str] = mapped_column(String(4), default="C")
    length: Mapped[int | None] = mapped_column(default=None)
    share_type: Mapped[str | None] = mapped_column(String(16), default=None)
    share_conditions: Mapped[str] = mapped_column(Text, default="")
    open_to_society: Mapped[bool | None] = mapped_column(default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    extra_json: Mapped[str] = mapped_column(Text, default="{}")

    resource: Mapped[ResourceRow] = relationship(back_populates="data_items")


class CatalogVersionRow(Base, SyncColumns):
    """A numbered catalog state; `snapshot_json` freezes every resource when it is submitted."""

    __tablename__ = "catalog_versions"
    __table_args__ = (UniqueConstraint("unit_code", "number"),)

    unit_code: Mapped[str] = mapped_column(String(64))
    number: Mapped[int]
    state: Mapped[str] = mapped_column(String(16), default="draft")
    reason: Mapped[str] = mapped_column(Text, default="")
    authority_comment: Mapped[str] = mapped_column(Text, default="")
    snapshot_json: Mapped[str | None] = mapped_column(Text, default=None)
    frozen_at: Mapped[datetime | None] = mapped_column(default=None)


class CatalogFilingRow(Base):
    """One step of a version's 备案: submitted, filed, returned with reasons (server-owned)."""

    __tablename__ = "catalog_filings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version_id: Mapped[str] = mapped_column(
        ForeignKey("catalog_versions.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")


class CatalogImportRow(Base):
    """What a stored Excel import did, kept so it can be undone as one step: the resources
    it created, and the content before and after of those it changed. Local only, never
    synced; the latest few are kept (`ImportRecords.KEEP`), an undone one is removed."""

    __tablename__ = "catalog_imports"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    file: Mapped[str] = mapped_column(String(260), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    batch_seq: Mapped[int | None] = mapped_column(default=None)
    created_json: Mapped[str] = mapped_column(Text, default="[]")
    changed_json: Mapped[str] = mapped_column(Text, default="[]")


class ClassNameRow(Base):
    """A name the unit gives one of its classes ("301" → 市场监管), local to this PC: the
    tree and the form show it beside the code. The platform's catalog carries codes only."""

    __tablename__ = "class_names"

    unit_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
