"""The change bus: every committed write's change set, to everyone who shows the data.

The store's `Database` publishes here after each commit, on the thread that committed
(the writer). Subscribers must be quick and must not write; the GUI's subscriber
(tasks/changes.py) only hands the set over to the GUI thread. A failing subscriber is
logged and skipped: a committed write is never undone by whoever listens to it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from govshare_desktop.domain.changes import ChangeSet

log = logging.getLogger(__name__)

Listener = Callable[[ChangeSet], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns the function that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed; the change itself is stored")
