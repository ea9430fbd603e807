"""What this PC alone knows of a grant (never sent): the platform's last confirmation and
the officer's acknowledgement of a revocation. Grants themselves are pull-only (sharing.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from govshare_desktop.store.models.base import Base


class GrantLocalRow(Base):
    __tablename__ = "grant_local"

    grant_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # naive UTC: the last time the platform said the grant is in force (the offline lease)
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)
    revocation_acknowledged_at: Mapped[datetime | None] = mapped_column(default=None)
