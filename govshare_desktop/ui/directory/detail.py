"""The directory page's right side: one entry, read-only, with its data items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.directory import DirectoryEntry
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.ui.messages import wording

# The resource fields shown, in order (labels from the catalog profile, as the editor's).
FIELDS = (
    "name", "code", "classification", "abstract", "share_type", "share_conditions",
    "share_method", "update_cycle", "format_category", "open_to_society",
)  # fmt: skip


class EntryDetail(QWidget):
    """Labels that can be selected and copied, never edited; the items in a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryDetail")
        self._profile: CatalogProfile | None = None
        self.entry: DirectoryEntry | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("unit", *FIELDS, "filed_at"):
            label, value = QLabel(), QLabel()
            value.setObjectName(f"directoryValue:{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.values[key] = label, value
            self.form.addRow(label, value)
        self.items_heading = QLabel()
        self.items = QTableWidget(0, 4)
        self.items.setObjectName("directoryItems")
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.verticalHeader().setVisible(False)
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.items_heading)
        layout.addWidget(self.items, 1)
        self.retranslate()

    def set_profile(self, profile: CatalogProfile) -> None:
        self._profile = profile
        self.retranslate()

    def retranslate(self) -> None:
        self.labels["unit"].setText(self.tr("Provided by"))
        self.labels["filed_at"].setText(self.tr("Filed on"))
        self.labels["classification"].setText(self.tr("Classification"))
        if self._profile is not None:
            words = wording(self._profile)
            for key in FIELDS:
                if key != "classification":
                    self.labels[key].setText(words.field(key))
        self.items_heading.setText(self.tr("Data items"))
        self.items.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Data type"), self.tr("Length"), self.tr("Share type")]
        )
        self.show_entry(self.entry)

    def show_entry(self, entry: DirectoryEntry | None) -> None:
        self.entry = entry
        if entry is None or self._profile is None:
            for value in self.values.values():
                value.clear()
            self.items.setRowCount(0)
            return
        words, resource = wording(self._profile), entry.resource
        unit = entry.unit_name or entry.unit_code
        if entry.superior:
            unit = self.tr("%1 (your superior unit)").replace("%1", unit)
        self.values["unit"].setText(unit)
        for key in FIELDS:
            if key == "classification":
                text = resource.classification.code
            else:
                text = words.value(key, getattr(resource, key))
            self.values[key].setText(text)
        filed = entry.filed_at.strftime("%Y-%m-%d") if entry.filed_at else ""
        self.values["filed_at"].setText(filed)
        self.items.setRowCount(len(resource.data_items))
        for row, item in enumerate(resource.data_items):
            cells = (
                item.name,
                words.data_type(str(item.data_type)),
                "" if item.length is None else str(item.length),
                words.value("share_type", item.share_type),
            )
            for column, text in enumerate(cells):
                self.items.setItem(row, column, QTableWidgetItem(text))
        self.items.resizeColumnsToContents()
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
