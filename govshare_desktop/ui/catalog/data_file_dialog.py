"""校验数据文件: check a data file against the selected resource's data items (Art. 7).

The officer learns, before the file is ever attached for sharing, which data items have no
column and which values do not fit their type, length or obligation, each at its cell. It
only checks: nothing is stored or uploaded (uploading arrives with sync), so the check runs
on the read pool and may be cancelled at any row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.progress import Progress
from govshare_desktop.tasks.runner import Runner, TaskHandle
from govshare_desktop.ui.catalog.file_check_dialog import ERROR_STYLE, FileCheckDialog
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import cell_finding_text
from govshare_desktop.ui.progress_dialog import DelayedProgress

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.data_files import DataFileReport, DataFileService


class DataFileDialog(FileCheckDialog):
    def __init__(
        self,
        service: DataFileService,
        runner: Runner,
        resource: Resource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "dataFile", parent)
        self.setObjectName("DataFileDialog")
        self._service = service
        self._resource = resource
        self._report: DataFileReport | None = None
        self._checking: TaskHandle | None = None
        self._failed_once = False  # the last check could not read the file
        self.progress: DelayedProgress | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.save_button.setObjectName("saveMarkedData")
        self.empty = EmptyState("noDataFileFindings")
        self.empty_choose = self.empty.add_button("emptyChooseDataFile", self.choose_file)
        self.pane = EmptyOr(self.findings_view, self.empty)
        self._lay_out()
        self.retranslate()
        self.resize(720, 480)
        self._update_buttons()

    def _lay_out(self) -> None:
        action_row = QHBoxLayout()
        action_row.addWidget(self.save_button)
        action_row.addStretch(1)
        action_row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self._file_row())
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.pane, 1)
        layout.addLayout(action_row)
        self._no_default_button()

    def retranslate(self) -> None:
        resource = self._resource
        self.setWindowTitle(self.tr("Check a data file"))
        self.intro.setText(
            self.tr(
                "Checks a data file of “{code} {name}” against the resource's data items: "
                "missing columns, and values that do not fit their type, length or obligation. "
                "This only checks the file; nothing is stored or uploaded (uploading comes "
                "with synchronisation)."
            ).format(code=resource.code, name=resource.name)
        )
        self.choose_button.setText(self.tr("Choose data file…"))
        self.path_edit.setPlaceholderText(
            self.tr("A spreadsheet or CSV file (.xlsx .xlsm .xls .xlsb .ods .csv)")
        )
        self._retranslate_save()
        self.save_button.setToolTip(
            self.tr("A workbook of the file's values with every problem cell coloured")
        )
        self.findings.retranslate()
        self.empty_choose.setText(self.tr("Choose data file…"))
        self._say_empty()
        if self._report is None and self._checking is None:
            if resource.data_items:
                self.summary.setText(self.tr("Choose the file to check."))
            else:
                self.summary.setText(
                    self.tr(
                        "This resource has no data items yet. Add them in the catalog first: "
                        "a data file is checked against them."
                    )
                )

    def _say_empty(self) -> None:
        """The findings pane before a check, during one, or after one that found nothing."""
        report, items = self._report, bool(self._resource.data_items)
        self.pane.show_view(report is not None and bool(report.findings))
        self.empty_choose.setVisible(items and self._checking is None)
        if not items:
            title = self.tr("This resource has no data items yet")
            text = self.tr("Add them in the catalog first: a data file is checked against them.")
        elif self._checking is not None:
            title, text = self.tr("Checking the data file…"), ""
        elif report is None and self._failed_once:
            title = self.tr("The file could not be checked")
            text = self.tr("The reason is above. Choose another file, or save it again in Excel.")
        elif report is None:
            title = self.tr("Choose the data file to check")
            text = self.tr(
                "Every value that does not fit its data item is listed here with its cell, and "
                "a copy with the problem cells coloured can be saved."
            )
        else:
            title = self.tr("No problems found")
            text = self.tr("Every column and value fits the resource's data items.")
        self.empty.say(title, text)

    def _update_buttons(self) -> None:
        checking = self._checking is not None
        self._say_empty()
        self.busy.setVisible(checking)
        self.choose_button.setEnabled(not checking and bool(self._resource.data_items))
        report = self._report
        self.save_button.setEnabled(not checking and report is not None and bool(report.findings))

    @property
    def report(self) -> DataFileReport | None:
        return self._report

    # ------------------------------------------------------------------ checking
    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Data file"),
            start,
            self.tr("Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv);;All files (*)"),
        )
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        """Check `path` on the read pool; a progress dialog with Cancel appears if it is slow."""
        if self._checking is not None:
            return
        self._path = path
        self._report = None
        self._failed_once = False
        self.findings.set_findings([], [])
        self._say("")
        self.path_edit.setText(str(path))
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking {name}…").format(name=path.name))
        service, key = self._service, self._resource.id

        def work(progress: Progress) -> DataFileReport:
            return service.check(path, key, progress)

        handle = self._runner.run_read(work, self._checked, self._failed, label="check-data-file")
        self._checking = handle
        self.progress = DelayedProgress(handle, self, self.tr("Checking the data file"))
        self._update_buttons()

    def _checked(self, report: DataFileReport) -> None:
        self._checking = None
        self.progress = None
        self._report = report
        self._messages = [cell_finding_text(f) for f in report.findings]
        self.findings.set_findings(report.findings, self._messages)
        self.summary.setStyleSheet("" if report.ok else ERROR_STYLE)
        self.summary.setText(self.summary_text(report))
        self._update_buttons()
        self.checked.emit()

    def summary_text(self, report: DataFileReport) -> str:
        lines = [
            self.tr("Checked %n row(s) of sheet {sheet} (header on row {header}).", "",
                    report.rows_checked).format(sheet=report.sheet, header=report.header_row),
            self.tr("{errors} error(s), {warnings} warning(s).").format(
                errors=report.errors, warnings=report.warnings
            ),
        ]  # fmt: skip
        if report.truncated:
            lines.append(
                self.tr("%n more finding(s) are counted but not listed.", "", report.truncated)
            )
        if report.ok:
            lines.append(self.tr("No errors: the file fits the resource's data items."))
        return " ".join(lines)

    def _failed(self, error: BaseException) -> None:
        self._failed_once = True
        self._checking = None
        self.progress = None
        text = self._show_failure(error)
        self._update_buttons()
        self.check_failed.emit(text)

    # ------------------------------------------------------------------ saving the marks
    def _marked_writer(self) -> Callable[[Path], None] | None:
        """The file's values as a workbook with every finding marked, for whoever fixes it."""
        report = self._report
        if report is None:
            return None
        service, messages = self._service, list(self._messages)
        return lambda out: service.write_report(report, messages, out)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Esc or Close: stops a running check (nothing was written by it) and closes."""
        if self._checking is not None:
            self._checking.cancel()
        super().reject()
