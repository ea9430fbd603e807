"""A share request's draft: the resource from the shared directory, the data items it needs,
the duty it serves, the legal basis, how and how long the data will be used, a contact, and
its attachments (附件: the negotiation record as PDF).

The resource is chosen from the 共享目录 kept on this PC (searched like the directory page,
off the GUI thread through the page's runner), so drafting works offline. The dialog only
collects and checks; the page saves through the service and tells the dialog how it went.
A file added is read and checked at once (through the page's runner: it may be 20 MB) and
listed; it is stored with the draft when the officer saves, as is a removal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.attachments import Attachment, PickedFile
from govshare_desktop.domain.directory import DirectoryEntry, DirectorySummary
from govshare_desktop.domain.entities import ShareRequest
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.ui.catalog.resource_form import english
from govshare_desktop.ui.share_requests.attachments_box import AttachmentsBox, Row
from govshare_desktop.ui.share_requests.step_dialog import pydate, qdate

SEARCH_PAUSE_MS = 250  # as the directory's search box
ENTRY_ROLE = Qt.ItemDataRole.UserRole
# (query) -> summaries and (id) -> entry, both run off the GUI thread by the page
Search = Callable[[str, Callable[[list[DirectorySummary]], None]], None]
Fetch = Callable[[str, Callable[[DirectoryEntry | None], None]], None]
# (path) -> the file read and checked (off the GUI thread), or the officer's words why not
Pick = Callable[[Path, Callable[[PickedFile], None], Callable[[str], None]], None]


class DraftDialog(QDialog):
    """New draft, or the edit of one (`request`); `save_requested(fields)` with the
    service's keyword names once the fields pass the dialog's checks."""

    save_requested = Signal(dict)
    listed = Signal()  # the resource list shows the latest search
    picked = Signal()  # the chosen resource's data items are shown

    attachment_listed = Signal()  # a picked file was checked (listed, or refused in words)

    def __init__(
        self,
        profile: CatalogProfile,
        search: Search,
        fetch: Fetch,
        request: ShareRequest | None = None,
        parent: QWidget | None = None,
        *,
        today: date,
        pick: Pick | None = None,
        attachments: tuple[Attachment, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shareRequestDraft")
        self.request = request
        self._pick = pick
        self._held = [a for a in attachments if not a.removed]  # stored with the draft
        self._new_files: list[PickedFile] = []  # added in this dialog, stored on saving
        self._removed: list[str] = []  # ids of stored ones taken off in this dialog
        self.items_from_directory = False  # the items listed are the directory entry's
        self._search, self._fetch = search, fetch
        self._resource: tuple[str, str] | None = (
            (request.provider_unit_code, request.resource_code) if request else None
        )
        self.setWindowTitle(self.tr("Edit the draft") if request else self.tr("New share request"))
        self.resize(760, 640)
        self._build(profile, today)
        if request is not None:
            self._fill(request)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._pause.start())
        self.resources.currentItemChanged.connect(lambda _now, _before: self._on_pick())
        self.run_search()

    def _build(self, profile: CatalogProfile, today: date) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("draftSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the shared directory…"))
        self.resources = QListWidget()
        self.resources.setObjectName("draftResources")
        self.chosen = QLabel()
        self.chosen.setObjectName("draftChosen")
        self.chosen.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("draftItems")
        pick = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.resources, 1)
        right = QVBoxLayout()
        right.addWidget(self.chosen)
        right.addWidget(QLabel(self.tr("Tick the data items you need:")))
        right.addWidget(self.items, 1)
        pick.addLayout(left, 1)
        pick.addLayout(right, 1)
        form = self._build_form(profile, today)
        self.error = QLabel()
        self.error.setObjectName("draftError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.attachments = AttachmentsBox("draft")
        self.attachments.add_requested.connect(self.choose_files)
        self.attachments.remove_requested.connect(self.remove_attachment)
        self.attachments.setEnabled(self._pick is not None)
        self._show_attachments()
        column = QVBoxLayout(self)
        column.addLayout(pick, 1)
        column.addLayout(form)
        column.addWidget(self.attachments)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

    def _build_form(self, profile: CatalogProfile, today: date) -> QFormLayout:
        self.purpose = QPlainTextEdit()
        self.purpose.setObjectName("draftPurpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMaximumHeight(70)
        self.purpose.setPlaceholderText(self.tr("Which duty of your unit needs this data"))
        self.legal_basis = QLineEdit()
        self.legal_basis.setObjectName("draftLegalBasis")
        self.share_method = QComboBox()
        self.share_method.setObjectName("draftShareMethod")
        self.share_method.addItem(self.tr("Left to the provider"), "")
        en = english()
        for option in profile.enumerations.get("share_method", ()):
            self.share_method.addItem(option.label_en if en else option.label, option.code)
        self.use_period = QCheckBox(self.tr("Limited to"))
        self.use_period.setObjectName("draftUsePeriod")
        self.use_from = QDateEdit(qdate(today))
        self.use_until = QDateEdit(qdate(today + timedelta(days=365)))
        period = QHBoxLayout()
        period.addWidget(self.use_period)
        for edit in (self.use_from, self.use_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.use_period.toggled.connect(edit.setEnabled)
        period.addWidget(self.use_from)
        period.addWidget(QLabel("—"))
        period.addWidget(self.use_until)
        period.addStretch(1)
        self.contact_name = QLineEdit()
        self.contact_name.setObjectName("draftContactName")
        self.contact_phone = QLineEdit()
        self.contact_phone.setObjectName("draftContactPhone")
        contact = QHBoxLayout()
        contact.addWidget(self.contact_name, 1)
        contact.addWidget(QLabel(self.tr("Phone")))
        contact.addWidget(self.contact_phone, 1)
        form = QFormLayout()
        form.addRow(self.tr("Duty served"), self.purpose)
        form.addRow(self.tr("Legal basis"), self.legal_basis)
        form.addRow(self.tr("Share method"), self.share_method)
        form.addRow(self.tr("Period of use"), period)
        form.addRow(self.tr("Contact"), contact)
        return form

    def _fill(self, request: ShareRequest) -> None:
        self.purpose.setPlainText(request.purpose)
        self.legal_basis.setText(request.legal_basis)
        index = self.share_method.findData(request.share_method)
        self.share_method.setCurrentIndex(max(0, index))
        if request.use_from or request.use_until:
            self.use_period.setChecked(True)
            if request.use_from:
                self.use_from.setDate(qdate(request.use_from))
            if request.use_until:
                self.use_until.setDate(qdate(request.use_until))
        self.contact_name.setText(request.contact_name)
        self.contact_phone.setText(request.contact_phone)
        self._show_items(request.provider_unit_code, request.resource_code, "",
                         request.data_item_names, set(request.data_item_names))  # fmt: skip

    # ------------------------------------------------------------------ the resource
    def run_search(self) -> None:
        query = self.search.text()
        self._search(query, lambda found: self._listed(found, query))

    def _listed(self, found: list[DirectorySummary], query: str) -> None:
        if query != self.search.text():
            return  # a later keystroke's search follows
        self.resources.blockSignals(True)
        self.resources.clear()
        for summary in found:
            unit = summary.unit_name or summary.unit_code
            item = QListWidgetItem(f"{summary.name}  {summary.code}\n{unit}")
            item.setData(ENTRY_ROLE, summary.id)
            self.resources.addItem(item)
        self.resources.blockSignals(False)
        held = (
            self._resource if self.request is not None and not self.items_from_directory else None
        )
        for summary in found if held is not None else ():
            if (summary.unit_code, summary.code) == held:  # the draft's resource: its items
                self.select_resource(summary.id)
                break
        if not found:
            self.resources.addItem(self.tr("Nothing found in the shared directory."))
        self.listed.emit()

    def select_resource(self, entry_id: str) -> bool:
        for row in range(self.resources.count()):
            item = self.resources.item(row)
            if item.data(ENTRY_ROLE) == entry_id:
                self.resources.setCurrentItem(item)
                return True
        return False

    def _on_pick(self) -> None:
        item = self.resources.currentItem()
        entry_id = item.data(ENTRY_ROLE) if item is not None else None
        if entry_id:
            self._fetch(str(entry_id), self._picked)

    def _picked(self, entry: DirectoryEntry | None) -> None:
        if entry is None:
            return
        resource = entry.resource
        names = tuple(item.name for item in resource.data_items)
        same = self._resource == (resource.unit_code, resource.code)
        ticked = set(self.fields()["data_item_names"]) if same else set()
        self.items_from_directory = True
        self._show_items(resource.unit_code, resource.code, resource.name, names, ticked)
        self.chosen.setText(
            self.tr("%1 of %2").replace("%1", f"{resource.name}（{resource.code}）")
            .replace("%2", entry.unit_name or resource.unit_code)
        )  # fmt: skip
        self.picked.emit()

    def _show_items(
        self, unit: str, code: str, name: str, names: tuple[str, ...], ticked: set[str]
    ) -> None:
        self._resource = (unit, code)
        self.chosen.setText(f"{name}（{code}） {unit}" if name else f"{code}  {unit}")
        self.items.clear()
        for item_name in names:
            item = QListWidgetItem(item_name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = item_name in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.items.addItem(item)

    def tick(self, *names: str) -> None:
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)

    # ------------------------------------------------------------------ attachments
    def choose_files(self) -> None:
        """添加…: the officer picks PDF files; each is read and checked off the GUI thread."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach PDF files"), "", self.tr("PDF files (*.pdf);;All files (*)")
        )
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        if self._pick is None:
            return
        for path in paths:
            self._pick(path, self._add_picked, self._pick_refused)

    def _add_picked(self, picked: PickedFile) -> None:
        self._new_files.append(picked)
        self._show_attachments()
        self.attachments.select(f"new:{len(self._new_files) - 1}")
        self.error.hide()
        self.attachment_listed.emit()

    def _pick_refused(self, message: str) -> None:
        self.show_error(message)
        self.attachment_listed.emit()

    def remove_attachment(self, key: str) -> None:
        """移除: a file picked here is forgotten; a stored one is taken off when saving."""
        if key.startswith("new:"):
            index = int(key.removeprefix("new:"))
            self._new_files = [p for i, p in enumerate(self._new_files) if i != index]
        else:
            self._removed.append(key)
        self._show_attachments()

    def _show_attachments(self) -> None:
        rows = [
            Row(a.id, a.name, a.size, a.uploaded_by, attachment=a)
            for a in self._held
            if a.id not in self._removed
        ]
        rows += [
            Row(f"new:{i}", p.name, p.size, self.tr("added now"), picked=p)
            for i, p in enumerate(self._new_files)
        ]
        self.attachments.show_rows(rows)

    def attachment_changes(self) -> tuple[list[PickedFile], list[str]]:
        """What saving adds (files picked here) and takes off (ids of stored ones)."""
        return list(self._new_files), list(self._removed)

    # ------------------------------------------------------------------ saving
    def fields(self) -> dict[str, Any]:
        """The draft as `new_draft` / `edit_draft` take it (keyword names)."""
        unit, code = self._resource or ("", "")
        ticked = [
            self.items.item(row).text()
            for row in range(self.items.count())
            if self.items.item(row).checkState() == Qt.CheckState.Checked
        ]
        limited = self.use_period.isChecked()
        return {
            "provider_unit_code": unit,
            "resource_code": code,
            "data_item_names": ticked,
            "purpose": self.purpose.toPlainText().strip(),
            "legal_basis": self.legal_basis.text().strip(),
            "share_method": str(self.share_method.currentData() or ""),
            "use_from": pydate(self.use_from.date()) if limited else None,
            "use_until": pydate(self.use_until.date()) if limited else None,
            "contact_name": self.contact_name.text().strip(),
            "contact_phone": self.contact_phone.text().strip(),
        }

    def problem(self, fields: dict[str, Any]) -> str:
        """What still keeps the draft from being saved, in the officer's words."""
        if not fields["resource_code"]:
            return self.tr("Choose a resource from the shared directory.")
        if not fields["data_item_names"]:
            return self.tr("Tick at least one data item you need.")
        if not fields["purpose"]:
            return self.tr("Say which duty of your unit needs this data.")
        if fields["use_from"] and fields["use_until"] and fields["use_until"] < fields["use_from"]:
            return self.tr("The period of use ends before it begins.")
        return ""

    def confirm(self) -> None:
        fields = self.fields()
        problem = self.problem(fields)
        if problem:
            self.show_error(problem)
            return
        self.buttons.setEnabled(False)
        self.save_requested.emit(fields)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.buttons.setEnabled(True)
