"""The status bar: connection, changes waiting to be sent, conflicts, last sync (SYNC.md UI),
and a passing note that can offer one button (撤销 after a delete)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import QDateTime, QEvent, QLocale, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

from govshare_desktop.domain.status import Connection, StatusSnapshot


class ShellStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("statusConnection")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("statusPending")
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("statusLastSync")
        for label in (self.connection_label, self.pending_label, self.last_sync_label):
            self.addPermanentWidget(label)
        self._snapshot: StatusSnapshot | None = None
        self._build_note()
        self.retranslate()

    def _build_note(self) -> None:
        self.note = QWidget()
        self.note.setObjectName("statusNote")
        self.note_label = QLabel()
        self.note_label.setObjectName("statusNoteText")
        self.note_button = QPushButton()
        self.note_button.setObjectName("statusNoteButton")
        row = QHBoxLayout(self.note)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note_label)
        row.addWidget(self.note_button)  # right after the sentence it belongs to
        row.addStretch(1)
        self.addWidget(self.note, 1)
        self.note.hide()
        self._note_action: Callable[[], None] | None = None
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self.dismiss_note)
        self.note_button.clicked.connect(self._press_note)

    def show_note(self, text: str, button: str, action: Callable[[], None], ms: int) -> None:
        """A note with one button (e.g. 撤销) for `ms` milliseconds, or until pressed."""
        self.clearMessage()  # a passing message would hide the note
        self.note_label.setText(text)
        self.note_button.setText(button)
        self._note_action = action
        self.note.show()
        self._note_timer.start(ms)

    def dismiss_note(self) -> None:
        self._note_timer.stop()
        self._note_action = None
        self.note.hide()

    def _press_note(self) -> None:
        action = self._note_action
        self.dismiss_note()
        if action is not None:
            action()

    @property
    def snapshot(self) -> StatusSnapshot | None:
        return self._snapshot

    def show_snapshot(self, snapshot: StatusSnapshot) -> None:
        self._snapshot = snapshot
        self.retranslate()

    def retranslate(self) -> None:
        snap = self._snapshot
        if snap is None:
            self.connection_label.setText(self.tr("Starting…"))
            self.pending_label.clear()
            self.last_sync_label.clear()
            return
        connection = {
            Connection.NOT_CONFIGURED: self.tr("No platform configured"),
            Connection.OFFLINE: self.tr("Offline"),
            Connection.ONLINE: self.tr("Online"),
        }[snap.connection]
        self.connection_label.setText("● " + connection)
        colour = "#2e7d32" if snap.connection is Connection.ONLINE else "#9e9e9e"
        self.connection_label.setStyleSheet(f"color: {colour}")
        pending = self.tr("%n change(s) waiting to be sent", "", snap.pending_changes)
        if snap.conflicts:
            pending += " · " + self.tr("%n conflict(s)", "", snap.conflicts)
        if snap.failed_changes:
            pending += " · " + self.tr("%n failed", "", snap.failed_changes)
        self.pending_label.setText(pending)
        if snap.last_sync_at is None:
            self.last_sync_label.setText(self.tr("Never synced"))
        else:
            # stored as naive UTC; shown in the PC's own time
            moment = QDateTime.fromSecsSinceEpoch(
                int(snap.last_sync_at.replace(tzinfo=UTC).timestamp())
            )
            when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
            self.last_sync_label.setText(self.tr("Last synced {when}").format(when=when))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
