"""The data items of one resource as an editable table model (name, type, length, description).

The model never writes anything itself: every change becomes a new tuple of items that the
editor records as one undoable command and saves, so pasting fifty rows is one undo step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from govshare_desktop.domain.entities import DataItem
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.validation import Finding
from govshare_desktop.ui.messages import wording

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("name", "data_type", "length", "description")
ERROR_BACKGROUND = QColor("#fde7e9")


def parse_length(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    number = float(text)  # Excel hands lengths over as 18.0
    if number != int(number):
        raise ValueError(text)
    return int(number)


def items_from_rows(rows: list[list[str]], profile: CatalogProfile) -> list[DataItem]:
    """Rows pasted from a spreadsheet: name, data type (code, label or 字符型C), length, note."""
    by_text: dict[str, str] = {}
    for option in profile.enumerations.get("data_type", ()):
        for text in (option.code, option.label, option.label_en, *option.synonyms):
            by_text[text.strip().lower()] = option.code
    items = []
    for row in rows:
        cells = [*row, "", "", "", ""]
        name = cells[0].strip()
        if not name:
            continue
        kind = by_text.get(cells[1].strip().lower(), cells[1].strip() or "C")
        try:
            length = parse_length(cells[2])
        except ValueError:
            length = None
        items.append(
            DataItem(name=name, data_type=kind, length=length, description=cells[3].strip())
        )
    return items


class DataItemsModel(QAbstractTableModel):
    items_changed = Signal(tuple)  # the new tuple of items, for the editor to record and save

    def __init__(self, profile: CatalogProfile) -> None:
        super().__init__()
        self._profile = profile
        self._items: tuple[DataItem, ...] = ()
        self._findings: dict[int, list[str]] = {}
        self.headers = ("", "", "", "")

    @property
    def items(self) -> tuple[DataItem, ...]:
        return self._items

    def set_items(self, items: tuple[DataItem, ...], findings: dict[int, list[str]]) -> None:
        self.beginResetModel()
        self._items = items
        self._findings = findings
        self.endResetModel()

    @staticmethod
    def findings_by_item(findings: list[Finding], text: Any) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {}
        for finding in findings:
            if finding.item is not None:
                result.setdefault(finding.item, []).append(text(finding))
        return result

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), COLUMNS[index.column()], role)
        problems = self._findings.get(index.row(), [])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, should the cell elide it
            text = self._text(index.row(), COLUMNS[index.column()], Qt.ItemDataRole.DisplayRole)
            return "\n".join([t for t in (text, *problems) if t]) or None
        if problems and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ERROR_BACKGROUND)
        return None

    def _text(self, row: int, column: str, role: int) -> str:
        value = getattr(self._items[row], column)
        if column == "data_type" and role == Qt.ItemDataRole.DisplayRole:
            return wording(self._profile).data_type(str(value))
        return "" if value is None else str(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item, column = self._items[index.row()], COLUMNS[index.column()]
        text = str(value).strip()
        try:
            new_value: Any = parse_length(text) if column == "length" else text
        except ValueError:
            return False
        if new_value == getattr(item, column):
            return False
        items = list(self._items)
        items[index.row()] = replace(item, **{column: new_value})
        self.propose(tuple(items))
        return True

    def propose(self, items: tuple[DataItem, ...]) -> None:
        """Ask the editor to record and save `items`; the table shows them once saved."""
        self.items_changed.emit(items)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers[section] if orientation == Qt.Orientation.Horizontal else section + 1
