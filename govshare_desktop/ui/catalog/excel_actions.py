"""The catalog page's spreadsheet work: import a workbook, export the template or the catalog,
check a data file.

Kept apart from the page so the editor module stays small; the page adds these actions to
its tool bar and says which resource is selected. Exports are written on the read pool (the
GUI never waits on the disk) and their outcome goes to the window's status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QToolButton, QWidget

from govshare_desktop.domain.entities import Resource
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.catalog.data_file_dialog import DataFileDialog
from govshare_desktop.ui.catalog.import_dialog import ImportDialog
from govshare_desktop.ui.crash_dialog import show_error
from govshare_desktop.ui.messages import describe_failure

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.data_files import DataFileService
    from govshare_desktop.services.catalog.importing import CatalogImportService, ImportReport
    from govshare_desktop.services.catalog.resources import CatalogService

STATUS_MS = 10_000


class ExcelActions(QObject):
    imported = Signal(object)  # the ImportReport of a workbook stored; its result is shown
    undo_requested = Signal(str)  # 撤销导入 pressed in the result: the import's id
    exported = Signal(str)  # the path of a template or catalog written

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._catalog: CatalogService | None = None
        self._import: CatalogImportService | None = None
        self._data_files: DataFileService | None = None
        self._runner: Runner | None = None
        self._unit = ""
        self._resource: Resource | None = None
        self.import_dialog: ImportDialog | None = None
        self.data_file_dialog: DataFileDialog | None = None
        self.result_box: QMessageBox | None = None
        self.import_action = QAction(page)
        self.import_action.setObjectName("importWorkbook")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda _checked=False: self.open_import())
        self.template_action = QAction(page)
        self.template_action.setObjectName("exportTemplate")
        self.template_action.triggered.connect(lambda _checked=False: self.export_template())
        self.catalog_action = QAction(page)
        self.catalog_action.setObjectName("exportCatalog")
        self.catalog_action.triggered.connect(lambda _checked=False: self.export_catalog())
        self.data_file_action = QAction(page)
        self.data_file_action.setObjectName("checkDataFile")
        self.data_file_action.triggered.connect(lambda _checked=False: self.open_data_file())
        self.export_menu = QMenu(page)
        self.export_menu.addAction(self.template_action)
        self.export_menu.addAction(self.catalog_action)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportMenu")
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._update_enabled()

    def attach(
        self,
        catalog: CatalogService,
        runner: Runner,
        unit_code: str,
        catalog_import: CatalogImportService | None,
        data_files: DataFileService | None,
    ) -> None:
        self._catalog = catalog
        self._runner = runner
        self._unit = unit_code
        self._import = catalog_import
        self._data_files = data_files
        self._update_enabled()

    def set_unit(self, unit_code: str) -> None:
        """The data directory's unit, after the first sign-in gave it one."""
        self._unit = unit_code

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import…"))
        self.import_action.setToolTip(self.tr("Import a catalog workbook (Ctrl+I)"))
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setToolTip(self.tr("Export to Excel"))
        self.template_action.setText(self.tr("Export &template…"))
        self.catalog_action.setText(self.tr("Export catalog to &Excel…"))
        self.data_file_action.setText(self.tr("Check data &file…"))
        self.data_file_action.setToolTip(
            self.tr("Check a data file against the selected resource's data items")
        )

    def set_resource(self, resource: Resource | None) -> None:
        """The resource shown in the editor: the one a data file is checked against."""
        self._resource = resource
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = self._runner is not None and self._import is not None
        for widget in (self.import_action, self.template_action, self.catalog_action):
            widget.setEnabled(ready)
        self.export_button.setEnabled(ready)
        self.data_file_action.setEnabled(
            self._runner is not None and self._data_files is not None and self._resource is not None
        )

    # ------------------------------------------------------------------ import
    def open_import(self, path: Path | None = None) -> ImportDialog | None:
        """The import dialog, checking `path` at once when given (a dropped file)."""
        if self._import is None or self._runner is None:
            return None
        dialog = ImportDialog(self._import, self._runner, self._unit, self._page)
        dialog.imported.connect(lambda report: self._imported(dialog, report))
        self.import_dialog = dialog
        dialog.open()
        if path is not None:
            dialog.load(path)
        return dialog

    def _imported(self, dialog: ImportDialog, report: ImportReport) -> None:
        box = QMessageBox(self._page)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Import catalog workbook"))
        box.setText(dialog.result_text(report))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        if report.import_id is not None and (report.new or report.changed):
            undo = box.addButton(self.tr("&Undo import"), QMessageBox.ButtonRole.ActionRole)
            undo.setObjectName("undoImport")
            undo.setToolTip(self.tr("Take the whole import back (Ctrl+Z)"))
            import_id = report.import_id
            undo.clicked.connect(lambda _checked=False: self.undo_requested.emit(import_id))
        box.open()  # not exec(): the event loop keeps running
        self.result_box = box
        self.imported.emit(report)

    # ------------------------------------------------------------------ data files
    def open_data_file(self) -> DataFileDialog | None:
        if self._data_files is None or self._runner is None or self._resource is None:
            return None
        dialog = DataFileDialog(self._data_files, self._runner, self._resource, self._page)
        self.data_file_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ exports
    def _ask(self, title: str, name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self._page, title, str(Path(folder) / name), self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def export_template(self, out: Path | None = None) -> None:
        """The empty catalog template, for units that fill it in Excel or WPS."""
        service, runner = self._import, self._runner
        if service is None or runner is None:
            return
        out = out or self._ask(self.tr("Export the catalog template"), self.tr("template.xlsx"))
        if out is None:
            return
        target = out
        done = self.tr("The catalog template was written to {path}.").format(path=target)
        runner.run_read(
            lambda _p: service.export_template(target),
            lambda _none: self._exported(target, done),
            self._failed,
            label="export-template",
        )

    def export_catalog(self, out: Path | None = None) -> None:
        """The unit's live resources written into the template, to edit and import back."""
        service, catalog, runner = self._import, self._catalog, self._runner
        if service is None or catalog is None or runner is None:
            return
        out = out or self._ask(self.tr("Export the catalog to Excel"), self.tr("catalog.xlsx"))
        if out is None:
            return
        target, unit = out, self._unit or None

        def work(_progress: object) -> int:
            resources = catalog.list_resources(unit)
            service.export_template(target, resources)
            return len(resources)

        runner.run_read(
            work,
            lambda n: self._exported(
                target, self.tr("%n resource(s) exported to {path}.", "", n).format(path=target)
            ),
            self._failed,
            label="export-catalog",
        )

    def _exported(self, path: Path, text: str) -> None:
        window = self._page.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)
        self.exported.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        show_error(self._page, describe_failure(error))
