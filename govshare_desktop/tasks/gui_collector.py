"""Cyclic garbage collected on the GUI thread only, while the GUI lives.

CPython runs a collection in whichever thread happens to allocate when a generation's
threshold trips. When that is a worker thread (the TaskRunner's pool, the single writer)
and the cycle it frees holds a Qt wrapper — a closed dialog's model, a page's old
controller — the QObject is destroyed off the GUI thread while the GUI may be using it:
a segmentation fault, seen in a test run while a page attached its new model. So the GUI
switches CPython's automatic collector off and collects from a timer on its own thread,
by the same generation thresholds, skipping while a bulk job holds the collector paused
(services/gc_pause.py). Reference counting still frees everything that is not cyclic at
once, wherever it is released; only cycles wait for the timer (a second at most).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from govshare_desktop.services.gc_pause import collection_held

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Runs `gc.collect` for the generations past their thresholds, on the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("gui-thread-collector")
        self._thresholds = gc.get_threshold()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as CPython would."""
        if collection_held():
            return  # a bulk job asked for no collection until it ends
        if gc.isenabled():
            gc.disable()  # a job's pause that began before the GUI started turned it back on
        counts = gc.get_count()
        generation = -1
        for index, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if threshold and count > threshold:
                generation = index
            else:
                break
        if generation >= 0:
            gc.collect(generation)
            self.collections += 1


def install_gui_collector(app: QCoreApplication) -> GuiThreadCollector:
    """The application's collector, made once and living as long as the application."""
    found = app.findChild(GuiThreadCollector, "gui-thread-collector")
    if isinstance(found, GuiThreadCollector):
        return found
    return GuiThreadCollector(app)
