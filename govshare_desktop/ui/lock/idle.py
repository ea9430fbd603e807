"""Idle detection for the auto-lock: the last keyboard or mouse input anywhere in the app.

An application-wide event filter notes the time of every input event (nothing else: its
cost is one set lookup per event); a timer compares it with the configured minutes and
says `idle` once, until input comes again. The clock is a function of milliseconds that a
test replaces, so the timeout is tested without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
CHECK_MS = 15_000  # how often idleness is looked at (a lock at most this late)


def monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(
        self,
        app: QCoreApplication,
        parent: QObject | None = None,
        *,
        now_ms: Callable[[], int] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.now_ms = now_ms
        self._limit_ms = 0
        self._last = now_ms()
        self._said = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        app.installEventFilter(self)
        self._app = app

    def set_minutes(self, minutes: int) -> None:
        """Idle after `minutes` without input; 0 never."""
        self._limit_ms = max(0, minutes) * 60_000
        self.reset()
        if self._limit_ms:
            self._timer.start(min(CHECK_MS, self._limit_ms))
        else:
            self._timer.stop()

    def reset(self) -> None:
        """Count from now (at unlock, or when the setting changes)."""
        self._last, self._said = self.now_ms(), False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last, self._said = self.now_ms(), False
        return False

    def check(self) -> None:
        if self._limit_ms and not self._said and self.now_ms() - self._last >= self._limit_ms:
            self._said = True
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)
