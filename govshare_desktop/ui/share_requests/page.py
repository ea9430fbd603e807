"""共享申请: drafting, answering and following share requests (Art. 13).

Three lists, one per place the unit holds in a request: 我发出的 (it asks), 待我答复 (it is
asked) and, for an officer of the sharing authority, 主管部门. Each row counts down the
statutory period running now; requests this unit must act on within three days (or
already late) are announced at the top of the page and in the status bar whenever the
list is read — at start, after every sync and every change. A second tab holds the
data-quality objections (异议, Art. 16) raised from the grants these requests bring
(`objections_panel.py`).

Everything is read and written through the task runner, off the GUI thread; the page
follows the change bus (`EntityKind.SHARE_REQUEST`), whoever wrote: the officer, a sync.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet, EntityKind
from govshare_desktop.domain.clock import Clock, SystemClock
from govshare_desktop.domain.deadlines import china_date
from govshare_desktop.domain.enums import ShareMethod, ShareRequestState
from govshare_desktop.domain.share_requests import Direction, ShareRequestView
from govshare_desktop.domain.share_words import word
from govshare_desktop.domain.share_workflow import Party, RequestAction
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure, wording
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind
from govshare_desktop.ui.share_requests.detail import RequestDetail
from govshare_desktop.ui.share_requests.draft_dialog import DraftDialog
from govshare_desktop.ui.share_requests.model import (
    ID_ROLE,
    RequestTableModel,
    deadline_text,
    needs_reminder,
    translate,
)
from govshare_desktop.ui.share_requests.objections_panel import ObjectionsPanel
from govshare_desktop.ui.share_requests.step_dialog import StepDialog

if TYPE_CHECKING:
    from govshare_desktop.domain.directory import DirectoryEntry, DirectorySummary
    from govshare_desktop.domain.display import Wording
    from govshare_desktop.services.registry import Services
    from govshare_desktop.tasks.runner import Runner
    from govshare_desktop.ui.share_requests.objection_dialogs import RaiseDialog
    from govshare_desktop.ui.share_requests.printing import PrintPreview
    from govshare_desktop.ui.shell_context import ShellContext

REMINDER_MS = 15_000


class ShareRequestsPage(Page):
    key = "share_requests"
    loaded = Signal()  # the list shows the latest read
    shown = Signal()  # the detail pane shows the selected request
    attachment_opened = Signal(str)  # the copy handed to the PC's reader
    attachment_saved = Signal(str)  # where an attachment was saved
    _pending_reveal: Reveal | None = None  # asked for before the list was read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:share_requests")
        self._services: Services | None = None
        self._runner: Runner | None = None
        self._clock: Clock = SystemClock()
        self._wording: Wording | None = None
        self._seen = 0  # change sets seen: a read begun before the last one is stale
        self._reminded: tuple[str, ...] = ()
        self._pending_select = ""  # a draft just saved, selected once listed
        self.all_views: list[ShareRequestView] = []
        self.reminder = QLabel()
        self.reminder.setObjectName("requestReminder")
        self.reminder.setWordWrap(True)
        self.reminder.setMargin(8)
        self.reminder.setStyleSheet("background: #fff4ce; border: 1px solid #e0c060;")
        self.reminder.hide()
        self.body.addWidget(self.reminder)
        self.requests_panel = QWidget()
        self._requests_column = QVBoxLayout(self.requests_panel)
        self._requests_column.setContentsMargins(0, 8, 0, 0)
        self._build_filters()
        self._build_table()
        self.detail = RequestDetail()
        self.detail.step_requested.connect(lambda a: self.open_step(RequestAction(a)))
        self.detail.edit_requested.connect(self.edit_selected)
        self.detail.discard_requested.connect(self.discard)
        self.detail.print_requested.connect(self.print_selected)
        self.detail.open_attachment_requested.connect(self.open_attachment)
        self.detail.save_attachment_requested.connect(self.save_attachment)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.detail_empty = EmptyState("requestDetailEmpty")
        self.detail_area = EmptyOr(scroll, self.detail_empty)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_area)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([680, 620])  # the list's six columns, the detail's history
        self._requests_column.addWidget(self.splitter, 1)
        self._build_sections()
        self.notice.hide()
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(lambda _c=False: self.new_request())
        self.addAction(self.new_action)  # Ctrl+N while this page is the one shown
        self.new_action.setEnabled(False)
        self.new_button.setEnabled(False)
        self.retranslate()

    def _build_sections(self) -> None:
        """共享申请 and 异议 (Art. 16), one tab each."""
        self.objections = ObjectionsPanel()
        self.objections.failed.connect(self._say_failure)
        self.detail.objection_requested.connect(self.raise_objection)
        self.sections = QTabWidget()
        self.sections.setObjectName("requestSections")
        self.sections.setDocumentMode(True)
        self.sections.addTab(self.requests_panel, "")
        self.sections.addTab(self.objections, "")
        # 新建申请 beside the tabs, so it shows on both, as Ctrl+N works on both
        self.sections.setCornerWidget(self.new_button, Qt.Corner.TopRightCorner)
        self.body.addWidget(self.sections, 1)

    def _build_table(self) -> None:
        self.model = RequestTableModel(self._clock)
        self.table = QTableView()
        self.table.setObjectName("requestTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.empty = EmptyState("requestsEmpty")
        self.empty_new = self.empty.add_button("requestsEmptyNew", self.new_request)
        self.list_area = EmptyOr(self.table, self.empty)

    def _build_filters(self) -> None:
        self.tabs = QTabBar()
        self.tabs.setObjectName("requestDirections")
        self.tabs.setDrawBase(False)
        self.tabs.addTab("")
        self.tabs.setTabData(0, Direction.OUTGOING.value)
        self.tabs.addTab("")
        self.tabs.setTabData(1, Direction.INCOMING.value)
        self.tabs.currentChanged.connect(lambda _i: self._show_list())
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("requestStateFilter")
        self.state_filter.addItem("", "")
        for state in ShareRequestState:
            self.state_filter.addItem("", state.value)
        self.state_filter.currentIndexChanged.connect(lambda _i: self._show_list())
        self.state_label = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("requestNew")
        self.new_button.clicked.connect(lambda _c=False: self.new_request())
        row = QHBoxLayout()
        row.addWidget(self.tabs)
        row.addStretch(1)
        row.addWidget(self.state_label)
        row.addWidget(self.state_filter)
        self._requests_column.addLayout(row)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Share requests"))
        self.intro.setText(
            self.tr(
                "Request another unit's resources, answer requests made to your unit in "
                "writing, and follow each request through negotiation, filing, the authority's "
                "coordination and its statutory deadlines (Art. 13); raise and answer "
                "objections about granted data (Art. 16)."
            )
        )
        self.sections.setTabText(0, self.tr("Share requests"))
        self.sections.setTabText(1, self.tr("Objections"))
        self.objections.retranslate()
        names = {
            Direction.OUTGOING.value: self.tr("My requests"),
            Direction.INCOMING.value: self.tr("To answer"),
            Direction.AUTHORITY.value: self.tr("Sharing authority"),
        }
        for index in range(self.tabs.count()):
            self.tabs.setTabText(index, names[str(self.tabs.tabData(index))])
        self.state_label.setText(self.tr("State:"))
        self.state_filter.setItemText(0, self.tr("All states"))
        for index in range(1, self.state_filter.count()):
            state = ShareRequestState(self.state_filter.itemData(index))
            self.state_filter.setItemText(index, word(state, translate))
        self.new_button.setText(self.tr("&New request…"))
        self.new_button.setToolTip(self.tr("Draft a share request (Ctrl+N)"))
        self.new_action.setText(self.tr("New share request"))
        self.empty_new.setText(self.tr("New share request…"))
        self.detail_empty.say(
            "",
            self.tr("Choose a request to see its content, its history and the steps you may take."),
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, RequestTableModel.COLUMNS)
        self.detail.retranslate()
        self._say_empty()
        if self.all_views:
            self._show_list()

    def direction(self) -> Direction:
        return Direction(str(self.tabs.tabData(self.tabs.currentIndex())))

    def _state(self) -> ShareRequestState | None:
        value = self.state_filter.currentData()
        return ShareRequestState(value) if value else None

    def _signed_in(self) -> bool:
        return self._services is not None and bool(self._services.runtime.unit_code)

    def _say_empty(self) -> None:
        direction = self.direction()
        self.empty_new.setVisible(direction is Direction.OUTGOING and self._signed_in())
        if not self._signed_in():
            self.empty.say(
                self.tr("Sign in first"),
                self.tr(
                    "Share requests are your unit's: sign in to the platform (File → Sign in…) "
                    "once, then draft and answer them here, also offline."
                ),
            )
        elif self._state() is not None:
            self.empty.say(
                self.tr("No request in this state"),
                self.tr("Choose “All states” to see every request of this list."),
            )
        elif direction is Direction.OUTGOING:
            self.empty.say(
                self.tr("You have not requested any resource yet"),
                self.tr("Choose a resource from the shared directory and draft a share request."),
            )
        elif direction is Direction.INCOMING:
            self.empty.say(
                self.tr("No request to answer"),
                self.tr(
                    "Requests other units make for your unit's resources arrive with the next "
                    "sync; answer them here in writing."
                ),
            )
        else:
            self.empty.say(
                self.tr("No request for the sharing authority"),
                self.tr(
                    "Requests filed with or applied to your authority arrive with the next sync."
                ),
            )

    # ------------------------------------------------------------------ wiring
    def attach(self, shell: ShellContext) -> None:
        self._services = shell.services
        self._runner = shell.runner
        self._clock = shell.services.runtime.clock
        self.model = RequestTableModel(self._clock)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._wording = wording(shell.services.runtime.profile)
        self.detail.set_wording(self._wording)
        self._follow_identity()
        shell.changes.changed.connect(self._on_changes)
        self.objections.attach(shell)
        self.retranslate()
        self.reload()

    def _follow_identity(self) -> None:
        """The authority's list only for an officer who acts for the authority."""
        if self._services is None:
            return
        identity = self._services.runtime.identity.get()
        authority = Party.AUTHORITY.value in identity.roles
        has_tab = self.tabs.count() == 3
        if authority and not has_tab:
            index = self.tabs.addTab("")
            self.tabs.setTabData(index, Direction.AUTHORITY.value)
        elif has_tab and not authority:
            self.tabs.removeTab(2)
        self.detail.unit_code = identity.unit_code
        signed_in = self._signed_in()
        self.new_action.setEnabled(signed_in)
        self.new_button.setEnabled(signed_in)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(EntityKind.IDENTITY):
            self._follow_identity()
            self.retranslate()
        if changes.touches(EntityKind.SHARE_REQUEST) or changes.touches(EntityKind.IDENTITY):
            self._seen += 1
            self.reload()

    # ------------------------------------------------------------------ the lists
    def reload(self) -> None:
        if self._services is None or self._runner is None:
            return
        service, seen = self._services.share_requests, self._seen
        self._runner.run_read(
            lambda _p: service.requests(),
            lambda views: self._loaded(views, seen),
            self._failed,
            label="share-requests",
        )

    def _loaded(self, views: list[ShareRequestView], seen: int) -> None:
        if seen != self._seen:
            return  # read before a later change: that one's own read follows
        self.all_views = views
        self._show_list()
        if self._pending_select and self.select(self._pending_select):
            self._pending_select = ""
        if self._pending_reveal is not None and self.reveal(self._pending_reveal):
            self._pending_reveal = None
        self._remind(views)
        self.loaded.emit()

    def _show_list(self) -> None:
        selected = self.selected_id()
        direction, state = self.direction(), self._state()
        listed = [
            view
            for view in self.all_views
            if direction in view.directions and (state is None or view.request.state is state)
        ]
        self.model.set_views(listed)
        self.list_area.show_view(bool(listed))
        self._say_empty()
        if selected is not None and self.select(selected):
            return
        self._on_selection()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        value = self.model.data(rows[0], ID_ROLE) if rows else None
        return str(value) if value else None

    def select(self, request_id: str) -> bool:
        row = self.model.row_of(request_id)
        if row < 0:
            return False
        if self.selected_id() == request_id:
            self._on_selection()  # read it again all the same: the caller waits for `shown`
        else:
            self.table.selectRow(row)  # the selection's signal reads it
        return True

    # ------------------------------------------------------------------ revealing
    def reveal(self, what: Reveal) -> bool:
        """A request selected (in the list of the unit's place in it, every state shown),
        a list filtered, or an objection selected (on its tab), for the 概览."""
        if what.kind in (RevealKind.OBJECTION, RevealKind.OBJECTIONS):
            self.sections.setCurrentIndex(1)
            return self.objections.reveal(what)
        self.sections.setCurrentIndex(0)
        if what.kind is RevealKind.REQUESTS:
            self.show_list(Direction(what.direction), what.state)
            return True
        if what.kind is not RevealKind.REQUEST:
            return False
        return self.show_request(what.subject) or self._later(what)

    def _later(self, what: Reveal) -> bool:
        self._pending_reveal = what
        return False

    def show_list(self, direction: Direction, state: str = "") -> None:
        """One direction's list, of one state ("" for all)."""
        for index in range(self.tabs.count()):
            if self.tabs.tabData(index) == direction.value:
                self.tabs.setCurrentIndex(index)
        found = self.state_filter.findData(state)
        self.state_filter.setCurrentIndex(max(found, 0))

    def show_request(self, request_id: str) -> bool:
        """Select a request in the list of the unit's place in it (incoming first: that is
        where it answers), every state shown; False when it is not listed (yet)."""
        view = next((v for v in self.all_views if v.request.id == request_id), None)
        if view is None:
            return False
        shown = [str(self.tabs.tabData(i)) for i in range(self.tabs.count())]
        order = (Direction.INCOMING, Direction.AUTHORITY, Direction.OUTGOING)
        direction = next(d for d in order if d in view.directions and d.value in shown)
        self.show_list(direction)
        return self.select(request_id)

    def _on_selection(self, *_args: QItemSelection) -> None:
        request_id = self.selected_id()
        if request_id is None or self._services is None or self._runner is None:
            self._display(None)
            return
        service = self._services.share_requests
        self._runner.run_read(
            lambda _p: service.get(request_id), self._display, self._failed, label="share-request"
        )

    def _display(self, view: ShareRequestView | None) -> None:
        if view is not None and view.request.id != self.selected_id():
            return  # another row was chosen meanwhile
        self.detail.show_view(view)
        self.detail_area.show_view(view is not None)
        self.shown.emit()

    def _failed(self, error: BaseException) -> None:
        self._say_failure(describe_failure(error))

    def _say_failure(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # ------------------------------------------------------------------ reminders
    def _remind(self, views: list[ShareRequestView]) -> None:
        """Requests this unit must act on whose period ends within three days, or is over."""
        due = [view for view in views if needs_reminder(view, self._clock)]
        if not due:
            self.reminder.hide()
            self._reminded = ()
            return
        parts = [
            f"{view.request.resource_code} {deadline_text(view, self._clock)[0]}" for view in due
        ]
        text = self.tr("%n request(s) need your step soon: %1", "", len(due)).replace(
            "%1", "；".join(parts)
        )
        self.reminder.setText(text)
        self.reminder.show()
        reminded = tuple(sorted(v.request.id for v in due))
        window = self.window()
        if reminded != self._reminded and isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, REMINDER_MS)
        self._reminded = reminded

    # ------------------------------------------------------------------ steps
    def open_step(self, action: RequestAction) -> StepDialog | None:
        """The dialog of one step of the selected request (shown, not waited for)."""
        view = self.detail.view
        if view is None or self._services is None or self._runner is None:
            return None
        dialog = StepDialog(action, view.request, china_date(self._clock.now()), self)
        request_id, service, runner = view.request.id, self._services.share_requests, self._runner

        def take(text: str, extra: dict[str, Any]) -> None:
            runner.run_write(
                lambda _p: service.take_step(request_id, action, text, **extra),
                lambda _view: dialog.accept(),
                lambda error: dialog.show_error(describe_failure(error)),
                label="share-request-step",
            )

        dialog.requested.connect(take)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def print_selected(self) -> PrintPreview | None:
        """The selected request as the official form, in a preview to print or save as PDF."""
        # Imported here: printing brings QtPrintSupport, which the start need not wait for.
        from govshare_desktop.ui.share_requests.printing import show_preview  # noqa: PLC0415

        view = self.detail.view
        if view is None or self._services is None:
            return None
        identity = self._services.runtime.identity.get()
        names = {identity.unit_code: identity.unit_name} if identity.unit_name else {}
        methods = None
        if self._wording is not None:
            methods = {m.value: self._wording.value("share_method", m.value) for m in ShareMethod}
        officer = identity.display_name or identity.officer
        return show_preview(view, names, officer, self, share_method_label=methods)

    def raise_objection(self, grant_id: str) -> RaiseDialog | None:
        """提出异议… from a granted request's detail: the 异议 tab's dialog, preset to its grant."""
        return self.objections.raise_objection(grant_id)

    # ------------------------------------------------------------------ attachments
    def open_attachment(self, attachment_id: str) -> None:
        """打开: fetched if not held yet (network lane), copied out, opened by the PC's reader."""
        if self._services is None or self._runner is None:
            return
        service = self._services.request_attachments
        self._runner.run_network(
            lambda _p: service.open_copy(attachment_id),
            self._open_file,
            self._failed,
            label="attachment-open",
        )

    def _open_file(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._say_failure(
                self.tr("No program on this PC opens %1. It was saved as %2.")
                .replace("%1", path.name).replace("%2", str(path))
            )  # fmt: skip
        self.attachment_opened.emit(str(path))

    def save_attachment(self, attachment_id: str, target: str | None = None) -> None:
        """另存为…: where to, asked here; fetched if need be and written off the GUI thread."""
        view = self.detail.view
        if self._services is None or self._runner is None or view is None:
            return
        name = next((a.name for a in view.attachments if a.id == attachment_id), "")
        if target is None:
            target, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the attachment as"), name, self.tr("PDF files (*.pdf)")
            )
        if not target:
            return
        service, chosen = self._services.request_attachments, Path(target)
        self._runner.run_network(
            lambda _p: service.save_copy(attachment_id, chosen),
            lambda path: self.attachment_saved.emit(str(path)),
            self._failed,
            label="attachment-save",
        )

    def discard(self, seq: int) -> None:
        if self._services is None or self._runner is None:
            return
        service = self._services.share_requests
        self._runner.run_write(
            lambda _p: service.discard_refused(seq), None, self._failed, label="share-discard"
        )

    # ------------------------------------------------------------------ drafts
    def new_request(self) -> DraftDialog | None:
        return self._open_draft(None)

    def edit_selected(self) -> DraftDialog | None:
        view = self.detail.view
        if view is None or not view.editable:
            return None
        return self._open_draft(view)

    def _open_draft(self, view: ShareRequestView | None) -> DraftDialog | None:
        services, runner = self._services, self._runner
        if services is None or runner is None or not self._signed_in():
            return None
        directory, requests = services.directory, services.share_requests

        def search(query: str, done: Any) -> None:
            def found(_p: Any) -> list[DirectorySummary]:
                return directory.search(query) if query.strip() else directory.list_entries()

            runner.run_read(found, done, self._failed, label="draft-search")

        def fetch(entry_id: str, done: Any) -> None:
            def entry(_p: Any) -> DirectoryEntry | None:
                return directory.get(entry_id)

            runner.run_read(entry, done, self._failed, label="draft-entry")

        attachments = services.request_attachments

        def pick(path: Path, done: Any, refused: Any) -> None:
            runner.run_read(
                lambda _p: attachments.pick(path), done,
                lambda error: refused(describe_failure(error)), label="attachment-pick",
            )  # fmt: skip

        request = view.request if view is not None else None
        dialog = DraftDialog(
            services.runtime.profile, search, fetch, request, self,
            today=china_date(self._clock.now()), pick=pick,
            attachments=view.attachments if view is not None else (),
        )  # fmt: skip

        # what an earlier try of this dialog's save already stored (read and written on the
        # writer only): a save tried again after a refused attachment edits, never doubles
        stored: dict[str, Any] = {"id": request.id if request else None, "done": set()}

        def save(fields: dict[str, Any]) -> None:
            added, removed = dialog.attachment_changes()

            def write(_p: Any) -> str:
                if stored["id"] is None:
                    stored["id"] = requests.new_draft(**fields).id
                else:
                    requests.edit_draft(stored["id"], **fields)
                saved_id = str(stored["id"])
                done: set[tuple[str, str]] = stored["done"]
                for attachment_id in removed:
                    if ("remove", attachment_id) not in done:
                        attachments.remove(attachment_id)
                        done.add(("remove", attachment_id))
                for picked in added:
                    if ("add", picked.sha256 + picked.name) not in done:
                        attachments.attach(saved_id, picked)
                        done.add(("add", picked.sha256 + picked.name))
                return saved_id

            runner.run_write(
                write,
                lambda saved_id: self._saved(dialog, saved_id),
                lambda error: dialog.show_error(describe_failure(error)),
                label="share-request-draft",
            )

        dialog.save_requested.connect(save)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _saved(self, dialog: DraftDialog, request_id: str) -> None:
        """Show the saved draft: now if the list has it, else once the bus's read brings it
        (from the 异议 tab too, where Ctrl+N also drafts a request)."""
        dialog.accept()
        self.sections.setCurrentIndex(0)
        self.tabs.setCurrentIndex(0)
        self._pending_select = "" if self.select(request_id) else request_id
