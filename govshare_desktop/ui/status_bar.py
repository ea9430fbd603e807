"""The status bar: connection, changes waiting to be sent, conflicts, last sync (SYNC.md UI)."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime, QEvent, QLocale
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

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
        self.retranslate()

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
