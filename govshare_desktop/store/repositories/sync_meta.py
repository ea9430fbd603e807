"""Small facts the sync engine keeps: cursor, epoch, when the last sync finished."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govshare_desktop.store.models import SyncConflictRow, SyncMetaRow

LAST_SYNC_AT = "last_sync_at"
CURSOR = "cursor"
FAILURES = "sync_failures"  # consecutive failed cycles, for the backoff
LAST_ERROR = "sync_last_error"


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

    def cursor(self) -> str | None:
        """Where the change feed continues; None before the first pull (or after a resync)."""
        return self.get(CURSOR) or None

    def set_cursor(self, cursor: str | None) -> None:
        self.set(CURSOR, cursor or "")

    def failures(self) -> int:
        return int(self.get(FAILURES) or 0)

    def record_failure(self, error: str) -> int:
        count = self.failures() + 1
        self.set(FAILURES, str(count))
        self.set(LAST_ERROR, error)
        return count

    def record_success(self, at: datetime) -> None:
        self.set(FAILURES, "0")
        self.set(LAST_ERROR, "")
        self.set(LAST_SYNC_AT, at.isoformat())

    def last_error(self) -> str:
        return self.get(LAST_ERROR) or ""

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
