"""When the app syncs: at start, when the network comes back, every few minutes, shortly
after the officer's own edits, after a sign-in and on demand (同步, F5) — one cycle at a
time, on the runner's network lane, so the window never waits for the platform.

After a failed cycle the next automatic one waits the cycle's `retry_after` (backoff with
jitter, the platform's Retry-After honoured): neither the periodic timer nor edits start
one sooner, so an offline PC makes no hot loop. Only the officer (F5), a sign-in and the
network coming back (confirmed by a cheap health request) go ahead at once. Automatic
triggers stay quiet while nobody is signed in; an asked-for cycle says why it cannot run.
"""

from __future__ import annotations

import logging
import time
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from govshare_desktop.domain.changes import ChangeSet, EntityKind, Origin
from govshare_desktop.domain.errors import Cancelled
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.tasks.runner import Runner, TaskHandle

log = logging.getLogger(__name__)

EDIT_PAUSE_MS = 30_000  # an officer's save reaches the platform this long after the last one
AFTER_BUG_MS = 300_000  # a cycle that failed in an unforeseen way is not retried sooner
NO_BACKEND = "none"
# kinds whose local changes enter the outbox (class names, identity, audit never do)
SENT_KINDS = frozenset(
    {EntityKind.RESOURCE, EntityKind.CATALOG_VERSION, EntityKind.SHARE_REQUEST,
     EntityKind.OBJECTION}
)  # fmt: skip


class Trigger(StrEnum):
    START = "start"
    TIMER = "timer"
    EDIT = "edit"
    RETRY = "retry"
    NETWORK = "network"
    SIGN_IN = "sign_in"
    RESOLVED = "resolved"  # a conflict was resolved: its result goes out at once
    MANUAL = "manual"  # 同步 / F5

    @property
    def asked(self) -> bool:
        """Somebody asked for this cycle, so a reason it cannot run is said, not kept quiet."""
        return self in (Trigger.MANUAL, Trigger.SIGN_IN, Trigger.RESOLVED)


class Syncing(Protocol):
    """What the scheduler needs of services/sync/syncing.py's `SyncService`."""

    def ready(self) -> SyncOutcome | None: ...

    def run_once(self, progress: Progress | None = None) -> SyncResult: ...

    def check_online(self) -> bool: ...


