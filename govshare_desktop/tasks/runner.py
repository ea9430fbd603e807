"""Background work with callbacks on the GUI thread (STYLE habits 2-3).

Reads and network calls run on a small pool; everything that writes the DB runs on one
writer thread, in submission order, so SQLite never sees two writers and an edit can never
overtake the one before it. The op gets a `Progress` (throttled, cancellable) and plain
data; its result or exception comes back to `on_success` / `on_failure` on the GUI thread.
Widgets never go into an op.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.progress import CancelToken, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
Op = Callable[[Progress], T]
SuccessCallback = Callable[[T], None]
FailureCallback = Callable[[BaseException], None]

PROGRESS_INTERVAL_S = 0.1


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
        self.is_write = False
        self._outcome: object = None
        self._on_success = on_success
        self._on_failure = on_failure
        self._done.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._error.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self.progressed, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the op to stop at its next progress report; its transaction then rolls back."""
        self.cancel_token.cancel()

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
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self._finish()

    @Slot()
    def _deliver_error(self) -> None:
        error, self._outcome = self._outcome, None
        try:
            if self._on_failure is not None and isinstance(error, BaseException):
                self._on_failure(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.is_finished = True
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, op: Op[Any], handle: TaskHandle) -> None:
        super().__init__()
        self.setAutoDelete(True)
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

    wrote: Any  # Signal(): a write task finished (its result delivered)

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

    def shutdown(self, timeout_ms: int = 30000) -> bool: ...


class _RunnerBase(QObject):
    """The typed API both runners share; each says how a read and a write are dispatched."""

    failed = Signal(object, str)  # unhandled failure and the task's label, for the app to show
    started = Signal(object)  # TaskHandle, e.g. for a progress dialog
    wrote = Signal()  # a write task finished: what the window shows may have changed

    def _submit(
        self,
        op: Op[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        label: str,
        *,
        write: bool,
    ) -> TaskHandle:
        raise NotImplementedError

    def run_read(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle:
        return self._submit(op, on_success, on_failure, label, write=False)

    def run_write(
        self,
        op: Op[T],
        on_success: SuccessCallback[T] | None = None,
        on_failure: FailureCallback | None = None,
        label: str = "",
    ) -> TaskHandle:
        return self._submit(op, on_success, on_failure, label, write=True)


class TaskRunner(_RunnerBase):
    """The real runner: a read pool and a single writer thread."""

    def __init__(self, read_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._active: set[TaskHandle] = set()

    def _submit(
        self,
        op: Op[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        label: str,
        *,
        write: bool,
    ) -> TaskHandle:
        pool = self._writes if write else self._reads
        # Owned by Python through `_active`, not by Qt parentage: a handle deleted by its
        # parent while its queued result is pending crashes PySide.
        handle = TaskHandle(label, on_success, on_failure or self._default_failure(label))
        handle.is_write = write
        self._active.add(handle)
        handle.finished.connect(lambda: self._forget(handle))
        if write:
            handle.finished.connect(self.wrote.emit)
        self.started.emit(handle)
        pool.start(_Job(op, handle))
        return handle

    def _default_failure(self, label: str) -> FailureCallback:
        def announce(error: BaseException) -> None:
            if not isinstance(error, KnownError):
                log.error("task %r failed and nobody handled it: %r", label, error)
            self.failed.emit(error, label)

        return announce

    def _forget(self, handle: TaskHandle) -> None:
        # Not from inside the handle's own signal: let the emission finish first.
        QTimer.singleShot(0, lambda: self._active.discard(handle))

    @property
    def active_count(self) -> int:
        return len(self._active)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel reads, then wait for every write, queued ones included: an officer's edit
        that was accepted must reach the DB even when the window closes right after it."""
        for handle in list(self._active):
            if not handle.is_write:
                handle.cancel()
        self._reads.clear()
        done_reads = self._reads.waitForDone(timeout_ms)
        done_writes = self._writes.waitForDone(timeout_ms)
        return bool(done_reads and done_writes)


class InlineRunner(_RunnerBase):
    """Runs each op at once on the calling thread; for tests that want no threads at all."""

    def _submit(
        self,
        op: Op[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: FailureCallback | None,
        label: str,
        *,
        write: bool,
    ) -> TaskHandle:
        handle = TaskHandle(label, None, None)
        handle.is_write = write
        self.started.emit(handle)
        try:
            result = op(Progress(handle.progressed.emit, handle.cancel_token))
        except BaseException as exc:
            if on_failure is not None:
                on_failure(exc)
            else:
                self.failed.emit(exc, label)
        else:
            if on_success is not None:
                on_success(result)
        handle._finish()
        if write:
            self.wrote.emit()
        return handle

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        return True
