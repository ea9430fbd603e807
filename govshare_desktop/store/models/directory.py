"""The shared directory (共享目录) as this PC holds it: other units' filed resources, read-only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govshare_desktop.store.models.base import Base


class DirectoryEntryRow(Base):
    """One entry as the platform last sent it; kept whole in `content_json` (the client's
    resource content form), with the columns a list, a tree and a search need beside it.
    Server-owned and never sent, so it carries no sync columns: a removal deletes the row."""

    __tablename__ = "directory_entries"
    __table_args__ = (Index("ix_directory_entries_unit_code", "unit_code", "code"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int]
    unit_code: Mapped[str] = mapped_column(String(64))
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    superior: Mapped[bool] = mapped_column(default=False)
    code: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    class_category: Mapped[str] = mapped_column(String(1), default="")
    class_item: Mapped[str] = mapped_column(String(2), default="")
    class_subject: Mapped[str] = mapped_column(String(3), default="")
    class_detail: Mapped[str] = mapped_column(String(32), default="")
    share_type: Mapped[str] = mapped_column(String(16), default="")
    filing_id: Mapped[str] = mapped_column(String(36), default="")
    filed_at: Mapped[datetime | None] = mapped_column(default=None)
    content_json: Mapped[str] = mapped_column(Text, default="{}")