class SyncScheduler(QObject):
    cycle_started = Signal(str)  # the trigger, once the cycle really begins
    cycle_finished = Signal(object)  # SyncResult
    already_running = Signal()  # F5 while a cycle runs: it covers the request
    ticked = Signal()  # the periodic timer fired (whether or not a cycle followed)
    link_checked = Signal(bool)  # the network came back: the platform answered, or not
    cycle_failed = Signal(object)  # an exception no SyncResult describes (our bug)

    def __init__(
        self,
        runner: Runner,
        sync: Syncing,
        *,
        interval_ms: int,
        edit_pause_ms: int = EDIT_PAUSE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._sync = sync
        self._handle: TaskHandle | None = None
        self._began = False
        self._queued: Trigger | None = None  # asked for while a cycle ran
        self._hold_until = 0.0  # monotonic: no automatic cycle before (after a failure)
        self._busy = False  # the platform itself asked for the wait (not merely offline)
        self._stopped = True
        self._network: Any = None  # QNetworkInformation, when a backend could be loaded
        self.network_backend = NO_BACKEND
        self._periodic = QTimer(self)
        self._periodic.setInterval(interval_ms)
        self._periodic.timeout.connect(self._tick)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(lambda: self.request(Trigger.RETRY))
        self._edits = QTimer(self)
        self._edits.setSingleShot(True)
        self._edits.setInterval(edit_pause_ms)
        self._edits.timeout.connect(lambda: self.request(Trigger.EDIT))

    # ------------------------------------------------------------------ control
    @property
    def running(self) -> bool:
        return self._handle is not None

    @property
    def retry_in_ms(self) -> int:
        """The wait before the next automatic cycle after a failure (-1: none)."""
        return self._retry.remainingTime() if self._retry.isActive() else -1

    def start(self) -> None:
        """The window is up: a first cycle (if someone is signed in), then the timers."""
        self._stopped = False
        self._periodic.start()
        self._watch_network()
        self.request(Trigger.START)

    def stop(self) -> None:
        """The window closes: no new cycle; the running one is asked to stop at its next
        step (the runner gives it a few seconds at exit, then leaves it to its deadline)."""
        self._stopped = True
        for timer in (self._periodic, self._retry, self._edits):
            timer.stop()
        if self._handle is not None:
            self._handle.cancel()

    def set_interval(self, ms: int) -> None:
        self._periodic.setInterval(ms)  # an active timer restarts with the new interval

    def request(self, trigger: Trigger) -> None:
        """A cycle now, unless one runs (F5 then says so; a sign-in or a resolution runs
        right after it) or the last one failed and asked for a wait (automatic triggers)."""
        if self._stopped:
            return
        if self._handle is not None:
            if trigger is Trigger.MANUAL:
                self.already_running.emit()
            elif trigger.asked:
                self._queued = trigger
            elif trigger is Trigger.EDIT:
                self._queued = self._queued or trigger
            return
        waiting = time.monotonic() < self._hold_until
        held = (Trigger.TIMER, Trigger.EDIT, Trigger.START)
        if waiting and (trigger in held or (trigger is Trigger.NETWORK and self._busy)):
            return  # the retry timer brings the next cycle, edits included
        self._run(trigger)

    def note_changes(self, changes: ChangeSet) -> None:
        """A commit (the change bus): the officer's own edits go out after a short pause."""
        if any(c.origin is Origin.LOCAL and c.kind in SENT_KINDS for c in changes.changes):
            if self._handle is not None:
                self._queued = self._queued or Trigger.EDIT
            elif not self._stopped:
                self._edits.start()

    # ------------------------------------------------------------------ the cycle
    def _tick(self) -> None:
        self.ticked.emit()
        self.request(Trigger.TIMER)

    def _run(self, trigger: Trigger) -> None:
        sync = self._sync
        asked = trigger.asked

        def cycle(progress: Progress) -> SyncResult | None:
            if not asked and sync.ready() is not None:
                return None  # nobody signed in, no address: automatic cycles stay quiet
            progress.report(0, 0, "begin")
            return sync.run_once(progress)

        self._began = False
        handle = self._runner.run_network(cycle, self._finished, self._failed, label="sync")
        if handle.is_finished:  # the app is closing, or an inline runner ran it already
            return
        self._handle = handle
        handle.progressed.connect(lambda *_: self._begin(trigger))
        handle.finished.connect(lambda: self._ended(handle))

    def _begin(self, trigger: Trigger) -> None:
        if not self._began:
            self._began = True
            self.cycle_started.emit(trigger.value)

    def _finished(self, result: SyncResult | None) -> None:
        if result is None:
            return
        if result.outcome is SyncOutcome.ALREADY_RUNNING:
            return  # another window's cycle of the same process covered this one
        wait = result.retry_after
        if wait is not None and result.outcome in (
            SyncOutcome.OFFLINE,
            SyncOutcome.BUSY,
            SyncOutcome.REFUSED,
        ):
            self._hold_until = time.monotonic() + wait
            self._busy = result.outcome is not SyncOutcome.OFFLINE
            self._retry.start(max(1, int(wait * 1000)))
        else:
            self._hold_until = 0.0
            self._busy = False
            self._retry.stop()
        self.cycle_finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        """The cycle raised: stopped at exit (cancelled, or the executor closed under it),
        or a bug — logged, said, and not retried before the long wait."""
        if self._stopped or isinstance(error, Cancelled):
            log.info("sync cycle stopped: %r", error)
            return
        log.error("sync cycle failed", exc_info=error)
        self._hold_until = time.monotonic() + AFTER_BUG_MS / 1000
        self._retry.start(AFTER_BUG_MS)
        self.cycle_failed.emit(error)

    def _ended(self, handle: TaskHandle) -> None:
        if self._handle is not handle:
            return
        self._handle = None
        queued, self._queued = self._queued, None
        if queued is Trigger.EDIT:
            self._edits.start()
        elif queued is not None:
            self.request(queued)

    # ------------------------------------------------------------------ the network
    def _watch_network(self) -> None:
        """Qt's reachability, when the platform has a backend for it; without one, the
        retry timer alone finds the platform again (it is never more than 10 min)."""
        if self._network is not None:
            return
        try:
            from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415 - after start
        except ImportError:  # pragma: no cover - a build without QtNetwork
            return
        loaded = QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability)
        info = QNetworkInformation.instance() if loaded else None
        if info is None:
            log.info("no network information backend: reconnection found by retries")
            return
        self._network = info
        self.network_backend = info.backendName()
        info.reachabilityChanged.connect(self._reachability)
        log.info("network information from %s", self.network_backend)

    def _reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        gone = (
            QNetworkInformation.Reachability.Disconnected,
            QNetworkInformation.Reachability.Unknown,
        )
        if reachability in gone:
            return
        self.network_back()

    def network_back(self) -> None:
        """The PC has a network again: ask the platform (cheaply), then sync if it answers."""
        if self._stopped:
            return
        sync = self._sync
        self._runner.run_network(
            lambda _p: sync.check_online(), self._checked, lambda _e: None, label="health"
        )

    def _checked(self, online: bool) -> None:
        self.link_checked.emit(online)
        if online:
            self.request(Trigger.NETWORK)
