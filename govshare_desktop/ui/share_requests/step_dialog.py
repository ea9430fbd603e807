"""One workflow step of a share request, drawn from the fields the step takes.

`COMMAND_FORMS[action]` says which fields a step needs and which it may carry (a reason, an
outcome, the secrecy bureau's determination and document number, grant terms). The dialog
checks what was typed with the workflow machine (`command_of`) before it asks the page to
queue the step, and stays open with the reason in Chinese if the step is refused, so the
officer never loses what they wrote.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import ShareRequest
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.share_requests import command_of
from govshare_desktop.domain.share_words import word
from govshare_desktop.domain.share_workflow import (
    COMMAND_FORMS,
    CommandField,
    DecisionOutcome,
    RequestAction,
    SecrecyDetermination,
)
from govshare_desktop.ui.messages import error_text
from govshare_desktop.ui.share_requests.model import translate

F = CommandField


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class StepDialog(QDialog):
    """Asks for a step's fields; `requested(text, extra)` once they pass the machine's check."""

    requested = Signal(str, dict)

    def __init__(
        self,
        action: RequestAction,
        request: ShareRequest,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        """`today`: the runtime clock's day in China, where grant terms start by default."""
        super().__init__(parent)
        self.setObjectName("shareRequestStep")
        self.action = action
        self.form_spec = COMMAND_FORMS[action]
        self.setWindowTitle(word(action, translate))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setObjectName("stepText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        required = F.TEXT in self.form_spec.required
        self.text_label = QLabel(
            self.tr("Reasons (required)") if required else self.tr("Note (optional)")
        )
        form.addRow(self.text_label, self.text)
        self.outcome = self._choice(
            form, F.OUTCOME, self.tr("Result"),
            [(DecisionOutcome.SHARE, "stepShare"), (DecisionOutcome.NO_SHARE, "stepNoShare")],
        )  # fmt: skip
        self.determination = self._choice(
            form, F.DETERMINATION, self.tr("Determination"),
            [(SecrecyDetermination.SECRET, "stepSecret"),
             (SecrecyDetermination.NOT_SECRET, "stepNotSecret")],
        )  # fmt: skip
        self.reference = QLineEdit()
        self.reference.setObjectName("stepReference")
        if self.form_spec.allows(F.REFERENCE):
            form.addRow(self.tr("Document number"), self.reference)
        self.terms = self._build_terms(request, today)
        if self.outcome is not None:  # once `terms` is set: the outcome enables them
            self.outcome.buttonToggled.connect(lambda _b, _on: self._terms_follow_outcome())
            self._terms_follow_outcome()
        self.error = QLabel()
        self.error.setObjectName("stepError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(word(action, translate))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        explain = QLabel(
            self.tr(
                "The step is queued on this PC and reaches the platform with the next sync, "
                "also if you are offline now."
            )
        )
        explain.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(explain)
        column.addLayout(form)
        if self.terms is not None:
            column.addWidget(self.terms)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

    def _choice(
        self,
        form: QFormLayout,
        name: CommandField,
        label: str,
        options: list[tuple[DecisionOutcome, str]] | list[tuple[SecrecyDetermination, str]],
    ) -> QButtonGroup | None:
        if not self.form_spec.allows(name):
            return None
        group = QButtonGroup(self)
        row = QHBoxLayout()
        for value, object_name in options:
            radio = QRadioButton(word(value, translate))
            radio.setObjectName(object_name)
            radio.setProperty("code", str(value))
            group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        form.addRow(label, row)
        return group

    def _build_terms(self, request: ShareRequest, today: date) -> QGroupBox | None:
        if not self.form_spec.allows(F.TERMS):
            return None
        box = QGroupBox(self.tr("Set the terms of use (otherwise every requested item, one year)"))
        box.setObjectName("stepTerms")
        box.setCheckable(True)
        box.setChecked(False)
        self.term_items = QListWidget()
        self.term_items.setObjectName("stepTermItems")
        self.term_items.setMaximumHeight(110)
        for name in request.data_item_names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.term_items.addItem(item)
        start = request.use_from or today
        self.valid_from = QDateEdit(qdate(start))
        self.valid_to = QDateEdit(qdate(request.use_until or start + timedelta(days=365)))
        for edit in (self.valid_from, self.valid_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.allow_cache = QCheckBox(self.tr("Allow an offline copy"))
        self.allow_export = QCheckBox(self.tr("Allow export"))
        form = QFormLayout(box)
        form.addRow(self.tr("Data items"), self.term_items)
        period = QHBoxLayout()
        period.addWidget(self.valid_from)
        period.addWidget(QLabel("—"))
        period.addWidget(self.valid_to)
        period.addStretch(1)
        form.addRow(self.tr("Valid"), period)
        flags = QHBoxLayout()
        flags.addWidget(self.allow_cache)
        flags.addWidget(self.allow_export)
        flags.addStretch(1)
        form.addRow("", flags)
        return box

    def _terms_follow_outcome(self) -> None:
        """Terms go only with a decision to share."""
        if self.terms is None or self.outcome is None:
            return
        button = self.outcome.checkedButton()
        share = button is not None and button.property("code") == DecisionOutcome.SHARE.value
        self.terms.setEnabled(share)
        if not share:
            self.terms.setChecked(False)

    # ------------------------------------------------------------------ the step
    def values(self) -> tuple[str, dict[str, Any]]:
        """What was typed, as `take_step` takes it."""
        extra: dict[str, Any] = {}
        for name, group in ((F.OUTCOME, self.outcome), (F.DETERMINATION, self.determination)):
            button = group.checkedButton() if group is not None else None
            if button is not None:
                extra[name.value] = str(button.property("code"))
        if self.form_spec.allows(F.REFERENCE) and self.reference.text().strip():
            extra[F.REFERENCE.value] = self.reference.text().strip()
        if self.terms is not None and self.terms.isChecked():
            items = self.term_items
            extra[F.TERMS.value] = {
                "data_items": [
                    items.item(i).text()
                    for i in range(items.count())
                    if items.item(i).checkState() == Qt.CheckState.Checked
                ],
                "valid_from": pydate(self.valid_from.date()).isoformat(),
                "valid_to": pydate(self.valid_to.date()).isoformat(),
                "allow_offline_cache": self.allow_cache.isChecked(),
                "allow_export": self.allow_export.isChecked(),
            }
        return self.text.toPlainText().strip(), extra

    def confirm(self) -> None:
        text, extra = self.values()
        try:
            command_of(self.action, text, extra)
        except KnownError as error:
            self.show_error(error_text(error))
            return
        self.buttons.setEnabled(False)  # until the page says how the queueing went
        self.requested.emit(text, extra)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.buttons.setEnabled(True)
