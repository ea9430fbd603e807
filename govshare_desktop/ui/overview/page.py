"""概览 (Art. 17, 21): what needs doing today, then where the unit stands.

The to-do list (待办) comes first — requests waiting for this unit's step with their
countdown, objections to answer, conflicts, refused sends, a filing returned, grants about
to end — each opening its record on its page; then the figures, each opening the list
behind it. Everything is one `OverviewSnapshot` read on the runner's read pool (never the
GUI thread), read again after every change set on the bus (an edit, a sync).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet
from govshare_desktop.domain.enums import CatalogVersionState, ShareRequestState
from govshare_desktop.domain.objections import ObjectionDirection
from govshare_desktop.domain.overview import OverviewSnapshot, Todo, TodoKind
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.domain.share_words import word
from govshare_desktop.domain.status import StatusSnapshot
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure
from govshare_desktop.ui.notices.panel import NoticesPanel
from govshare_desktop.ui.overview.bars import Bar, Segment
from govshare_desktop.ui.overview.targets import target_of
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind
from govshare_desktop.ui.share_requests.model import translate
from govshare_desktop.ui.share_requests.printing import PrintPreview

if TYPE_CHECKING:
    from govshare_desktop.services.registry import Services
    from govshare_desktop.tasks.runner import Runner
    from govshare_desktop.ui.overview.chart import BarChart
    from govshare_desktop.ui.shell_context import ShellContext

TODO_ROLE = Qt.ItemDataRole.UserRole

# the figures: (card, name, where a click leads)
_REQUESTS, _INCOMING, _OUTGOING = "share_requests", Direction.INCOMING, Direction.OUTGOING
FIGURES: tuple[tuple[str, str, Reveal], ...] = (
    ("catalog", "resources", Reveal("catalog")),
    ("catalog", "data_items", Reveal("catalog")),
    ("catalog", "errors", Reveal("catalog")),
    ("catalog", "warnings", Reveal("catalog")),
    ("catalog", "filing", Reveal("catalog")),
    ("requests", "awaiting", Reveal(_REQUESTS, RevealKind.REQUESTS, direction=_INCOMING.value)),
    ("requests", "overdue", Reveal(_REQUESTS, RevealKind.REQUESTS, direction=_INCOMING.value)),
    ("requests", "incoming", Reveal(_REQUESTS, RevealKind.REQUESTS, direction=_INCOMING.value)),
    ("requests", "outgoing", Reveal(_REQUESTS, RevealKind.REQUESTS, direction=_OUTGOING.value)),
    ("grants", "held", Reveal("authorized_data")),
    ("grants", "in_force", Reveal("authorized_data")),
    ("grants", "expiring", Reveal("authorized_data")),
    ("grants", "expired", Reveal("authorized_data")),
    ("grants", "revoked", Reveal("authorized_data")),
    ("objections", "to_answer", Reveal(_REQUESTS, RevealKind.OBJECTIONS,
                                       direction=ObjectionDirection.INCOMING.value)),
    ("objections", "received", Reveal(_REQUESTS, RevealKind.OBJECTIONS,
                                      direction=ObjectionDirection.INCOMING.value)),
    ("objections", "raised", Reveal(_REQUESTS, RevealKind.OBJECTIONS,
                                    direction=ObjectionDirection.OUTGOING.value)),
    ("objections", "answered", Reveal(_REQUESTS, RevealKind.OBJECTIONS,
                                      direction=ObjectionDirection.INCOMING.value)),
    ("sync", "last_sync", Reveal("sync")),
    ("sync", "pending", Reveal("sync")),
    ("sync", "failed", Reveal("sync")),
    ("sync", "conflicts", Reveal("sync")),
    ("sync", "failures_30d", Reveal("sync")),
)  # fmt: skip
CARDS = ("catalog", "requests", "grants", "objections", "sync")
COLORS = {
    Direction.INCOMING: "#3b6fb6", Direction.OUTGOING: "#e08a2e", "in_force": "#3f8f4f",
    "expiring": "#d9a400", "expired": "#9e9e9e", "revoked": "#b3261e",
}  # fmt: skip


def figure_values(snapshot: OverviewSnapshot) -> dict[str, int | None]:
    """Every countable figure by name (the text ones — filing, last sync — aside); None
    while not read yet (the catalog's findings follow the other figures)."""
    c, r, g, o, s = (snapshot.catalog, snapshot.requests, snapshot.grants, snapshot.objections,
                     snapshot.sync)  # fmt: skip
    return {
        "resources": c.resources, "data_items": c.data_items, "errors": c.errors,
        "warnings": c.warnings, "awaiting": r.awaiting, "overdue": r.overdue,
        "incoming": r.total(Direction.INCOMING), "outgoing": r.total(Direction.OUTGOING),
        "held": g.held, "in_force": g.in_force, "expiring": g.expiring, "expired": g.expired,
        "revoked": g.revoked, "to_answer": o.to_answer, "received": o.received,
        "raised": o.raised, "answered": o.answered, "pending": s.pending, "failed": s.failed,
        "conflicts": s.conflicts, "failures_30d": s.failures_30d,
    }  # fmt: skip


class OverviewPage(Page):
    key = "overview"
    loaded = Signal()  # the page shows the latest read
    reveal_requested = Signal(object)  # a `Reveal`: the window opens its page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:overview")
        self._services: Services | None = None
        self._runner: Runner | None = None
        self._seen = 0
        self.snapshot: OverviewSnapshot | None = None
        self._shown_todos: list[tuple[str, Todo]] = []
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(12)
        self._build_todos(column)
        self._build_figures(column)
        # 通报 (ui/notices/panel.py) after the figures: an unread one is also a to-do, which
        # opens it here
        self.notices_title = _section_title()
        self.notices_panel = NoticesPanel()
        self.notices_panel.reveal_target.connect(self.reveal_requested)
        column.addWidget(self.notices_title)
        column.addWidget(self.notices_panel)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("overviewScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.body.addWidget(self.scroll_area, 1)
        self.notice.hide()
        self.retranslate()

    def _build_todos(self, column: QVBoxLayout) -> None:
        self.todo_title = _section_title()
        column.addWidget(self.todo_title)
        self.todos = QListWidget()
        self.todos.setObjectName("overviewTodos")
        self.todos.setWordWrap(True)
        self.todos.setMinimumHeight(120)
        self.todos.itemActivated.connect(self.open_todo)
        self.todos.itemClicked.connect(self.open_todo)
        self.todo_empty = EmptyState("overviewTodosEmpty")
        self.todo_area = EmptyOr(self.todos, self.todo_empty)
        column.addWidget(self.todo_area)

    def _build_figures(self, column: QVBoxLayout) -> None:
        self.figures_title = _section_title()
        self.report_button = QPushButton()
        self.report_button.setObjectName("overviewReport")
        self.report_button.clicked.connect(lambda _c=False: self.preview_report())
        heading = QHBoxLayout()
        heading.addWidget(self.figures_title)
        heading.addStretch(1)
        heading.addWidget(self.report_button)
        column.addLayout(heading)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards: dict[str, QGroupBox] = {}
        forms: dict[str, QFormLayout] = {}
        for index, card in enumerate(CARDS):
            box = QGroupBox()
            box.setObjectName(f"overviewCard:{card}")
            forms[card] = QFormLayout(box)
            self.cards[card] = box
            grid.addWidget(box, 0, index)  # one row: the to-dos above keep their room
        self.figure_labels: dict[str, QLabel] = {}
        self.figure_buttons: dict[str, QPushButton] = {}
        for card, name, target in FIGURES:
            label, button = QLabel(), QPushButton("—")
            button.setObjectName(f"figure:{name}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; font-weight: bold; padding: 2px 6px;")
            button.clicked.connect(_emitter(self.reveal_requested.emit, target))
            forms[card].addRow(label, button)
            self.figure_labels[name], self.figure_buttons[name] = label, button
        column.addLayout(grid)
        charts = QGridLayout()
        charts.setSpacing(12)
        self.request_chart_box, self.grant_chart_box = QGroupBox(), QGroupBox()
        self._charts: tuple[BarChart, BarChart] | None = None  # made when first shown
        self.chart_legend = QLabel()
        self.chart_legend.setTextFormat(Qt.TextFormat.RichText)
        for box, extra in ((self.request_chart_box, self.chart_legend),
                           (self.grant_chart_box, None)):  # fmt: skip
            inner = QVBoxLayout(box)
            if extra is not None:
                inner.addWidget(extra)
            inner.addStretch(1)
        charts.addWidget(self.request_chart_box, 0, 0)
        charts.addWidget(self.grant_chart_box, 0, 1)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)
        column.addLayout(charts)

    def _made_charts(self) -> tuple[BarChart, BarChart]:
        """The two chart views, made (and QtCharts loaded) when first filled: after the
        window is up and the first read is in, not while the window is being built."""
        if self._charts is None:
            from govshare_desktop.ui.overview.chart import BarChart  # noqa: PLC0415

            made = (BarChart("overviewRequestChart"), BarChart("overviewGrantChart"))
            for box, chart in zip(
                (self.request_chart_box, self.grant_chart_box), made, strict=True
            ):
                chart.clicked.connect(self.reveal_requested.emit)
                inner = box.layout()
                assert isinstance(inner, QVBoxLayout)  # noqa: S101 - made above
                inner.insertWidget(inner.count() - 1, chart)  # before the stretch
            self._charts = made
        return self._charts

    @property
    def request_chart(self) -> BarChart:
        return self._made_charts()[0]

    @property
    def grant_chart(self) -> BarChart:
        return self._made_charts()[1]

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Overview"))
        self.intro.setText(
            self.tr(
                "What needs doing today, then your unit's sharing at a glance: the catalog, "
                "requests, grants, objections and sync (Art. 17). Click an item or a figure "
                "to open it."
            )
        )
        self.todo_title.setText(self.tr("To do"))
        self.notices_title.setText(self.tr("Notices"))
        self.figures_title.setText(self.tr("Figures"))
        self.report_button.setText(self.tr("Monthly report (PDF)…"))
        titles = {
            "catalog": self.tr("Catalog"), "requests": self.tr("Share requests"),
            "grants": self.tr("Grants"), "objections": self.tr("Objections"),
            "sync": self.tr("Sync"),
        }  # fmt: skip
        for card, box in self.cards.items():
            box.setTitle(titles[card])
        labels = {
            "resources": self.tr("Resources:"), "data_items": self.tr("Data items:"),
            "errors": self.tr("Errors:"), "warnings": self.tr("Warnings:"),
            "filing": self.tr("Filing:"), "awaiting": self.tr("Waiting for your step:"),
            "overdue": self.tr("Overdue:"), "incoming": self.tr("Made to your unit:"),
            "outgoing": self.tr("Made by your unit:"), "held": self.tr("Held:"),
            "in_force": self.tr("In force:"), "expiring": self.tr("Ending within 30 days:"),
            "expired": self.tr("Expired:"), "revoked": self.tr("Revoked:"),
            "to_answer": self.tr("To answer:"), "received": self.tr("Received:"),
            "raised": self.tr("Raised:"), "answered": self.tr("Answered:"),
            "last_sync": self.tr("Last sync:"), "pending": self.tr("Waiting to be sent:"),
            "failed": self.tr("Refused or blocked:"), "conflicts": self.tr("Conflicts:"),
            "failures_30d": self.tr("Failed syncs (30 days):"),
        }  # fmt: skip
        for name, label in self.figure_labels.items():
            label.setText(labels[name])
        self.request_chart_box.setTitle(self.tr("Share requests by state"))
        self.grant_chart_box.setTitle(self.tr("Grants held"))
        self.chart_legend.setText(
            f'<span style="color:{COLORS[Direction.INCOMING]}">■</span> '
            f"{self.tr('Made to your unit')}&nbsp;&nbsp;&nbsp;"
            f'<span style="color:{COLORS[Direction.OUTGOING]}">■</span> '
            f"{self.tr('Made by your unit')}"
        )
        self._show()

    def _say_empty(self) -> None:
        if self.snapshot is not None and not self.snapshot.signed_in:
            self.todo_empty.say(
                self.tr("Sign in to see your unit's to-dos"),
                self.tr(
                    "Requests, grants and objections are your unit's: sign in to the platform "
                    "(File → Sign in…) once; the catalog's figures are shown meanwhile."
                ),
            )
        else:
            self.todo_empty.say(
                self.tr("Nothing waits for you"),
                self.tr(
                    "Requests to answer, objections, conflicts and refused changes appear here "
                    "after each sync; nothing needs your step now."
                ),
            )

    def todo_text(self, todo: Todo) -> str:
        title, detail = todo.title, todo.detail
        texts = {
            TodoKind.REQUEST: self.tr("Share request %1 waits for your step"),
            TodoKind.OBJECTION: self.tr("Answer the objection about %1"),
            TodoKind.CONFLICT: self.tr("Resolve the sync conflict on %1"),
            TodoKind.FAILED_SEND: self.tr("The platform refused a change to %1"),
            TodoKind.FILING_RETURNED: self.tr("Catalog version %1 was returned for changes"),
            TodoKind.GRANT_EXPIRING: self.tr("The grant of %1 ends soon"),
            TodoKind.NOTICE: self.tr("Read the notice: %1"),
        }
        text = texts[todo.kind].replace("%1", title)
        if todo.days_left is not None:
            text += f"（{self.countdown(todo.days_left)}）"
        if detail:
            text += f"：{detail}"
        return text

    def countdown(self, days_left: int) -> str:
        late = -days_left
        if days_left < 0:
            return self.tr("%n day(s) overdue", "", late)
        if days_left == 0:
            return self.tr("due today")
        return self.tr("%n day(s) left", "", days_left)

    def filing_text(self, state: CatalogVersionState | None, number: int | None) -> str:
        if state is None or number is None:
            return self.tr("never filed")
        words = {
            CatalogVersionState.DRAFT: self.tr("version %1 being compiled"),
            CatalogVersionState.SUBMITTED: self.tr("version %1 submitted"),
            CatalogVersionState.FILED: self.tr("version %1 filed"),
            CatalogVersionState.RETURNED: self.tr("version %1 returned for changes"),
        }
        return words[state].replace("%1", str(number))

    # ------------------------------------------------------------------ reading
    def attach(self, shell: ShellContext) -> None:
        self._services = shell.services
        self._runner = shell.runner
        shell.changes.changed.connect(self._on_changes)
        self.notices_panel.attach(shell)
        self.reload()

    def reveal(self, what: Reveal) -> bool:
        """The notices (a to-do's, or the arrival note's): scrolled to, the one named
        selected — and so read — once listed."""
        if what.kind is not RevealKind.NOTICE:
            return False
        self.scroll_area.ensureWidgetVisible(self.notices_panel)
        if what.subject:
            self.notices_panel.select(what.subject)
        self.notices_panel.list.setFocus()
        return True

    def _on_changes(self, _changes: ChangeSet) -> None:
        """Every kind of record shows here: any change set reads the overview again."""
        self._seen += 1
        self.reload()

    def show_figures(self, resources: int, status: StatusSnapshot) -> None:
        """The window's status read (every 30 s, after each sync cycle): a sync that stored
        nothing publishes no change set, but its time, the outbox and the conflicts may have
        moved; read again when they differ from what is shown."""
        shown = self.snapshot
        if shown is None:
            return
        now = (status.last_sync_at, status.pending_changes, status.failed_changes,
               status.conflicts)  # fmt: skip
        sync = shown.sync
        if now != (sync.last_sync_at, sync.pending, sync.failed, sync.conflicts):
            self.reload()

    def reload(self) -> None:
        if self._services is None or self._runner is None:
            return
        service, seen = self._services.overview, self._seen
        self._runner.run_read(
            lambda _p: service.snapshot(findings=False),
            lambda snapshot: self._loaded(snapshot, seen),
            self._failed,
            label="overview",
        )

    def _loaded(self, snapshot: OverviewSnapshot, seen: int) -> None:
        """The quick figures shown; then the catalog's findings, which load and validate
        every resource (seconds on a large catalog), in a read of their own."""
        if seen != self._seen or self._services is None or self._runner is None:
            return  # read before a later change: that one's own read follows
        self.snapshot = snapshot
        self.notice.hide()
        self._show()
        service = self._services.overview
        self._runner.run_read(
            lambda _p: service.problems(),
            lambda found: self._problems(found, seen),
            self._failed,
            label="overview-problems",
        )

    def _problems(self, found: tuple[int, int], seen: int) -> None:
        shown = self.snapshot
        if seen != self._seen or shown is None:
            return
        errors, warnings = found
        catalog = replace(shown.catalog, errors=errors, warnings=warnings)
        self.snapshot = replace(shown, catalog=catalog)
        self._show()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.notice.setText(describe_failure(error))
        self.notice.show()

    def _show(self) -> None:
        self._say_empty()
        snapshot = self.snapshot
        if snapshot is None:
            return
        # every change set reads the overview again, often to the same list: it is rebuilt
        # (and the GUI thread kept busy) only when what it says has changed
        todos = [(self.todo_text(todo), todo) for todo in snapshot.todos]
        if todos != self._shown_todos:
            self._shown_todos = todos
            self.todos.clear()
            for text, todo in todos:
                item = QListWidgetItem(text)
                item.setData(TODO_ROLE, todo)
                if todo.overdue:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.todos.addItem(item)
        self.todo_area.show_view(bool(snapshot.todos))
        for name, value in figure_values(snapshot).items():
            self.figure_buttons[name].setText(str(value) if value is not None else "…")
        catalog = snapshot.catalog
        self.figure_buttons["filing"].setText(
            self.filing_text(catalog.filing_state, catalog.filing_version)
        )
        self._chart(snapshot)
        last = snapshot.sync.last_sync_at
        self.figure_buttons["last_sync"].setText(
            _local_time(last) if last is not None else self.tr("never")
        )

    def _chart(self, snapshot: OverviewSnapshot) -> None:
        """Requests by state (incoming and outgoing stacked), grants by standing: each
        segment opens the list behind it."""
        requests = snapshot.requests
        names = {Direction.INCOMING: self.tr("Made to your unit"),
                 Direction.OUTGOING: self.tr("Made by your unit")}  # fmt: skip
        bars = []
        for state in ShareRequestState:
            segments = tuple(
                Segment(requests.of(d, state), COLORS[d], self._list_of(d, state), names[d])
                for d in (Direction.INCOMING, Direction.OUTGOING)
            )
            if any(s.value for s in segments):
                bars.append(Bar(word(state, translate), segments))
        self.request_chart.set_bars(bars)
        g = snapshot.grants
        standing = (
            ("in_force", self.tr("In force beyond 30 days"), g.in_force - g.expiring),
            ("expiring", self.tr("Ending within 30 days"), g.expiring),
            ("expired", self.tr("Expired"), g.expired),
            ("revoked", self.tr("Revoked"), g.revoked),
        )
        self.grant_chart.set_bars([
            Bar(label, (Segment(value, COLORS[key], Reveal("authorized_data"), label),))
            for key, label, value in standing
        ])  # fmt: skip

    @staticmethod
    def _list_of(direction: Direction, state: ShareRequestState) -> Reveal:
        return Reveal(_REQUESTS, RevealKind.REQUESTS, direction=direction.value, state=state.value)

    def figures_of(self, card: str) -> list[str]:
        return [name for c, name, _target in FIGURES if c == card]

    # ------------------------------------------------------------------ the report
    def report(self) -> QTextDocument:
        """The monthly report as the page shows it now (ui/overview/report.py)."""
        from govshare_desktop.ui.overview.report import report_document  # noqa: PLC0415

        return report_document(self, datetime.now().astimezone())

    def preview_report(self) -> PrintPreview:
        """The report's print preview, with 导出 PDF (non-modal)."""
        preview = PrintPreview(self.report(), self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()
        return preview

    # ------------------------------------------------------------------ opening
    def open_todo(self, item: QListWidgetItem) -> None:
        todo = item.data(TODO_ROLE)
        if isinstance(todo, Todo):
            self.reveal_requested.emit(target_of(todo))

    def open_figure(self, name: str) -> None:
        self.figure_buttons[name].click()


def _local_time(moment: datetime) -> str:
    """A stored naive-UTC time in the PC's own time and locale, as the status bar says it."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def _section_title() -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


def _emitter(emit: Callable[[Reveal], None], target: Reveal) -> Callable[[], None]:
    return lambda: emit(target)
