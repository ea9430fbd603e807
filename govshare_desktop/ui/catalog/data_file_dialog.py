"""校验数据文件: check a data file against the selected resource's data items (Art. 7).

The officer learns, before the file is ever attached for sharing, which data items have no
column and which values do not fit their type, length or obligation, each at its cell. It
only checks: nothing is stored or uploaded (uploading arrives with sync), so the check runs
on the read pool and may be cancelled at any row.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.progress import Progress
from govshare_desktop.tasks.runner import Runner, TaskHandle
from govshare_desktop.ui.catalog.findings_model import CellFindingsModel, findings_view
from govshare_desktop.ui.messages import cell_finding_text, describe_failure
from govshare_desktop.ui.progress_dialog import DelayedProgress

if TYPE_CHECKING:
    from govshare_desktop.services.data_files import DataFileReport, DataFileService

ERROR_STYLE = "color: #b00020"


class DataFileDialog(QDialog):
    checked = Signal()  # a report is shown
    check_failed = Signal(str)  # the message shown instead
    saved = Signal(str)  # where the marked file was written

    def __init__(
        self,
        service: DataFileService,
        runner: Runner,
        resource: Resource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DataFileDialog")
        self._service = service
        self._runner = runner
        self._resource = resource
        self._path: Path | None = None
        self._report: DataFileReport | None = None
        self._messages: list[str] = []
        self._checking: TaskHandle | None = None
        self.progress: DelayedProgress | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("dataFilePath")
        self.path_edit.setReadOnly(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.summary = QLabel()
        self.summary.setObjectName("dataFileSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("dataFileMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.findings = CellFindingsModel()
        self.findings_view, self.findings_proxy = findings_view(self.findings)
        self.findings_view.setObjectName("dataFileFindings")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveMarkedData")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self.choose_file)
        self.save_button.clicked.connect(lambda _checked=False: self.save_marked())
        self._lay_out()
        self.retranslate()
        self.resize(720, 480)
        self._update_buttons()

    def _lay_out(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.busy)
        action_row = QHBoxLayout()
        action_row.addWidget(self.save_button)
        action_row.addStretch(1)
        action_row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.findings_view, 1)
        layout.addLayout(action_row)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

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
        self.save_button.setText(self.tr("Save marked workbook…"))
        self.save_button.setToolTip(
            self.tr("A workbook of the file's values with every problem cell coloured")
        )
        self.findings.retranslate()
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

    def _update_buttons(self) -> None:
        checking = self._checking is not None
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
        self._checking = None
        self.progress = None
        text = describe_failure(error)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)
        self._update_buttons()
        self.check_failed.emit(text)

    # ------------------------------------------------------------------ saving the marks
    def save_marked(self, out: Path | None = None) -> None:
        """The file's values as a workbook with every finding marked, for whoever fixes it."""
        report, source = self._report, self._path
        if report is None or source is None:
            return
        if out is None:
            suggested = source.with_name(source.stem + self.tr("-marked") + ".xlsx")
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save marked workbook"), str(suggested),
                self.tr("Excel workbook (*.xlsx)"),
            )  # fmt: skip
            if not chosen:
                return
            out = Path(chosen)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        service, messages, target = self._service, list(self._messages), out
        self._runner.run_read(
            lambda _p: service.write_report(report, messages, target),
            lambda _none: self._saved(target),
            lambda error: self._say(describe_failure(error), error=True),
            label="data-file-marked",
        )

    def _saved(self, out: Path) -> None:
        self._say(self.tr("The marked workbook was saved to {path}.").format(path=out))
        self.saved.emit(str(out))

    def _say(self, text: str, *, error: bool = False) -> None:
        """An outcome under the summary: red for a failure; empty hides it."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Esc or Close: stops a running check (nothing was written by it) and closes."""
        if self._checking is not None:
            self._checking.cancel()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
