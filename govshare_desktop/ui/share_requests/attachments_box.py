"""附件 in the 共享申请 page: one table of attachments (name, size, who added it) with its
buttons, used by the draft dialog (添加… / 移除) and by the request's detail pane
(打开 / 另存为…).

The box only shows and asks by signal: reading a file, fetching one from the platform and
writing a copy run in the page's runner, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.attachments import Attachment, PickedFile

KEY_ROLE = Qt.ItemDataRole.UserRole


def human_size(size: int) -> str:
    """A size as people read it (“1.5 MB”), in the interface's language."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


@dataclass(frozen=True, slots=True)
class Row:
    """One attachment shown: held on the platform or this PC (`attachment`), or a file
    picked in the dialog and not yet saved (`picked`)."""

    key: str
    name: str
    size: int
    note: str = ""
    attachment: Attachment | None = None
    picked: PickedFile | None = None


class AttachmentsBox(QWidget):
    """The table and its buttons; `kind` "draft" gives 添加… / 移除, "view" 打开 / 另存为…."""

    add_requested = Signal()
    remove_requested = Signal(str)  # the row's key
    open_requested = Signal(str)  # an attachment's id
    save_requested = Signal(str)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.rows: list[Row] = []
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName(f"{kind}Attachments")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(120)
        self.first = QPushButton()
        self.second = QPushButton()
        if kind == "draft":
            self.first.setObjectName("draftAddAttachment")
            self.second.setObjectName("draftRemoveAttachment")
            self.first.clicked.connect(lambda _c=False: self.add_requested.emit())
            self.second.clicked.connect(lambda _c=False: self._ask(self.remove_requested))
        else:
            self.first.setObjectName("attachmentOpen")
            self.second.setObjectName("attachmentSaveAs")
            self.first.clicked.connect(lambda _c=False: self._ask(self.open_requested))
            self.second.clicked.connect(lambda _c=False: self._ask(self.save_requested))
        self.table.itemSelectionChanged.connect(self._enable)
        if kind != "draft":
            self.table.itemDoubleClicked.connect(lambda _i: self._ask(self.open_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.first)
        buttons.addWidget(self.second)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.retranslate()
        self.show_rows([])

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Attachments"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("By")])
        if self.kind == "draft":
            self.first.setText(self.tr("&Add…"))
            self.first.setToolTip(
                self.tr("Attach a PDF file, such as the record of the negotiation (at most 20 MB).")
            )
            self.second.setText(self.tr("Re&move"))
        else:
            self.first.setText(self.tr("&Open"))
            self.second.setText(self.tr("Save &as…"))

    # ------------------------------------------------------------------ showing
    def show_attachments(self, attachments: tuple[Attachment, ...] | list[Attachment]) -> None:
        self.show_rows(
            [
                Row(a.id, a.name, a.size, self._note(a), attachment=a)
                for a in attachments
                if not a.removed
            ]
        )

    def _note(self, attachment: Attachment) -> str:
        if attachment.local:
            return self.tr("this PC, not sent yet")
        return attachment.uploaded_by

    def show_rows(self, rows: list[Row]) -> None:
        selected = self.selected_key()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [row.name, human_size(row.size), row.note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(KEY_ROLE, row.key)
                self.table.setItem(index, column, item)
            if row.key == selected:
                self.table.selectRow(index)
        self.table.setVisible(bool(rows) or self.kind == "draft")
        self.heading.setVisible(bool(rows) or self.kind == "draft")
        self.first.setVisible(bool(rows) or self.kind == "draft")
        self.second.setVisible(bool(rows) or self.kind == "draft")
        self._enable()

    def selected_key(self) -> str | None:
        items = self.table.selectedItems()
        value = items[0].data(KEY_ROLE) if items else None
        return str(value) if value else None

    def select(self, key: str) -> bool:
        for index, row in enumerate(self.rows):
            if row.key == key:
                self.table.selectRow(index)
                return True
        return False

    def _enable(self) -> None:
        chosen = self.selected_key() is not None
        self.second.setEnabled(chosen)
        if self.kind != "draft":
            self.first.setEnabled(chosen)

    def _ask(self, signal: SignalInstance) -> None:
        key = self.selected_key()
        if key is not None:
            signal.emit(key)
