"""A progress dialog that appears only when work takes long enough to notice (Anki: 600 ms)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from govshare_desktop.tasks.runner import TaskHandle

SHOW_AFTER_MS = 600


class DelayedProgress(QObject):
    """Watches one task; shows a cancellable dialog if it is still running after a delay."""

    def __init__(
        self, handle: TaskHandle, parent: QWidget, title: str, delay_ms: int = SHOW_AFTER_MS
    ) -> None:
        super().__init__(parent)
        self._handle = handle
        self._parent = parent
        self._title = title
        self._dialog: QProgressDialog | None = None
        self._last = (0, 0, "")
        handle.progressed.connect(self._on_progress)
        handle.finished.connect(self._on_finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(delay_ms)

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _show(self) -> None:
        if self._handle.is_finished:
            return
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._handle.cancel)
        self._dialog = dialog
        self._on_progress(*self._last)
        dialog.show()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._last = (done, total, message)
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))  # 0 = busy indicator when the total is unknown
        self._dialog.setValue(min(done, total) if total else 0)
        self._dialog.setLabelText(message or self._title)

    def _on_finished(self) -> None:
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()
