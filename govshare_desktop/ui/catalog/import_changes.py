"""将修改的已有资源: what an import would change in resources the catalog already holds.

The import dialog shows this list before anything is stored, and asks before importing
when it is not empty. One row per resource (code, name before, name after), its changed
fields below it with their values as the editor shows them (每月, not monthly). A
resource that would get another name is marked in red: most likely the workbook holds a
different resource whose code collides with one of the officer's, not an update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from govshare_desktop.domain.display import Wording

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.importing import ExistingChange

RENAMED_COLOUR = QColor("#b00020")
SHOWN = 3  # renamed resources a sentence names; the list shows them all
EXPANDED_UP_TO = 20  # changes shown unfolded; more are folded except the renamed ones


class ImportChangesView(QTreeWidget):
    """The list: a resource per top row, its changed fields below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importChanges")
        self.setColumnCount(3)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("M") * 14)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("Code / field"), self.tr("Before the import"), self.tr("After the import")]
        )

    # ------------------------------------------------------------------ sentences
    def renamed_list(self, changes: tuple[ExistingChange, ...]) -> str:
        """Code “A” → “B” of the first few renamed resources, for a sentence."""
        shown = [f"{c.code} “{c.name_before}” → “{c.name_after}”" for c in changes[:SHOWN]]
        more = len(changes) - len(shown)
        return "；".join(shown) + (self.tr(" and %n more", "", more) if more > 0 else "")

    def note(
        self, overwrites: tuple[ExistingChange, ...], renamed: tuple[ExistingChange, ...]
    ) -> str:
        """The line above the dialog's tabs when the import would change existing resources."""
        text = self.tr(
            "Importing would change %n resource(s) your catalog already holds: see the tab "
            "“Changes to existing resources”.",
            "",
            len(overwrites),
        )
        if renamed:
            text += " " + self.tr(
                "%n of them would get another name, most likely because the workbook holds a "
                "different resource under one of your codes: {list}.",
                "",
                len(renamed),
            ).format(list=self.renamed_list(renamed))
        return text

    def question(
        self, overwrites: tuple[ExistingChange, ...], renamed: tuple[ExistingChange, ...]
    ) -> str:
        """What the officer is asked before such an import is stored."""
        text = self.tr(
            "This import changes %n resource(s) your catalog already holds: their fields are "
            "replaced by the workbook's.",
            "",
            len(overwrites),
        )
        if renamed:
            text += "\n\n" + self.tr(
                "%n of them would get another name: {list}. If these are different resources, "
                "cancel and give them codes of their own in the workbook.",
                "",
                len(renamed),
            ).format(list=self.renamed_list(renamed))
        return text

    def show_changes(self, changes: tuple[ExistingChange, ...], words: Wording) -> None:
        self.clear()
        warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for change in changes:
            top = QTreeWidgetItem(self, [change.code, change.name_before, change.name_after])
            if change.revived:
                note = self.tr(
                    "Deleted before; the import brings it back with the workbook's content."
                )
                top.setText(1, self.tr("(deleted) {name}").format(name=change.name_before))
                for column in range(3):
                    top.setToolTip(column, note)
            if change.renamed:
                note = self.tr(
                    "Another name under the same code: most likely a different resource whose "
                    "code collides with yours, not an update of it."
                )
                top.setIcon(0, warning)
                bold = QFont(top.font(0))
                bold.setBold(True)
                for column in range(3):
                    top.setFont(column, bold)
                    top.setForeground(column, QBrush(RENAMED_COLOUR))
                    top.setToolTip(column, note)
            self._add_fields(top, change, words)
            top.setExpanded(change.renamed or len(changes) <= EXPANDED_UP_TO)
        self.resizeColumnToContents(0)  # field labels whole, within a third of the width
        self.setColumnWidth(0, min(self.columnWidth(0), max(self.viewport().width() // 3, 160)))

    def _add_fields(self, top: QTreeWidgetItem, change: ExistingChange, words: Wording) -> None:
        for f in change.fields:
            if f.field == "name":  # said by the resource's own row
                continue
            old, new = words.change(f.field, f.old), words.change(f.field, f.new)
            row = QTreeWidgetItem(top, [words.field(f.field), old, new])
            row.setToolTip(1, old)
            row.setToolTip(2, new)
        diff = change.diff
        for label, before, after in (
            (self.tr("Data items added"), (), diff.items_added),
            (self.tr("Data items removed"), diff.items_removed, ()),
            (self.tr("Data items changed"), diff.items_changed, diff.items_changed),
        ):
            if before or after:
                row = QTreeWidgetItem(top, [label, "、".join(before), "、".join(after)])
                row.setToolTip(1, row.text(1))
                row.setToolTip(2, row.text(2))

    def rows(self) -> list[tuple[str, str, str]]:
        """Every row as shown, resources and their fields (for tests and screen readers)."""
        found = []
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is None:
                continue
            found.append((top.text(0), top.text(1), top.text(2)))
            for child in range(top.childCount()):
                if (item := top.child(child)) is not None:
                    found.append((item.text(0), item.text(1), item.text(2)))
        return found
