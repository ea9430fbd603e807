"""One sync cycle as a use case (同步): whoever asks — the GUI's scheduler, F5, `govshare
sync --once` — gets the same cycle and the same `SyncResult`.

One cycle at a time per data directory (a second caller gets `ALREADY_RUNNING` at once
instead of waiting: the running cycle covers its request). The network calls run on the
caller's thread (the executor's network lane in the GUI, the main thread in the CLI); each
local step goes to the writer through `executor.write`, so no transaction spans an HTTP
call and the officer's edits interleave with the sync's, never clash.

Not signed in, or no platform address, is an outcome, not an error: the officer keeps
working offline and the queue keeps every change. Nothing secret reaches `detail` or the
log: the transport's errors carry addresses and reasons, never tokens.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import deque
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.enums import OutboxStatus
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.status import Connection
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository

if TYPE_CHECKING:
    from govshare_desktop.services.sync.signin import PlatformAccess
    from govshare_desktop.sync.engine import SyncReport

log = logging.getLogger(__name__)

HEALTH_DEADLINE = 10.0  # "is it back?" must answer quickly or count as no
RECENT = 20  # failed cycles kept for the 同步 page (this session only)

_OUTCOMES = {
    "done": SyncOutcome.DONE,
    "offline": SyncOutcome.OFFLINE,
    "busy": SyncOutcome.BUSY,
    "sign_in": SyncOutcome.SIGN_IN,
    "refused": SyncOutcome.REFUSED,
}


class SyncState:
    """What this process knows of the link, shared by the sync and the status bar:
    whether a cycle runs, whether the platform last answered, the recent failures."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.running = False
        self.connection: Connection | None = None  # None: not tried yet in this run
        self.last: SyncResult | None = None
        self.recent: deque[SyncResult] = deque(maxlen=RECENT)

    def begin(self) -> bool:
        with self._lock:
            if self.running:
                return False
            self.running = True
            return True

    def end(self, result: SyncResult) -> None:
        with self._lock:
            self.running = False
            self.last = result
            if result.outcome is SyncOutcome.OFFLINE:
                self.connection = Connection.OFFLINE
            elif result.outcome.reached_platform or result.outcome is SyncOutcome.SIGN_IN:
                self.connection = Connection.ONLINE
            if result.error is not None or result.refused:
                self.recent.appendleft(result)

    def reached(self, online: bool) -> None:
        """A health check's answer (the scheduler asks when the network comes back)."""
        with self._lock:
            self.connection = Connection.ONLINE if online else Connection.OFFLINE


