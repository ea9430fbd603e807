"""The lock screen: covers the window's whole central area while it is locked, so no page
(catalog, requests, grants, rows) shows; asks for the officer's password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self.quit_requested)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.explanation)
        inner.addLayout(row)
        inner.addWidget(self.message)
        inner.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslate("")

    def retranslate(self, officer: str) -> None:
        self.title.setText(self.tr("Locked"))
        self.explanation.setText(
            self.tr(
                "GovShare Desktop was locked to protect shared data. Enter the password of "
                "{officer} to continue; everything you were doing is kept."
            ).format(officer=officer or self.tr("the officer who signed in"))
        )
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.quit_button.setText(self.tr("Quit GovShare Desktop"))

    def _submit(self) -> None:
        if self.password.isEnabled():
            self.unlock_requested.emit(self.password.text())

    def begin(self, officer: str) -> None:
        """Shown afresh: no text left from before, the cursor in the password box."""
        self.retranslate(officer)
        self.password.clear()
        self.message.clear()
        self.set_busy(False)
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.password.selectAll()
        self.password.setFocus()
