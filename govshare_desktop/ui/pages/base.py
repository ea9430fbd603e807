"""The frame every page shares: a heading, an introduction, and the page's own content."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from govshare_desktop.domain.status import StatusSnapshot

if TYPE_CHECKING:
    from govshare_desktop.ui.pages.reveal import Reveal
    from govshare_desktop.ui.shell_context import ShellContext


class Page(QWidget):
    """One entry of the navigation. Subclasses set their texts in `retranslate()` with
    `self.tr` (their own context), name themselves with `key`, and take what they need from
    the shell in `attach`; they are registered in ui/page_registry.py."""

    key: ClassVar[str] = ""

    def __init__(self, parent: QWidget | None = None, *, fill: bool = False) -> None:
        """`fill`: the body takes all the height (editors); otherwise the page is top-aligned."""
        super().__init__(parent)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("pageNotice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(8)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.body, 1 if fill else 0)
        layout.addWidget(self.notice)
        if not fill:
            layout.addStretch(1)

    def add_figure_rows(self, count: int) -> tuple[list[QLabel], list[QLabel]]:
        """`count` label/value rows in a form under the introduction; texts set by the page."""
        form = QFormLayout()
        labels = [QLabel() for _ in range(count)]
        values = [QLabel() for _ in range(count)]
        for label, value in zip(labels, values, strict=True):
            form.addRow(label, value)
        self.body.addLayout(form)
        return labels, values

    def retranslate(self) -> None:
        raise NotImplementedError

    def title(self) -> str:
        return self.heading.text()

    def attach(self, shell: ShellContext) -> None:
        """The store has loaded; pages that need services or the change relay take them."""

    def show_figures(self, resources: int, status: StatusSnapshot) -> None:
        """New figures from the store (after every change); pages that show none ignore them."""

    def reveal(self, what: Reveal) -> bool:
        """Select the record or set the filters `what` names (the 概览 opens its to-dos and
        figures this way); False when this page does not know it (yet)."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
