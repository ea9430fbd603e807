"""The status bar: connection (or 正在同步…), changes waiting to be sent, conflicts, failures,
last sync (SYNC.md UI) — a click on any of them opens the 同步 page — and a passing note
that can offer one button (撤销 after a delete, 登录 when the platform asks for it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QToolButton, QWidget

from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.status import Connection, StatusSnapshot


class _Figure(QLabel):
    """A status figure that opens the 同步 page when clicked."""

    clicked = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ShellStatusBar(QStatusBar):
    sync_clicked = Signal()  # any sync figure was clicked: show the 同步 page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.connection_label = _Figure("statusConnection")
        self.pending_label = _Figure("statusPending")
        self.last_sync_label = _Figure("statusLastSync")
        self._syncing = False
        for label in (self.connection_label, self.pending_label, self.last_sync_label):
            label.clicked.connect(self.sync_clicked)
            self.addPermanentWidget(label)
        # who works here; a click opens the sign-in dialog (the window connects it)
        self.identity_button = QToolButton()
        self.identity_button.setObjectName("statusIdentity")
        self.identity_button.setAutoRaise(True)
        self.addPermanentWidget(self.identity_button)
        self._snapshot: StatusSnapshot | None = None
        self._identity: tuple[Identity, bool] | None = None
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
    def identity(self) -> Identity | None:
        return self._identity[0] if self._identity else None

    def show_identity(self, identity: Identity, signed_in: bool) -> None:
        """The data directory's officer and unit, and whether the officer is signed in now."""
        self._identity = (identity, signed_in)
        self._retranslate_identity()

    def _retranslate_identity(self) -> None:
        if self._identity is None:
            self.identity_button.setText("")
            self.identity_button.hide()
            return
        identity, signed_in = self._identity
        self.identity_button.show()
        name = identity.display_name or identity.officer
        if signed_in and name:
            text = self.tr("{officer} · {unit}").format(officer=name, unit=identity.unit_name)
            tip = self.tr("Signed in to the platform. Click to sign in as someone else.")
        elif identity.unit_name:
            text = self.tr("{unit} · not signed in").format(unit=identity.unit_name)
            tip = self.tr("Click to sign in; you can keep working offline meanwhile.")
        else:
            text = self.tr("Not signed in")
            tip = self.tr("Click to sign in; you can keep working offline meanwhile.")
        self.identity_button.setText(text)
        self.identity_button.setToolTip(tip)

    @property
    def snapshot(self) -> StatusSnapshot | None:
        return self._snapshot

    def show_snapshot(self, snapshot: StatusSnapshot) -> None:
        self._snapshot = snapshot
        self.retranslate()

    @property
    def syncing(self) -> bool:
        return self._syncing or bool(self._snapshot and self._snapshot.syncing)

    def set_syncing(self, syncing: bool) -> None:
        """A cycle began or ended (the scheduler says so before the figures are re-read)."""
        self._syncing = syncing
        self.retranslate()

    def retranslate(self) -> None:
        self._retranslate_identity()
        snap = self._snapshot
        if snap is None:
            self.connection_label.setText(self.tr("Starting…"))
            self.pending_label.clear()
            self.last_sync_label.clear()
            return
        connection = {
            Connection.NOT_CONFIGURED: self.tr("No platform address set"),
            Connection.OFFLINE: self.tr("Offline"),
            Connection.ONLINE: self.tr("Online"),
        }[snap.connection]
        if self.syncing:  # the scheduler's word or the figures', whichever came first
            self.connection_label.setText("⟳ " + self.tr("Syncing…"))
            colour = "#1565c0"
        else:
            self.connection_label.setText("● " + connection)
            colour = "#2e7d32" if snap.connection is Connection.ONLINE else "#9e9e9e"
        self.connection_label.setStyleSheet(f"color: {colour}")
        self.connection_label.setToolTip(self.tr("Click to open the Sync page"))
        pending = self.tr("%n change(s) waiting to be sent", "", snap.pending_changes)
        if snap.conflicts:
            pending += " · " + self.tr("%n conflict(s)", "", snap.conflicts)
        if snap.failed_changes:
            pending += " · " + self.tr("%n failed", "", snap.failed_changes)
        self.pending_label.setText(pending)
        attention = snap.conflicts or snap.failed_changes
        self.pending_label.setStyleSheet("color: #c62828" if attention else "")
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
