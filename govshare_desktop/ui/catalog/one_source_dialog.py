"""一数一源 (Art. 11): the overlaps across providers, each leading to the resource to resolve or
justify (the note field of the form)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.one_source import Overlap
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure, wording

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.resources import CatalogService

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OneSourceDialog(QDialog):
    loaded = Signal()
    resource_chosen = Signal(str)  # a resource id to open at its 一数一源 note

    def __init__(
        self, catalog: CatalogService, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OneSourceDialog")
        self._profile = catalog.profile
        self.setWindowTitle(self.tr("One data, one source (一数一源)"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("overlapTree")
        self.tree.setHeaderLabels(
            [self.tr("Data"), self.tr("Provider"), self.tr("Resource"), self.tr("State")]
        )
        self.tree.itemActivated.connect(self._choose)
        self.tree.itemDoubleClicked.connect(self._choose)
        self.empty = EmptyState("noOverlaps")
        self.empty.say(self.tr("Looking for overlaps…"), "")
        self.pane = EmptyOr(self.tree, self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "The same data should come from one provider (Art. 11). Open a resource to change "
            "it, or explain the overlap in its one-data-one-source note."
        )))  # fmt: skip
        layout.addWidget(self.summary)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
        runner.run_read(lambda _p: catalog.one_source(), self._show, self._fail, label="one-source")

    def _show(self, overlaps: list[Overlap]) -> None:
        self.tree.clear()
        words = wording(self._profile)
        for overlap in overlaps:
            kind = self.tr("Data item") if overlap.kind == "data_item" else self.tr("Resource name")
            state = self.tr("justified") if overlap.justified else self.tr("to resolve")
            title = f"{kind}: {overlap.name}" + (
                f" ({words.data_type(overlap.data_type)})" if overlap.data_type else ""
            )
            top = QTreeWidgetItem([title, "", "", state])
            for holder in overlap.holders:
                child = QTreeWidgetItem(
                    ["", holder.provider_name or holder.provider,
                     f"{holder.resource_code} {holder.resource_name}",
                     self.tr("note given") if holder.justified else ""]
                )  # fmt: skip
                child.setData(0, ID_ROLE, holder.resource_id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.pane.show_view(bool(overlaps))
        self.empty.say(
            self.tr("No overlaps found"),
            self.tr(
                "No data is offered by more than one provider among the catalogs on this PC: "
                "no two providers list a resource of the same name, nor a data item of the same "
                "name and type. Check again after importing or deriving more catalogs."
            ),
        )
        unresolved = sum(1 for o in overlaps if not o.justified)
        self.summary.setText(
            self.tr("{n} overlap(s), {open} still to resolve or justify.").format(
                n=len(overlaps), open=unresolved
            )
        )
        self.loaded.emit()

    def _fail(self, error: BaseException) -> None:
        self.summary.setText(describe_failure(error))
        self.empty.say(self.tr("The overlaps could not be read"), self.tr("See the reason above."))

    def _choose(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        resource_id = item.data(0, ID_ROLE)
        if resource_id:
            self.accept()  # out of the way: the officer works in the form now
            self.resource_chosen.emit(str(resource_id))
