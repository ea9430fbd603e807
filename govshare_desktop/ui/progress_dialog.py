"""A progress dialog that appears only when work takes long enough to notice (Anki: 600 ms).

Not a QProgressDialog: its `setValue` runs a nested event loop (`processEvents`) whenever
it is modal, so the task could finish — and the dialog be torn down — in the middle of a
progress report. This one only paints what it is told; the window stays modal-blocked by
the dialog, and results arrive through the ordinary event loop (STYLE habit 2).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from govshare_desktop.tasks.runner import TaskHandle

SHOW_AFTER_MS = 600


class TaskProgressDialog(QDialog):
    """What the officer sees of a long task: what it is doing, how far, and Cancel."""

    def __init__(self, title: str, handle: TaskHandle, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._handle = handle
        self._title = title
        self.label = QLabel(title)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)

    def labelText(self) -> str:
        return self.label.text()

    def show_progress(self, done: int, total: int, message: str) -> None:
        if not self.cancel_button.isEnabled():
            return  # cancelling: a report already on its way changes nothing
        self.label.setText(message or self._title)
        self.bar.setMaximum(max(total, 0))  # 0 = busy indicator when the total is unknown
        self.bar.setValue(min(done, total) if total else 0)

    def cancel(self) -> None:
        """Ask the task to stop; the dialog closes once it has (its transaction rolled back)."""
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self._handle.cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()  # Esc cancels the work, it does not just hide the dialog
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._handle.is_finished:
            self.cancel()
            event.ignore()  # closes when the task has stopped
            return
        super().closeEvent(event)


class DelayedProgress(QObject):
    """Watches one task; shows a cancellable dialog if it is still running after a delay."""

    def __init__(
        self, handle: TaskHandle, parent: QWidget, title: str, delay_ms: int = SHOW_AFTER_MS
    ) -> None:
        super().__init__(parent)
        self._handle = handle
        self._parent = parent
        self._title = title
        self._dialog: TaskProgressDialog | None = None
        self._last = (0, 0, "")
        handle.progressed.connect(self._on_progress)
        handle.finished.connect(self._on_finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(delay_ms)

    @property
    def dialog(self) -> TaskProgressDialog | None:
        return self._dialog

    def _show(self) -> None:
        if self._handle.is_finished:
            return
        self._dialog = TaskProgressDialog(self._title, self._handle, self._parent)
        self._dialog.show_progress(*self._last)
        self._dialog.show()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._last = (done, total, message)
        if self._dialog is not None:
            self._dialog.show_progress(done, total, message)

    def _on_finished(self) -> None:
        self._timer.stop()
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.done(0)
            dialog.deleteLater()
        self.deleteLater()
