"""导入目录工作簿: check a catalog workbook before anything is stored, then import it whole.

Choosing a file starts a dry run on the read pool: the officer sees how each column was
read (and may read it as another template column, which checks again), what the workbook
holds, every finding at its cell, with the sheet previewed around it, and every resource
the catalog already holds that the import would change, field by field. Import is offered
only for a workbook without errors and runs on the writer, cancellable; when it would
change existing resources it asks first, and the service changes only those the officer
saw. The service stores all of it or nothing, so a cancel or a failure leaves the catalog
as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.errors import Cancelled, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode
from govshare_desktop.tasks.runner import Runner, TaskHandle
from govshare_desktop.ui.catalog.file_check_dialog import ERROR_STYLE, FileCheckDialog
from govshare_desktop.ui.catalog.findings_model import (
    SheetRowsModel,
    column_index,
    marks_of,
)
from govshare_desktop.ui.catalog.import_changes import ImportChangesView
from govshare_desktop.ui.messages import cell_finding_text, describe_failure, wording
from govshare_desktop.ui.progress_dialog import DelayedProgress

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.importing import (
        CatalogImportService,
        ImportReport,
        MappedColumn,
    )

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
PROBLEMS_TAB, COLUMNS_TAB, CHANGES_TAB = range(3)
IGNORE = ""  # the combo's data for "(ignore)": PySide turns a None item data into nothing
Overrides = dict[str, dict[int, str | None]]


def with_phases(progress: Progress, labels: dict[str, str]) -> Progress:
    """The service reports phase codes ("read", "check", "store") and bare counts; the
    progress dialog shows the officer the phase in words, kept while counts come in."""
    current = [""]

    def sink(done: int, total: int, message: str) -> None:
        if message:
            current[0] = labels.get(message, message)
        progress.report(done, total, current[0])

    return Progress(sink, progress.cancel)


def local_time(stamp: str) -> str:
    """The audit log's UTC time ("2025-06-01T02:00:00") as the officer's clock reads it."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ImportDialog(FileCheckDialog):
    imported = Signal(object)  # the stored ImportReport, just before the dialog accepts
    preview_shown = Signal(str, int)  # sheet and Excel row selected in the preview

    def __init__(
        self,
        service: CatalogImportService,
        runner: Runner,
        unit_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "import", parent)
        self.setObjectName("ImportDialog")
        self._service = service
        self._unit = unit_code
        self._choices = service.column_choices()
        self._report: ImportReport | None = None
        self._overrides: Overrides = {}
        self._generation = 0  # only the latest dry run's answer is shown
        self._checking: TaskHandle | None = None
        self._importing: TaskHandle | None = None
        self._rows: dict[str, list[list[str]]] = {}  # sheet → its cells, for the preview
        self._wanted: CellFinding | None = None  # the finding the preview should show
        self._shown_columns: list[tuple[str, int]] = []
        self.progress: DelayedProgress | None = None
        self.confirm_box: QMessageBox | None = None  # asking before existing ones change
        self._build()
        self._lay_out()
        self.retranslate()
        self.resize(770, 560)
        self._update_buttons()
        self.finished.connect(self._release)

    def _release(self, _result: int) -> None:
        """A closed dialog keeps no sheet in memory (a workbook can hold 100 000 rows)."""
        self._rows.clear()
        self.preview.set_sheet("", [], {})

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.findings_view.clicked.connect(self._on_finding)
        self.findings_view.activated.connect(self._on_finding)
        self.preview_label = QLabel()
        self.preview = SheetRowsModel()
        self.preview_view = QTableView()
        self.preview_view.setObjectName("importPreview")
        self.preview_view.setModel(self.preview)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setDefaultSectionSize(110)
        self.preview_view.verticalHeader().setDefaultSectionSize(
            self.preview_view.fontMetrics().height() + 8
        )
        self._build_columns()
        self.changes_view = ImportChangesView()
        self.changes_note = QLabel()
        self.changes_note.setObjectName("importChangesNote")
        self.changes_note.setWordWrap(True)
        self.changes_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes_note.hide()
        self.save_button.setObjectName("saveMarked")
        self.import_button = QPushButton()
        self.import_button.setObjectName("startImport")
        self.import_button.clicked.connect(self.start_import)

    def _build_columns(self) -> None:
        """The mapping table: one row per column of the workbook, a "read as" combo each."""
        self.columns = QTableWidget(0, 4)
        self.columns.setObjectName("importColumns")
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from combo to combo
        self.columns.verticalHeader().hide()
        header = self.columns.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.columns_intro = QLabel()
        self.columns_intro.setWordWrap(True)

    def _lay_out(self) -> None:
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 4, 0, 0)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview_view, 1)
        self.problems_split = QSplitter(Qt.Orientation.Vertical)
        self.problems_split.setChildrenCollapsible(False)
        self.problems_split.addWidget(self.findings_view)
        self.problems_split.addWidget(preview_box)
        self.problems_split.setSizes([180, 160])
        columns_box = QWidget()
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.addWidget(self.columns_intro)
        columns_layout.addWidget(self.columns, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.problems_split, "")
        self.tabs.addTab(columns_box, "")
        self.tabs.addTab(self.changes_view, "")
        action_row = QHBoxLayout()
        action_row.addWidget(self.save_button)
        action_row.addStretch(1)
        action_row.addWidget(self.import_button)
        action_row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_row())
        layout.addWidget(self.summary)
        layout.addWidget(self.changes_note)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(action_row)
        self._no_default_button()  # Enter must never start an import

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import catalog workbook"))
        self.choose_button.setText(self.tr("Choose workbook…"))
        self.path_edit.setPlaceholderText(
            self.tr("An Excel, WPS or LibreOffice workbook (.xlsx .xlsm .xls .xlsb .ods)")
        )
        self._retranslate_save()
        self.save_button.setToolTip(
            self.tr("A copy of the workbook with every problem cell coloured and commented")
        )
        self.import_button.setText(self.tr("Import"))
        self.columns_intro.setText(
            self.tr(
                "How each column of the workbook is read. If a column was recognised wrongly, "
                "choose what it holds; the workbook is checked again."
            )
        )
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Column"), self.tr("Header in the workbook"),
             self.tr("Read as")]
        )  # fmt: skip
        self.findings.retranslate()
        self.changes_view.retranslate()
        self._update_tabs()
        if self._report is None and not self._busy():
            self.summary.setText(
                self.tr(
                    "Choose a catalog workbook. It is checked first; nothing is stored until "
                    "you import it."
                )
            )
        if not self.preview.sheet:
            self.preview_label.setText(self.tr("Click a problem to see its row in the sheet."))

    def _update_tabs(self) -> None:
        report = self._report
        errors = len(report.errors) if report else 0
        warnings = len(report.warnings) if report else 0
        self.tabs.setTabText(
            0, self.tr("Problems ({errors} errors, {warnings} warnings)").format(
                errors=errors, warnings=warnings
            )
        )  # fmt: skip
        self.tabs.setTabText(COLUMNS_TAB, self.tr("Columns"))
        changes = len(report.changes) if report else 0
        self.tabs.setTabText(
            CHANGES_TAB, self.tr("Changes to existing resources (%n)", "", changes)
        )
        self.tabs.setTabVisible(CHANGES_TAB, changes > 0)

    # ------------------------------------------------------------------ state
    def _busy(self) -> bool:
        return self._checking is not None or self._importing is not None

    def _update_buttons(self) -> None:
        report, busy = self._report, self._busy()
        self.busy.setVisible(self._checking is not None)
        self.choose_button.setEnabled(self._importing is None)
        self.columns.setEnabled(self._importing is None)
        self.save_button.setEnabled(not busy and report is not None and bool(report.findings))
        self.import_button.setEnabled(
            not busy and report is not None and report.ok and report.resources > 0
        )

    @property
    def report(self) -> ImportReport | None:
        return self._report

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def can_import(self) -> bool:
        return self.import_button.isEnabled()

    # ------------------------------------------------------------------ the dry run
    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Catalog workbook"),
            start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Check `path` afresh: mappings chosen for another file do not carry over."""
        self._path = path
        self._overrides = {}
        self._rows.clear()
        self._wanted = None
        self._shown_columns = []
        self.columns.setRowCount(0)
        self.preview.set_sheet("", [], {})
        self.path_edit.setText(str(path))
        self._check()

    def _check(self) -> None:
        if self._path is None:
            return
        if self._checking is not None:
            self._checking.cancel()  # its answer would be stale; the generation drops it
        self._generation += 1
        generation = self._generation
        service, path, unit = self._service, self._path, self._unit
        overrides = {sheet: dict(columns) for sheet, columns in self._overrides.items()}

        def work(progress: Progress) -> ImportReport:  # every change listed, none refused
            return service.run(
                path, unit_code=unit, dry_run=True, overrides=overrides, progress=progress,
                update_existing=True,
            )  # fmt: skip

        self._report = None
        self._say("")
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking {name}…").format(name=path.name))
        self._checking = self._runner.run_read(
            work,
            lambda report: self._checked(generation, report),
            lambda error: self._check_failed(generation, error),
            label="import-check",
        )
        self._update_buttons()

    def _checked(self, generation: int, report: ImportReport) -> None:
        if generation != self._generation:
            return
        self._checking = None
        self._show_report(report)
        self._update_buttons()
        self.checked.emit()

    def _check_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._checking = None
        self._report = None
        self._messages = []
        self.findings.set_findings([], [])
        self._update_tabs()
        text = self._show_failure(error)
        self._update_buttons()
        self.check_failed.emit(text)

    def _show_report(self, report: ImportReport) -> None:
        self._report = report
        self._messages = [cell_finding_text(f) for f in report.findings]
        self.findings.set_findings(report.findings, self._messages)
        self.summary.setStyleSheet("")
        self.summary.setText(self.summary_text(report))
        self._show_columns(report.columns)
        self._show_changes(report)
        self._update_tabs()
        if self.preview.sheet:  # the marks of a sheet already shown follow the new findings
            self._show_preview(self.preview.sheet, None)
        if report.findings:
            self.tabs.setCurrentIndex(PROBLEMS_TAB)
        else:
            self.tabs.setCurrentIndex(CHANGES_TAB if report.changes else COLUMNS_TAB)

    def _show_changes(self, report: ImportReport) -> None:
        """The existing resources it would change; a note above the tabs when any would
        (in red when one would get another name)."""
        self.changes_view.show_changes(report.changes, wording(self._service.profile))
        overwrites, renamed = report.overwrites, report.renamed
        self.changes_note.setText(self.changes_view.note(overwrites, renamed) if overwrites else "")
        self.changes_note.setStyleSheet(f"{ERROR_STYLE}; font-weight: bold" if renamed else "")
        self.changes_note.setVisible(bool(overwrites))

    def summary_text(self, report: ImportReport) -> str:
        layouts = {
            "merged": self.tr("one sheet, each resource with its data items below it"),
            "two_sheet": self.tr("two sheets, resources and data items"),
        }
        parts = [
            self.tr("Layout: {layout}.").format(layout=layouts.get(report.layout, report.layout)),
            self.tr("{resources} resource(s) with {items} data item(s).").format(
                resources=report.resources, items=report.data_items
            ),
        ]
        if report.ok:
            parts.append(
                self.tr(
                    "Importing would add {new} new, change {changed} and leave {unchanged} "
                    "unchanged."
                ).format(new=report.new, changed=report.changed, unchanged=report.unchanged)
            )
        parts.append(
            self.tr("{errors} error(s), {warnings} warning(s).").format(
                errors=len(report.errors), warnings=len(report.warnings)
            )
        )
        lines = [" ".join(parts)]
        if report.imported_before:
            lines.append(
                self.tr("This workbook was already imported on {at}.").format(
                    at=local_time(report.imported_before)
                )
            )
        if not report.ok:
            lines.append(
                self.tr(
                    "Nothing can be imported until the errors are fixed in the workbook. "
                    "Save the marked workbook to see them in Excel or WPS."
                )
            )
        return "\n".join(lines)

    # ------------------------------------------------------------------ column mapping
    def _choice_label(self, key: str) -> str:
        if key == "sequence_no":
            return self.tr("Sequence number (not stored)")
        return dict(self._choices).get(key, key)

    def _show_columns(self, columns: tuple[MappedColumn, ...]) -> None:
        """Same columns as shown: only the combos move (one may be the sender of this
        re-check); other columns: the table is rebuilt."""
        shown = [(c.sheet, c.index) for c in columns]
        if shown == self._shown_columns:
            for row, column in enumerate(columns):
                combo = self.columns.cellWidget(row, 3)
                if isinstance(combo, QComboBox):
                    combo.blockSignals(True)
                    combo.setCurrentIndex(max(0, combo.findData(column.key or IGNORE)))
                    combo.blockSignals(False)
            return
        self._shown_columns = shown
        self.columns.setRowCount(len(columns))
        for row, column in enumerate(columns):
            for at, text in enumerate((column.sheet, column.letter, column.header)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.columns.setItem(row, at, item)
            self.columns.setCellWidget(row, 3, self._mapping_combo(column))
        self.columns.resizeColumnsToContents()

    def _mapping_combo(self, column: MappedColumn) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(ignore)"), IGNORE)
        keys = [key for key, _label in self._choices]
        if column.key is not None and column.key not in keys:
            combo.addItem(self._choice_label(column.key), column.key)
        for key, label in self._choices:
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(column.key or IGNORE)))
        combo.setMaxVisibleItems(16)
        combo.setAccessibleName(
            self.tr("Read column {letter} ({header}) as").format(
                letter=column.letter, header=column.header
            )
        )
        combo.currentIndexChanged.connect(
            lambda index, c=column, box=combo: self.remap(c.sheet, c.index, box.itemData(index))
        )
        return combo

    def mapping_combo(self, header: str) -> QComboBox | None:
        """The "read as" combo of the first column written `header` (for keyboard users'
        scripts and tests)."""
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 2)
            if item is not None and item.text() == header:
                combo = self.columns.cellWidget(row, 3)
                return combo if isinstance(combo, QComboBox) else None
        return None

    def remap(self, sheet: str, index: int, key: str | None) -> None:
        """Read column `index` of `sheet` as `key` (None or "": ignore it) and check again."""
        self._overrides.setdefault(sheet, {})[index] = key or None
        self._check()

    # ------------------------------------------------------------------ preview
    def _on_finding(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        finding = self.findings.finding(self.findings_proxy.mapToSource(index).row())
        self.show_finding(finding)

    def show_finding(self, finding: CellFinding) -> None:
        """Show the finding's sheet in the preview with its cell (or row) selected; a sheet
        is read once per file, on the read pool."""
        self._wanted = finding
        if finding.sheet in self._rows:
            self._show_preview(finding.sheet, finding)
            return
        if self._path is None:
            return
        service, path, sheet = self._service, self._path, finding.sheet
        self.preview_label.setText(self.tr("Reading sheet {sheet}…").format(sheet=sheet))
        self._runner.run_read(
            lambda _p: service.sheet_rows(path, sheet),
            lambda rows: self._sheet_read(path, sheet, rows),
            self._preview_failed,
            label="import-preview",
        )

    def _sheet_read(self, path: Path, sheet: str, rows: list[list[str]]) -> None:
        if path != self._path:
            return  # another file was chosen meanwhile
        self._rows[sheet] = rows
        wanted = self._wanted
        if wanted is not None and wanted.sheet == sheet:
            self._show_preview(sheet, wanted)

    def _preview_failed(self, error: BaseException) -> None:
        self.preview_label.setText(describe_failure(error))

    def _show_preview(self, sheet: str, finding: CellFinding | None) -> None:
        report = self._report
        findings = report.findings if report else ()
        if sheet != self.preview.sheet or finding is None:
            marks = marks_of(findings, self._messages, sheet)
            self.preview.set_sheet(sheet, self._rows.get(sheet, []), marks)
        if finding is None:
            self.preview_label.setText(self.tr("Sheet {sheet}").format(sheet=sheet))
            return
        self.preview_label.setText(
            self.tr("Sheet {sheet}, row {row}").format(sheet=sheet, row=finding.row)
        )
        row = finding.row - 1
        column = column_index(finding.cell)
        view, selection = self.preview_view, self.preview_view.selectionModel()
        target = self.preview.index(row, column or 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if column is None:  # a finding about a whole column or row: select the row
            flags |= QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(target, flags)
        view.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.preview_shown.emit(sheet, finding.row)

    # ------------------------------------------------------------------ saving the marks
    def _marked_writer(self) -> Callable[[Path], None] | None:
        report, source = self._report, self._path
        if report is None or source is None:
            return None
        service, messages = self._service, list(self._messages)
        return lambda out: service.write_marked(source, report, messages, out)

    # ------------------------------------------------------------------ importing
    def _phase_labels(self) -> dict[str, str]:
        return {
            "read": self.tr("Reading the workbook…"),
            "check": self.tr("Checking every row…"),
            "store": self.tr("Storing the resources…"),
        }

    def start_import(self) -> None:
        """Import the checked workbook with the columns as now read; all or nothing. When it
        would change resources the catalog holds, the officer is asked first."""
        report = self._report
        if not self.can_import or self._path is None or report is None:
            return
        overwrites = report.overwrites
        if not overwrites:
            self._import(frozenset())
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Change existing resources?"))
        box.setText(self.changes_view.question(overwrites, report.renamed))
        box.setInformativeText(
            self.tr(
                "The list is on the tab “Changes to existing resources”. Until something is "
                "synced, Ctrl+Z takes the whole import back."
            )
        )
        agree = box.addButton(
            self.tr("Change %n and import", "", len(overwrites)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        agree.setObjectName("confirmChanges")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter must never overwrite
        box.setEscapeButton(cancel)
        agreed = frozenset(c.resource_id for c in overwrites)
        agree.clicked.connect(lambda _checked=False: self._import(agreed))
        self.confirm_box = box
        box.open()  # not exec(): the event loop keeps running

    def _import(self, agreed: frozenset[str]) -> None:
        """Store the workbook, changing only the existing resources in `agreed`."""
        if self._path is None:
            return
        service, path, unit = self._service, self._path, self._unit
        overrides = {sheet: dict(columns) for sheet, columns in self._overrides.items()}
        labels = self._phase_labels()

        def work(progress: Progress) -> ImportReport:
            return service.run(
                path, unit_code=unit, overrides=overrides, update_existing=agreed,
                progress=with_phases(progress, labels),
            )  # fmt: skip

        self._say(self.tr("Importing…"))
        handle = self._runner.run_write(
            work, self._imported, self._import_failed, label="import-catalog"
        )
        self._importing = handle
        self.progress = DelayedProgress(handle, self, self.tr("Importing the catalog workbook"))
        self._update_buttons()

    def _imported(self, report: ImportReport) -> None:
        self._importing = None
        self.progress = None  # it closes itself once the task has finished
        if any(f.code == SheetCode.CODE_TAKEN for f in report.errors):
            # the catalog or the file changed since the check: other resources would change
            # than the officer agreed to; check again and let them look before importing
            self._check()
            self._say(
                self.tr("The catalog or the workbook changed since it was checked, and the "
                        "import would now change other existing resources. Nothing was "
                        "stored; look at the changes again."),
                error=True,
            )  # fmt: skip
            return
        if not report.stored:  # the file changed on disk since it was checked
            self._show_report(report)
            self._say(
                self.tr("The workbook changed since it was checked and now has errors. Nothing "
                        "was stored."),
                error=True,
            )  # fmt: skip
            self._update_buttons()
            return
        self._report = report
        self._update_buttons()
        self.imported.emit(report)
        self.accept()

    def result_text(self, report: ImportReport) -> str:
        """What the catalog page tells the officer once the dialog has closed."""
        text = self.tr(
            "Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} "
            "changed, {unchanged} unchanged."
        ).format(
            resources=report.resources, items=report.data_items, new=report.new,
            changed=report.changed, unchanged=report.unchanged,
        )  # fmt: skip
        if report.import_id is not None and (report.new or report.changed):
            text += "\n" + self.tr(
                "Undo import (or Ctrl+Z) takes the whole import back, as long as nothing of it "
                "has been synced."
            )
        return text

    def _import_failed(self, error: BaseException) -> None:
        self._importing = None
        self.progress = None
        text = describe_failure(error)
        if isinstance(error, KnownError) and not isinstance(error, Cancelled):
            text += " " + self.tr("Nothing was stored; the catalog is as it was before.")
        self._say(text, error=True)
        self._update_buttons()

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Esc or Close: during an import it cancels the import (its transaction rolls back)
        and the dialog stays to say so; otherwise it closes, dropping a running check."""
        if self._importing is not None:
            self._importing.cancel()
            return
        if self._checking is not None:
            self._checking.cancel()
            self._checking = None
            self._generation += 1
        super().reject()
