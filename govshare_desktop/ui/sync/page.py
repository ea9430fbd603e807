"""同步: the link with the provincial sharing platform — 立即同步 (F5) and the last result in
words, what waits to be sent (and the platform's refusals, a refused share-request step or
objection to let go with 放弃此操作), the conflicts to resolve, and the recent errors with
details to copy for IT support.

It refreshes itself from the change bus (every commit, the sync's own included) and from
each sync result; the lists are read on the runner's read pool, never on the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet
from govshare_desktop.domain.conflicts import Conflict, ConflictKind
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.domain.outbox import WaitingChange
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.share_words import history_word
from govshare_desktop.domain.status import StatusSnapshot
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure, error_text, wording
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind
from govshare_desktop.ui.sync.conflict_dialog import ConflictDialog

if TYPE_CHECKING:
    from govshare_desktop.ui.shell_context import ShellContext

SECTION_MIN_HEIGHT = 56
REFRESH_PAUSE_MS = 150  # a burst of commits (a pull, an import) re-reads the lists once
Lists = tuple[list[WaitingChange], list[Conflict], list[SyncResult]]
CURRENT = -1  # `_show_lists`: keep the outbox row selected now


def local_time(moment: datetime) -> str:
    """A stored UTC time in the PC's own time and the UI's short format."""
    when = QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def _cell(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    return item


class SyncPage(Page):
    key = "sync"
    sync_requested = Signal()  # 立即同步
    conflict_resolved = Signal()  # a resolution was written: its sync should follow
    discarded = Signal(int)  # a refused op was let go of (its seq)
    _pending_reveal: Reveal | None = None  # asked for before the lists were read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:sync")
        self._shell: ShellContext | None = None
        self._platform_url = ""
        self._status: StatusSnapshot | None = None
        self._result: SyncResult | None = None
        self._running = False
        self._retry_at: datetime | None = None
        self.waiting: list[WaitingChange] = []
        self.conflicts: list[Conflict] = []
        self.errors: list[SyncResult] = []
        self.dialog: ConflictDialog | None = None
        self.confirm: QMessageBox | None = None  # 放弃此操作's question, while it is open
        self._refresh_pause = QTimer(self)
        self._refresh_pause.setSingleShot(True)
        self._refresh_pause.setInterval(REFRESH_PAUSE_MS)
        self._refresh_pause.timeout.connect(self.refresh)
        self.notice.hide()
        self._build_top()
        self._build_outbox()
        self._build_conflicts()
        self._build_errors()
        self.retranslate()

    # ------------------------------------------------------------------ layout
    def _build_top(self) -> None:
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(lambda _checked=False: self.sync_requested.emit())
        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label = QLabel()
        self.address_label.setObjectName("syncAddress")
        self.address_label.setStyleSheet("color: palette(mid)")
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.result_label)
        words.addWidget(self.address_label)
        row = QHBoxLayout()
        row.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.body.addLayout(row)

    def _section(
        self, name: str, view: QWidget, buttons: list[QPushButton], row: QHBoxLayout | None = None
    ) -> EmptyOr:
        box = QGroupBox()
        box.setObjectName(name)
        empty = EmptyState(f"{name}Empty")
        stack = EmptyOr(view, empty)
        stack.setMinimumHeight(SECTION_MIN_HEIGHT)  # a small window scrolls the lists instead
        column = QVBoxLayout(box)
        column.setContentsMargins(8, 6, 8, 6)
        column.addWidget(stack, 1)
        if buttons:
            line = QHBoxLayout()
            line.addStretch(1)
            for button in buttons:
                line.addWidget(button)
            column.addLayout(line)
        if row is None:
            self.body.addWidget(box, 1)
        else:
            row.addWidget(box, 1)
        return stack

    def _build_outbox(self) -> None:
        self.outbox_table = _table("syncOutbox", 4)
        self.outbox_table.itemSelectionChanged.connect(self._follow_outbox_selection)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("syncDiscard")
        self.discard_button.clicked.connect(lambda _checked=False: self.discard_selected())
        self.outbox = self._section("syncOutboxBox", self.outbox_table, [self.discard_button])
        self.outbox_box = self.outbox.parentWidget()

    def _build_conflicts(self) -> None:
        self.conflict_table = _table("syncConflicts", 3)
        self.conflict_table.doubleClicked.connect(lambda _index: self.open_conflict())
        self.resolve_button = QPushButton()
        self.resolve_button.setObjectName("syncResolve")
        self.resolve_button.clicked.connect(lambda _checked=False: self.open_conflict())
        # conflicts and errors side by side under the outbox: the page fits a small window
        self.lower_row = QHBoxLayout()
        self.body.addLayout(self.lower_row, 1)
        self.conflict_section = self._section(
            "syncConflictsBox", self.conflict_table, [self.resolve_button], self.lower_row
        )

    def _build_errors(self) -> None:
        self.error_table = _table("syncErrors", 2)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("syncCopyDetails")
        self.copy_button.clicked.connect(lambda _checked=False: self.copy_details())
        self.error_section = self._section(
            "syncErrorsBox", self.error_table, [self.copy_button], self.lower_row
        )

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync"))
        self.intro.setText(
            self.tr(
                "Everything you do is saved on this PC first and sent to the provincial "
                "sharing platform in the background when a connection is available; changes "
                "from the platform come back the same way. You can keep working meanwhile."
            )
        )
        shortcut = QKeySequence("F5").toString(QKeySequence.SequenceFormat.NativeText)
        self.sync_button.setText(self.tr("Sync now") + f" ({shortcut})")
        self.resolve_button.setText(self.tr("Resolve…"))
        self.copy_button.setText(self.tr("Copy details"))
        self.discard_button.setText(self.tr("Discard this operation…"))
        self.outbox_table.setHorizontalHeaderLabels(
            [
                self.tr("Resource"),
                self.tr("Change"),
                self.tr("Status"),
                self.tr("Platform's answer"),
            ]
        )
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("Resource"), self.tr("Conflict"), self.tr("Found")]
        )
        self.error_table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("What happened")])
        self.outbox.empty.say(
            self.tr("No changes waiting to be sent"),
            self.tr(
                "Everything you changed on this PC has reached the platform. New changes are "
                "sent shortly after you save them."
            ),
        )
        self.conflict_section.empty.say(
            self.tr("No conflicts"),
            self.tr(
                "When this PC and the platform change the same field of a resource, it is "
                "listed here and you choose which value to keep."
            ),
        )
        self.error_section.empty.say(
            self.tr("No errors"),
            self.tr(
                "Recent syncs went through. When one fails, the reason is shown here, with "
                "details you can copy for IT support."
            ),
        )
        self._show_lists()
        self._show_result()

    def _show_result(self) -> None:
        url = self._platform_url
        self.address_label.setText(
            self.tr("Platform address: {url}").format(url=url)
            if url
            else self.tr("Platform address: not set (File → Settings)")
        )
        self.result_label.setText(self.result_words())

    def result_words(self) -> str:
        """The last cycle in a sentence or two (or what is happening now)."""
        if self._running:
            return self.tr("Syncing… You can keep working meanwhile.")
        result = self._result
        if result is None:
            if not self._platform_url:
                return self.tr(
                    "No platform address is set. Enter it in File → Settings, then sign in."
                )
            return self.tr("No sync yet since the app was started.")
        when = local_time(result.finished_at)
        if result.outcome is SyncOutcome.DONE:
            text = self.tr(
                "Synced at {when}: {sent} change(s) sent, {applied} change(s) from the "
                "platform taken in."
            ).format(when=when, sent=result.sent, applied=result.applied)
            if result.conflicts:
                text += " " + self.tr("%n conflict(s) wait for you below.", "", result.conflicts)
            if result.failed:
                text += " " + self.tr(
                    "%n change(s) were refused by the platform (see below).", "", result.failed
                )
            return text
        reason = error_text(result.error) if result.error is not None else ""
        text = self.tr("Sync at {when} did not finish. {reason}").format(when=when, reason=reason)
        if self._retry_at is not None:
            text += " " + self.tr("Next try at {time}.").format(
                time=QLocale().toString(
                    QDateTime.fromSecsSinceEpoch(int(self._retry_at.timestamp())).time(),
                    QLocale.FormatType.ShortFormat,
                )
            )
        return text

    def op_words(self, change: WaitingChange) -> str:
        if change.op is OutboxOp.STEP and change.entity_type == "notice":
            return self.tr("Notice read")
        if change.op is OutboxOp.STEP:  # a share request's workflow step, by its own name
            return history_word(change.step, QCoreApplication.translate)
        if change.op is OutboxOp.CREATE and change.entity_type == "objection":
            return self.tr("Raise objection")
        if change.op is OutboxOp.SUBMIT:
            filing = change.entity_type == "catalog_version"
            return self.tr("Filing") if filing else self.tr("Submit")
        return {
            OutboxOp.CREATE: self.tr("New"),
            OutboxOp.PATCH: self.tr("Change"),
            OutboxOp.DELETE: self.tr("Delete"),
            OutboxOp.IMPORT_BATCH: self.tr("Import"),
            OutboxOp.WITHDRAW: self.tr("Withdraw"),
            OutboxOp.SUBMIT: self.tr("Submit"),
        }[change.op]

    def status_words(self, change: WaitingChange) -> str:
        if change.status is OutboxStatus.FAILED:
            return self.tr("Refused by the platform")
        if change.status is OutboxStatus.BLOCKED:
            return self.tr("Waits for a conflict to be resolved")
        if change.status is OutboxStatus.IN_FLIGHT and self._running:
            return self.tr("Being sent")
        if change.status is OutboxStatus.IN_FLIGHT:  # an interrupted send: resent, same key
            return self.tr("Will be tried again")
        if change.next_attempt_at is not None or change.attempts:
            return self.tr("Will be tried again")
        return self.tr("Waiting to be sent")

    def answer_words(self, change: WaitingChange) -> str:
        if change.status is OutboxStatus.FAILED:
            reason = change.error or self.tr("no reason given")
            if change.http_status:
                return self.tr("Refused (HTTP {status}): {reason}").format(
                    status=change.http_status, reason=reason
                )
            return self.tr("Refused: {reason}").format(reason=reason)
        if change.status is OutboxStatus.BLOCKED:
            return self.tr("Changed on the platform meanwhile: resolve the conflict below.")
        if change.error:
            return self.tr("Not delivered last time: {reason}").format(reason=change.error)
        return ""

    def name_words(self, change: WaitingChange) -> str:
        if change.entity_type == "catalog_version":
            return self.tr("The unit's catalog")
        name = change.name or self.tr("(unnamed resource)")
        if change.count > 1:
            return self.tr("{name} and others (%n in all)", "", change.count).format(name=name)
        return name

    def error_words(self, result: SyncResult) -> str:
        if result.error is not None:
            return error_text(result.error)
        return self.tr("%n change(s) were refused by the platform.", "", result.refused)

    # ------------------------------------------------------------------ lists
    def _show_lists(self, chosen: int | None = CURRENT) -> None:
        """`chosen`: the seq of the outbox row to keep selected (by default the selected
        one, while `waiting` is still the list it was chosen from)."""
        table = self.outbox_table
        if chosen == CURRENT:
            change = self.selected_change()
            chosen = change.seq if change is not None else None
        table.setRowCount(len(self.waiting))
        for row, change in enumerate(self.waiting):
            answer = self.answer_words(change)
            for column, text in enumerate(
                (self.name_words(change), self.op_words(change), self.status_words(change), answer)
            ):
                table.setItem(row, column, _cell(text))
            if change.status in (OutboxStatus.FAILED, OutboxStatus.BLOCKED):
                for column in range(4):
                    if (item := table.item(row, column)) is not None:
                        item.setForeground(Qt.GlobalColor.darkRed)
        self.outbox.show_view(bool(self.waiting))
        seqs = [change.seq for change in self.waiting]
        if chosen is not None and chosen in seqs:
            table.selectRow(seqs.index(chosen))
        else:  # the row chosen is gone: no other row takes its place unasked
            table.clearSelection()
        self._follow_outbox_selection()
        self._show_conflicts()
        self._show_errors()
        self._title_sections()
        for table in (self.outbox_table, self.conflict_table, self.error_table):
            self._fit(table)

    def _show_conflicts(self) -> None:
        table = self.conflict_table
        table.setRowCount(len(self.conflicts))
        words = None
        if self._shell is not None:
            words = wording(self._shell.services.catalog.profile)
        for row, conflict in enumerate(self.conflicts):
            if conflict.kind is ConflictKind.DELETED_REMOTELY:
                what = self.tr("Deleted on the platform, changed on this PC")
            else:
                fields = "、".join(words.field(f) if words else f for f in conflict.fields)
                what = self.tr("Both changed: {fields}").format(fields=fields)
            name = conflict.name or self.tr("(unnamed resource)")
            table.setItem(row, 0, _cell(name))
            table.setItem(row, 1, _cell(what))
            table.setItem(row, 2, _cell(local_time(conflict.created_at)))
        if self.conflicts and not table.selectedItems():
            table.selectRow(0)
        self.resolve_button.setEnabled(bool(self.conflicts))
        self.conflict_section.show_view(bool(self.conflicts))

    def _show_errors(self) -> None:
        table = self.error_table
        table.setRowCount(len(self.errors))
        for row, result in enumerate(self.errors):
            table.setItem(row, 0, _cell(local_time(result.finished_at)))
            table.setItem(row, 1, _cell(self.error_words(result)))
        if self.errors and not table.selectedItems():
            table.selectRow(0)
        self.copy_button.setEnabled(bool(self.errors))
        self.error_section.show_view(bool(self.errors))

    def _title_sections(self) -> None:
        boxes = (
            (self.outbox, self.tr("Waiting to be sent ({n})"), len(self.waiting)),
            (self.conflict_section, self.tr("Conflicts ({n})"), len(self.conflicts)),
            (self.error_section, self.tr("Recent errors ({n})"), len(self.errors)),
        )
        for stack, title, count in boxes:
            box = stack.parentWidget()
            if isinstance(box, QGroupBox):
                box.setTitle(title.format(n=count))

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        """Columns as wide as their content, within reason; the last one takes the rest."""
        header = table.horizontalHeader()
        for column in range(table.columnCount() - 1):
            table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), 320))

    # ------------------------------------------------------------------ data
    def attach(self, shell: ShellContext) -> None:
        self._shell = shell
        shell.changes.changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, _changes: ChangeSet) -> None:
        self._refresh_pause.start()

    def set_platform_url(self, url: str) -> None:
        self._platform_url = url
        self._show_result()

    def show_figures(self, resources: int, status: StatusSnapshot) -> None:
        self._status = status

    def show_running(self, running: bool) -> None:
        self._running = running
        self.sync_button.setEnabled(True)  # F5 while running says so; it never hurts
        self._show_result()

    def show_result(self, result: SyncResult, retry_at: datetime | None = None) -> None:
        """A cycle ended: its words, and the lists as it left them."""
        self._running = False
        self._result = result
        self._retry_at = retry_at
        self._show_result()
        self.refresh()

    def refresh(self) -> None:
        shell = self._shell
        if shell is None:
            return
        outbox, conflicts, state = (
            shell.services.outbox,
            shell.services.conflicts,
            shell.services.sync.state,
        )

        def read(_progress: Progress) -> Lists:
            return outbox.waiting(), conflicts.open(), list(state.recent)

        shell.runner.run_read(read, self._show_read, label="sync-page")

    def _show_read(self, lists: Lists) -> None:
        chosen = self.selected_change()  # read from the list it was chosen in, before it goes
        self.waiting, self.conflicts, self.errors = lists
        self._show_lists(chosen.seq if chosen is not None else None)
        if self._pending_reveal is not None and self.reveal(self._pending_reveal):
            self._pending_reveal = None

    def reveal(self, what: Reveal) -> bool:
        """A conflict or a waiting change selected, for the 概览."""
        if what.kind is RevealKind.CONFLICT:
            ids = [conflict.id for conflict in self.conflicts]
            if what.subject in ids:
                self.conflict_table.selectRow(ids.index(what.subject))
                return True
        elif what.kind is RevealKind.CHANGE:
            seqs = [str(change.seq) for change in self.waiting]
            if what.subject in seqs:
                self._show_lists(int(what.subject))
                return True
        else:
            return False
        self._pending_reveal = what
        return False

    # ------------------------------------------------------------------ actions
    def selected_change(self) -> WaitingChange | None:
        rows = self.outbox_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.waiting):
            return self.waiting[rows[0].row()]
        return None

    def discard_blocker(self, change: WaitingChange | None) -> str:
        """Why 放弃此操作 cannot let go of `change` ("" when it can)."""
        if change is None:
            return self.tr("Select a change the platform refused to let it go.")
        if change.discardable:
            return ""
        if change.refused:
            return self.tr(
                "Only a share request's step, an objection or a notice's reading refused by "
                "the platform can be let go of here; correct this record and it is sent again."
            )
        if change.held:
            return self.tr("This change waits for its conflict: resolve it below.")
        return self.tr(
            "This change has not been refused: it is sent with the next sync. Only what the "
            "platform refused can be let go of."
        )

    def _follow_outbox_selection(self) -> None:
        change = self.selected_change()
        blocker = self.discard_blocker(change)
        self.discard_button.setEnabled(not blocker)
        self.discard_button.setToolTip(
            blocker
            or self.tr(
                "Let go of this refused operation: it is not sent again, and what the "
                "platform holds stands."
            )
        )

    def discard_selected(self) -> QMessageBox | None:
        """Ask (in the officer's words) before letting go of the selected refused op; shown,
        not waited for. The write runs on the runner's writer, never on the GUI thread."""
        change = self.selected_change()
        if change is None or not change.discardable or self._shell is None:
            return None
        what = self.op_words(change)
        name = self.name_words(change)
        if change.entity_type == "objection":
            stands = self.tr(
                "The objection stays as the platform holds it; raise a new one if it is still "
                "needed."
            )
        elif change.entity_type == "notice":
            stands = self.tr("The notice stays read on this PC.")
        else:
            stands = self.tr(
                "The request stays in the state the platform holds; take the step again from "
                "the Share requests page if it is still needed."
            )
        box = QMessageBox(self)
        box.setObjectName("syncDiscardConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Discard this operation"))
        box.setText(self.tr("Let go of “{what}” for {name}?").format(what=what, name=name))
        box.setInformativeText(
            self.tr(
                "The platform refused it ({reason}). It will not be sent again and is removed "
                "from this PC's queue; nothing changes on the platform."
            ).format(reason=change.error or self.tr("no reason given"))
            + "\n"
            + stands
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Discard"))
        yes.setObjectName("syncDiscardYes")
        seq, kind = change.seq, change.entity_type
        yes.clicked.connect(lambda _checked=False: self._discard(seq, kind))
        box.finished.connect(lambda _r: box.deleteLater())
        box.finished.connect(lambda _r: setattr(self, "confirm", None))
        self.confirm = box
        box.open()
        return box

    def _discard(self, seq: int, kind: str) -> None:
        shell = self._shell
        if shell is None:
            return
        services = shell.services
        discard = {
            "objection": services.objections.discard_refused,
            "notice": services.notices.discard_refused,
        }.get(kind, services.share_requests.discard_refused)

        def done(_entity_id: str) -> None:
            self.notice.hide()
            self.discarded.emit(seq)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.notice.setText(describe_failure(error))
            self.notice.show()

        shell.runner.run_write(lambda _p: discard(seq), done, failed, label="sync-discard")

    def selected_conflict(self) -> Conflict | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.conflicts):
            return self.conflicts[rows[0].row()]
        return self.conflicts[0] if self.conflicts else None

    def open_conflict(self, conflict: Conflict | None = None) -> ConflictDialog | None:
        conflict = conflict or self.selected_conflict()
        if conflict is None or self._shell is None:
            return None
        shell = self._shell
        dialog = ConflictDialog(
            conflict,
            shell.services.conflicts,
            shell.runner,
            wording(shell.services.catalog.profile),
            self,
        )
        dialog.resolved.connect(self.conflict_resolved)
        dialog.resolved.connect(self.refresh)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def details(self, result: SyncResult) -> str:
        """What IT support needs: when, what the officer read, the technical details."""
        lines = [
            self.tr("Time: {when}").format(when=local_time(result.finished_at)),
            self.tr("Platform address: {url}").format(url=self._platform_url or "-"),
            self.tr("Outcome: {outcome}").format(outcome=result.outcome.value),
            self.error_words(result),
        ]
        if result.error is not None:
            lines.append(f"code: {result.error.code.value}")
        if result.detail:
            lines.append(result.detail)
        return "\n".join(lines)

    def copy_details(self) -> str:
        rows = self.error_table.selectionModel().selectedRows()
        index = rows[0].row() if rows else 0
        if index >= len(self.errors):
            return ""
        text = self.details(self.errors[index])
        QGuiApplication.clipboard().setText(text)
        return text
