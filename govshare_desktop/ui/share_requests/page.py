"""共享申请: drafting, answering and following share requests (Art. 13)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govshare_desktop.ui.pages.base import Page


class ShareRequestsPage(Page):
    key = "share_requests"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page:share_requests")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Share requests"))
        self.intro.setText(
            self.tr(
                "Request another unit's resources, answer requests made to your unit in "
                "writing, and follow each request through negotiation, filing, the authority's "
                "coordination and its statutory deadlines (Art. 13)."
            )
        )
        self.notice.setText(
            self.tr(
                "Share requests are not available in this version yet. Once they are, you "
                "will draft, send and answer them here, also while offline."
            )
        )
