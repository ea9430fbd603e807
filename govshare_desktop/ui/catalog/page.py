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

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.entities import Classification, DataItem, Resource, ResourceSummary
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.domain.validation import Finding, validate_catalog
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.catalog.commands import (
    CreateResourceCommand,
    DeleteResourceCommand,
    ResourceCommand,
    SetFieldCommand,
)
from govshare_desktop.ui.catalog.derive_dialog import DeriveDialog
from govshare_desktop.ui.catalog.excel_actions import ExcelActions
from govshare_desktop.ui.catalog.filing_dialog import FilingDialog
from govshare_desktop.ui.catalog.import_dialog import ImportDialog
from govshare_desktop.ui.catalog.items_editor import DataItemsEditor
from govshare_desktop.ui.catalog.items_model import DataItemsModel
from govshare_desktop.ui.catalog.one_source_dialog import OneSourceDialog
from govshare_desktop.ui.catalog.problems_model import Problem, ProblemsModel
from govshare_desktop.ui.catalog.resource_form import ResourceForm, english
from govshare_desktop.ui.catalog.tree_model import ID_ROLE, CatalogTreeModel
from govshare_desktop.ui.messages import finding_text
from govshare_desktop.ui.pages.base import Page

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.derivation import DerivationService
    from govshare_desktop.services.catalog.filing import FilingService
    from govshare_desktop.services.catalog.resources import CatalogService
    from govshare_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

SEARCH_PAUSE_MS = 250
STATE_FILTERS = ("", "errors", "new", "changed", "filed", "source_changed")
DEFAULT_CLASSIFICATION = Classification("3", "01", "001")
BULK = 200  # more resources changed at once than this: re-read the whole tree instead


CheckResult = tuple[list[tuple[str, str, str, Finding]], dict[str, str]]