class SyncService(Service):
    def __init__(self, runtime: Runtime, platform: PlatformAccess, state: SyncState) -> None:
        super().__init__(runtime)
        self._platform = platform
        self.state = state
        # told of every finished cycle (the grant cache purges and confirms after one)
        self.after_cycle: list[Callable[[SyncResult], None]] = []

    def ready(self) -> SyncOutcome | None:
        """Why a cycle cannot run now (no address, nobody signed in), or None if it can."""
        url = self._platform.url
        if not url:
            return SyncOutcome.NOT_CONFIGURED
        try:
            held = self._rt.identity.get().signed_in and self._platform.signed_in(url)
        except KnownError as error:  # no usable keyring: nobody can be signed in
            log.info("sync not possible: %s", error)
            return SyncOutcome.SIGN_IN
        return None if held else SyncOutcome.SIGN_IN

    def run_once(self, progress: Progress | None = None) -> SyncResult:
        """Push, pull, record; never raises for anything the platform or the link does."""
        if not self.state.begin():
            return self._result(SyncOutcome.ALREADY_RUNNING)
        result: SyncResult | None = None
        try:
            result = self._cycle(progress or Progress.silent())
        finally:
            self.state.end(result or self._result(SyncOutcome.REFUSED, detail="interrupted"))
        for listener in self.after_cycle:
            try:
                listener(result)
            except KnownError as error:
                log.warning("after the sync cycle: %s", error)
        return result

    def _cycle(self, progress: Progress) -> SyncResult:
        blocked = self.ready()
        if blocked is SyncOutcome.NOT_CONFIGURED:
            return self._result(blocked, error=KnownError(ErrorCode.PLATFORM_NOT_CONFIGURED))
        if blocked is SyncOutcome.SIGN_IN:
            return self._result(blocked, error=KnownError(ErrorCode.SIGN_IN_REQUIRED))
        from govshare_desktop.sync.engine import SyncEngine  # noqa: PLC0415 - HTTP on first use
        from govshare_desktop.sync.platform_transport import SessionTransport  # noqa: PLC0415

        self.executor.write(self._seal_audit)  # what was written without a keyring
        transport = SessionTransport(self._platform.session())
        engine = SyncEngine(self._db, transport, self.executor.write, self._rt.clock)
        report = engine.run_once(progress)
        return self._from_report(report)

    def _seal_audit(self) -> None:
        """Seal the audit log's unsealed tail before the cycle uploads it: signed in means
        a keyring is usable, so the key can be read now."""
        with self._db.write() as session:
            self._rt.chain.seal(session)

    def check_online(self) -> bool:
        """A cheap `GET /health` (no sign-in): is the platform there now?"""
        if not self._platform.url:
            return False
        try:
            self._platform.session().client.health(HEALTH_DEADLINE)
        except KnownError as error:
            log.info("platform not reachable: %s", error)
            self.state.reached(False)
            return False
        self.state.reached(True)
        return True

    # ------------------------------------------------------------------ results
    def _from_report(self, report: SyncReport) -> SyncResult:
        outcome = _OUTCOMES[report.outcome.value]
        error = report.reason
        if error is None and outcome is SyncOutcome.BUSY:
            seconds = math.ceil(report.retry_after or 0)
            until = self._rt.clock.now() + timedelta(seconds=seconds)
            error = KnownError(
                ErrorCode.PLATFORM_THROTTLED,
                until=until.astimezone().strftime("%H:%M:%S"),
                seconds=seconds,
            )
        elif error is None and outcome is SyncOutcome.OFFLINE:
            error = KnownError(
                ErrorCode.PLATFORM_UNREACHABLE, url=self._platform.url, reason=report.message
            )
        elif error is None and outcome is SyncOutcome.REFUSED:
            error = KnownError(ErrorCode.SYNC_REFUSED, detail=report.message)
        elif error is None and outcome is SyncOutcome.SIGN_IN:
            error = KnownError(ErrorCode.SIGN_IN_REQUIRED)
        return self._result(
            outcome,
            sent=report.push.sent,
            refused=report.push.failed,
            new_conflicts=report.push.conflicts,
            applied=report.pull.applied,
            resynced=report.pull.resynced,
            retry_after=report.retry_after,
            error=error,
            detail=report.message,
        )

    def _result(
        self,
        outcome: SyncOutcome,
        *,
        sent: int = 0,
        refused: int = 0,
        new_conflicts: int = 0,
        applied: int = 0,
        resynced: bool = False,
        retry_after: float | None = None,
        error: KnownError | None = None,
        detail: str = "",
    ) -> SyncResult:
        """The cycle's figures with the queue's, read after it in one transaction."""
        with self._db.read() as session:
            counts = OutboxRepository(session).count_by_status()
            conflicts = SyncMetaRepository(session).open_conflicts()
        pending = sum(
            counts.get(s.value, 0) for s in (OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT)
        )
        failed = sum(counts.get(s.value, 0) for s in (OutboxStatus.FAILED, OutboxStatus.BLOCKED))
        return SyncResult(
            outcome,
            utc_naive(self._rt.clock),
            sent=sent,
            refused=refused,
            new_conflicts=new_conflicts,
            applied=applied,
            resynced=resynced,
            pending=pending,
            failed=failed,
            conflicts=conflicts,
            retry_after=retry_after,
            error=error,
            detail=detail,
        )
