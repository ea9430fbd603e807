"""What the import dialog and the data-file dialog share: a file is chosen, checked on the read
pool, its findings listed, and a copy with every problem cell marked can be saved.

The two dialogs differ in what they check and what follows (an import, or nothing); the
file row, the summary and outcome lines, the findings table, saving the marked workbook and
the rule that Enter never acts are this one class's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
    QWidget,
)

from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.catalog.findings_model import CellFindingsModel, findings_view
from govshare_desktop.ui.messages import describe_failure

ERROR_STYLE = "color: #b00020"
# What subclasses inherit is translated under this class's name ("FileCheckDialog", spelled
# out at each call as lupdate needs), not under each subclass's own.


class FileCheckDialog(QDialog):
    checked = Signal()  # a check's report is shown
    check_failed = Signal(str)  # the file could not be checked; the message shown
    saved = Signal(str)  # where the marked workbook was written

    def __init__(self, runner: Runner, prefix: str, parent: QWidget | None = None) -> None:
        """`prefix` names the widgets for tests and accessibility (e.g. importPath)."""
        super().__init__(parent)
        self._runner = runner
        self._prefix = prefix
        self._path: Path | None = None
        self._messages: list[str] = []  # the findings' sentences, in the findings' order
        self.choose_button = QPushButton()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName(f"{prefix}Path")
        self.path_edit.setReadOnly(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # a busy indicator: a check has no meaningful percentage
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.summary = QLabel()
        self.summary.setObjectName(f"{prefix}Summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName(f"{prefix}Message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.findings = CellFindingsModel()
        self.findings_view, self.findings_proxy = findings_view(self.findings)
        self.findings_view.setObjectName(f"{prefix}Findings")
        self.save_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self.choose_file)
        self.save_button.clicked.connect(lambda _checked=False: self.save_marked())

    def choose_file(self) -> None:
        """Ask for the file to check; subclasses check it."""
        raise NotImplementedError

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.busy)
        return row

    def _no_default_button(self) -> None:
        """Enter must never act (import, or close a report being read): no default button."""
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _retranslate_save(self) -> None:
        self.save_button.setText(
            QCoreApplication.translate("FileCheckDialog", "Save marked workbook…")
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        """An outcome under the summary: red for a failure, plain otherwise; empty hides it."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_failure(self, error: BaseException) -> str:
        """The check failed: say why in red in the summary; returns the sentence."""
        text = describe_failure(error)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)
        return text

    # ------------------------------------------------------------------ saving the marks
    def _marked_writer(self) -> Callable[[Path], None] | None:
        """What writes the marked copy of the checked file to a path (on the read pool), or
        None while there is no report to mark."""
        raise NotImplementedError

    def save_marked(self, out: Path | None = None) -> None:
        """Write the checked file with its problems marked, to `out` or where the officer says."""
        write, source = self._marked_writer(), self._path
        if write is None or source is None:
            return
        if out is None:
            suggested = source.with_name(
                source.stem + QCoreApplication.translate("FileCheckDialog", "-marked") + ".xlsx"
            )
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("FileCheckDialog", "Save marked workbook"),
                str(suggested),
                QCoreApplication.translate("FileCheckDialog", "Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return
            out = Path(chosen)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        target = out
        self._runner.run_read(
            lambda _progress: write(target),
            lambda _none: self._saved(target),
            lambda error: self._say(describe_failure(error), error=True),
            label=f"{self._prefix}-marked",
        )

    def _saved(self, out: Path) -> None:
        self._say(
            QCoreApplication.translate(
                "FileCheckDialog", "The marked workbook was saved to {path}."
            ).format(path=out)
        )
        self.saved.emit(str(out))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the dialog is ignored (an item view uses it to open a finding first)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
