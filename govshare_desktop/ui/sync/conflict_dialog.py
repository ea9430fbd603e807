"""解决冲突: this PC's value and the platform's side by side, field by field, for a field both
changed since the last sync; the officer picks one per field (or all of one side) and the
result goes out with the next sync. A resource the platform deleted while this PC still
changed it is let go, or kept as a new resource. Nothing is decided without the officer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.conflicts import Choice, Conflict, ConflictKind
from govshare_desktop.domain.display import Wording
from govshare_desktop.domain.progress import Progress
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.messages import describe_failure

if TYPE_CHECKING:
    from govshare_desktop.services.sync.conflicts import ConflictService

VALUE_WIDTH = 330


class _Side(QFrame):
    """One side's value of a field: a radio button and the value, wrapped; a click anywhere
    on it chooses it."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.radio = QRadioButton()
        self.value = QLabel(text)
        self.value.setWordWrap(True)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setMinimumWidth(VALUE_WIDTH)
        self.value.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a click chooses
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.value, 1)
        self.radio.toggled.connect(self._mark)

    def _mark(self, chosen: bool) -> None:
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: #e3f2fd; }}" if chosen else ""
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        super().mouseReleaseEvent(event)


class ConflictDialog(QDialog):
    resolved = Signal()  # written; a sync should follow

    def __init__(
        self,
        conflict: Conflict,
        service: ConflictService,
        runner: Runner,
        wording: Wording,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.conflict = conflict
        self._service = service
        self._runner = runner
        self._wording = wording
        self.busy = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.sides: dict[str, tuple[_Side, _Side]] = {}
        self._groups: list[QButtonGroup] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if conflict.kind is ConflictKind.HARD:
            self._build_fields(layout)
        else:
            self._build_deleted()
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(900, min(640, 170 + 70 * max(1, len(conflict.fields))))

    # ------------------------------------------------------------------ layout
    def _build_fields(self, layout: QVBoxLayout) -> None:
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.mine_heading, self.theirs_heading = QLabel(), QLabel()
        for column, label in ((1, self.mine_heading), (2, self.theirs_heading)):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column)
        self.field_labels: dict[str, QLabel] = {}
        words = self._wording
        for row, name in enumerate(self.conflict.fields, start=1):
            label = QLabel()
            label.setWordWrap(True)
            label.setMinimumWidth(110)
            self.field_labels[name] = label
            mine = _Side(words.change(name, self.conflict.local.get(name)), f"mine:{name}")
            theirs = _Side(words.change(name, self.conflict.remote.get(name)), f"theirs:{name}")
            group = QButtonGroup(self)
            group.addButton(mine.radio)
            group.addButton(theirs.radio)
            group.buttonToggled.connect(lambda *_: self._update_apply())
            self._groups.append(group)
            self.sides[name] = (mine, theirs)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mine, row, 1)
            grid.addWidget(theirs, row, 2)
        grid.setRowStretch(len(self.conflict.fields) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        self.all_mine = QPushButton()
        self.all_mine.setObjectName("conflictAllMine")
        self.all_theirs = QPushButton()
        self.all_theirs.setObjectName("conflictAllTheirs")
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("conflictApply")
        self.apply_button.setDefault(True)
        role = QDialogButtonBox.ButtonRole
        self.buttons.addButton(self.all_mine, role.ActionRole)
        self.buttons.addButton(self.all_theirs, role.ActionRole)
        self.buttons.addButton(self.apply_button, role.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.all_mine.clicked.connect(lambda: self.choose_all(Choice.MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(Choice.THEIRS))
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        self._update_apply()

    def _build_deleted(self) -> None:
        self.let_go_button = QPushButton()
        self.let_go_button.setObjectName("conflictLetGo")
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("conflictKeepAsNew")
        role = QDialogButtonBox.ButtonRole
        self.buttons.addButton(self.let_go_button, role.DestructiveRole)
        self.buttons.addButton(self.keep_button, role.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.let_go_button.clicked.connect(self.let_go)
        self.keep_button.clicked.connect(self.keep_as_new)
        self.cancel_button.clicked.connect(self.reject)

    def retranslate(self) -> None:
        name = self.conflict.name or self.tr("(unnamed resource)")
        self.setWindowTitle(self.tr("Resolve conflict — {name}").format(name=name))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.conflict.kind is ConflictKind.HARD:
            self.intro.setText(
                self.tr(
                    "“{name}” was changed on this PC and on the platform since the last "
                    "sync, and both changed the fields below. Choose for each field which "
                    "value to keep; the other fields were merged already. What you choose "
                    "is sent to the platform with the next sync."
                ).format(name=name)
            )
            self.mine_heading.setText(self.tr("This PC's value"))
            self.theirs_heading.setText(self.tr("The platform's value"))
            for field, label in self.field_labels.items():
                label.setText(self._wording.field(field))
            self.all_mine.setText(self.tr("All from this PC"))
            self.all_theirs.setText(self.tr("All from the platform"))
            self.apply_button.setText(self.tr("Apply"))
        else:
            self.intro.setText(
                self.tr(
                    "“{name}” was deleted on the platform, but this PC still has changes "
                    "to it that were not sent. Discard this PC's changes (the resource is "
                    "removed here too), or keep it as a new resource that is sent to the "
                    "platform with the next sync."
                ).format(name=name)
            )
            self.let_go_button.setText(self.tr("Discard this PC's changes"))
            self.keep_button.setText(self.tr("Keep as a new resource"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ choices
    def choose(self, field: str, choice: Choice) -> None:
        mine, theirs = self.sides[field]
        (mine if choice is Choice.MINE else theirs).radio.setChecked(True)

    def choose_all(self, choice: Choice) -> None:
        for field in self.sides:
            self.choose(field, choice)

    def choices(self) -> dict[str, Choice]:
        chosen: dict[str, Choice] = {}
        for field, (mine, theirs) in self.sides.items():
            if mine.radio.isChecked():
                chosen[field] = Choice.MINE
            elif theirs.radio.isChecked():
                chosen[field] = Choice.THEIRS
        return chosen

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(not self.busy and len(self.choices()) == len(self.sides))

    # ------------------------------------------------------------------ writing
    def apply(self) -> None:
        choices = self.choices()
        if len(choices) != len(self.sides):
            return
        service, conflict_id = self._service, self.conflict.id
        self._write(lambda _p: service.resolve(conflict_id, choices))

    def let_go(self) -> None:
        service, conflict_id = self._service, self.conflict.id
        self._write(lambda _p: service.let_go(conflict_id))

    def keep_as_new(self) -> None:
        service, conflict_id = self._service, self.conflict.id
        self._write(lambda _p: service.keep_as_new(conflict_id))

    def _write(self, op: Callable[[Progress], object]) -> None:
        self.busy = True
        for button in self.buttons.buttons():
            button.setEnabled(False)
        self._runner.run_write(op, self._done, self._failed, label="resolve-conflict")

    def _done(self, _result: object) -> None:
        self.busy = False
        self.resolved.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        for button in self.buttons.buttons():
            button.setEnabled(True)
        if self.conflict.kind is ConflictKind.HARD:
            self._update_apply()
        self.message.setText(describe_failure(error))
        self.message.show()
