"""目录编制: the catalog editor — tree, search, resource form, undoable edits saved at once.

The page opens empty (the window may be shown before the store has loaded) and builds its
editor in `attach`. Every edit is a command on the undo stack; applying one is a write on
the writer thread that reads, changes and saves the resource in one transaction, so an
undo is saved exactly like an edit and a crash loses at most the field being typed.

What the page shows follows the change bus, whoever wrote: the officer, an import, a
filing, a pull from the platform. A resource the platform changed cannot be taken back by
an older undo step: such steps are dropped, with a note in the status bar.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.entities import Classification, DataItem, Resource, ResourceSummary
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.domain.validation import Finding, validate_catalog, validate_resource
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.catalog.class_naming import ClassNaming
from govshare_desktop.ui.catalog.commands import (
    CreateResourceCommand,
    DeleteResourceCommand,
    ResourceCommand,
    SetFieldCommand,
)
from govshare_desktop.ui.catalog.derive_dialog import DeriveDialog
from govshare_desktop.ui.catalog.filing_dialog import FilingDialog
from govshare_desktop.ui.catalog.import_dialog import ImportDialog
from govshare_desktop.ui.catalog.import_undo import ImportUndo
from govshare_desktop.ui.catalog.items_editor import DataItemsEditor
from govshare_desktop.ui.catalog.items_model import DataItemsModel
from govshare_desktop.ui.catalog.one_source_dialog import OneSourceDialog
from govshare_desktop.ui.catalog.problems_model import Problem
from govshare_desktop.ui.catalog.problems_panel import ProblemsPanel
from govshare_desktop.ui.catalog.resource_form import ResourceForm, english
from govshare_desktop.ui.catalog.toolbar import CatalogToolbar
from govshare_desktop.ui.catalog.tree_model import ID_ROLE, CatalogTreeModel
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import finding_text
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.derivation import DerivationService
    from govshare_desktop.services.catalog.filing import FilingService
    from govshare_desktop.services.catalog.resources import CatalogService
    from govshare_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

SEARCH_PAUSE_MS = 250
DEFAULT_CLASSIFICATION = Classification("3", "01", "001")
BULK = 200  # more resources changed at once than this: re-read the whole tree instead
EXPAND_WHOLE = 500  # up to this many resources the tree opens fully expanded


CheckResult = tuple[list[tuple[str, str, str, Finding]], dict[str, str]]


class CatalogPage(Page):
    key = "catalog"
    loaded = Signal()  # the tree shows the store's current catalog
    saved = Signal(str)  # a resource id whose edit (by this page) reached the DB and is shown
    shown = Signal(str)  # a resource id now shown in the form
    undo_dropped = Signal(str)  # the text of an undo step dropped: the platform changed it
    deleted = Signal(str)  # a sentence naming the resource the officer just deleted
    previewed = Signal(str)  # a resource id shown read-only before the store was attached

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:catalog")
        self.undo_stack = QUndoStack(self)
        self.import_undo = ImportUndo(self, self.undo_stack, self.drop_undo_step)
        self._catalog: CatalogService | None = None
        self._filing: FilingService | None = None
        self.filing_dialog: FilingDialog | None = None
        self.one_source_dialog: OneSourceDialog | None = None
        self.derive_dialog: DeriveDialog | None = None
        self._derivation: DerivationService | None = None
        self._runner: Runner | None = None
        self._unit_code = ""
        self._selected: str | None = None
        self.model: CatalogTreeModel | None = None
        self.form: ResourceForm | None = None
        self._build_toolbar()
        self._build_left()
        self._focus_field: str | None = None
        self._check_due = True  # a whole-catalog check, once the first resource and tree are up
        self._seen = 0  # change sets seen: a read begun before the last one is stale
        self._loaded: list[ResourceSummary] = []
        self._filing_states: dict[str, str] = {}
        self.opened = False  # the first resource (if any) and then the tree have been shown
        self.splitter = QSplitter()
        self.splitter.addWidget(self.left)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.form_area)
        self.items_editor: DataItemsEditor | None = None
        self.splitter.addWidget(self._build_empty_state())
        # a wider window widens the tree and the form alike (2 : 3), never the search box
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 484])
        self.body.addWidget(self.splitter, 1)
        self._connect()
        for widget in self.toolbar.tools():
            widget.setEnabled(False)
        self.retranslate()

    def _connect(self) -> None:
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_pause.start())
        self.share_filter.activated.connect(lambda _i: self.reload())
        self.grouping.activated.connect(lambda _i: self.reload())
        self.state_filter.activated.connect(lambda _i: self._refilter())
        self.provider_filter.activated.connect(lambda _i: self._refilter())
        self.new_action.triggered.connect(self.new_resource)
        self.delete_action.triggered.connect(self.delete_selected)
        self.filing_action.triggered.connect(self.open_filing)
        self.one_source_action.triggered.connect(self.open_one_source)
        self.derive_action.triggered.connect(self.open_derive)
        self.reviewed_action.triggered.connect(self.mark_source_reviewed)

    def _build_left(self) -> None:
        """The tree with its count over the problems list."""
        self.tree = QTreeView()
        self.tree.setObjectName("catalogTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(self.tree.fontMetrics().horizontalAdvance("M") + 6)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        self.naming: ClassNaming | None = None
        self.left = QSplitter(Qt.Orientation.Vertical)
        tree_box = QWidget()
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.tree)
        tree_layout.addWidget(self.count_label)
        self.left.addWidget(tree_box)
        self.left.addWidget(self._build_problems())
        self.left.setSizes([480, 200])

    def _build_problems(self) -> QWidget:
        self.problems_panel = ProblemsPanel()
        self.problems_panel.held = lambda rid, f: (
            self.form is not None and self.form.is_held(rid, f)
        )
        self.problems_panel.field_label = lambda key: (
            self.form.field_label(key) if self.form else key
        )
        self.problems_panel.chosen.connect(self._go_to_problem)
        self.problems = self.problems_panel.model
        self.problems_view = self.problems_panel.view
        self.problems_label = self.problems_panel.label
        return self.problems_panel

    def _build_empty_state(self) -> EmptyOr:
        """An empty catalog says how to fill it, where the form would be."""
        empty = self.empty_catalog = EmptyState("emptyCatalog")
        self.empty_new = empty.add_button("emptyNew", self.new_resource)
        self.empty_import = empty.add_button("emptyImport", self.open_import)
        self.empty_template = empty.add_button("emptyTemplate", self.excel.export_template)
        self.right_pane = EmptyOr(self.right, empty)
        self.right_pane.show_view(True)  # until the store says the catalog is empty
        return self.right_pane

    def _size_tree_columns(self) -> None:
        """The name takes the width; code and share type are as wide as their longest text,
        measured once from the font (asking ten thousand rows for their size is slow)."""
        if self._catalog is None:
            return
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree.fontMetrics()
        options = self._catalog.profile.enumerations.get("share_type", ())
        shares = [self.tr("Share type"), *(o.label for o in options)]
        shares += [o.label_en for o in options]
        pad = metrics.horizontalAdvance("M") * 2
        for column, texts in ((1, [self.tr("Code"), "301001/000001"]), (2, shares)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width = max(metrics.horizontalAdvance(t) for t in [*texts, "M" * 4]) + pad
            header.resizeSection(column, width)

    def _build_toolbar(self) -> None:
        """The actions over the whole width, then the search and filters (toolbar.py); the
        page keeps its own names for them."""
        bar = self.toolbar = CatalogToolbar(self)
        self.body.addWidget(bar.actions_bar)
        self.body.addLayout(bar.filters)
        self.actions_bar, self.search, self.excel = bar.actions_bar, bar.search, bar.excel
        self.share_filter, self.state_filter = bar.share_filter, bar.state_filter
        self.provider_filter, self.grouping = bar.provider_filter, bar.grouping
        self.new_action, self.delete_action = bar.new_action, bar.delete_action
        self.filing_action, self.one_source_action = bar.filing_action, bar.one_source_action
        self.derive_action, self.reviewed_action = bar.derive_action, bar.reviewed_action
        self.excel_menu, self.excel_button = bar.excel_menu, bar.excel_button
        self.new_button = bar.button(bar.new_action)
        self.delete_button = bar.button(bar.delete_action)
        self.filing_button = bar.button(bar.filing_action)
        self.one_source_button = bar.button(bar.one_source_action)

    # ------------------------------------------------------------------ wiring
    def attach(self, shell: ShellContext) -> None:
        """The store is ready: build the editor over its profile and load the catalog."""
        services = shell.services
        catalog = self._catalog = services.catalog
        filing = self._filing = services.filing
        derivation = self._derivation = services.derivation
        self._runner = shell.runner
        self._unit_code = catalog.unit_code
        self._open_first()  # read while the editor is built below; the tree comes after
        self.excel.attach(
            catalog, shell.runner, self._unit_code, services.catalog_import, services.data_files
        )
        self.import_undo.attach(services.catalog_import, shell.runner)
        self.excel.imported.connect(self.import_undo.push)  # an import is one undo step
        self.excel.undo_requested.connect(self.import_undo.undo_now)
        shell.changes.changed.connect(self._on_changes)
        self.model = CatalogTreeModel(catalog.profile, english())
        self.tree.setModel(self.model)
        self.naming = ClassNaming(
            services.class_names, shell.runner, unit_code=self._unit_code,
            profile=catalog.profile, undo_stack=self.undo_stack, parent=self,
        )  # fmt: skip
        self.naming.names_changed.connect(self._show_class_names)
        self._size_tree_columns()
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        form, items = self._build_editor(catalog.profile)
        form.setEnabled(True)  # closed while it only showed a preview
        items.set_enabled(form.resource is not None)
        self.toolbar.set_share_types(catalog.profile.enumerations.get("share_type", ()))
        for widget in self.toolbar.tools():
            widget.setEnabled(
                (widget is not self.filing_action or filing is not None)
                and (widget is not self.derive_action or derivation is not None)
            )
        self.retranslate()
        self.naming.load()

    def _build_editor(self, profile: CatalogProfile) -> tuple[ResourceForm, DataItemsEditor]:
        """The form and the data items table, built once (for a preview, or at attach)."""
        if self.form is None or self.items_editor is None:
            self.form = ResourceForm(profile)
            self.form.edited.connect(self._on_edited)
            self.form.revealed.connect(lambda rid: self._refresh_resources([rid]))
            self.form_area.setWidget(self.form)
            self.items_editor = DataItemsEditor(profile)
            self.items_editor.model.items_changed.connect(self._on_items_changed)
            self.items_editor.set_enabled(False)
            self.right.addWidget(self.items_editor)
            self.right.setSizes([420, 260])
        return self.form, self.items_editor

    def preview(self, profile: CatalogProfile, resource: Resource | None) -> None:
        """Before the store is attached: show the first resource (read by app/gui.py with
        the standard library), closed for typing — an edit now could not be saved. The
        editor re-reads and opens it once attached."""
        if self._catalog is not None or resource is None:
            return  # attached already: the editor's own read shows it
        form, items = self._build_editor(profile)
        form.show_resource(resource, validate_resource(resource, profile))
        form.setEnabled(False)
        items.model.set_items(resource.data_items, {})
        log.info("resource previewed")
        self.previewed.emit(resource.id)

    def _open_first(self) -> None:
        """Open on the catalog's first resource, read alone: ten thousand summaries and
        their tree are read and built after it is shown, not before."""
        if self._catalog is None or self._runner is None:
            return
        catalog, unit = self._catalog, self._unit_code or None
        self._runner.run_read(lambda _p: catalog.first(unit), self._show_first, label="first")

    def _show_first(self, resource: Resource | None) -> None:
        if resource is not None and self._selected is None:  # unless the officer chose
            self._selected = resource.id
            self._display(resource)
        self.reload()

    def _tree_menu(self, position: QPoint) -> None:
        if self.naming is not None and self.model is not None:
            self.naming.offer_menu(self.tree, self.model, position)

    def _show_class_names(self, names: dict[str, str]) -> None:
        if self.model is not None:
            self.model.set_class_names(names)
        if self.form is not None:
            self.form.set_class_names(names)

    def _show_heading(self) -> None:
        """The page names whose catalog it is, once a sign-in gave the data directory a unit."""
        unit = self._catalog.unit_name if self._catalog is not None else ""
        if unit:
            self.heading.setText(self.tr("Catalog — {unit}").format(unit=unit))
        else:
            self.heading.setText(self.tr("Catalog"))

    def retranslate(self) -> None:
        self._show_heading()
        self.intro.setText(
            self.tr(
                "Compile and maintain your unit's information resource catalog. Every change "
                "is saved on this PC as you make it; Ctrl+Z undoes it."
            )
        )
        self.notice.hide()
        self.toolbar.retranslate()
        self.empty_catalog.say(
            self.tr("The catalog has no resources yet"),
            self.tr(
                "Create resources one by one, or import a catalog workbook filled in Excel or "
                "WPS. No workbook yet? Export the blank template, fill it in and import it."
            ),
        )
        self.empty_new.setText(self.tr("New resource"))
        self.empty_import.setText(self.tr("Import a catalog workbook…"))
        self.empty_template.setText(self.tr("Export the blank template…"))
        count = self.model.resource_count() if self.model else 0
        self.count_label.setText(self.tr("%n resource(s)", "", count))
        if self.model is not None:
            self.model.headers = (self.tr("Name"), self.tr("Code"), self.tr("Share type"))
            self.model.set_english(english())
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def source_changed(self, resource_id: str) -> bool:
        """Whether the superior entry `resource_id` was derived from changed (last check)."""
        return f"{resource_id}:source" in self._filing_states

    def mark_source_reviewed(self) -> None:
        resource = self.form.resource if self.form else None
        derivation = self._derivation
        if resource is None or derivation is None:
            return
        self._filing_states.pop(resource.id + ":source", None)
        self._write(lambda _p: derivation.mark_reviewed(resource.id))

    def open_import(self, path: Path | None = None) -> ImportDialog | None:
        """导入目录工作簿 (toolbar, Ctrl+I, or a workbook dropped on the window)."""
        if self.form is not None:
            self.form.commit_pending()  # an edit being typed is saved before the import
        return self.excel.open_import(path)

    def open_derive(self) -> DeriveDialog | None:
        if self._derivation is None or self._runner is None:
            return None
        dialog = DeriveDialog(self._derivation, self._runner, self._unit_code, self)
        self.derive_dialog = dialog
        dialog.open()
        return dialog

    def open_one_source(self) -> OneSourceDialog | None:
        if self._catalog is None or self._runner is None:
            return None
        if self.form is not None:
            self.form.commit_pending()
        dialog = OneSourceDialog(self._catalog, self._runner, self)
        dialog.resource_chosen.connect(self.open_at_one_source_note)
        self.one_source_dialog = dialog
        dialog.open()
        return dialog

    def open_at_one_source_note(self, resource_id: str) -> None:
        """Show `resource_id` with the cursor in its 一数一源 note (from the overlap list)."""
        self._focus_field = "one_source_note"
        if resource_id == self._selected and self.form and self.form.resource:
            self._focus_pending()
        else:
            self._selected = resource_id
            self.select(resource_id)

    def open_filing(self) -> FilingDialog | None:
        """The 备案 dialog; edits made meanwhile are saved first (the writer runs in order)."""
        if self._filing is None or self._catalog is None or self._runner is None:
            return None
        if self.form is not None:
            self.form.commit_pending()
            self.form.reveal_all()  # filing checks the whole catalog: every finding counts
        dialog = FilingDialog(
            self._filing, self._catalog.profile, self._runner, self._unit_code, self
        )
        self.filing_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        if self._catalog is None or self._runner is None:
            return
        catalog, query = self._catalog, self.search.text()
        filters = SearchFilters(
            unit_code=self._unit_code or None, share_type=self.share_filter.currentData() or None
        )
        self._runner.run_read(
            lambda _p: catalog.browse(query, filters), self._show_summaries, label="catalog"
        )

    def check_catalog(self) -> None:
        """Validate the whole catalog for the problems list, after the tree is up: it loads
        every resource with its data items, which must not delay the first one shown."""
        if self._catalog is None or self._runner is None:
            return
        catalog, filing, derivation = self._catalog, self._filing, self._derivation
        unit = self._unit_code or None

        def check(_progress: object) -> CheckResult:
            resources = catalog.list_resources(unit)
            found = validate_catalog(resources, catalog.profile)
            rows = [(r.id, r.code, r.name, f) for r in resources for f in found[r.id]]
            states = filing.resource_states(unit or "") if filing is not None else {}
            if derivation is not None:
                for rid, source in derivation.source_states(unit or "").items():
                    if source.value != "current":
                        states[rid + ":source"] = "source_changed"
            return rows, states

        seen = self._seen
        self._runner.run_read(
            check, lambda result: self._show_problems(result, seen), label="problems"
        )

    def _show_problems(self, result: CheckResult, seen: int) -> None:
        if seen != self._seen:
            # the catalog changed while the check read it: its rows would undo what the
            # page has listed since for the changed resources, so check again instead
            self.check_catalog()
            return
        rows, self._filing_states = result
        self.problems_panel.set_rows(rows)
        if self.state_filter.currentData():
            self._refilter()

    def _refilter(self) -> None:
        """Apply the state filter to the summaries already loaded; no new read needed."""
        if self.model is None:
            return
        wanted = self.state_filter.currentData()
        summaries = self._loaded
        provider = self.provider_filter.currentData()
        if provider:
            summaries = [s for s in summaries if (s.provider_name or s.unit_code) == provider]
        if wanted == "errors":
            errors = self.problems.resource_ids_with_errors()
            summaries = [s for s in summaries if s.id in errors]
        elif wanted == "source_changed":
            summaries = [s for s in summaries if f"{s.id}:source" in self._filing_states]
        elif wanted:
            summaries = [s for s in summaries if self._filing_states.get(s.id) == wanted]
        grouped = not self.search.text().strip()
        by_provider = self.grouping.currentIndex() == 1
        self.model.set_summaries(summaries, grouped=grouped, by_provider=by_provider)
        # a small catalog opens whole; a large one down to its 目 (selecting opens the way)
        whole = len(summaries) <= EXPAND_WHOLE
        self.tree.expandToDepth(0 if by_provider or not grouped else 2 if whole else 1)
        self.retranslate()
        if self._selected:
            self.select(self._selected)

    def _go_to_problem(self, problem: Problem) -> None:
        if self.form is not None:  # the officer looks for the problems: say them all
            self.form.reveal(problem.resource_id)
        self._focus_field = None if problem.finding.item is not None else problem.finding.field
        if problem.resource_id == self._selected and self.form and self.form.resource:
            self._focus_pending()
        else:
            self._selected = problem.resource_id
            self.select(problem.resource_id)

    def _focus_pending(self) -> None:
        field = self._focus_field
        self._focus_field = None
        if field == "classification":
            field = "class_category"
        if self.form is not None and field in self.form.editors:
            self.window().activateWindow()  # coming back from a dialog that just closed
            self.form.editors[field].setFocus()
            self.form_area.ensureWidgetVisible(self.form.editors[field])

    def _show_summaries(self, summaries: list[ResourceSummary]) -> None:
        if self.model is None:
            return
        self._loaded = summaries
        filtered = bool(self.search.text().strip() or self.share_filter.currentData())
        self.right_pane.show_view(bool(summaries) or filtered)
        self._list_providers(summaries)
        self._refilter()
        log.info("catalog page loaded (%d resources)", len(summaries))
        self.opened = True
        self.loaded.emit()
        if self._check_due:  # after the first resource and the tree: it reads everything
            self._check_due = False
            QTimer.singleShot(0, self.check_catalog)

    def _list_providers(self, summaries: list[ResourceSummary]) -> None:
        """The provider filter offers the providers of what was loaded, keeping the choice."""
        chosen = self.provider_filter.currentData()
        providers = sorted({s.provider_name or s.unit_code for s in summaries} - {""})
        if chosen and chosen not in providers:
            providers.append(chosen)
        while self.provider_filter.count() > 1:
            self.provider_filter.removeItem(1)
        for name in providers:
            self.provider_filter.addItem(name, name)
        self.provider_filter.setCurrentIndex(max(0, self.provider_filter.findData(chosen or "")))

    def refresh_all(self) -> None:
        """Re-read the tree and re-check the whole catalog."""
        self._check_due = True
        self.reload()

    def select_first(self) -> None:
        """Open the first resource of the tree (start-up checks and keyboard users)."""
        if self.model is not None and (first := self.model.first_resource_id()):
            self.select(first)

    def select(self, resource_id: str) -> None:
        if self.model is None:
            return
        index = self.model.index_of_id(resource_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def reveal(self, what: Reveal) -> bool:
        """A resource selected (a notice's subject opens it this way)."""
        if what.kind is not RevealKind.RESOURCE or self.model is None:
            return False
        if not self.model.index_of_id(what.subject).isValid():
            return False
        self.select(what.subject)
        return True

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        resource_id = indexes[0].data(ID_ROLE) if indexes else None
        if not resource_id or self._catalog is None or self._runner is None:
            return
        self._selected = resource_id
        if self.form is not None and self.form.resource and self.form.resource.id == resource_id:
            self.shown.emit(resource_id)  # already shown (opened first, or re-selected after
            return  # a reload) and kept fresh by the bus: no need to read it again
        catalog = self._catalog
        self._runner.run_read(
            lambda _p: catalog.get(resource_id), self._show_resource, label="open"
        )

    def _show_resource(self, resource: Resource | None) -> None:
        if self.form is None or self._catalog is None:
            return
        if resource is None or resource.id != self._selected:
            return  # the officer has moved on
        self._display(resource)

    def _display(self, resource: Resource | None) -> None:
        """Show `resource` (or nothing) in the form and the data items table, with findings."""
        if self.form is None or self._catalog is None:
            return
        findings = self._catalog.validate(resource) if resource else []
        self.form.show_resource(resource, findings)
        self.excel.set_resource(resource)
        self.reviewed_action.setEnabled(
            resource is not None and f"{resource.id}:source" in self._filing_states
        )
        if resource is not None:
            log.info("resource shown")
            self.shown.emit(resource.id)
        if resource is not None and self._focus_field is not None:
            self._focus_pending()
        if self.items_editor is not None:
            self.items_editor.set_enabled(resource is not None)
            by_item = DataItemsModel.findings_by_item(findings, finding_text)
            self.items_editor.model.set_items(resource.data_items if resource else (), by_item)

    # ------------------------------------------------------------------ edits (undoable)
    def _on_edited(self, field: str, old: Any, new: Any) -> None:
        resource = self.form.resource if self.form else None
        if resource is None:
            return
        text = self.tr("Edit {field} of {code}").format(
            field=self.form.field_label(field) if self.form else field, code=resource.code
        )
        self.undo_stack.push(SetFieldCommand(self, resource.id, field, old=old, new=new, text=text))

    def _on_items_changed(self, items: tuple[DataItem, ...]) -> None:
        resource = self.form.resource if self.form else None
        if resource is None:
            return
        text = self.tr("Edit the data items of {code}").format(code=resource.code)
        old = self.items_editor.model.items if self.items_editor else resource.data_items
        self.undo_stack.push(
            SetFieldCommand(self, resource.id, "data_items", old=old, new=items, text=text)
        )

    def new_resource(self) -> None:
        if self._catalog is None:
            return
        cls = DEFAULT_CLASSIFICATION
        current = self.form.resource if self.form else None
        if current is not None:
            cls = replace(current.classification, detail=current.classification.detail)
        # the unit as provider (name, credit code) once an officer has signed in
        template = self._catalog.new_resource(self.tr("New information resource"), cls)
        if not template.unit_code and current is not None:
            template = replace(template, unit_code=current.unit_code)
        self._selected = template.id
        if self.form is not None:  # nothing typed yet: its empty fields are no mistakes yet
            self.form.hold_until_left(template.id)
        self.undo_stack.push(CreateResourceCommand(self, template, self.tr("New resource")))

    def delete_selected(self) -> None:
        if self.form is None or self.form.resource is None:
            return
        resource = self.form.resource
        text = self.tr("Delete {code}").format(code=resource.code)
        self.undo_stack.push(DeleteResourceCommand(self, resource.id, text))
        self.deleted.emit(
            self.tr("Deleted “{name}” ({code}).").format(name=resource.name, code=resource.code)
        )

    # ------------------------------------------------------------------ applying (Editor)
    def _write(self, op: Any) -> None:
        """Store an edit on the writer thread. The stored resource comes back to the form at
        once; the change bus tells the tree and the problems list what changed."""
        if self._runner is not None:
            self._runner.run_write(op, self._after_write, label="catalog-edit")

    def _after_write(self, result: object) -> None:
        if isinstance(result, Resource):
            if result.id == self._selected:
                self._display(result)
            self.saved.emit(result.id)

    def apply_changes(self, resource_id: str, changes: dict[str, Any]) -> None:
        catalog = self._catalog
        if catalog is not None:
            self._write(lambda _p: catalog.edit(resource_id, changes))

    def create_resource(self, template: Resource) -> None:
        catalog = self._catalog
        if catalog is None:
            return

        def create(_progress: object) -> Resource:
            code = catalog.next_code(template.unit_code, template.classification)
            return catalog.save(replace(template, code=code))

        self._write(create)

    def delete_resource(self, resource_id: str) -> None:
        catalog = self._catalog
        if catalog is not None:
            if self._selected == resource_id:
                self._selected = None
                self._display(None)
            self._write(lambda _p: catalog.delete(resource_id))

    def restore_resource(self, resource_id: str) -> None:
        catalog = self._catalog
        if catalog is not None:
            self._selected = resource_id
            self._write(lambda _p: catalog.restore(resource_id))

    def drop_undo_step(self, command: ResourceCommand) -> None:
        """An undo or redo step whose resource the platform changed since: not applied."""
        self.undo_dropped.emit(command.text())

    # ------------------------------------------------------------------ the change bus
    def _on_changes(self, changes: ChangeSet) -> None:
        """Whoever wrote, the page catches up: the tree, the form, the problems list."""
        resources = EntityKind.RESOURCE
        if changes.touches(EntityKind.CLASS_NAME) and self.naming is not None:
            self.naming.load()
        if changes.touches(EntityKind.IDENTITY) and self._catalog is not None:
            unit = self._catalog.unit_code  # a sign-in gave this data directory its unit
            self._show_heading()
            if unit != self._unit_code:
                self._unit_code = unit
                self.excel.set_unit(unit)
                if self.naming is not None:
                    self.naming.set_unit(unit)
                self.refresh_all()
        if not (changes.touches(resources) or changes.touches(EntityKind.CATALOG_VERSION)):
            return
        self._seen += 1
        if remote := changes.ids(resources, origin=Origin.REMOTE):
            self._outdate_undo_steps(remote)
        came = changes.ids(resources, action=ChangeAction.CREATED)
        went = changes.ids(resources, action=ChangeAction.DELETED)
        updated = changes.ids(resources, action=ChangeAction.UPDATED)
        shown = frozenset({self._selected} if self._selected else ())
        if came or went or len(updated) > BULK or changes.touches(EntityKind.CATALOG_VERSION):
            # codes may now clash, filing states move: the tree and the whole check again
            self.refresh_all()
            updated &= shown
        if refresh := (updated | (came & shown)) - went:
            self._refresh_resources(sorted(refresh))

    def _outdate_undo_steps(self, resource_ids: frozenset[str]) -> None:
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, ResourceCommand) and command.touches(resource_ids):
                command.outdated = True

    def _refresh_resources(self, resource_ids: list[str]) -> None:
        """Re-read changed resources: their tree rows, their problems, the form if shown."""
        if self._catalog is None or self._runner is None:
            return
        catalog, seen = self._catalog, self._seen

        def read(_progress: object) -> tuple[list[ResourceSummary], list[Resource]]:
            found = [r for i in resource_ids if (r := catalog.get(i)) is not None]
            return catalog.summaries(resource_ids), found

        self._runner.run_read(
            read, lambda result: self._show_refreshed(result, seen), label="catalog-refresh"
        )

    def _show_refreshed(
        self, result: tuple[list[ResourceSummary], list[Resource]], seen: int
    ) -> None:
        if seen != self._seen:
            return  # read before a later change: that change's own refresh shows the newer state
        summaries, resources = result
        if self.model is not None:
            for summary in summaries:
                self.model.update_summary(summary)
        live = {s.id for s in summaries}
        for resource in resources:
            if resource.id not in live:
                continue  # deleted meanwhile: the reload that follows takes it away
            if resource.id == self._selected:
                self._display(resource)
            if self._catalog is not None:
                found = self._catalog.validate(resource)
                rows = [(resource.id, resource.code, resource.name, f) for f in found]
                self.problems_panel.replace_rows(resource.id, rows)
