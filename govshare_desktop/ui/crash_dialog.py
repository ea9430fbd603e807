"""What an officer sees instead of a silent exit when our code fails, and where the log is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def crash_message(log_path: str) -> str:
    return QCoreApplication.translate(
        "CrashDialog",
        "GovShare Desktop ran into an internal error. Everything you saved is safe: no change "
        "is ever half-written to the database.\n\nPlease send the log file to IT support:\n{log}",
    ).format(log=log_path)


def show_crash_dialog(parent: QWidget | None, log_path: str, details: str) -> QMessageBox:
    """Show the dialog modelessly and return it, so a crash never blocks the event loop."""
    box = crash_box(parent, log_path, details)
    box.open()
    return box


def crash_box(parent: QWidget | None, log_path: str, details: str) -> QMessageBox:
    """The crash dialog, not yet shown (start-up shows it with exec(): no loop runs yet)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "Internal error"))
    box.setText(crash_message(log_path))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, text: str) -> QMessageBox:
    """A known environment error: a plain message with what to do, no traceback."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "GovShare Desktop"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
