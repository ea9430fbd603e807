"""目录编制: compiling the unit's information resource catalog (Art. 7, 11, 12)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from govshare_desktop.domain.status import StatusSnapshot
from govshare_desktop.ui.pages.base import Page


class CatalogPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page:catalog")
        self._resources = 0
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        self.body.addWidget(self.count_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Catalog"))
        self.intro.setText(
            self.tr(
                "Compile and maintain your unit's information resource catalog: resources and "
                "their data items, validated against the catalog profile, filed with the "
                "sharing authority and versioned (Art. 7, 11, 12)."
            )
        )
        self.notice.setText(
            self.tr(
                "The catalog editor is being delivered under its own issue (catalog "
                "compilation). Resources already in the local store are counted below."
            )
        )
        self.count_label.setText(
            self.tr("%n resource(s) in the local catalog.", "", self._resources)
        )

    def show_figures(self, resources: int, status: StatusSnapshot) -> None:
        self._resources = resources
        self.retranslate()
