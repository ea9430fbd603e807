"""The selected share request: its fields, its attachments (打开 / 另存为…), the grant it
brought (its terms, 提出异议… from it), its history, the steps of this PC not yet accepted
(a refused one with the platform's own words and a way to let it go), and one button per
step the officer may take now.

The pane only shows and asks; the page runs every step and discard through its runner.
"""

from __future__ import annotations

from datetime import UTC

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
from govshare_desktop.domain.display import Wording
from govshare_desktop.domain.share_requests import QueuedStep, ShareRequestView
from govshare_desktop.domain.share_words import history_word, word
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.ui.share_requests.attachments_box import AttachmentsBox
from govshare_desktop.ui.share_requests.grant_box import GrantBox
from govshare_desktop.ui.share_requests.model import translate
from govshare_desktop.ui.share_requests.waiting_ops import DiscardButton, WaitingOp, WaitingOpsBox

FIELDS = (
    "resource", "provider", "requester", "authority", "state", "items", "purpose",
    "legal_basis", "share_method", "period", "contact",
)  # fmt: skip


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class RequestDetail(QWidget):
    """Shows one `ShareRequestView`; asks for steps, draft edits and discards by signal."""

    step_requested = Signal(str)  # a RequestAction value
    edit_requested = Signal()
    discard_requested = Signal(int)  # the refused op's seq
    print_requested = Signal()
    open_attachment_requested = Signal(str)  # an attachment's id
    save_attachment_requested = Signal(str)
    objection_requested = Signal(str)  # a grant's id: 提出异议… from it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ShareRequestView | None = None
        self._actions_key: object = ()  # what the buttons were made for
        self._wording: Wording | None = None
        self.unit_code = ""  # the signed-in officer's unit: 提出异议… only from its grants
        self.labels = {key: QLabel() for key in FIELDS}
        self.values = {key: QLabel() for key in FIELDS}
        form = QFormLayout()
        for key in FIELDS:
            value = self.values[key]
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"requestField:{key}")
            form.addRow(self.labels[key], value)
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[RequestAction, QPushButton] = {}
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("requestEditDraft")
        self.edit_button.clicked.connect(lambda _c=False: self.edit_requested.emit())
        self.steps_row = QHBoxLayout()  # one button per step the officer may take now
        self.actions_row.setContentsMargins(0, 0, 0, 0)
        self.actions_row.addWidget(self.edit_button)
        self.actions_row.addLayout(self.steps_row)
        self.actions_row.addStretch(1)
        self.print_button = self._print_button()
        self.actions_row.addWidget(self.print_button)
        self.actions_box = QWidget()
        self.actions_box.setLayout(self.actions_row)
        self.attachments = AttachmentsBox("view")
        self.attachments.open_requested.connect(self.open_attachment_requested)
        self.attachments.save_requested.connect(self.save_attachment_requested)
        self.queued_heading = _bold(QLabel())
        self.queued_box = WaitingOpsBox()
        self.queued_box.discard_requested.connect(self.discard_requested)
        self.history_heading = _bold(QLabel())
        self.history = self._history_table()
        self.grant_box = GrantBox()
        self.grant_box.objection_requested.connect(self.objection_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actions_box)
        layout.addLayout(form)
        layout.addWidget(self.grant_box)
        layout.addWidget(self.attachments)
        layout.addWidget(self.queued_heading)
        layout.addWidget(self.queued_box)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history, 1)
        self.retranslate()
        self.show_view(None)

    @staticmethod
    def _history_table() -> QTableWidget:
        history = QTableWidget(0, 5)
        history.setObjectName("requestHistory")
        history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        history.verticalHeader().hide()
        history.setWordWrap(True)
        header = history.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        history.setMinimumHeight(150)
        return history

    def _print_button(self) -> QPushButton:
        """The official form of the request, previewed to print or save (printing.py)."""
        button = QPushButton()
        button.setObjectName("requestPrint")
        button.clicked.connect(lambda _c=False: self.print_requested.emit())
        return button

    @property
    def discard_buttons(self) -> dict[int, QPushButton]:
        """The buttons of the refused steps shown, by outbox seq."""
        return self.queued_box.buttons

    def set_wording(self, wording: Wording) -> None:
        self._wording = wording

    def retranslate(self) -> None:
        texts = {
            "resource": self.tr("Resource"), "provider": self.tr("Provider"),
            "requester": self.tr("Requester"), "authority": self.tr("Sharing authority"),
            "state": self.tr("State"), "items": self.tr("Data items"),
            "purpose": self.tr("Duty served"), "legal_basis": self.tr("Legal basis"),
            "share_method": self.tr("Share method"), "period": self.tr("Period of use"),
            "contact": self.tr("Contact"),
        }  # fmt: skip
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.edit_button.setText(self.tr("&Edit the draft…"))
        self.print_button.setText(self.tr("P&rint…"))
        self.print_button.setToolTip(
            self.tr("Preview the request as the official form, then print it or save it as PDF.")
        )
        self.queued_heading.setText(self.tr("Steps waiting to be sent"))
        self.history_heading.setText(self.tr("History"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Step"), self.tr("State"), self.tr("Text")]
        )
        self.attachments.retranslate()
        self.grant_box.retranslate()
        if self.view is not None:
            self.show_view(self.view)

    # ------------------------------------------------------------------ showing
    def show_view(self, view: ShareRequestView | None) -> None:
        self.view = view
        self.setEnabled(view is not None)
        if view is None:
            for value in self.values.values():
                value.clear()
            self.history.setRowCount(0)
            self.attachments.show_attachments(())
            self.grant_box.show_grant(None, "")
            self._show_actions(None)
            self._show_queued(())
            return
        request = view.request
        method = request.share_method
        if method and self._wording is not None:
            method = self._wording.value("share_method", method)
        period = ""
        if request.use_from or request.use_until:
            since = request.use_from.isoformat() if request.use_from else ""
            until = request.use_until.isoformat() if request.use_until else ""
            period = f"{since} — {until}"
        contact = "  ".join(p for p in (request.contact_name, request.contact_phone) if p)
        texts = {
            "resource": request.resource_code,
            "provider": request.provider_unit_code,
            "requester": request.requester_unit_code,
            "authority": request.authority_unit_code or "—",
            "state": word(request.state, translate),
            "items": "、".join(request.data_item_names),
            "purpose": request.purpose,
            "legal_basis": request.legal_basis or "—",
            "share_method": method or self.tr("Left to the provider"),
            "period": period or "—",
            "contact": contact or "—",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.attachments.show_attachments(view.attachments)
        self.grant_box.show_grant(view.grant, self.unit_code)
        self._show_history(view)
        self._show_actions(view)
        self._show_queued(view.queued)

    def _show_history(self, view: ShareRequestView) -> None:
        events = view.request.events
        self.history.setRowCount(len(events))
        for row, event in enumerate(events):
            at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)  # naive: UTC
            at = at.astimezone(CHINA_STANDARD_TIME)
            moved = ""
            if event.to_state is not None:
                before = word(event.from_state, translate) if event.from_state else ""
                after = word(event.to_state, translate)
                moved = f"{before} → {after}" if before else after
            who = event.actor
            if event.actor_unit_code:
                who = f"{event.actor}（{event.actor_unit_code}）"
            cells = [
                at.strftime("%Y-%m-%d %H:%M"), who, history_word(event.action, translate),
                moved, event.text,
            ]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, column, item)
        self.history.resizeRowsToContents()

    def _show_actions(self, view: ShareRequestView | None) -> None:
        self.edit_button.setVisible(view is not None and view.editable)
        key = (view.request.id, view.actions) if view is not None else None
        if key == self._actions_key:
            return  # the same buttons: kept, so a refresh never pulls one from under a click
        self._actions_key = key
        for button in self.action_buttons.values():
            self.steps_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons.clear()
        for action in view.actions if view is not None else ():
            button = QPushButton(word(action, translate) + "…")
            button.setObjectName(f"requestStep:{action.value}")
            button.clicked.connect(lambda _c=False, a=action: self.step_requested.emit(a.value))
            self.steps_row.addWidget(button)
            self.action_buttons[action] = button

    def _show_queued(self, queued: tuple[QueuedStep, ...]) -> None:
        self.queued_heading.setVisible(bool(queued))
        ops = [
            WaitingOp(
                step.seq,
                word(step.action, translate),
                step.refused,
                step.error or str(step.http_status or ""),
            )
            for step in queued
        ]
        self.queued_box.show_ops(ops, DiscardButton(self.tr("Discard this step"), "requestDiscard"))
