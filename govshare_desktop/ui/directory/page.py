"""共享目录: the filed catalogs of the other units, browsed and searched offline.

The sync keeps the directory on this PC (services/directory); the page only reads it, so
it works the same with or without a connection. Its search box behaves as the catalog's:
results follow the typing after a short pause, grouped by unit while the box is empty and
ranked best first while it is not. An entry of the unit's superior can be derived into
the unit's own catalog (Art. 11 §3); entries of other units are for reading (and, later,
for choosing what a share request asks for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet, EntityKind
from govshare_desktop.domain.directory import DirectoryEntry, DirectorySummary
from govshare_desktop.domain.entities import Resource
from govshare_desktop.ui.directory.detail import EntryDetail
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure, wording
from govshare_desktop.ui.pages.base import Page

if TYPE_CHECKING:
    from govshare_desktop.domain.profile import CatalogProfile
    from govshare_desktop.services.catalog.derivation import DerivationService
    from govshare_desktop.services.catalog.resources import CatalogService
    from govshare_desktop.services.directory.service import DirectoryService
    from govshare_desktop.tasks.runner import Runner
    from govshare_desktop.ui.shell_context import ShellContext

SEARCH_PAUSE_MS = 250  # as the catalog's search box
ENTRY_ROLE = Qt.ItemDataRole.UserRole


class DirectoryPage(Page):
    key = "directory"
    loaded = Signal()  # the list shows the latest read
    shown = Signal()  # the detail pane shows the selected entry
    derived = Signal(list)  # the resources a derivation created

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:directory")
        self._directory: DirectoryService | None = None
        self._derivation: DerivationService | None = None
        self._catalog: CatalogService | None = None
        self._runner: Runner | None = None
        self._profile: CatalogProfile | None = None
        self._unit_code = ""
        self._seen = 0  # change sets seen: a read begun before the last one is stale
        self.summaries: list[DirectorySummary] = []
        self._build_list()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_area)
        self.splitter.addWidget(self._build_right())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 500])
        self.body.addWidget(self.splitter, 1)
        self.notice.hide()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._pause.start())
        self.tree.currentItemChanged.connect(lambda _now, _before: self._on_current())
        self.derive_button.clicked.connect(lambda _checked=False: self.derive_selected())
        self.search.setEnabled(False)  # until the store has loaded
        self.retranslate()

    def _build_list(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("directorySearch")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("directoryCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.body.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setObjectName("directoryTree")
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = EmptyState("directoryEmpty")
        self.list_area = EmptyOr(self.tree, self.empty)

    def _build_right(self) -> QWidget:
        self.detail = EntryDetail()
        self.derive_button = QPushButton()
        self.derive_button.setObjectName("directoryDerive")
        self.derive_button.setEnabled(False)
        self.derive_hint = QLabel()
        self.derive_hint.setWordWrap(True)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        actions.addWidget(self.derive_button)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addWidget(self.derive_hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        column.addWidget(scroll, 1)
        return right

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Shared directory"))
        self.intro.setText(
            self.tr(
                "The catalogs other units have filed, kept on this PC by every sync so you can "
                "browse and search them offline. Derive your own entries from your superior "
                "unit's catalog here (Art. 11 §3)."
            )
        )
        self.search.setPlaceholderText(self.tr("Search names, abstracts and data items…"))
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Code"), self.tr("Unit"), self.tr("Share type")]
        )
        self.derive_button.setText(self.tr("&Derive into my catalog"))
        self._say_empty()
        self._show_count()
        self._update_derive()
        if self.summaries:
            self._fill(self.summaries)

    def _say_empty(self) -> None:
        query = self.search.text().strip()
        if query:
            self.empty.say(
                self.tr("Nothing matches “%1”").replace("%1", query),
                self.tr("Try fewer or other words; the search looks in names, abstracts and "
                        "data items."),
            )  # fmt: skip
        else:
            self.empty.say(
                self.tr("The shared directory is empty"),
                self.tr(
                    "Sign in to the platform (File → Sign in…). The catalogs the other units "
                    "have filed arrive with the next sync and stay on this PC, to browse and "
                    "search offline."
                ),
            )

    def _show_count(self) -> None:
        count = len(self.summaries)
        if self.search.text().strip():
            self.count_label.setText(self.tr("%n match(es)", "", count))
        else:
            self.count_label.setText(self.tr("%n entry(ies)", "", count))

    # ------------------------------------------------------------------ wiring
    def attach(self, shell: ShellContext) -> None:
        services = shell.services
        self._directory, self._derivation = services.directory, services.derivation
        self._catalog = services.catalog
        self._runner = shell.runner
        self._profile = services.catalog.profile
        self._unit_code = services.catalog.unit_code
        self.detail.set_profile(self._profile)
        self.search.setEnabled(True)
        shell.changes.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(EntityKind.IDENTITY) and self._catalog is not None:
            self._unit_code = self._catalog.unit_code  # a sign-in named the unit
            self._update_derive()
        if changes.touches(EntityKind.DIRECTORY_ENTRY):
            self._seen += 1
            self.reload()

    # ------------------------------------------------------------------ the list
    def reload(self) -> None:
        if self._directory is None or self._runner is None:
            return
        directory, query, seen = self._directory, self.search.text(), self._seen
        self._runner.run_read(
            lambda _p: directory.search(query) if query.strip() else directory.list_entries(),
            lambda found: self._show(found, query, seen),
            label="directory",
        )

    def _show(self, summaries: list[DirectorySummary], query: str, seen: int) -> None:
        if seen != self._seen or query != self.search.text():
            return  # read before a later change or keystroke: that one's own read follows
        self.summaries = summaries
        selected = self.selected_id()
        self._fill(summaries)
        self.list_area.show_view(bool(summaries))
        self._say_empty()
        self._show_count()
        if selected is not None:
            self.select(selected)
        if self.selected_id() is None:
            self._on_current()
        self.loaded.emit()

    def _fill(self, summaries: list[DirectorySummary]) -> None:
        words = wording(self._profile) if self._profile is not None else None
        self.tree.blockSignals(True)
        self.tree.clear()
        grouped = not self.search.text().strip()
        units: dict[str, QTreeWidgetItem] = {}
        ordered = (
            sorted(summaries, key=lambda s: (not s.superior, s.unit_code)) if grouped else summaries
        )
        for summary in ordered:
            share = words.value("share_type", summary.share_type) if words else summary.share_type
            unit = summary.unit_name or summary.unit_code
            row = QTreeWidgetItem([summary.name, summary.code, unit, share])
            row.setData(0, ENTRY_ROLE, summary.id)
            if not grouped:
                self.tree.addTopLevelItem(row)
                continue
            parent = units.get(summary.unit_code)
            if parent is None:
                label = unit
                if summary.superior:
                    label = self.tr("%1 (your superior unit)").replace("%1", unit)
                parent = units[summary.unit_code] = QTreeWidgetItem([label])
                self.tree.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)  # the unit's name over the whole row
            parent.addChild(row)
        for parent in units.values():
            parent.setText(0, f"{parent.text(0)} ({parent.childCount()})")
        self.tree.expandAll()
        self.tree.setColumnHidden(2, grouped)
        self.tree.blockSignals(False)

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, ENTRY_ROLE) if item is not None else None
        return str(value) if value else None

    def select(self, entry_id: str) -> bool:
        """Make the entry current (as a click would); False when it is not listed."""
        for item in self._rows():
            if item.data(0, ENTRY_ROLE) == entry_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _rows(self) -> list[QTreeWidgetItem]:
        rows: list[QTreeWidgetItem] = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is None:
                continue
            rows.append(top)
            rows.extend(c for i in range(top.childCount()) if (c := top.child(i)) is not None)
        return rows

    # ------------------------------------------------------------------ the entry
    def _on_current(self) -> None:
        entry_id, directory = self.selected_id(), self._directory
        if entry_id is None or directory is None or self._runner is None:
            self._display(None)
            return
        self._runner.run_read(
            lambda _p: directory.get(entry_id), self._display, label="directory-entry"
        )

    def _display(self, entry: DirectoryEntry | None) -> None:
        if entry is not None and entry.id != self.selected_id():
            return  # another row was chosen meanwhile
        self.detail.show_entry(entry)
        self._update_derive()
        self.shown.emit()

    def _update_derive(self) -> None:
        entry = self.detail.entry
        can = entry is not None and entry.superior and bool(self._unit_code)
        self.derive_button.setEnabled(can)
        if entry is None:
            hint = ""
        elif not entry.superior:
            hint = self.tr("Only your superior unit's entries are derived from (Art. 11 §3).")
        elif not self._unit_code:
            hint = self.tr("Sign in first: the new entry goes into your unit's catalog.")
        else:
            hint = self.tr("A new entry of your catalog, linked to this one.")
        self.derive_hint.setText(hint)

    def derive_selected(self) -> None:
        entry, derivation, runner = self.detail.entry, self._derivation, self._runner
        if entry is None or derivation is None or runner is None or not self._unit_code:
            return
        unit = self._unit_code
        runner.run_write(
            lambda _p: derivation.derive_from_directory([entry.id], unit),
            self._after_derive,
            self._derive_failed,
            label="directory-derive",
        )

    def _after_derive(self, created: list[Resource]) -> None:
        names = "、".join(f"{r.name}（{r.code}）" for r in created)
        self.notice.setText(
            self.tr("Derived into your catalog: %1. Complete it on the Catalog page.").replace(
                "%1", names
            )
        )
        self.notice.show()
        self.derived.emit(created)

    def _derive_failed(self, error: BaseException) -> None:
        self.notice.setText(describe_failure(error))
        self.notice.show()
