"""The change bus, on the GUI thread: every committed write's change set, as a Qt signal.

The bus calls its subscribers on the thread that committed (the writer). This relay only
queues the set and wakes the GUI thread, where `changed` is emitted; pages, the problems
list, the status bar and the figures refresh themselves from it. Sets that arrive before
the GUI thread gets round to them are delivered one by one, in commit order.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from govshare_desktop.domain.changes import ChangeSet

# `ChangeBus.subscribe`: takes a listener, returns the function that removes it
Subscribe = Callable[[Callable[[ChangeSet], None]], Callable[[], None]]


class ChangeRelay(QObject):
    changed = Signal(object)  # ChangeSet, emitted on the GUI thread

    # Only the fact that something is queued crosses threads (see TaskHandle: PySide
    # miscounts Python objects sent through queued signals).
    _arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[ChangeSet] = deque()
        self._lock = threading.Lock()
        self._unsubscribe: Callable[[], None] | None = None
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def listen(self, subscribe: Subscribe) -> None:
        """Start relaying from a bus (`ChangeBus.subscribe`)."""
        self.stop()
        self._unsubscribe = subscribe(self.post)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def post(self, changes: ChangeSet) -> None:
        """Any thread: queue `changes` for the GUI thread."""
        with self._lock:
            self._queue.append(changes)
        self._arrived.emit()

    @Slot()
    def _deliver(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    return
                changes = self._queue.popleft()
            self.changed.emit(changes)
