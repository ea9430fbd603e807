"""Uncaught exceptions: logged in full, shown to the officer as a dialog, never a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from govshare_desktop.ui.crash_dialog import show_crash_dialog

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashHandler(QObject):
    """Installed as `sys.excepthook`; shows the dialog on the GUI thread whatever thread failed."""

    _crashed = Signal(str)

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_file = log_file
        self._previous: ExceptHook = sys.excepthook
        self.dialogs: list[QMessageBox] = []
        self._crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def _hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.critical("uncaught exception", exc_info=(kind, error, tb))
        details = "".join(traceback.format_exception_only(kind, error)).strip()
        self._crashed.emit(details)

    @Slot(str)
    def _show(self, details: str) -> None:
        parent = QApplication.activeWindow()
        self.dialogs.append(show_crash_dialog(parent, str(self._log_file), details))
