"""Derive entries from the superior unit's catalog (Art. 11 §3): load its exchange file, tick
the entries that apply to this unit, create them linked to their source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import Resource, ResourceSummary
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.derivation import DerivationService, LoadResult

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def read_document(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnownError(ErrorCode.FILE_UNREADABLE, path=str(path), reason=str(exc)) from exc


class DeriveDialog(QDialog):
    loaded = Signal(str)  # the superior unit's code
    derived = Signal(int)  # how many entries were created

    def __init__(
        self,
        derivation: DerivationService,
        runner: Runner,
        unit_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DeriveDialog")
        self.setWindowTitle(self.tr("Derive from the superior catalog (Art. 11)"))
        self._derivation = derivation
        self._runner = runner
        self._unit = unit_code
        self.load_button = QPushButton(self.tr("Load the superior catalog file…"))
        self.status = QLabel(self.tr("Load the catalog file your superior unit exported."))
        self.status.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setObjectName("superiorEntries")
        self.empty = EmptyState("noSuperiorEntries")
        self.empty.add_button("emptyLoadSuperior", self.choose_file).setText(
            self.tr("Load the superior catalog file…")
        )
        self.empty.say(
            self.tr("Start from your superior unit's catalog"),
            self.tr(
                "Load the catalog exchange file (.json) your superior unit exported. Its entries "
                "are listed here: tick those that apply to your unit, then press “Derive the "
                "ticked entries”."
            ),
        )
        self.pane = EmptyOr(self.entries, self.empty)
        self.derive_button = QPushButton(self.tr("Derive the ticked entries"))
        self.derive_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.load_button)
        row.addStretch(1)
        row.addWidget(self.derive_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.load_button.clicked.connect(self.choose_file)
        self.derive_button.clicked.connect(self.derive)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Superior catalog file"), "", self.tr("Catalog files (*.json)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        derivation = self._derivation

        def work(_progress: object) -> tuple[LoadResult, list[ResourceSummary]]:
            result = derivation.load_superior(read_document(path))
            return result, derivation.entries_of(result.unit_code)

        self._runner.run_write(work, self._show, self._fail, label="load-superior")

    def _show(self, loaded: tuple[LoadResult, list[ResourceSummary]]) -> None:
        result, entries = loaded
        self.status.setText(
            self.tr("Superior catalog of {unit}: {added} new, {changed} changed entries.").format(
                unit=result.unit_code, added=result.added, changed=result.changed
            )
        )
        self.entries.clear()
        for entry in entries:
            item = QListWidgetItem(f"{entry.code} {entry.name}")
            item.setData(ID_ROLE, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.entries.addItem(item)
        self.derive_button.setEnabled(bool(entries))
        self.pane.show_view(bool(entries))
        if not entries:
            self.empty.say(
                self.tr("No entries to derive"),
                self.tr(
                    "The file holds no entry of the superior catalog. Check that it is the "
                    "catalog file your superior unit exported, and load it again."
                ),
            )
        self.loaded.emit(result.unit_code)

    def ticked(self) -> list[str]:
        return [
            str(self.entries.item(i).data(ID_ROLE))
            for i in range(self.entries.count())
            if self.entries.item(i).checkState() == Qt.CheckState.Checked
        ]

    def derive(self) -> None:
        derivation, unit, ids = self._derivation, self._unit, self.ticked()
        if ids:
            self._runner.run_write(lambda _p: derivation.derive(ids, unit), self._done, self._fail)

    def _done(self, created: list[Resource]) -> None:
        self.status.setText(self.tr("%n entry(ies) derived into your catalog.", "", len(created)))
        self.derived.emit(len(created))

    def _fail(self, error: BaseException) -> None:
        self.status.setText(describe_failure(error))
