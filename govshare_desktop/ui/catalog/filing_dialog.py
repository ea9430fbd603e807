"""The 备案 dialog: where the catalog stands, submit it (with a reason when re-filing), compare
any two versions and print the comparison."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.catalog_diff import CatalogDiff
from govshare_desktop.domain.entities import CatalogVersion
from govshare_desktop.domain.enums import CatalogVersionState
from govshare_desktop.domain.messages import visible
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.messages import describe_failure, error_text, wording

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.filing import FilingService, FilingStatus

DRAFT = "draft"


class FilingDialog(QDialog):
    submitted = Signal(int)  # the new version's number
    compared = Signal()

    def __init__(
        self,
        filing: FilingService,
        profile: CatalogProfile,
        runner: Runner,
        unit_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FilingDialog")
        self._filing = filing
        self._profile = profile
        self._runner = runner
        self._unit = unit_code
        self._status: FilingStatus | None = None
        self.state_label = QLabel()
        self.state_label.setObjectName("filingState")
        self.state_label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("filingReason")
        self.reason.setFixedHeight(60)
        self.submit_button = QPushButton(self.tr("Submit for filing"))
        self.submit_button.setObjectName("submitFiling")
        self.blocked = QLabel()  # why 提交备案 cannot be pressed now, beside it
        self.blocked.setObjectName("submitBlocked")
        self.blocked.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("filingMessage")
        self.message.setWordWrap(True)
        self.old_version = QComboBox()
        self.new_version = QComboBox()
        for combo in (self.old_version, self.new_version):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("diffView")
        self.diff_view.setPlaceholderText(self.tr("Loading the catalog's versions…"))
        self._lay_out()
        self.setWindowTitle(self.tr("Catalog filing (备案)"))
        self.resize(760, 560)
        self.submit_button.clicked.connect(self.submit)
        self.reason.textChanged.connect(self._update_submit)
        self.compare_button.clicked.connect(self.compare)
        self.print_button.clicked.connect(self.print_diff)
        self._update_submit()
        self.refresh()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("State:"), self.state_label)
        self.reason_label = QLabel(self.tr("Reason:"))
        form.addRow(self.reason_label, self.reason)
        submit_row = QHBoxLayout()
        submit_row.addWidget(self.submit_button)
        submit_row.addWidget(self.blocked, 1)
        compare_row = QHBoxLayout()
        compare_row.addWidget(QLabel(self.tr("Compare")))
        compare_row.addWidget(self.old_version)
        compare_row.addWidget(QLabel(self.tr("with")))
        compare_row.addWidget(self.new_version)
        compare_row.addWidget(self.compare_button)
        compare_row.addStretch(1)
        compare_row.addWidget(self.print_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(submit_row)
        layout.addWidget(self.message)
        layout.addLayout(compare_row)
        layout.addWidget(self.diff_view, 1)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        filing, unit = self._filing, self._unit
        self._runner.run_read(
            lambda _p: (filing.status(unit), filing.versions(unit)), self._show, self._fail
        )

    def _state_word(self, state: CatalogVersionState) -> str:
        return {
            CatalogVersionState.DRAFT: self.tr("being compiled (编制中)"),
            CatalogVersionState.SUBMITTED: self.tr("submitted for filing (报备中)"),
            CatalogVersionState.FILED: self.tr("filed (已备案)"),
            CatalogVersionState.RETURNED: self.tr("returned for revision (退回修改)"),
        }[state]

    def _show(self, result: tuple[FilingStatus, list[CatalogVersion]]) -> None:
        status, versions = result
        self._status = status
        latest = status.latest
        if latest is None:
            text = self.tr("No version has been filed yet; the catalog is being compiled.")
        else:
            text = self.tr("Version {n}: {state}").format(
                n=latest.number, state=self._state_word(latest.state)
            )
            if latest.authority_comment:
                text += " — " + self.tr("authority: {comment}").format(
                    comment=latest.authority_comment
                )
        if status.draft_differs:
            text += "\n" + self.tr("The working copy has changes that no version holds yet.")
        self.state_label.setText(text)
        self.reason_label.setText(
            self.tr("Reason (required):") if status.reason_required else self.tr("Reason:")
        )
        self._update_submit()
        for combo, default in ((self.old_version, -2), (self.new_version, -1)):
            combo.clear()
            for version in versions:
                combo.addItem(
                    f"v{version.number} {self._state_word(version.state)}", version.number
                )
            combo.addItem(self.tr("working copy"), DRAFT)
            combo.setCurrentIndex(max(0, combo.count() + default))
        self.compare_button.setEnabled(bool(versions))
        self.diff_view.setPlaceholderText(
            self.tr(
                "Choose two versions above and press Compare: the resources added, removed "
                "and changed between them are listed here, ready to print."
            )
            if versions
            else self.tr(
                "No version yet. Once you submit the catalog for filing, each version can be "
                "compared here with the next one or with the working copy."
            )
        )

    def _update_submit(self) -> None:
        """提交备案 is pressable, or says beside it why not."""
        why = self._blocked_because()
        self.submit_button.setEnabled(why is None)
        self.blocked.setText(why or "")
        self.blocked.setVisible(why is not None)
        self.submit_button.setToolTip(why or "")

    def _blocked_because(self) -> str | None:
        status = self._status
        if status is None:
            return self.tr("Reading where the catalog stands…")
        if status.resources == 0 and status.latest is None:
            return self.tr("The catalog has no resources yet: create or import them first.")
        if (blocker := status.blocker()) is not None:
            return error_text(blocker)
        if status.reason_required and not self.reason.toPlainText().strip():
            return self.tr("Write the reason for filing again above.")
        return None

    def _fail(self, error: BaseException) -> None:
        self.message.setText(describe_failure(error))
        self.message.setStyleSheet("color: #b00020")

    # ------------------------------------------------------------------ actions
    def submit(self) -> None:
        filing, unit, reason = self._filing, self._unit, self.reason.toPlainText()
        self.submit_button.setEnabled(False)
        self._runner.run_write(
            lambda _p: filing.submit(unit, reason), self._submitted, self._submit_failed
        )

    def _submitted(self, version: CatalogVersion) -> None:
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Version {n} was frozen and submitted for filing.").format(n=version.number)
        )
        self.reason.clear()
        self.submitted.emit(version.number)
        self.refresh()

    def _submit_failed(self, error: BaseException) -> None:
        self._fail(error)  # a known refusal says what to fix; anything else points at the log
        self.submit_button.setEnabled(self._blocked_because() is None)

    def compare(self) -> None:
        filing, unit = self._filing, self._unit
        old, new = self.old_version.currentData(), self.new_version.currentData()
        self._runner.run_read(lambda _p: filing.diff(unit, old, new), self._show_diff, self._fail)

    def _show_diff(self, diff: CatalogDiff) -> None:
        self.diff_view.setHtml(self.diff_html(diff))
        self.compared.emit()

    def diff_html(self, diff: CatalogDiff) -> str:
        """The comparison as shown and printed: field labels and values in the UI language
        (每月 or Monthly, never the stored code monthly)."""
        words = wording(self._profile)

        def e(text: str) -> str:  # escaped for HTML, control characters shown as U+001B
            return html.escape(visible(text))

        title = self.tr("Changes from {old} to {new}").format(
            old=self.old_version.currentText(), new=self.new_version.currentText()
        )
        parts = [f"<h3>{e(title)}</h3>"]
        if diff.empty:
            nothing = self.tr("No differences.")
            parts.append(f"<p>{e(nothing)}</p>")
        for heading, changes in (
            (self.tr("Added"), diff.added),
            (self.tr("Removed"), diff.removed),
        ):
            if changes:
                rows = "".join(f"<li>{e(c.code)} {e(c.name)}</li>" for c in changes)
                parts.append(f"<h4>{e(heading)}</h4><ul>{rows}</ul>")
        if diff.changed:
            changed = self.tr("Changed")
            parts.append(f"<h4>{e(changed)}</h4>")
            head = "".join(
                f"<th>{e(word)}</th>"
                for word in (self.tr("Field"), self.tr("Before"), self.tr("After"))
            )
            for change in diff.changed:
                rows = "".join(
                    f"<tr><td>{e(words.field(f.field))}</td>"
                    f"<td>{e(words.change(f.field, f.old))}</td>"
                    f"<td>{e(words.change(f.field, f.new))}</td></tr>"
                    for f in change.fields
                )
                items = [
                    (self.tr("Data items added"), change.items_added),
                    (self.tr("Data items removed"), change.items_removed),
                    (self.tr("Data items changed"), change.items_changed),
                ]
                rows += "".join(
                    f"<tr><td>{e(word)}</td><td colspan='2'>{e(joined)}</td></tr>"
                    for word, names in items
                    if (joined := "、".join(names))
                )
                parts.append(
                    f"<p><b>{e(change.code)} {e(change.name)}</b></p>"
                    f"<table border='1' cellspacing='0' cellpadding='3'>"
                    f"<tr>{head}</tr>{rows}</table>"
                )
        return "".join(parts)

    def print_diff(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.diff_view.document().print_(printer)
