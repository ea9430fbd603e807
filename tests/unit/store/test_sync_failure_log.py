"""The failed-sync log 概览 reads (sync_meta, key `sync_failure_log`): thirty days kept,
cycles that found no link not counted, a damaged value read as no failures."""

from __future__ import annotations

from datetime import datetime, timedelta

from govshare_desktop.store.repositories.sync_meta import (
    FAILURE_LOG,
    FAILURE_LOG_MAX,
    SyncMetaRepository,
)
from govshare_desktop.store.session import Database

NOW = datetime(2026, 12, 3, 2, 0)


def record(db: Database, at: datetime, outcome: str) -> None:
    with db.write() as session:
        SyncMetaRepository(session).record_failure("refused", at, outcome)


def failures(db: Database, since: datetime) -> int:
    with db.read() as session:
        return SyncMetaRepository(session).failures_since(since)


def test_failures_of_thirty_days_count_and_older_ones_are_pruned(db: Database) -> None:
    record(db, NOW - timedelta(days=40), "busy")
    record(db, NOW - timedelta(days=10), "refused")
    record(db, NOW - timedelta(days=2), "offline")
    record(db, NOW - timedelta(hours=1), "busy")
    assert failures(db, NOW - timedelta(days=30)) == 2
    assert failures(db, NOW - timedelta(days=50)) == 2  # the 40-day-old one is gone
    with db.read() as session:
        assert SyncMetaRepository(session).failures() == 4  # the backoff's count is apart


def test_a_month_of_retries_stays_a_small_value(db: Database) -> None:
    with db.write() as session:
        meta = SyncMetaRepository(session)
        for minute in range(FAILURE_LOG_MAX + 50):
            meta.record_failure("busy", NOW + timedelta(minutes=minute), "busy")
    assert failures(db, NOW - timedelta(days=1)) == FAILURE_LOG_MAX


def test_a_damaged_log_is_read_as_none_and_mended_by_the_next_failure(db: Database) -> None:
    with db.write() as session:
        SyncMetaRepository(session).set(FAILURE_LOG, "[[not json")
    assert failures(db, NOW - timedelta(days=30)) == 0
    record(db, NOW, "busy")
    assert failures(db, NOW - timedelta(days=30)) == 1
