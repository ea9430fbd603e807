"""Where work runs: one writer thread, a small read pool, a separate network lane. No Qt.

Owned by the composition root and shared by everyone who touches the store: the GUI's
task runner (tasks/, which adds Qt signals, progress and cancel on top), the CLI and the
sync engine. All DB writes run on the one writer thread, in submission order, so SQLite
never sees two writers and an edit can never overtake the one before it. Network calls
get their own lane, so a slow platform never holds up a read the officer waits for
(STYLE habit 3; Anki's single collection executor).
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum
from typing import Any, ParamSpec, Protocol, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")
WRITER_THREAD = "govshare-writer"


class Lane(StrEnum):
    READ = "read"
    WRITE = "write"
    NETWORK = "network"


class _NetworkLane:
    """Threads for platform calls that never hold the process open: a call stuck until
    its deadline must not keep a closed app running. Nothing is lost by leaving it: a sync
    step commits only on the writer, and an op in flight is resent, with the same key, at
    the next start (SYNC.md's crash rules)."""

    def __init__(self, workers: int, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None]
        self._jobs = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}_{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        self._jobs.put((future, fn))
        return future

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed to whoever holds the future
                future.set_exception(exc)

    def shutdown(self) -> None:
        """Drop the queued calls and let the threads end once their call returns; the
        caller does not wait for a call in flight."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job[0].cancel()
        for _thread in self._threads:
            self._jobs.put(None)


class Executor:
    def __init__(self, read_threads: int = 2, network_threads: int = 2) -> None:
        self._writer_ident: int | None = None
        self._pools = {
            Lane.WRITE: ThreadPoolExecutor(1, WRITER_THREAD, initializer=self._mark_writer),
            Lane.READ: ThreadPoolExecutor(read_threads, "govshare-read"),
        }
        self._network = _NetworkLane(network_threads, "govshare-network")
        self._closed = False

    def _mark_writer(self) -> None:
        self._writer_ident = threading.get_ident()

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def on_writer(self) -> bool:
        """True on the writer thread itself."""
        return self._writer_ident == threading.get_ident()

    def submit(self, lane: Lane, fn: Callable[[], T]) -> Future[T]:
        """Run `fn` on `lane`; its result or exception arrives through the future."""
        if self._closed:
            raise RuntimeError("the executor has been shut down")
        if lane is Lane.NETWORK:
            return self._network.submit(fn)
        return self._pools[lane].submit(fn)

    def write(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the writer thread and wait for it (at once if already there)."""
        if self.on_writer:
            return fn()
        return self.submit(Lane.WRITE, fn).result()

    def shutdown(self, *, wait: bool = True) -> None:
        """Refuse new work; queued reads and network calls are dropped, queued writes
        still run (an accepted edit must reach the DB), then the threads end. A platform
        call in flight is not waited for (see `_NetworkLane`)."""
        self._closed = True
        self._network.shutdown()
        self._pools[Lane.READ].shutdown(wait=wait, cancel_futures=True)
        self._pools[Lane.WRITE].shutdown(wait=wait)


class HasExecutor(Protocol):
    @property
    def executor(self) -> Executor: ...


def writes(method: Callable[P, T]) -> Callable[P, T]:
    """Run a service method that writes on the writer thread, whoever calls it: inline when
    it is already there (a GUI write task), else submitted and waited for (the CLI)."""

    @functools.wraps(method)
    def on_writer(*args: P.args, **kwargs: P.kwargs) -> T:
        owner: Any = args[0]
        executor: Executor = owner.executor
        return executor.write(lambda: method(*args, **kwargs))

    return on_writer
