"""The operations of this PC not yet accepted by the platform, as a detail pane lists them:
one line each, a refused one in the platform's words with a button to let it go.

Shared by the share-request and the objection detail panes, which differ only in how an
operation is named and what its discard button says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True, slots=True)
class WaitingOp:
    """One operation as listed: its outbox seq, its name in the UI language, and, when the
    platform refused it, the platform's words (or the HTTP status when it gave none)."""

    seq: int
    name: str
    refused: bool
    error: str


@dataclass(frozen=True, slots=True)
class DiscardButton:
    """What a refused operation's button says, and its object name's prefix (for tests)."""

    text: str
    object_prefix: str
    tooltip: str = ""


class WaitingOpsBox(QWidget):
    """Lists `WaitingOp`s; emits `discard_requested(seq)` for a refused one's button."""

    discard_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[int, QPushButton] = {}
        self._shown: tuple[tuple[WaitingOp, ...], DiscardButton] | None = None
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)

    def show_ops(self, ops: Sequence[WaitingOp], discard: DiscardButton) -> None:
        """Show `ops`; the same rows are kept as they are, so a refresh never pulls a
        button from under a click (a changed name, e.g. after a language switch, redraws)."""
        key = (tuple(ops), discard)
        if key == self._shown:
            return
        self._shown = key
        while self._rows.count():
            taken = self._rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        for op in ops:
            self._rows.addWidget(self._row(op, discard))

    def _row(self, op: WaitingOp, discard: DiscardButton) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setWordWrap(True)
        line.addWidget(label, 1)
        if not op.refused:
            label.setText(self.tr("%1 — waits for the next sync").replace("%1", op.name))
            return row
        label.setText(
            self.tr("%1 — refused by the platform: %2")
            .replace("%1", op.name)
            .replace("%2", op.error)
        )
        label.setStyleSheet("color: #b3261e;")
        button = QPushButton(discard.text)
        button.setObjectName(f"{discard.object_prefix}:{op.seq}")
        if discard.tooltip:
            button.setToolTip(discard.tooltip)
        button.clicked.connect(lambda _c=False, s=op.seq: self.discard_requested.emit(s))
        self.buttons[op.seq] = button
        line.addWidget(button)
        return row
