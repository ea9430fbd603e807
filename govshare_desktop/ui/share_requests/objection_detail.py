"""The selected objection: what it doubts and about which data, the description naming the
rows or fields, the provider's answer, its history, what of it waits on this PC (a refused
op with the platform's words and a way to let it go), and 答复… while it is ours to answer.

The pane only shows and asks; the panel runs every answer and discard through its runner.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.clock import CHINA_STANDARD_TIME
from govshare_desktop.domain.objection_words import objection_word
from govshare_desktop.domain.objections import ANSWER, ObjectionView, QueuedObjectionOp
from govshare_desktop.ui.share_requests.model import translate
from govshare_desktop.ui.share_requests.objection_model import item_text
from govshare_desktop.ui.share_requests.waiting_ops import DiscardButton, WaitingOp, WaitingOpsBox

FIELDS = ("resource", "provider", "raiser", "item", "aspect", "state", "description", "answer")


def china_time(at: datetime) -> str:
    at = at if at.tzinfo else at.replace(tzinfo=UTC)  # naive: UTC
    return at.astimezone(CHINA_STANDARD_TIME).strftime("%Y-%m-%d %H:%M")


class ObjectionDetail(QWidget):
    """Shows one `ObjectionView`; asks for the answer and for discards by signal."""

    answer_requested = Signal()
    discard_requested = Signal(int)  # the refused op's seq

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ObjectionView | None = None
        self.resource_name = ""
        self.labels = {key: QLabel() for key in FIELDS}
        self.values = {key: QLabel() for key in FIELDS}
        form = QFormLayout()
        for key in FIELDS:
            value = self.values[key]
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"objectionField:{key}")
            form.addRow(self.labels[key], value)
        self.answer_button = QPushButton()
        self.answer_button.setObjectName("objectionAnswer")
        self.answer_button.clicked.connect(lambda _c=False: self.answer_requested.emit())
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.answer_button)
        actions.addStretch(1)
        self.queued_heading = QLabel()
        self.queued_heading.setStyleSheet("font-weight: bold;")
        self.queued_box = WaitingOpsBox()
        self.queued_box.discard_requested.connect(self.discard_requested)
        self.history_heading = QLabel()
        self.history_heading.setStyleSheet("font-weight: bold;")
        self.history = QTableWidget(0, 3)
        self.history.setObjectName("objectionHistory")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        for column in range(2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.queued_heading)
        layout.addWidget(self.queued_box)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history, 1)
        self.retranslate()
        self.show_view(None)

    @property
    def discard_buttons(self) -> dict[int, QPushButton]:
        """The buttons of the refused operations shown, by outbox seq."""
        return self.queued_box.buttons

    def retranslate(self) -> None:
        texts = {
            "resource": self.tr("Resource"), "provider": self.tr("Provider"),
            "raiser": self.tr("Raised by"), "item": self.tr("Data item"),
            "aspect": self.tr("Aspect"), "state": self.tr("State"),
            "description": self.tr("Rows or fields concerned"), "answer": self.tr("Answer"),
        }  # fmt: skip
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.answer_button.setText(self.tr("&Answer…"))
        self.answer_button.setToolTip(
            self.tr("Answer the objection as the provider: accepted, corrected or not accepted.")
        )
        self.queued_heading.setText(self.tr("Waiting on this PC"))
        self.history_heading.setText(self.tr("History"))
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        if self.view is not None:
            self.show_view(self.view, self.resource_name)

    # ------------------------------------------------------------------ showing
    def show_view(self, view: ObjectionView | None, resource_name: str = "") -> None:
        self.view = view
        self.resource_name = resource_name
        self.setEnabled(view is not None)
        self.answer_button.setVisible(view is not None and view.answerable)
        if view is None:
            for value in self.values.values():
                value.clear()
            self.history.setRowCount(0)
            self._show_queued(())
            return
        objection = view.objection
        resource = f"{objection.resource_code} {resource_name}".strip()
        texts = {
            "resource": resource,
            "provider": objection.provider_unit_code or "—",
            "raiser": "  ".join(p for p in (objection.raiser_unit_code, objection.raised_by) if p),
            "item": item_text(view),
            "aspect": objection_word(objection.aspect, translate),
            "state": objection_word(objection.state, translate),
            "description": objection.description,
            "answer": objection.answer or self.tr("Not answered yet"),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self._show_history(view)
        self._show_queued(view.queued)

    def _show_history(self, view: ObjectionView) -> None:
        """What the platform recorded: raised (when, by whom) and answered (how)."""
        objection = view.objection
        rows: list[tuple[str, str, str]] = []
        if objection.raised_at is not None:
            who = f"{objection.raised_by}（{objection.raiser_unit_code}）"
            what = self.tr("Raised: %1").replace("%1", objection_word(objection.aspect, translate))
            rows.append((china_time(objection.raised_at), who, what))
        if objection.answered_at is not None:
            who = f"{objection.answered_by}（{objection.provider_unit_code}）"
            what = self.tr("Answered: %1").replace("%1", objection_word(objection.state, translate))
            rows.append((china_time(objection.answered_at), who, what))
        self.history.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, column, item)
        self.history_heading.setVisible(bool(rows))
        self.history.setVisible(bool(rows))

    def _op_name(self, op: QueuedObjectionOp) -> str:
        if op.action == ANSWER and op.outcome is not None:
            return self.tr("Answer (%1)").replace("%1", objection_word(op.outcome, translate))
        return self.tr("Raise the objection")

    def _show_queued(self, queued: tuple[QueuedObjectionOp, ...]) -> None:
        self.queued_heading.setVisible(bool(queued))
        ops = [
            WaitingOp(op.seq, self._op_name(op), op.refused, op.error or str(op.http_status or ""))
            for op in queued
        ]
        discard = DiscardButton(
            self.tr("Discard this operation"),
            "objectionDiscard",
            self.tr("It is not sent again; the objection stays as the platform holds it."),
        )
        self.queued_box.show_ops(ops, discard)
