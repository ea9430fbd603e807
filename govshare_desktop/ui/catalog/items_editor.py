"""The data items table under the resource form: add, remove, reorder, edit in place, paste.

Pasting takes rows copied from Excel or WPS (tab-separated: name, data type, length, note),
the way compilers move a field list from their spreadsheet into the catalog.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import DataItem
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.ui.catalog.items_model import COLUMNS, DataItemsModel, items_from_rows
from govshare_desktop.ui.messages import wording

Index = QModelIndex | QPersistentModelIndex


class DataTypeDelegate(QStyledItemDelegate):
    """A drop-down of the profile's data types for the type column."""

    def __init__(self, profile: CatalogProfile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        words = wording(self._profile)
        for item in self._profile.enumerations.get("data_type", ()):
            combo.addItem(words.data_type(item.code), item.code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DataItemsEditor(QWidget):
    def __init__(self, profile: CatalogProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataItemsEditor")
        self._profile = profile
        self.model = DataItemsModel(profile)
        self.title = QLabel()
        self.table = QTableView()
        self.table.setObjectName("dataItemsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            COLUMNS.index("data_type"), DataTypeDelegate(profile, self)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # name and description share the width; type and length are as wide as they need
        header = self.table.horizontalHeader()
        for column, mode in enumerate((
            QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
        )):  # fmt: skip
            header.setSectionResizeMode(column, mode)
        self.table.setWordWrap(False)  # a long name is elided; its tooltip holds it whole
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.installEventFilter(self)
        # Tool buttons: compact enough that the editor fits beside the tree on a 1366 px screen.
        self.add_button = QToolButton()
        self.remove_button = QToolButton()
        self.up_button = QToolButton()
        self.down_button = QToolButton()
        self.paste_button = QToolButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.paste_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.paste_button.clicked.connect(self.paste)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("<b>Data items</b>"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.paste_button.setText(self.tr("Paste rows"))
        self.paste_button.setToolTip(
            self.tr("Paste rows copied from Excel: name, data type, length, description")
        )
        self.model.headers = (
            self.tr("Name"),
            self.tr("Data type"),
            self.tr("Length"),
            self.tr("Description"),
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ changes
    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add_item(self) -> None:
        items = self.model.items
        name = self.tr("Data item {n}").format(n=len(items) + 1)
        self.model.propose((*items, DataItem(name=name, data_type="C")))

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            items = self.model.items
            self.model.propose(items[:row] + items[row + 1 :])

    def move_selected(self, step: int) -> None:
        row = self._selected_row()
        items = list(self.model.items)
        if row is None or not 0 <= row + step < len(items):
            return
        items[row], items[row + step] = items[row + step], items[row]
        self.model.propose(tuple(items))
        self.table.selectRow(row + step)

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        rows = [line.split("\t") for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
        pasted = items_from_rows(rows, self._profile)
        if pasted:
            self.model.propose((*self.model.items, *pasted))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return True
            if (
                event.matches(QKeySequence.StandardKey.Delete)
                and self.table.state() != QAbstractItemView.State.EditingState
            ):
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.table,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.paste_button,
        ):
            widget.setEnabled(enabled)
