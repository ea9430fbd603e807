"""The catalog page's problems list: a count over a table of severity, resource, field and
message, each row leading to its field.

The page runs the whole-catalog check and hands the findings over; the panel words them,
sizes its columns to the words, and holds back what the form holds back (a new resource's
fields not yet left), counting those apart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.validation import Finding
from govshare_desktop.ui.catalog.problems_model import Problem, ProblemsModel
from govshare_desktop.ui.messages import finding_text

Row = tuple[str, str, str, Finding]  # resource id, code, name, finding


def _never(_resource_id: str, _finding: Finding) -> bool:
    return False


class ProblemsPanel(QWidget):
    chosen = Signal(object)  # the Problem the officer clicked or activated

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel()
        self.view = QTableView()
        self.view.setObjectName("problemsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole text: its tooltip
        self.view.activated.connect(self._choose)
        self.view.clicked.connect(self._choose)
        self.label = QLabel()
        self.label.setObjectName("problemsSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.view)
        self._size_columns()
        self._held_by: dict[str, int] = {}  # findings held back, by resource
        self.held: Callable[[str, Finding], bool] = _never  # set by the page (the form's rule)
        self.field_label: Callable[[str], str] = str  # set by the page (the form's labels)
        self.retranslate()

    def _size_columns(self) -> None:
        """Severity as wide as its word; the resource by its code (its name in the tooltip);
        the field by its label; the message takes the rest."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("M") * 4)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, metrics.horizontalAdvance("301001/000001 …") + 16)
        self.view.verticalHeader().setDefaultSectionSize(metrics.height() + 8)

    # ------------------------------------------------------------------ contents
    def set_rows(self, rows: list[Row]) -> None:
        """The whole catalog's findings."""
        self._held_by.clear()
        self.model.set_problems(self._problems(rows))
        self._count()

    def replace_rows(self, resource_id: str, rows: list[Row]) -> None:
        """One resource's findings, after it changed (or was revealed)."""
        self._held_by.pop(resource_id, None)
        self.model.replace_resource(resource_id, self._problems(rows))
        self._count()

    def _problems(self, rows: list[Row]) -> list[Problem]:
        problems = []
        for resource_id, code, name, finding in rows:
            if self.held(resource_id, finding):
                self._held_by[resource_id] = self._held_by.get(resource_id, 0) + 1
            else:
                problems.append(self._problem(resource_id, code, name, finding))
        return problems

    def _problem(self, resource_id: str, code: str, name: str, finding: Finding) -> Problem:
        if finding.item is not None:
            where = self.tr("Data item {n}").format(n=finding.item + 1)
        else:
            where = self.field_label(finding.field)
        return Problem(resource_id, code, name, finding, where, finding_text(finding))

    def _choose(self, index: QModelIndex) -> None:
        self.chosen.emit(self.model.problem(index.row()))

    # ------------------------------------------------------------------ words
    def _count(self) -> None:
        errors, warnings = self.model.counts()
        text = self.tr("Problems: {errors} error(s), {warnings} warning(s)").format(
            errors=errors, warnings=warnings
        )
        if held := sum(self._held_by.values()):
            text += self.tr("; %n field(s) of a new resource still to fill in", "", held)
        self.label.setText(text)

    def retranslate(self) -> None:
        self.model.headers = (
            self.tr("Severity"), self.tr("Resource"), self.tr("Field"), self.tr("Problem"),
        )  # fmt: skip
        self.model.severity_words = {
            Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning"),
            Severity.INFO: self.tr("Note"),
        }  # fmt: skip
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
