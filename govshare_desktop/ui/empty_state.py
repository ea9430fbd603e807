"""What a pane shows while it has nothing to show: a heading, what to do, and buttons to do it.

A blank list or table leaves an officer wondering whether something failed. Views pair with
an `EmptyState` in an `EmptyOr` stack and switch to the view once it has content.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    """A heading and a sentence, centred, with optional buttons under them."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel()
        self.title.setObjectName(f"{name}Title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setObjectName(f"{name}Text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: list[QPushButton] = []
        self._buttons = QVBoxLayout()  # one under another: narrow panes keep their width
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self._buttons)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        column.addSpacing(8)
        column.addLayout(row)
        column.addStretch(2)

    def add_button(self, name: str, slot: Callable[[], object]) -> QPushButton:
        """A button under the text (its words are set with `say`/`setText` by the owner)."""
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        self._buttons.addWidget(button)
        self.buttons.append(button)
        return button

    def say(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))


class EmptyOr(QStackedWidget):
    """`view` once it has something to show, `empty` until then."""

    def __init__(self, view: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty = empty
        self.addWidget(empty)
        self.addWidget(view)

    def show_view(self, has_content: bool) -> None:
        self.setCurrentWidget(self.view if has_content else self.empty)

    def showing_empty(self) -> bool:
        return self.currentWidget() is self.empty
