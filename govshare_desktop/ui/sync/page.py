"""同步: the link with the provincial sharing platform and what is waiting to be sent."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govshare_desktop.domain.status import StatusSnapshot
from govshare_desktop.ui.pages.base import Page


class SyncPage(Page):
    key = "sync"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page:sync")
        self._status: StatusSnapshot | None = None
        self._platform_url = ""
        self._labels, self.values = self.add_figure_rows(4)
        self.retranslate()

    def set_platform_url(self, url: str) -> None:
        self._platform_url = url
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync"))
        self.intro.setText(
            self.tr(
                "Everything you do is saved on this PC first and sent to the provincial "
                "sharing platform when a connection is available; changes from the platform "
                "come back the same way."
            )
        )
        self.notice.setText(
            self.tr(
                "This version does not connect to the platform yet: everything you enter is "
                "kept on this PC, and what waits to be sent is counted below."
            )
        )
        texts = (
            self.tr("Platform address:"),
            self.tr("Changes waiting to be sent:"),
            self.tr("Changes that failed:"),
            self.tr("Conflicts to resolve:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.values[0].setText(self._platform_url or self.tr("not set (see Settings)"))
        status = self._status
        for value, figure in zip(
            self.values[1:],
            (status.pending_changes, status.failed_changes, status.conflicts)
            if status
            else ("–",) * 3,
            strict=True,
        ):
            value.setText(str(figure))

    def show_figures(self, resources: int, status: StatusSnapshot) -> None:
        self._status = status
        self.retranslate()