class CatalogPage(Page):
    key = "catalog"
    loaded = Signal()  # the tree shows the store's current catalog
    saved = Signal(str)  # a resource id whose edit (by this page) reached the DB and is shown
    shown = Signal(str)  # a resource id now shown in the form
    undo_dropped = Signal(str)  # the text of an undo step dropped: the platform changed it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:catalog")
        self.undo_stack = QUndoStack(self)
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
        self.tree = QTreeView()
        self.tree.setObjectName("catalogTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._build_toolbar()
        problems_box = self._build_problems()
        self.left = QSplitter(Qt.Orientation.Vertical)
        tree_box = QWidget()
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.tree)
        tree_layout.addWidget(self.count_label)
        self.left.addWidget(tree_box)
        self.left.addWidget(problems_box)
        self.left.setSizes([480, 200])
        self._focus_field: str | None = None
        self._check_due = True  # a whole-catalog check, once the tree (or a resource) is up
        self._seen = 0  # change sets seen: a read begun before the last one is stale
        self._loaded: list[ResourceSummary] = []
        self._filing_states: dict[str, str] = {}
        self.splitter = QSplitter()
        self.splitter.addWidget(self.left)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.form_area)
        self.items_editor: DataItemsEditor | None = None
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 640])
        self.body.addWidget(self.splitter, 1)
        self._connect()
        for widget in self._tools():
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

    def _build_problems(self) -> QWidget:
        self.problems = ProblemsModel()
        self.problems_view = QTableView()
        self.problems_view.setObjectName("problemsTable")
        self.problems_view.setModel(self.problems)
        self.problems_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.problems_view.verticalHeader().hide()
        self.problems_view.activated.connect(self._go_to_problem)
        self.problems_view.clicked.connect(self._go_to_problem)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemsSummary")
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_label)
        problems_layout.addWidget(self.problems_view)
        return problems_box

    def _build_toolbar(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setClearButtonEnabled(True)
        # The tool bar beside it overflows into its » menu rather than squeeze the search away.
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M") * 14)
        self.share_filter = QComboBox()
        self.share_filter.setObjectName("shareFilter")
        self.share_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in STATE_FILTERS:
            self.state_filter.addItem("", key)
        self.provider_filter = QComboBox()
        self.provider_filter.setObjectName("providerFilter")
        self.provider_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.provider_filter.addItem("", "")
        self.grouping = QComboBox()
        self.grouping.setObjectName("grouping")
        self.grouping.addItems(["", ""])
        self.grouping.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Actions in a tool bar: when the window is narrow, the ones that do not fit move
        # into its overflow menu instead of forcing the window wider.
        self.actions_bar = QToolBar()
        self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self.actions_bar.addAction("")
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.delete_action = self.actions_bar.addAction("")
        self.actions_bar.addSeparator()
        self.filing_action = self.actions_bar.addAction("")
        self.one_source_action = self.actions_bar.addAction("")
        self.derive_action = self.actions_bar.addAction("")
        self.reviewed_action = self.actions_bar.addAction("")
        self.reviewed_action.setEnabled(False)  # only for an entry whose source changed
        self._add_excel_actions()
        self.new_button = self.actions_bar.widgetForAction(self.new_action)
        self.delete_button = self.actions_bar.widgetForAction(self.delete_action)
        self.filing_button = self.actions_bar.widgetForAction(self.filing_action)
        self.one_source_button = self.actions_bar.widgetForAction(self.one_source_action)
        for action, name in (
            (self.new_action, "newResource"), (self.delete_action, "deleteResource"),
            (self.filing_action, "openFiling"), (self.one_source_action, "openOneSource"),
        ):  # fmt: skip
            action.setObjectName(name)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        filters = QHBoxLayout()
        for combo in (self.share_filter, self.state_filter, self.provider_filter, self.grouping):
            filters.addWidget(combo)
        filters.addStretch(1)
        bar.addWidget(self.actions_bar)
        self.body.addLayout(bar)
        self.body.addLayout(filters)

    def _add_excel_actions(self) -> None:
        """Import (Ctrl+I), the export menu and the data-file check, after the editor's own."""
        self.actions_bar.addSeparator()
        self.excel = ExcelActions(self)
        self.actions_bar.addAction(self.excel.import_action)
        self.actions_bar.addWidget(self.excel.export_button)
        self.actions_bar.addAction(self.excel.data_file_action)

    # ------------------------------------------------------------------ wiring
    def attach(self, shell: ShellContext) -> None:
        """The store is ready: build the editor over its profile and load the catalog."""
        services = shell.services
        catalog = self._catalog = services.catalog
        filing = self._filing = services.filing
        derivation = self._derivation = services.derivation
        self._runner = shell.runner
        self._unit_code = catalog.unit_code
        self.excel.attach(
            catalog, shell.runner, self._unit_code, services.catalog_import, services.data_files
        )
        shell.changes.changed.connect(self._on_changes)
        self.model = CatalogTreeModel(catalog.profile, english())
        self.tree.setModel(self.model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.form = ResourceForm(catalog.profile)
        self.form.edited.connect(self._on_edited)
        self.form_area.setWidget(self.form)
        self.items_editor = DataItemsEditor(catalog.profile)
        self.items_editor.model.items_changed.connect(self._on_items_changed)
        self.items_editor.set_enabled(False)
        self.right.addWidget(self.items_editor)
        self.right.setSizes([420, 260])
        self.share_filter.clear()
        self.share_filter.addItem("", "")
        for option in catalog.profile.enumerations.get("share_type", ()):
            self.share_filter.addItem(option.label, option.code)
        for widget in self._tools():
            widget.setEnabled(
                (widget is not self.filing_action or filing is not None)
                and (widget is not self.derive_action or derivation is not None)
            )
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Catalog"))
        self.intro.setText(
            self.tr(
                "Compile and maintain your unit's information resource catalog. Every change "
                "is saved on this PC as you make it; Ctrl+Z undoes it."
            )
        )
        self.notice.hide()
        self.search.setPlaceholderText(self.tr("Search names, abstracts and data items…"))
        self.new_action.setText(self.tr("&New resource"))
        self.delete_action.setText(self.tr("&Delete"))
        self.filing_action.setText(self.tr("&Filing…"))
        self.one_source_action.setText(self.tr("One &source…"))
        self.derive_action.setText(self.tr("De&rive…"))
        self.derive_action.setToolTip(self.tr("Derive entries from the superior unit's catalog"))
        self.reviewed_action.setText(self.tr("Source &reviewed"))
        self.reviewed_action.setToolTip(
            self.tr("The superior entry this one was derived from changed; mark it as reviewed")
        )
        self.one_source_action.setToolTip(
            self.tr("一数一源: the same data offered by several providers")
        )
        self.excel.retranslate()
        words = {
            "": self.tr("All states"),
            "errors": self.tr("With errors"),
            "new": self.tr("Not yet filed"),
            "changed": self.tr("Changed since filing"),
            "filed": self.tr("As filed"),
            "source_changed": self.tr("Superior entry changed"),
        }
        for index, key in enumerate(STATE_FILTERS):
            self.state_filter.setItemText(index, words[key])
        self.grouping.setItemText(0, self.tr("By classification"))
        self.grouping.setItemText(1, self.tr("By provider"))
        self.provider_filter.setItemText(0, self.tr("All providers"))
        if self.share_filter.count():
            self.share_filter.setItemText(0, self.tr("All share types"))
        count = self.model.resource_count() if self.model else 0
        self.count_label.setText(self.tr("%n resource(s)", "", count))
        self.problems.headers = (
            self.tr("Severity"), self.tr("Resource"), self.tr("Field"), self.tr("Problem"),
        )  # fmt: skip
        self.problems.severity_words = {
            Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning"),
            Severity.INFO: self.tr("Note"),
        }  # fmt: skip
        self._update_problem_count()
        if self.model is not None:
            self.model.headers = (self.tr("Name"), self.tr("Code"), self.tr("Share type"))
            self.model.set_english(english())
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def _tools(self) -> tuple[QWidget | QAction, ...]:
        return (
            self.search,
            self.share_filter,
            self.state_filter,
            self.provider_filter,
            self.grouping,
            self.new_action,
            self.delete_action,
            self.filing_action,
            self.one_source_action,
            self.derive_action,
        )

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

    def _after_import(self) -> None:
        """An import rewrote resources wholesale: undoing an older edit could now overwrite
        what the workbook just set, so the edit history starts again here."""
        self.undo_stack.clear()
        self.refresh_all()

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

    def _problem(self, resource_id: str, code: str, name: str, finding: Finding) -> Problem:
        if finding.item is not None:
            where = self.tr("Data item {n}").format(n=finding.item + 1)
        else:
            where = self.form.field_label(finding.field) if self.form else finding.field
        return Problem(resource_id, code, name, finding, where, finding_text(finding))

    def _show_problems(self, result: CheckResult, seen: int) -> None:
        if seen != self._seen:
            # the catalog changed while the check read it: its rows would undo what the
            # page has listed since for the changed resources, so check again instead
            self.check_catalog()
            return
        rows, self._filing_states = result
        self.problems.set_problems([self._problem(*row) for row in rows])
        self._update_problem_count()
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
        self.model.set_summaries(
            summaries, grouped=grouped, by_provider=self.grouping.currentIndex() == 1
        )
        self.tree.expandToDepth(0 if self.grouping.currentIndex() == 1 or not grouped else 2)
        self.retranslate()
        if self._selected:
            self.select(self._selected)

    def _update_problem_count(self) -> None:
        errors, warnings = self.problems.counts()
        self.problems_label.setText(
            self.tr("Problems: {errors} error(s), {warnings} warning(s)").format(
                errors=errors, warnings=warnings
            )
        )

    def _go_to_problem(self, index: QModelIndex) -> None:
        problem = self.problems.problem(index.row())
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
        self._list_providers(summaries)
        self._refilter()
        log.info("catalog page loaded (%d resources)", len(summaries))
        self.loaded.emit()
        if self._check_due and not self._selected:
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

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        resource_id = indexes[0].data(ID_ROLE) if indexes else None
        if not resource_id or self._catalog is None or self._runner is None:
            return
        self._selected = resource_id
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
            if self._check_due:  # the resource the officer asked for came first
                self._check_due = False
                QTimer.singleShot(0, self.check_catalog)
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
        self.undo_stack.push(CreateResourceCommand(self, template, self.tr("New resource")))

    def delete_selected(self) -> None:
        if self.form is None or self.form.resource is None:
            return
        resource = self.form.resource
        text = self.tr("Delete {code}").format(code=resource.code)
        self.undo_stack.push(DeleteResourceCommand(self, resource.id, text))

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
        if changes.touches(EntityKind.IDENTITY) and self._catalog is not None:
            unit = self._catalog.unit_code  # a sign-in gave this data directory its unit
            if unit != self._unit_code:
                self._unit_code = unit
                self.excel.set_unit(unit)
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
            if isinstance(command, ResourceCommand) and command.resource_id in resource_ids:
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
                self.problems.replace_resource(
                    resource.id,
                    [self._problem(resource.id, resource.code, resource.name, f)
                     for f in self._catalog.validate(resource)],
                )  # fmt: skip
        self._update_problem_count()
