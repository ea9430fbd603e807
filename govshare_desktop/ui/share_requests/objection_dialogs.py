"""提出异议… and 答复…: the two things an officer writes about an objection (Art. 16).

Each dialog checks what was typed with the domain's own checks (`domain/objections.py`: the
aspect or outcome, a text that is not blank and not too long, a data item the grant grants)
before it asks the panel to queue it, and stays open with the reason in Chinese — and with
everything typed kept — when a check or the service refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import Grant
from govshare_desktop.domain.enums import ObjectionAspect, ObjectionOutcome
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.objection_words import objection_word
from govshare_desktop.domain.objections import (
    ObjectionView,
    checked_aspect,
    checked_item,
    checked_outcome,
    checked_text,
)
from govshare_desktop.ui.messages import describe_failure, error_text
from govshare_desktop.ui.share_requests.model import translate

if TYPE_CHECKING:
    from govshare_desktop.services.objections.service import ObjectionService
    from govshare_desktop.tasks.runner import Runner


def _radios(
    parent: QDialog, values: list[ObjectionAspect] | list[ObjectionOutcome], prefix: str
) -> tuple[QButtonGroup, QHBoxLayout]:
    group = QButtonGroup(parent)
    row = QHBoxLayout()
    for value in values:
        radio = QRadioButton(objection_word(value, translate))
        radio.setObjectName(f"{prefix}:{value.value}")
        radio.setProperty("code", value.value)
        group.addButton(radio)
        row.addWidget(radio)
    row.addStretch(1)
    return group, row


def _chosen(group: QButtonGroup) -> str:
    button = group.checkedButton()
    return str(button.property("code")) if button is not None else ""


class _Dialog(QDialog):
    """The error line, the buttons and how they behave while the panel queues."""

    def _finish(self, column: QVBoxLayout, ok_text: str) -> None:
        self.error = QLabel()
        self.error.setObjectName("objectionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

    def confirm(self) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.buttons.setEnabled(True)


class RaiseDialog(_Dialog):
    """An objection about data of a grant this unit holds; `requested(grant_id, aspect,
    data_item, description)` once it passes the checks ("" for the whole resource)."""

    requested = Signal(str, str, str, str)

    def __init__(
        self, grants: list[Grant], chosen: str | None = None, parent: QWidget | None = None
    ) -> None:
        """`grants`: the held, unrevoked grants; `chosen`: the grant to start from."""
        super().__init__(parent)
        self.setObjectName("objectionRaise")
        self.setWindowTitle(self.tr("Raise an objection"))
        self.setMinimumWidth(560)
        self.grants = grants
        self.grant = QComboBox()
        self.grant.setObjectName("objectionGrant")
        for held in grants:
            text = self.tr("{code} {name} — provider {provider}").format(
                code=held.resource_code, name=held.resource_name, provider=held.provider_unit_code
            )
            self.grant.addItem(text, held.id)
        self.granted = QLabel()
        self.granted.setObjectName("objectionGranted")
        self.granted.setWordWrap(True)
        self.granted.setStyleSheet("color: palette(mid)")
        self.aspect, aspects = _radios(self, list(ObjectionAspect), "objectionAspect")
        self.item = QComboBox()
        self.item.setObjectName("objectionItem")
        self.description = QPlainTextEdit()
        self.description.setObjectName("objectionDescription")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(110)
        self.description.setPlaceholderText(
            self.tr("Name the rows or fields concerned and what is wrong, e.g. rows 12 and 37: "
                    "the name has a wrong character.")
        )  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("Granted resource"), self.grant)
        form.addRow("", self.granted)
        form.addRow(self.tr("Aspect"), aspects)
        form.addRow(self.tr("Data item"), self.item)
        form.addRow(self.tr("Description"), self.description)
        explain = QLabel(
            self.tr(
                "Tell the provider about doubts on the accuracy, completeness or timeliness of "
                "data your unit was granted (Art. 16). The objection is queued on this PC and "
                "reaches the platform with the next sync, also if you are offline now."
            )
        )
        explain.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(explain)
        column.addLayout(form)
        self._finish(column, self.tr("Raise objection"))
        self.grant.currentIndexChanged.connect(lambda _i: self._show_grant())
        if chosen is not None and (index := self.grant.findData(chosen)) >= 0:
            self.grant.setCurrentIndex(index)
        self._show_grant()

    def selected_grant(self) -> Grant | None:
        grant_id = self.grant.currentData()
        return next((g for g in self.grants if g.id == grant_id), None)

    def _show_grant(self) -> None:
        held = self.selected_grant()
        kept = self.item.currentData()
        self.item.clear()
        self.item.addItem(self.tr("(the whole resource)"), "")
        names = held.data_item_names if held is not None else ()
        for name in names:
            self.item.addItem(name, name)
        if kept and (index := self.item.findData(kept)) >= 0:
            self.item.setCurrentIndex(index)
        self.granted.setText(
            self.tr("Granted data items: {items}").format(items="、".join(names) or "—")
        )

    def choose(self, aspect: ObjectionAspect, data_item: str = "") -> None:
        """Tick an aspect and pick a data item, as the officer would."""
        for button in self.aspect.buttons():
            button.setChecked(button.property("code") == aspect.value)
        self.item.setCurrentIndex(max(self.item.findData(data_item), 0))

    def preset(self, data_item: str, description: str) -> None:
        """Start from what the officer selected elsewhere (the data viewer): the data item of
        the selected column and the rows named in the description, all still editable."""
        if data_item and (index := self.item.findData(data_item)) >= 0:
            self.item.setCurrentIndex(index)
        self.description.setPlainText(description)
        self.description.moveCursor(QTextCursor.MoveOperation.End)

    def confirm(self) -> None:
        held = self.selected_grant()
        if held is None:
            self.show_error(self.tr("Choose the grant whose data you doubt."))
            return
        aspect = _chosen(self.aspect)
        if not aspect:
            self.show_error(self.tr("Choose what you doubt: accuracy, completeness or timeliness."))
            return
        item = str(self.item.currentData() or "")
        try:
            checked_aspect(aspect)
            text = checked_text(self.description.toPlainText(), "description")
            checked_item(held, item)
        except KnownError as error:
            self.show_error(error_text(error))
            return
        self.buttons.setEnabled(False)  # until the panel says how the queueing went
        self.requested.emit(held.id, aspect, item, text)


class AnswerDialog(_Dialog):
    """The provider's answer to one objection; `requested(outcome, text)` once it passes."""

    requested = Signal(str, str)

    def __init__(self, view: ObjectionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionAnswerDialog")
        self.setWindowTitle(self.tr("Answer the objection"))
        self.setMinimumWidth(560)
        objection = view.objection
        about = QLabel(
            self.tr("{raiser} doubts the {aspect} of {resource} ({item}):").format(
                raiser=objection.raiser_unit_code,
                aspect=objection_word(objection.aspect, translate),
                resource=objection.resource_code,
                item=objection.data_item_name or self.tr("the whole resource"),
            )
        )
        about.setWordWrap(True)
        quoted = QLabel(objection.description)
        quoted.setObjectName("objectionQuoted")
        quoted.setWordWrap(True)
        quoted.setStyleSheet("background: palette(alternate-base); padding: 6px;")
        self.outcome, outcomes = _radios(self, list(ObjectionOutcome), "objectionOutcome")
        self.text = QPlainTextEdit()
        self.text.setObjectName("objectionAnswerText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.text.setPlaceholderText(
            self.tr("What you checked and what you corrected, or why the data stands.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Result"), outcomes)
        form.addRow(self.tr("Answer"), self.text)
        explain = QLabel(
            self.tr(
                "The answer is given once. It is queued on this PC and reaches the platform "
                "with the next sync, also if you are offline now."
            )
        )
        explain.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(about)
        column.addWidget(quoted)
        column.addLayout(form)
        column.addWidget(explain)
        self._finish(column, self.tr("Answer"))

    def choose(self, outcome: ObjectionOutcome) -> None:
        for button in self.outcome.buttons():
            button.setChecked(button.property("code") == outcome.value)

    def confirm(self) -> None:
        outcome = _chosen(self.outcome)
        if not outcome:
            self.show_error(self.tr("Choose the result: accepted, corrected or not accepted."))
            return
        try:
            checked_outcome(outcome)
            text = checked_text(self.text.toPlainText(), "answer")
        except KnownError as error:
            self.show_error(error_text(error))
            return
        self.buttons.setEnabled(False)
        self.requested.emit(outcome, text)


def open_raise_dialog(
    parent: QWidget,
    service: ObjectionService,
    runner: Runner,
    grants: list[Grant],
    *,
    grant_id: str | None,
    raised: Callable[[RaiseDialog, ObjectionView], None],
) -> RaiseDialog:
    """提出异议… wherever it starts (the 异议 tab, a granted request, the data viewer): the
    dialog, shown and not waited for, queueing the objection on the single writer once it
    passes its checks; `raised` hears of the queued objection, a refusal stays in the dialog."""
    dialog = RaiseDialog(grants, grant_id, parent)

    def queue(grant: str, aspect: str, item: str, text: str) -> None:
        runner.run_write(
            lambda _p: service.raise_objection(grant, aspect, text, data_item=item or None),
            lambda view: raised(dialog, view),
            lambda error: dialog.show_error(describe_failure(error)),
            label="objection-raise",
        )

    dialog.requested.connect(queue)
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    dialog.open()
    return dialog
