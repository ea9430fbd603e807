"""Findings located in a spreadsheet, and a sheet's cells, as tables for the Excel dialogs.

The import dialog and the data-file dialog list the same kind of finding (sheet, row, cell,
code) and let the officer sort it; the import dialog also previews the sheet a finding is
on, with every finding's cell coloured as the marked workbook colours it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QTableView

from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.sheet_findings import CellFinding, column_letter

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# The fills of the marked workbook (excel/report_writer.py), so screen and file agree.
FILLS = {Severity.ERROR: QColor("#ffc7ce"), Severity.WARNING: QColor("#ffeb9c")}
_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_CELL = re.compile(r"([A-Z]+)(\d+)")
SEVERITY, SHEET, ROW, COLUMN, MESSAGE = range(5)


def column_index(cell: str) -> int | None:
    """The 0-based column of an Excel cell name ("N20" → 13); None for a finding without one."""
    match = _CELL.fullmatch(cell)
    if match is None:
        return None
    index = 0
    for char in match.group(1):
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def severity_icon(severity: Severity) -> QIcon:
    """The platform's own error/warning icon, so a finding reads like any message box."""
    return QApplication.style().standardIcon(_ICONS[severity])


def _order(finding: CellFinding) -> tuple[int, str, int, int]:
    column = column_index(finding.cell)
    return (
        SEVERITY_RANK.get(finding.severity, 9),
        finding.sheet,
        finding.row,
        -1 if column is None else column,
    )


class CellFindingsModel(QAbstractTableModel):
    """One finding a row: severity, sheet, row, column, message."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[CellFinding, str]] = []
        self.headers = ("", "", "", "", "")
        self.severity_words = {Severity.ERROR: "", Severity.WARNING: "", Severity.INFO: ""}
        self.retranslate()

    def retranslate(self) -> None:
        """One context for both dialogs' tables, so each word is translated once; literal
        calls, so lupdate finds them."""
        translate = QCoreApplication.translate
        self.headers = (
            translate("SpreadsheetFindings", "Severity"),
            translate("SpreadsheetFindings", "Sheet"),
            translate("SpreadsheetFindings", "Row"),
            translate("SpreadsheetFindings", "Column"),
            translate("SpreadsheetFindings", "Problem"),
        )
        self.severity_words = {
            Severity.ERROR: translate("SpreadsheetFindings", "Error"),
            Severity.WARNING: translate("SpreadsheetFindings", "Warning"),
            Severity.INFO: translate("SpreadsheetFindings", "Note"),
        }
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, SEVERITY))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    def set_findings(self, findings: Sequence[CellFinding], messages: Sequence[str]) -> None:
        """Listed errors first, then by sheet, row and column: the view's sort by one
        column is stable, so this order stays within each severity."""
        self.beginResetModel()
        self._rows = sorted(zip(findings, messages, strict=True), key=lambda p: _order(p[0]))
        self.endResetModel()

    def finding(self, row: int) -> CellFinding:
        return self._rows[row][0]

    def message(self, row: int) -> str:
        return self._rows[row][1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def _display(self, finding: CellFinding, message: str, column: int) -> Any:
        if column == SEVERITY:
            return self.severity_words.get(finding.severity, "")
        if column == SHEET:
            return finding.sheet
        if column == ROW:
            return finding.row
        if column == COLUMN:
            index = column_index(finding.cell)
            letter = column_letter(index) if index is not None else ""
            return f"{letter} {finding.column}".strip()
        return message

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding, message = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(finding, message, column)
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return severity_icon(finding.severity)
        if role == SORT_ROLE:
            return self._sort_key(finding, message, column)
        return None

    def _sort_key(self, finding: CellFinding, message: str, column: int) -> Any:
        """Severity by rank (errors first), columns in sheet order, the rest as shown."""
        if column == SEVERITY:
            return SEVERITY_RANK.get(finding.severity, 9)
        if column == COLUMN:
            found = column_index(finding.cell)
            return -1 if found is None else found
        return self._display(finding, message, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class SheetRowsModel(QAbstractTableModel):
    """A sheet's cells as text, headed A, B, C… and 1, 2, 3… as the spreadsheet heads them;
    cells with a finding are filled and carry its message as a tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.sheet = ""
        self._rows: list[list[str]] = []
        self._columns = 0
        self._marks: dict[tuple[int, int], tuple[Severity, str]] = {}

    def set_sheet(
        self,
        sheet: str,
        rows: list[list[str]],
        marks: dict[tuple[int, int], tuple[Severity, str]],
    ) -> None:
        """`marks`: (0-based row, 0-based column) → the worst severity there and its message."""
        self.beginResetModel()
        self.sheet = sheet
        self._rows = rows
        self._columns = max((len(r) for r in rows), default=0)
        self._marks = marks
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[row]
            return cells[column] if column < len(cells) else ""
        mark = self._marks.get((row, column))
        if mark is None:
            return None
        by_role: dict[int, Any] = {
            Qt.ItemDataRole.BackgroundRole: FILLS.get(mark[0]),
            Qt.ItemDataRole.ForegroundRole: QColor("black"),  # readable on the fill when dark
            Qt.ItemDataRole.ToolTipRole: mark[1],
        }
        return by_role.get(role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section)
        return section + 1


def marks_of(
    findings: Sequence[CellFinding], messages: Sequence[str], sheet: str
) -> dict[tuple[int, int], tuple[Severity, str]]:
    """The cells of `sheet` that have findings; an error outranks a warning on the same cell,
    and several messages on one cell are joined, as in the marked workbook's comment."""
    marks: dict[tuple[int, int], tuple[Severity, str]] = {}
    for finding, message in zip(findings, messages, strict=True):
        column = column_index(finding.cell)
        if finding.sheet != sheet or column is None:
            continue
        key = (finding.row - 1, column)
        before = marks.get(key)
        if before is None:
            marks[key] = (finding.severity, message)
        else:
            worst = min(before[0], finding.severity, key=lambda s: SEVERITY_RANK.get(s, 9))
            marks[key] = (worst, f"{before[1]}\n{message}")
    return marks


def findings_view(model: CellFindingsModel) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable, read-only table of `model` (severity first, then sheet and row); the
    message column takes the width left, its full text is in the tooltip."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    proxy.setParent(view)
    view.setSortingEnabled(True)
    view.sortByColumn(SEVERITY, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    for column in (SEVERITY, SHEET, ROW, COLUMN):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
    return view, proxy
