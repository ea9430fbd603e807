"""The unit's notices (通报, Art. 17): a list with the unread in bold and their count, the
selected one's title, issuer, time and body (selecting it marks it read), the records it
concerns as links, and 全部标为已读.

Reads and writes go through `ctx.services.notices` on the runner; the panel refreshes
from the change bus (`NOTICE`), so a sync's arrivals and a reading show at once. A link
asks the window to open the record (`reveal_requested(kind, id)`; `reveal_target` carries
the same as the `Reveal` the window routes to the record's page).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet, EntityKind
from govshare_desktop.domain.notices import NoticeSubject, NoticeView, SubjectKind
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind

if TYPE_CHECKING:
    from govshare_desktop.services.registry import Services
    from govshare_desktop.tasks.runner import Runner
    from govshare_desktop.ui.shell_context import ShellContext

ID_ROLE = Qt.ItemDataRole.UserRole
LISTED_HEIGHT = 220
EMPTY_HEIGHT = 120
QWIDGETSIZE_MAX = (1 << 24) - 1
FOLLOWED = (EntityKind.NOTICE, EntityKind.IDENTITY)


def reveal_of(kind: str, record_id: str) -> Reveal | None:
    """Where a notice's subject opens: its page, with the record selected; None for a kind
    this version cannot open."""
    targets = {
        SubjectKind.SHARE_REQUEST.value: ("share_requests", RevealKind.REQUEST),
        SubjectKind.OBJECTION.value: ("share_requests", RevealKind.OBJECTION),
        SubjectKind.GRANT.value: ("authorized_data", RevealKind.GRANT),
        SubjectKind.RESOURCE.value: ("catalog", RevealKind.RESOURCE),
    }
    if kind not in targets:
        return None
    page, reveal_kind = targets[kind]
    return Reveal(page, reveal_kind, record_id)


def local_time(moment: datetime) -> str:
    """A stored naive-UTC time in the PC's own time and locale."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class NoticesPanel(QWidget):
    loaded = Signal()  # the list shows the latest read
    reveal_requested = Signal(str, str)  # a subject's kind and id: open that record
    reveal_target = Signal(object)  # the same as a `Reveal` for `MainWindow.reveal`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticesPanel")
        self._services: Services | None = None
        self._runner: Runner | None = None
        self._seen = 0  # change sets seen: a read begun before the last one is stale
        self._pending_select = ""
        self.views: list[NoticeView] = []
        self.unread_label = QLabel()
        self.unread_label.setObjectName("noticesUnread")
        self.read_all_button = QPushButton()
        self.read_all_button.setObjectName("noticesReadAll")
        self.read_all_button.clicked.connect(lambda _c=False: self.mark_all_read())
        row = QHBoxLayout()
        row.addWidget(self.unread_label)
        row.addStretch(1)
        row.addWidget(self.read_all_button)
        self.list = QListWidget()
        self.list.setObjectName("noticesList")
        self.list.currentItemChanged.connect(lambda _c, _p: self._on_selection())
        self.empty = EmptyState("noticesEmpty")
        self.list_area = EmptyOr(self.list, self.empty)
        self._build_detail()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_area)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.error = QLabel()
        self.error.setObjectName("noticesError")
        self.error.setWordWrap(True)
        self.error.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.error)
        column.addWidget(self.splitter, 1)
        self.setMinimumHeight(LISTED_HEIGHT)
        self.retranslate()

    def _build_detail(self) -> None:
        self.detail = QWidget()
        self.detail.setObjectName("noticeDetail")
        self.title = QLabel()
        self.title.setObjectName("noticeTitle")
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setObjectName("noticeMeta")
        self.meta.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("noticeBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subjects_title = QLabel()
        self.subjects_box = QVBoxLayout()
        self.subject_buttons: list[QPushButton] = []
        column = QVBoxLayout(self.detail)
        for label in (self.title, self.meta, self.body, self.subjects_title):
            column.addWidget(label)
        column.addLayout(self.subjects_box)
        column.addStretch(1)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.read_all_button.setText(self.tr("Mark all as read"))
        self.subjects_title.setText(self.tr("Concerns:"))
        self.empty.say(
            self.tr("No notices"),
            self.tr(
                "Notices (通报) are what the platform's operator or the sharing authority "
                "reports to your unit about its data sharing and the problems found (Art. 17, "
                "21). They arrive with each sync with the platform."
            ),
        )
        self._show_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def subject_text(self, subject: NoticeSubject) -> str:
        names = {
            SubjectKind.SHARE_REQUEST: self.tr("Share request %1"),
            SubjectKind.GRANT: self.tr("Grant %1"),
            SubjectKind.OBJECTION: self.tr("Objection %1"),
            SubjectKind.RESOURCE: self.tr("Resource %1"),
        }
        return names[subject.kind].replace("%1", subject.id)

    def unread_text(self, count: int) -> str:
        return self.tr("%n unread", "", count) if count else self.tr("All read")

    # ------------------------------------------------------------------ reading
    def attach(self, shell: ShellContext) -> None:
        self._services = shell.services
        self._runner = shell.runner
        shell.changes.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: ChangeSet) -> None:
        if any(changes.touches(kind) for kind in FOLLOWED):
            self._seen += 1
            self.reload()

    def reload(self) -> None:
        if self._services is None or self._runner is None:
            return
        service, seen = self._services.notices, self._seen
        self._runner.run_read(
            lambda _p: service.notices(), lambda got: self._loaded(got, seen), self._failed,
            label="notices",
        )  # fmt: skip

    def _loaded(self, views: list[NoticeView], seen: int) -> None:
        if seen != self._seen:
            return  # read before a later change: that one's own read follows
        self.views = views
        self.error.hide()
        self._show_list()
        if self._pending_select and self.select(self._pending_select):
            self._pending_select = ""
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(describe_failure(error))
        self.error.show()

    def unread_count(self) -> int:
        return sum(1 for v in self.views if v.unread)

    def _show_list(self) -> None:
        selected = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for view in self.views:
            item = QListWidgetItem(f"{view.notice.title}\n{local_time(view.notice.issued_at)}")
            item.setData(ID_ROLE, view.notice.id)
            font = QFont(self.list.font())
            font.setBold(view.unread)
            item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list_area.show_view(bool(self.views))
        # no notice: a few lines that say what they are, not an empty list's room
        self.setMinimumHeight(LISTED_HEIGHT if self.views else 0)
        self.setMaximumHeight(QWIDGETSIZE_MAX if self.views else EMPTY_HEIGHT)
        unread = self.unread_count()
        self.unread_label.setText(self.unread_text(unread))
        self.read_all_button.setEnabled(unread > 0)
        if selected is None or not self.select(selected):
            self._show_detail(None)

    # ------------------------------------------------------------------ the selected one
    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def selected(self) -> NoticeView | None:
        wanted = self.selected_id()
        return next((v for v in self.views if v.notice.id == wanted), None)

    def select(self, notice_id: str) -> bool:
        """Select a notice (and so show it and mark it read); False while not listed."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == notice_id:
                self.list.setCurrentItem(item)
                self._show_detail(self.selected())
                return True
        self._pending_select = notice_id
        return False

    def _on_selection(self) -> None:
        view = self.selected()
        self._show_detail(view)
        if view is not None and view.unread:
            self.mark_read(view.notice.id)

    def _show_detail(self, view: NoticeView | None) -> None:
        for button in self.subject_buttons:
            self.subjects_box.removeWidget(button)
            button.deleteLater()
        self.subject_buttons = []
        self.detail.setVisible(view is not None)
        if view is None:
            return
        notice = view.notice
        self.title.setText(notice.title)
        issuer = notice.issuer_unit_code or "-"
        if notice.issued_by:
            issuer = f"{issuer} ({notice.issued_by})"
        meta = self.tr("Issued by %1 on %2").replace("%1", issuer)
        meta = meta.replace("%2", local_time(notice.issued_at))
        if notice.read_at is not None:
            read = self.tr("Read by %1 on %2").replace("%1", notice.read_by or "-")
            meta = f"{meta}\n{read.replace('%2', local_time(notice.read_at))}"
            if view.read_pending:
                pending = self.tr("(the platform learns it at the next sync)")
                meta = f"{meta} {pending}"
        self.meta.setText(meta)
        self.body.setText(notice.body)
        self.subjects_title.setVisible(bool(notice.subjects))
        for subject in notice.subjects:
            button = QPushButton(self.subject_text(subject))
            button.setObjectName("noticeSubject")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { color: palette(link); text-align: left; }")
            button.setEnabled(reveal_of(subject.kind.value, subject.id) is not None)
            button.clicked.connect(
                lambda _c=False, s=subject: self.open_subject(s.kind.value, s.id)
            )
            self.subjects_box.addWidget(button)
            self.subject_buttons.append(button)

    def open_subject(self, kind: str, record_id: str) -> None:
        self.reveal_requested.emit(kind, record_id)
        target = reveal_of(kind, record_id)
        if target is not None:
            self.reveal_target.emit(target)

    # ------------------------------------------------------------------ writing
    def mark_read(self, notice_id: str) -> None:
        if self._services is None or self._runner is None:
            return
        service = self._services.notices
        self._runner.run_write(
            lambda _p: service.mark_read(notice_id), None, self._failed, label="notice-read"
        )

    def mark_all_read(self) -> None:
        if self._services is None or self._runner is None:
            return
        service = self._services.notices
        self._runner.run_write(
            lambda _p: service.mark_all_read(), None, self._failed, label="notices-read-all"
        )
