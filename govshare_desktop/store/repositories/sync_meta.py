"""Small facts the sync engine keeps: cursor, epoch, when the last sync finished."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govshare_desktop.store.models import SyncConflictRow, SyncMetaRow

LAST_SYNC_AT = "last_sync_at"
CURSOR = "cursor"
FAILURES = "sync_failures"  # consecutive failed cycles, for the backoff
LAST_ERROR = "sync_last_error"
FAILURE_LOG = "sync_failure_log"  # [[when, outcome], ...] of the last 30 days, for 概览
FAILURE_LOG_DAYS = 30
FAILURE_LOG_MAX = 1_000  # a PC retrying a refusing platform all month stays a small value
OFFLINE = "offline"  # not reaching the platform is the link's state, not a failed sync


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

    def record_failure(self, error: str, at: datetime | None = None, outcome: str = "") -> int:
        """Count a failed cycle for the backoff; with `at`, also log it for the 30 days
        概览 looks back on (kept here, not in a table: a short list, pruned as it grows)."""
        count = self.failures() + 1
        self.set(FAILURES, str(count))
        self.set(LAST_ERROR, error)
        if at is not None:
            since = at - timedelta(days=FAILURE_LOG_DAYS)
            kept = [e for e in self._failure_log() if e[0] >= since]
            kept.append((at, outcome))
            log = [[when.isoformat(), what] for when, what in kept[-FAILURE_LOG_MAX:]]
            self.set(FAILURE_LOG, json.dumps(log))
        return count

    def failures_since(self, since: datetime) -> int:
        """Failed cycles from `since` on that reached the platform or were refused by it;
        cycles that found no link are left out: an officer offline for a week is not a week
        of failures."""
        return sum(1 for when, what in self._failure_log() if when >= since and what != OFFLINE)

    def _failure_log(self) -> list[tuple[datetime, str]]:
        try:
            found = json.loads(self.get(FAILURE_LOG) or "[]")
            return [(datetime.fromisoformat(str(when)), str(what)) for when, what in found]
        except (ValueError, TypeError):  # a damaged value is a lost statistic, never a crash
            return []

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
