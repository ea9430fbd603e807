"""撤销导入: a stored import as one step on the catalog page's undo stack.

Once the import dialog has stored a workbook, the page pushes an `ImportCommand` over every
resource the import created or changed. Ctrl+Z (or 撤销导入 in the result message) asks
the import service to take it all back on the writer, in one transaction; the page then
follows the change bus like after any write. The service refuses when something of the
import may have reached the platform, or a later edit would be overwritten: nothing
changes, the officer reads why, and the step goes back on the stack. A remote change to
an imported resource outdates the step like any other (`ResourceCommand.outdated`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.catalog.commands import ImportCommand, ResourceCommand
from govshare_desktop.ui.crash_dialog import show_error
from govshare_desktop.ui.messages import describe_failure

if TYPE_CHECKING:
    from govshare_desktop.domain.import_undo import UndoneImport
    from govshare_desktop.services.catalog.importing import CatalogImportService, ImportReport

STATUS_MS = 15_000
# Refusals after which the import is still stored as it was: its step goes back.
_STILL_THERE = frozenset({ErrorCode.IMPORT_UNDO_SYNCED, ErrorCode.IMPORT_UNDO_EDITED})


class ImportUndo(QObject):
    undone = Signal(str)  # the status-bar sentence once an import was taken back
    refused = Signal(str)  # why an import could not be taken back (also shown in a box)

    def __init__(
        self, page: QWidget, stack: QUndoStack, drop: Callable[[ResourceCommand], None]
    ) -> None:
        super().__init__(page)
        self._page = page
        self._stack = stack
        self._drop = drop
        self._service: CatalogImportService | None = None
        self._runner: Runner | None = None
        self.refusal_box: QMessageBox | None = None

    def attach(self, service: CatalogImportService | None, runner: Runner) -> None:
        self._service = service
        self._runner = runner

    def push(self, report: ImportReport) -> None:
        """A stored import becomes the latest step of the undo history."""
        if report.import_id is None or not (report.new or report.changed):
            return  # nothing to take back
        ids = frozenset(report.created) | {c.resource_id for c in report.changes}
        self._stack.push(ImportCommand(self, report.import_id, ids, self._text(report.file)))

    def _text(self, file: str) -> str:
        return self.tr("Import {file}").format(file=Path(file).name)

    def undo_now(self, import_id: str) -> None:
        """撤销导入 from the result message: the import's step, if it is the latest one."""
        index = self._stack.index() - 1
        command = self._stack.command(index) if index >= 0 else None
        if isinstance(command, ImportCommand) and command.import_id == import_id:
            self._stack.undo()

    # ------------------------------------------------------------------ ImportEditor
    def drop_undo_step(self, command: ResourceCommand) -> None:
        self._drop(command)

    def undo_import(self, command: ImportCommand) -> None:
        service, runner = self._service, self._runner
        if service is None or runner is None:
            return
        import_id = command.import_id
        again = (import_id, command.resource_ids, command.text())
        runner.run_write(
            lambda _progress: service.undo(import_id),
            self._undone,
            lambda error: self._refused(again, error),
            label="undo-import",
        )

    def _undone(self, done: UndoneImport) -> None:
        text = self.tr(
            "Import of {file} undone: {deleted} resource(s) it created deleted, {restored} "
            "given back their previous content."
        ).format(file=done.file, deleted=done.deleted, restored=done.restored)
        window = self._page.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)
        self.undone.emit(text)

    def _refused(self, step: tuple[str, frozenset[str], str], error: BaseException) -> None:
        """Nothing changed: say why, and put the step back while the import is still there
        (after the steps taken meanwhile, as a new step would go)."""
        text = describe_failure(error)
        if isinstance(error, KnownError) and error.code in _STILL_THERE:
            import_id, ids, label = step
            self._stack.push(ImportCommand(self, import_id, ids, label))
        self.refusal_box = show_error(self._page, text)
        self.refused.emit(text)
