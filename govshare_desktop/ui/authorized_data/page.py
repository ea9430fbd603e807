"""授权数据: the data this unit is authorised to see (Art. 14, 15, 16)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govshare_desktop.ui.pages.base import Page


class AuthorizedDataPage(Page):
    key = "authorized_data"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page:authorized_data")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Authorized data"))
        self.intro.setText(
            self.tr(
                "View the resources and data items your grants allow, only within them; "
                "raise data-quality objections with the provider (Art. 14-16). Every access "
                "is recorded."
            )
        )
        self.notice.setText(
            self.tr(
                "Viewing authorized data is not available in this version yet. Once it is, "
                "your unit's grants and the rows they allow will be listed here."
            )
        )
