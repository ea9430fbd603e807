"""Background work with callbacks on the GUI thread (STYLE habits 2-3): the Qt bridge over
the Qt-free executor (services/executor.py) that the CLI and the sync engine share.

Reads run on the executor's read pool, network calls on its network lane, and everything
that writes the DB on its one writer thread, in submission order, so SQLite never sees two
writers and an edit can never overtake the one before it. The op gets a `Progress`
(throttled, cancellable) and plain data; its result or exception comes back to
`on_success` / `on_failure` on the GUI thread. Widgets never go into an op. What a write
changed reaches the pages through the change bus (tasks/changes.py), not through here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent import futures
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.progress import CancelToken, Progress
from govshare_desktop.services.executor import Executor, Lane

log = logging.getLogger(__name__)

T = TypeVar("T")
Op = Callable[[Progress], T]
SuccessCallback = Callable[[T], None]
FailureCallback = Callable[[BaseException], None]

PROGRESS_INTERVAL_S = 0.1
NETWORK_GRACE_MS = 3000  # at exit, how long a cancelled platform call may take to stop


def _receiver_alive(callback: Callable[..., object]) -> bool:
    """False when the callback is a method of a widget Qt has deleted meanwhile (a dialog
    closed while its read ran): delivering to it would touch deleted C++ objects. A plain
    function or lambda cannot be checked and is called."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        log.info("result of a task dropped: its receiver %s was closed", type(owner).__name__)
        return False
    return True


