"""Cancellation and progress reporting for long use cases, free of Qt.

Services accept a `Progress` and check `cancel` between units of work; `tasks/` adapts these
to Qt signals, the CLI to a line on stderr, tests to a list.
"""

from __future__ import annotations

import threading
from typing import Protocol

from govshare_desktop.domain.errors import Cancelled


class CancelToken:
    """Set once by whoever wants the work to stop; polled by the work itself."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise `Cancelled`, which rolls back the transaction around the work."""
        if self._event.is_set():
            raise Cancelled


class ProgressSink(Protocol):
    def __call__(self, done: int, total: int, message: str) -> None: ...


def _ignore(done: int, total: int, message: str) -> None:
    """A sink for callers that do not show progress."""


class Progress:
    """What a long operation receives: where to report, and whether to stop."""

    def __init__(self, sink: ProgressSink | None = None, cancel: CancelToken | None = None) -> None:
        self._sink: ProgressSink = sink or _ignore
        self.cancel = cancel or CancelToken()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Report `done` of `total` (0 = unknown); raises `Cancelled` once asked to stop."""
        self.cancel.raise_if_cancelled()
        self._sink(done, total, message)

    @classmethod
    def silent(cls) -> Progress:
        return cls()
