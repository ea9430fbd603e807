"""`ctx.services.audit.record`: a view or query is audited without the caller waiting on
the disk — the event (its actor and time taken at the call) is queued to the one writer
and the call returns at once, even while the writer is busy with something else."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.identity import Identity
from govshare_desktop.services.executor import Lane


def test_record_returns_while_the_writer_is_busy_and_keeps_the_call_time(home: Path) -> None:
    clock = FixedClock(datetime(2026, 12, 3, 1, 0, tzinfo=UTC))
    ctx = AppContext.open(home, clock=clock)
    try:
        ctx.services.runtime.identity.set(Identity(officer="mz-requester", unit_code="SJZ-MZ"))
        busy, release = threading.Event(), threading.Event()

        def long_write() -> None:
            busy.set()
            release.wait(30)

        blocker = ctx.executor.submit(Lane.WRITE, long_write)
        assert busy.wait(30)
        queued = ctx.services.audit.record("grant.view", "grant", "g-1", {"rows": 50})
        assert not queued.done()  # the caller did not wait for the writer
        clock.advance(timedelta(minutes=5))  # the event keeps the time of the call
        release.set()
        blocker.result(30)
        queued.result(30)
    finally:
        ctx.close()
    with sqlite3.connect(home / "govshare.db") as db:
        rows = list(db.execute("SELECT actor, action, subject_id, at FROM audit_events"))
    assert rows == [("mz-requester", "grant.view", "g-1", "2026-12-03 01:00:00.000000")]