class TaskHandle(QObject):
    """A running op as the GUI sees it: progress, cancel, and when it has finished."""

    progressed = Signal(int, int, str)
    finished = Signal()

    # Carried from the worker thread to this object (GUI thread) by queued connections.
    # The outcome itself stays in `_outcome`: PySide miscounts references of Python objects
    # (None, True, ...) sent through queued `Signal(object)`, which crashed the interpreter
    # at exit, so only the fact that it is there crosses the thread.
    _done = Signal()
    _error = Signal()
    _progress = Signal(int, int, str)

    def __init__(
        self,
        label: str,
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.cancel_token = CancelToken()
        self.is_finished = False
        self.lane = Lane.READ
        self._outcome: object = None
        self._on_success = on_success
        self._on_failure = on_failure
        self._done.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._error.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self.progressed, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the op to stop at its next progress report; its transaction then rolls back."""
        self.cancel_token.cancel()

    def report(self, done: int, total: int, message: str) -> None:
        """On the thread the op runs on when there are no threads (InlineRunner)."""
        self.progressed.emit(done, total, message)

    def _post_result(self, result: object) -> None:
        """Worker thread: keep the result, then wake the GUI thread."""
        self._outcome = result
        self._done.emit()

    def _post_error(self, error: BaseException) -> None:
        self._outcome = error
        self._error.emit()

    @Slot()
    def _deliver_result(self) -> None:
        result, self._outcome = self._outcome, None
        try:
            if self._on_success is not None and _receiver_alive(self._on_success):
                self._on_success(result)
        finally:
            self._finish()

    @Slot()
    def _deliver_error(self) -> None:
        error, self._outcome = self._outcome, None
        try:
            if (
                self._on_failure is not None
                and isinstance(error, BaseException)
                and _receiver_alive(self._on_failure)
            ):
                self._on_failure(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.is_finished = True
        self.finished.emit()


class _Job:
    """One op on its way through the executor, reporting to its handle."""

    def __init__(self, op: Op[Any], handle: TaskHandle) -> None:
        self._op = op
        self._handle = handle
        self._last_emit = 0.0
        self._lock = threading.Lock()

    def _sink(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last_emit < PROGRESS_INTERVAL_S and not (total and done >= total):
                return
            self._last_emit = now
        self._handle._progress.emit(done, total, message)

    def run(self) -> None:
        progress = Progress(self._sink, self._handle.cancel_token)
        try:
            progress.cancel.raise_if_cancelled()
            result = self._op(progress)
        except KnownError as exc:
            log.info("task %r ended: %s", self._handle.label, exc)
            self._handle._post_error(exc)
        except BaseException as exc:
            # Handed to the failure callback; logged with its traceback in case it is our bug.
            log.warning("task %r failed", self._handle.label, exc_info=True)
            self._handle._post_error(exc)
        else:
            self._handle._post_result(result)


class Runner(Protocol):
    """What the UI needs of a runner; `TaskRunner` and `InlineRunner` both provide it."""

    def run_read(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle: ...

    def run_write(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle: ...

    def run_network(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle: ...

    def shutdown(self, timeout_ms: int = 30000) -> bool: ...


class _RunnerBase(QObject):
    """The typed API both runners share; each says how a read and a write are dispatched."""

    failed = Signal(object, str)  # unhandled failure and the task's label, for the app to show
    started = Signal(object)  # TaskHandle, e.g. for a progress dialog

    def _submit(
        self,
        op: Op[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        label: str,
        *,
        lane: Lane,
    ) -> TaskHandle:
        raise NotImplementedError

    def run_read(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle:
        return self._submit(op, on_success, on_failure, label, lane=Lane.READ)

    def run_write(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle:
        return self._submit(op, on_success, on_failure, label, lane=Lane.WRITE)

    def run_network(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle:
        """A call to the platform: its own lane, so a slow answer never delays a read."""
        return self._submit(op, on_success, on_failure, label, lane=Lane.NETWORK)


class TaskRunner(_RunnerBase):
    """The real runner, over the composition root's executor."""

    def __init__(self, executor: Executor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._active: dict[TaskHandle, futures.Future[None]] = {}

    @property
    def executor(self) -> Executor:
        return self._executor

    def _submit(
        self,
        op: Op[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        label: str,
        *,
        lane: Lane,
    ) -> TaskHandle:
        # Owned by Python through `_active`, not by Qt parentage: a handle deleted by its
        # parent while its queued result is pending crashes PySide.
        handle = TaskHandle(label, on_success, on_failure or self._default_failure(label))
        handle.lane = lane
        if self._executor.closed:
            # the app is closing: a timer or a late signal asked for work nobody will see
            log.debug("task %r dropped: the app is closing", label)
            handle.is_finished = True
            return handle
        handle.finished.connect(lambda: self._forget(handle))
        self.started.emit(handle)
        self._active[handle] = self._executor.submit(lane, _Job(op, handle).run)
        return handle

    def _default_failure(self, label: str) -> FailureCallback:
        def announce(error: BaseException) -> None:
            if not isinstance(error, KnownError):
                log.error("task %r failed and nobody handled it: %r", label, error)
            self.failed.emit(error, label)

        return announce

    def _forget(self, handle: TaskHandle) -> None:
        # Not from inside the handle's own signal: let the emission finish first.
        QTimer.singleShot(0, lambda: self._active.pop(handle, None))

    @property
    def active_count(self) -> int:
        return len(self._active)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel reads and network calls, then wait for every write, queued ones included:
        an officer's edit that was accepted must reach the DB even when the window closes
        right after it. A platform call gets a few seconds to stop at its next step, and is
        then left to its deadline (nothing is lost: its op is resent with the same key).
        The executor itself is the composition root's to shut down."""
        network: list[futures.Future[None]] = []
        for handle, future in list(self._active.items()):
            if handle.lane is not Lane.WRITE:
                handle.cancel()
                future.cancel()
            if handle.lane is Lane.NETWORK and not future.cancelled():
                network.append(future)
        if network:
            _done, stuck = futures.wait(network, timeout=NETWORK_GRACE_MS / 1000)
            if stuck:
                log.info("%d platform call(s) left to their deadline at exit", len(stuck))
        pending = [
            f for h, f in self._active.items() if h.lane is not Lane.NETWORK and not f.cancelled()
        ]
        _done, not_done = futures.wait(pending, timeout=timeout_ms / 1000)
        return not not_done


class InlineRunner(_RunnerBase):
    """Runs each op at once on the calling thread; for tests that want no threads at all."""

    def _submit(
        self,
        op: Op[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        label: str,
        *,
        lane: Lane,
    ) -> TaskHandle:
        handle = TaskHandle(label, None, None)
        handle.lane = lane
        self.started.emit(handle)
        try:
            result = op(Progress(handle.report, handle.cancel_token))
        except BaseException as exc:
            if on_failure is not None:
                on_failure(exc)
            else:
                self.failed.emit(exc, label)
        else:
            if on_success is not None:
                on_success(result)
        handle._finish()
        return handle

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        return True
