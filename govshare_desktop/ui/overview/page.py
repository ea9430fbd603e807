"""概览: the unit's figures at a glance (Art. 17)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govshare_desktop.domain.status import StatusSnapshot
from govshare_desktop.ui.pages.base import Page


class OverviewPage(Page):
    key = "overview"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page:overview")
        self._figures: tuple[int, StatusSnapshot] | None = None
        self._labels, self.values = self.add_figure_rows(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Overview"))
        self.intro.setText(
            self.tr(
                "Your unit's sharing at a glance: the catalog, requests and grants, notices "
                "from the platform and what still waits to be synced (Art. 17)."
            )
        )
        self.notice.setText(
            self.tr(
                "For now the overview shows these two figures; to-dos, deadlines and charts "
                "will join them in a later version."
            )
        )
        self._labels[0].setText(self.tr("Resources in the catalog:"))
        self._labels[1].setText(self.tr("Changes waiting to be sent:"))
        if self._figures is not None:
            resources, status = self._figures
            self.values[0].setText(str(resources))
            self.values[1].setText(str(status.pending_changes))

    def show_figures(self, resources: int, status: StatusSnapshot) -> None:
        self._figures = (resources, status)
        self.retranslate()
