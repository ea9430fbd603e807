"""Small facts the sync engine keeps: cursor, epoch, when the last sync finished."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govshare_desktop.store.models import SyncConflictRow, SyncMetaRow

LAST_SYNC_AT = "last_sync_at"


class SyncMetaRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str) -> str | None:
        row = self._session.get(SyncMetaRow, key)
        return row.value if row else None

    def set(self, key: str, value: str) -> None:
        row = self._session.get(SyncMetaRow, key)
        if row is None:
            self._session.add(SyncMetaRow(key=key, value=value))
        else:
            row.value = value

    def last_sync_at(self) -> datetime | None:
        value = self.get(LAST_SYNC_AT)
        return datetime.fromisoformat(value) if value else None

    def open_conflicts(self) -> int:
        return int(
            self._session.scalar(
                select(func.count())
                .select_from(SyncConflictRow)
                .where(SyncConflictRow.resolved_at.is_(None))
            )
            or 0
        )
