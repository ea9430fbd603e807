"""异议 (Art. 16) on the 共享申请 page: two lists — 我提出的 (this unit doubts granted data)
and 待我答复 (this unit is the provider and answers) — the selected objection's detail,
提出异议… from a grant this unit holds, 答复… for the provider.

Everything is read and written through the task runner, off the GUI thread; the panel
follows the change bus (`EntityKind.OBJECTION`, `GRANT`, `IDENTITY`), whoever wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet, EntityKind
from govshare_desktop.domain.entities import Grant
from govshare_desktop.domain.objections import ObjectionDirection, ObjectionView
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind
from govshare_desktop.ui.share_requests.objection_detail import ObjectionDetail
from govshare_desktop.ui.share_requests.objection_dialogs import (
    AnswerDialog,
    RaiseDialog,
    open_raise_dialog,
)
from govshare_desktop.ui.share_requests.objection_model import ID_ROLE, ObjectionTableModel

if TYPE_CHECKING:
    from govshare_desktop.services.registry import Services
    from govshare_desktop.tasks.runner import Runner
    from govshare_desktop.ui.shell_context import ShellContext

Read = tuple[list[ObjectionView], list[Grant]]
FOLLOWED = (EntityKind.OBJECTION, EntityKind.GRANT, EntityKind.IDENTITY)


class ObjectionsPanel(QWidget):
    loaded = Signal()  # the lists show the latest read
    failed = Signal(str)  # a read or write went wrong: the page shows it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionsPanel")
        self._services: Services | None = None
        self._runner: Runner | None = None
        self._seen = 0  # change sets seen: a read begun before the last one is stale
        self._pending_select = ""  # an objection just raised, selected once listed
        self.all_views: list[ObjectionView] = []
        self.grants: list[Grant] = []  # held by this unit, revoked ones too
        self.tabs = QTabBar()
        self.tabs.setObjectName("objectionDirections")
        self.tabs.setDrawBase(False)
        for direction in (ObjectionDirection.OUTGOING, ObjectionDirection.INCOMING):
            index = self.tabs.addTab("")
            self.tabs.setTabData(index, direction.value)
        self.tabs.currentChanged.connect(lambda _i: self._show_list())
        self.raise_button = QPushButton()
        self.raise_button.setObjectName("objectionRaiseButton")
        self.raise_button.clicked.connect(lambda _c=False: self.raise_objection())
        row = QHBoxLayout()
        row.addWidget(self.tabs)
        row.addStretch(1)
        row.addWidget(self.raise_button)
        self._build_lists()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_area)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([680, 620])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addLayout(row)
        column.addWidget(self.splitter, 1)
        self.retranslate()

    def _build_lists(self) -> None:
        """The table (or what to do while it is empty) and the detail beside it."""
        self.model = ObjectionTableModel()
        self.table = QTableView()
        self.table.setObjectName("objectionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.empty = EmptyState("objectionsEmpty")
        self.empty_raise = self.empty.add_button("objectionsEmptyRaise", self.raise_objection)
        self.list_area = EmptyOr(self.table, self.empty)
        self.detail = ObjectionDetail()
        self.detail.answer_requested.connect(self.answer_selected)
        self.detail.discard_requested.connect(self.discard)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.detail_empty = EmptyState("objectionDetailEmpty")
        self.detail_area = EmptyOr(scroll, self.detail_empty)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        names = {
            ObjectionDirection.OUTGOING.value: self.tr("Raised by us"),
            ObjectionDirection.INCOMING.value: self.tr("To answer"),
        }
        for index in range(self.tabs.count()):
            self.tabs.setTabText(index, names[str(self.tabs.tabData(index))])
        self.raise_button.setText(self.tr("&Raise objection…"))
        self.empty_raise.setText(self.tr("Raise objection…"))
        self.detail_empty.say(
            "",
            self.tr("Choose an objection to see what it doubts, the answer and its history."),
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, ObjectionTableModel.COLUMNS)
        self.detail.retranslate()
        self._follow_grants()
        self._show_list()

    def direction(self) -> ObjectionDirection:
        return ObjectionDirection(str(self.tabs.tabData(self.tabs.currentIndex())))

    def show_direction(self, direction: ObjectionDirection) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabData(index) == direction.value:
                self.tabs.setCurrentIndex(index)

    def reveal(self, what: Reveal) -> bool:
        """An objection selected on its direction's list, or a direction's list shown."""
        if what.kind is RevealKind.OBJECTIONS:
            self.show_direction(ObjectionDirection(what.direction))
            return True
        view = next((v for v in self.all_views if v.objection.id == what.subject), None)
        if view is None or view.direction is None:
            self._pending_select = what.subject
            return False
        self.show_direction(view.direction)
        return self.select(what.subject)

    def _signed_in(self) -> bool:
        return self._services is not None and bool(self._services.runtime.unit_code)

    def live_grants(self) -> list[Grant]:
        """The grants an objection may be raised from: held here and not revoked."""
        return [g for g in self.grants if not g.revoked]

    def _follow_grants(self) -> None:
        live = bool(self.live_grants())
        self.raise_button.setEnabled(self._signed_in() and live)
        if not self._signed_in():
            tip = self.tr("Sign in first (File → Sign in…).")
        elif not live:
            tip = self.tr(
                "Your unit holds no grant yet. Grants arrive with the sync once a share "
                "request of your unit is granted."
            )
        else:
            tip = self.tr("Object to the accuracy, completeness or timeliness of granted data.")
        self.raise_button.setToolTip(tip)

    def _say_empty(self) -> None:
        outgoing = self.direction() is ObjectionDirection.OUTGOING
        self.empty_raise.setVisible(outgoing and self._signed_in() and bool(self.live_grants()))
        if not self._signed_in():
            self.empty.say(
                self.tr("Sign in first"),
                self.tr(
                    "Objections are your unit's: sign in to the platform (File → Sign in…) "
                    "once, then raise and answer them here, also offline."
                ),
            )
        elif outgoing and not self.live_grants():
            self.empty.say(
                self.tr("No grant to object to yet"),
                self.tr(
                    "An objection concerns data your unit was granted. Grants arrive with the "
                    "sync once a share request of your unit is granted; then raise an objection "
                    "here if the data is inaccurate, incomplete or out of date."
                ),
            )
        elif outgoing:
            self.empty.say(
                self.tr("You have not raised any objection"),
                self.tr(
                    "If granted data is inaccurate, incomplete or out of date, raise an "
                    "objection: the provider is told and answers (Art. 16)."
                ),
            )
        else:
            self.empty.say(
                self.tr("No objection to answer"),
                self.tr(
                    "Objections other units raise about your unit's data arrive with the next "
                    "sync; answer them here."
                ),
            )

    # ------------------------------------------------------------------ wiring
    def attach(self, shell: ShellContext) -> None:
        self._services = shell.services
        self._runner = shell.runner
        shell.changes.changed.connect(self._on_changes)
        self.retranslate()
        self.reload()

    def _on_changes(self, changes: ChangeSet) -> None:
        if any(changes.touches(kind) for kind in FOLLOWED):
            self._seen += 1
            self.reload()

    def reload(self) -> None:
        if self._services is None or self._runner is None:
            return
        service, seen = self._services.objections, self._seen

        def read(_p: object) -> Read:
            return service.objections(), service.grants()

        self._runner.run_read(read, lambda got: self._loaded(got, seen), self._failed,
                              label="objections")  # fmt: skip

    def _loaded(self, got: Read, seen: int) -> None:
        if seen != self._seen:
            return  # read before a later change: that one's own read follows
        self.all_views, self.grants = got
        self._follow_grants()
        self._show_list()
        if self._pending_select and self.select(self._pending_select):
            self._pending_select = ""
        self.loaded.emit()

    def _names(self) -> dict[str, str]:
        return {g.id: g.resource_name for g in self.grants}

    def _show_list(self) -> None:
        selected = self.selected_id()
        direction = self.direction()
        listed = [v for v in self.all_views if v.direction is direction]
        self.model.set_views(listed, self._names())
        self.list_area.show_view(bool(listed))
        self._say_empty()
        if selected is not None and self.select(selected):
            return
        self._on_selection()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        value = self.model.data(rows[0], ID_ROLE) if rows else None
        return str(value) if value else None

    def select(self, objection_id: str) -> bool:
        row = self.model.row_of(objection_id)
        if row < 0:
            return False
        if self.selected_id() == objection_id:
            self._on_selection()
        else:
            self.table.selectRow(row)
        return True

    def _on_selection(self, *_args: QItemSelection) -> None:
        objection_id = self.selected_id()
        view = next((v for v in self.model.views if v.objection.id == objection_id), None)
        name = self._names().get(view.objection.grant_id, "") if view is not None else ""
        self.detail.show_view(view, name)
        self.detail_area.show_view(view is not None)

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(describe_failure(error))

    # ------------------------------------------------------------------ writing
    def raise_objection(self, grant_id: str | None = None) -> RaiseDialog | None:
        """The dialog to raise one from a held, unrevoked grant (shown, not waited for)."""
        services, runner = self._services, self._runner
        if services is None or runner is None or not self._signed_in():
            return None
        live = self.live_grants()
        if not live:
            return None
        return open_raise_dialog(
            self, services.objections, runner, live, grant_id=grant_id, raised=self._raised
        )

    def _raised(self, dialog: RaiseDialog, view: ObjectionView) -> None:
        dialog.accept()
        self.show_direction(ObjectionDirection.OUTGOING)
        objection_id = view.objection.id
        self._pending_select = "" if self.select(objection_id) else objection_id

    def answer_selected(self) -> AnswerDialog | None:
        view = self.detail.view
        if view is None or not view.answerable or self._services is None or self._runner is None:
            return None
        dialog = AnswerDialog(view, self)
        service, runner, objection_id = self._services.objections, self._runner, view.objection.id

        def queue(outcome: str, text: str) -> None:
            runner.run_write(
                lambda _p: service.answer(objection_id, outcome, text),
                lambda _view: dialog.accept(),
                lambda error: dialog.show_error(describe_failure(error)),
                label="objection-answer",
            )

        dialog.requested.connect(queue)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def discard(self, seq: int) -> None:
        if self._services is None or self._runner is None:
            return
        service = self._services.objections
        self._runner.run_write(
            lambda _p: service.discard_refused(seq), None, self._failed, label="objection-discard"
        )
