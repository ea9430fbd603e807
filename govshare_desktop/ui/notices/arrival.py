"""Telling the officer that notices (通报) arrived: a note in the status bar with 查看, and
a tray balloon where the desktop has a system tray; either opens the 概览's notices.

The service marks the notices told in the transaction that hands them over
(`NoticeService.take_arrivals`), so each arrival is announced once, also across a restart
(notices a `govshare sync` brought while the window was closed are announced at start).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from govshare_desktop.domain.notices import Notice
from govshare_desktop.ui.status_bar import ShellStatusBar

if TYPE_CHECKING:
    from govshare_desktop.services.registry import Services
    from govshare_desktop.tasks.runner import Runner

NOTE_MS = 30_000


class ArrivalAnnouncer(QObject):
    announced = Signal(str)  # the words said (for the window and the tests)
    checked = Signal(int)  # a check ended: how many arrivals it announced (0: none)

    def __init__(
        self,
        services: Services,
        runner: Runner,
        status: ShellStatusBar,
        open_notices: Callable[[list[str]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._status = status
        self._open = open_notices
        self._window = parent
        self._arrived: list[str] = []
        self.tray: QSystemTrayIcon | None = None

    def check(self) -> None:
        """Announce the notices not announced yet (after a sync, and at start)."""
        service = self._services.notices
        self._runner.run_write(
            lambda _p: service.take_arrivals(), self._announce, None, label="notice-arrivals"
        )

    def text(self, arrived: list[Notice]) -> str:
        if len(arrived) == 1:
            return self.tr("New notice from the sharing authority: %1").replace(
                "%1", arrived[0].title
            )
        return self.tr("%n new notices from the sharing authority", "", len(arrived))

    def _announce(self, arrived: list[Notice]) -> None:
        if not arrived:
            self.checked.emit(0)
            return
        self._arrived = [n.id for n in arrived]
        text = self.text(arrived)
        self._status.show_note(text, self.tr("View"), self.open, NOTE_MS)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self._window.windowIcon(), self)
                self.tray.messageClicked.connect(self.open)
                self.tray.show()
            self.tray.showMessage(
                self.tr("GovShare notices"), text, QSystemTrayIcon.MessageIcon.Information
            )
        self.announced.emit(text)
        self.checked.emit(len(arrived))

    def open(self) -> None:
        self._open(self._arrived)
