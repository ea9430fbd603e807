"""The problems of the whole catalog as a table: severity, resource, field, message.

Filled from `CatalogService.validate_all` on a reader thread; after each saved edit only
that resource's rows are replaced, so the list stays current without re-reading everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.validation import Finding

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Problem:
    resource_id: str
    resource_code: str
    resource_name: str
    finding: Finding
    field_label: str
    message: str


class ProblemsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Problem] = []
        self.headers = ("", "", "", "")
        self.severity_words = {Severity.ERROR: "", Severity.WARNING: "", Severity.INFO: ""}

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self._rows = sorted(
            problems, key=lambda p: (p.finding.severity != Severity.ERROR, p.resource_code)
        )
        self.endResetModel()

    def replace_resource(self, resource_id: str, problems: list[Problem]) -> None:
        kept = [p for p in self._rows if p.resource_id != resource_id]
        self.set_problems(kept + problems)

    def problem(self, row: int) -> Problem:
        return self._rows[row]

    def resource_ids_with_errors(self) -> set[str]:
        return {p.resource_id for p in self._rows if p.finding.severity == Severity.ERROR}

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for p in self._rows if p.finding.severity == Severity.ERROR)
        return errors, len(self._rows) - errors

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        problem = self._rows[index.row()]
        return (
            self.severity_words.get(problem.finding.severity, ""),
            f"{problem.resource_code} {problem.resource_name}",
            problem.field_label,
            problem.message,
        )[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
