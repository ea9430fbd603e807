"""One sync cycle: what a crash left in flight is put back, the outbox is pushed, the feed
pulled, the sealed audit events uploaded (sync/audit_upload.py), and the cycle's outcome
recorded (with the wait before the next one on failure).

The engine is Qt-free and shared: the GUI runs it on the executor's network lane, the CLI
(`govshare sync --once`) on its main thread. Local steps go through `write` (the executor's
writer), so the officer's edits and the sync's never meet in two transactions at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.clock import Clock, utc_naive
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.store.repositories.outbox import OutboxQueue
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.store.session import Database
from govshare_desktop.sync.audit_upload import AuditReport, AuditUpload
from govshare_desktop.sync.backoff import next_wait
from govshare_desktop.sync.pull import FeedRefused, Puller, PullReport
from govshare_desktop.sync.push import Pusher, PushReport, WriteFn
from govshare_desktop.sync.transport import PlatformBusy, SignInNeeded, Transport, Unreachable

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    DONE = "done"  # everything that could be sent was, the feed is read to its end
    OFFLINE = "offline"  # no answer from the platform
    BUSY = "busy"  # the platform asked us to come back later
    SIGN_IN = "sign_in"  # the officer must sign in again
    REFUSED = "refused"  # the feed answered something this client cannot act on


@dataclass(frozen=True)
class SyncReport:
    outcome: Outcome
    push: PushReport
    pull: PullReport
    retry_after: float | None = None  # seconds before the next cycle, after a failure
    message: str = ""  # for the log and the details the officer may copy
    reason: KnownError | None = None  # the transport's typed error, when it had one
    audit: AuditReport = field(default_factory=AuditReport)  # audit events uploaded

    @property
    def conflicts(self) -> int:
        return self.push.conflicts


class SyncEngine:
    def __init__(
        self,
        database: Database,
        transport: Transport,
        write: WriteFn[Any],
        clock: Clock,
        *,
        page_size: int = 500,
    ) -> None:
        self._db = database
        self._http = transport
        self._write = write
        self._clock = clock
        self._page_size = page_size

    def _now(self) -> Any:
        return utc_naive(self._clock)

    def run_once(self, progress: Progress | None = None) -> SyncReport:
        progress = progress or Progress.silent()
        self._write(self._reset_in_flight)
        pusher = Pusher(self._db, self._http, self._write, self._now)
        puller = Puller(self._db, self._http, self._write, self._now, self._page_size)
        uploader = AuditUpload(self._db, self._http, self._write, self._now)
        try:
            pusher.push_all(progress)
            puller.pull_all(progress)
            uploader.upload_all()  # the audit log last: the officer's changes go first
        except Unreachable as error:
            reason = error.reason
            return self._failed(Outcome.OFFLINE, pusher, puller, str(error), None, reason=reason)
        except PlatformBusy as error:
            return self._failed(Outcome.BUSY, pusher, puller, str(error), error.retry_after)
        except FeedRefused as error:
            return self._failed(Outcome.REFUSED, pusher, puller, str(error), None)
        except SignInNeeded as error:
            log.info("sync paused: sign-in needed")
            return SyncReport(
                Outcome.SIGN_IN, pusher.report, puller.report, None, str(error), error.reason
            )
        self._write(self._record_success)
        return SyncReport(Outcome.DONE, pusher.report, puller.report, audit=uploader.report)

    def _reset_in_flight(self) -> None:
        with self._db.write() as session:
            if count := OutboxQueue(session).reset_in_flight():
                log.info("%d op(s) left in flight by an interrupted sync will be resent", count)

    def _record_success(self) -> None:
        with self._db.write() as session:
            SyncMetaRepository(session).record_success(self._now())

    def _failed(
        self,
        outcome: Outcome,
        pusher: Pusher,
        puller: Puller,
        message: str,
        retry_after: float | None,
        *,
        reason: KnownError | None = None,
    ) -> SyncReport:
        def record() -> int:
            with self._db.write() as session:
                meta = SyncMetaRepository(session)
                return meta.record_failure(message, self._now(), outcome.value)

        failures = self._write(record)
        wait = next_wait(failures, retry_after)
        log.info("sync stopped (%s): %s; next try in %.0f s", outcome.value, message, wait)
        return SyncReport(outcome, pusher.report, puller.report, wait, message, reason)
