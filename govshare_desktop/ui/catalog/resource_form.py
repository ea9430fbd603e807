"""The form of one resource: every core field of the profile, with its findings beside it.

Editors are generated from the catalog profile (drop-downs for enumerations). An edit is
reported as (field, old, new) when the officer leaves the field or pauses typing, so the
page can record it as an undoable command and save it at once.

A resource just created has every required field empty: "此项为必填项" under each of them
before anything is typed only scolds. Such findings of a new resource wait until the
officer leaves the field empty, or asks for a check (the summary's link, 备案).
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.profile import CatalogProfile, FieldSpec
from govshare_desktop.domain.validation import Finding, FindingCode
from govshare_desktop.ui.catalog.tree_model import class_label
from govshare_desktop.ui.elided_label import ElidedLabel
from govshare_desktop.ui.messages import finding_text

PAUSE_MS = 800  # typing pause after which the field is saved (a crash loses at most this)
CLASS_LEVELS = ("class_category", "class_item", "class_subject", "class_detail")
# What a new resource lacks by nature: said once a field was left empty, or on request
NOT_YET = frozenset({FindingCode.REQUIRED, FindingCode.NO_DATA_ITEMS})
CHECK_LINK = "check"

Editor = QLineEdit | QPlainTextEdit | QComboBox | QCheckBox
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class Invalid(ValueError):
    """What the officer typed cannot be read; the field keeps it and says why."""


def parse_date(text: str) -> date | None:
    """2025-06-01, 2025/6/1 or 2025年6月1日; empty means no date."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    try:
        if match is None:
            raise ValueError(text)
        return date(*(int(g) for g in match.groups()))
    except ValueError as exc:
        raise Invalid(text) from exc


def parse_codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in re.split(r"[,，;；、\s]+", text) if code)


# Fields typed as text but stored otherwise: (read the text, show the value).
CONVERTERS: dict[str, tuple[Any, Any]] = {
    "published_on": (parse_date, lambda d: d.isoformat() if d else ""),
    "related_codes": (parse_codes, lambda codes: "，".join(codes or ())),
}


def english() -> bool:
    return not QLocale().name().startswith("zh")


class ResourceForm(QWidget):
    edited = Signal(str, object, object)  # field, old value, new value
    revealed = Signal(str)  # a new resource's held-back findings (some or all) are said now

    def __init__(self, profile: CatalogProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourceForm")
        self._profile = profile
        self._resource: Resource | None = None
        self._shown: dict[str, Any] = {}
        self.editors: dict[str, Editor] = {}
        self._labels: dict[str, QLabel] = {}
        self.finding_labels: dict[str, QLabel] = {}
        self._specs: dict[str, FieldSpec] = {}
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.commit_pending)
        self._pending: str | None = None
        self._findings: list[Finding] = []
        self._new: dict[str, set[str]] = {}  # new resource id → the fields the officer left
        self._class_names: dict[str, str] = {}  # the unit's names for its classes
        self._form = QFormLayout()
        self.heading = QLabel()
        self.heading.setObjectName("resourceHeading")
        self.summary = QLabel()
        self.summary.setObjectName("findingSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(lambda _link: self.reveal())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self._build()
        self.show_resource(None, [])

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        levels = QWidget()
        column = QVBoxLayout(levels)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for key in CLASS_LEVELS:
            edit = self._line_edit(key)
            edit.setMaximumWidth(80 if key != "class_detail" else 120)
            row.addWidget(edit)
        row.addStretch(1)
        column.addLayout(row)
        self.class_path = ElidedLabel()  # 3 部门信息资源类 › 301 市场监管 › 301001 …
        self.class_path.setObjectName("classPath")
        column.addWidget(self.class_path)
        self._add_row("classification", levels)
        for spec in self._profile.fields:
            if spec.key == "classification":
                continue
            self._specs[spec.key] = spec
            self._add_row(spec.key, self._editor_for(spec))
            if spec.key == "format_category":
                self._add_row("format_detail", self._line_edit("format_detail"))
        self._add_row("one_source_note", self._line_edit("one_source_note"))
        secret = QCheckBox()
        self._register("secret", secret)
        secret.clicked.connect(lambda _on: self._commit("secret"))
        self._add_row("secret", secret)

    def _editor_for(self, spec: FieldSpec) -> QWidget:
        if spec.enum:
            combo = QComboBox()
            combo.addItem("", "")
            for option in self._profile.enumerations.get(spec.enum, ()):
                combo.addItem(option.label, option.code)
            self._register(spec.key, combo)
            combo.activated.connect(lambda _i, key=spec.key: self._commit(key))
            return combo
        if spec.type == "bool":
            box = QCheckBox()
            self._register(spec.key, box)
            box.clicked.connect(lambda _on, key=spec.key: self._commit(key))
            return box
        if spec.multiline:  # a paragraph: line breaks allowed (the profile says which)
            text = QPlainTextEdit()
            text.setFixedHeight(64)
            self._register(spec.key, text)
            text.textChanged.connect(lambda key=spec.key: self._typing(key))
            return text
        return self._line_edit(spec.key)

    def _line_edit(self, key: str) -> QLineEdit:
        edit = QLineEdit()
        self._register(key, edit)
        edit.textEdited.connect(lambda _t, k=key: self._typing(k))
        edit.editingFinished.connect(lambda k=key: self._commit(k))
        return edit

    def _register(self, key: str, editor: Editor) -> None:
        editor.setObjectName(f"field:{key}")
        editor.installEventFilter(self)  # leaving a field shows what it still lacks
        self.editors[key] = editor

    def _add_row(self, key: str, widget: QWidget) -> None:
        label = QLabel()
        finding = QLabel()
        finding.setObjectName(f"finding:{key}")
        finding.setStyleSheet("color: #b00020")
        finding.setWordWrap(True)
        finding.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(finding)
        self._labels[key] = label
        self.finding_labels[key] = finding
        self._form.addRow(label, cell)

    # ------------------------------------------------------------------ values
    def value(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData() or ""
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if key in CONVERTERS:
            return CONVERTERS[key][0](editor.text())  # may raise Invalid
        return editor.text()

    def _set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        editor.blockSignals(True)
        try:
            if isinstance(editor, QComboBox):
                index = editor.findData(value or "")
                if index < 0:  # a value outside the profile (e.g. imported) stays visible
                    editor.addItem(str(value), value)
                    index = editor.count() - 1
                editor.setCurrentIndex(index)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QPlainTextEdit):
                if editor.toPlainText() != (value or ""):
                    editor.setPlainText(value or "")
            else:
                text = CONVERTERS[key][1](value) if key in CONVERTERS else (value or "")
                if editor.text() != text:
                    editor.setText(text)
        finally:
            editor.blockSignals(False)
        self._shown[key] = value

    @staticmethod
    def field_value(resource: Resource, key: str) -> Any:
        if key in CLASS_LEVELS:
            return getattr(resource.classification, key.removeprefix("class_"))
        return getattr(resource, key, resource.extra.get(key, ""))

    # ------------------------------------------------------------------ showing
    @property
    def resource(self) -> Resource | None:
        return self._resource

    def show_resource(self, resource: Resource | None, findings: list[Finding]) -> None:
        """Show `resource`; a field the officer is still typing in keeps what they typed."""
        same = (
            resource is not None and self._resource is not None and resource.id == self._resource.id
        )
        if not same:
            self.commit_pending()
        self._resource = resource
        for key in self.editors:
            self.editors[key].setEnabled(resource is not None)
            if resource is None:
                self._set_value(key, "" if not isinstance(self.editors[key], QCheckBox) else False)
            elif not (same and key == self._pending):
                self._set_value(key, self.field_value(resource, key))
        self.show_findings(findings)
        self.retranslate()

    def set_class_names(self, names: dict[str, str]) -> None:
        """The unit's names for its classes, shown under the classification."""
        self._class_names = names
        self._show_class_path()

    def _show_class_path(self) -> None:
        cls = self._resource.classification if self._resource else None
        parts = []
        if cls is not None:
            code = ""
            for level, value in (("category", cls.category), ("item", cls.item),
                                 ("subject", cls.subject)):  # fmt: skip
                if not value:
                    break
                code += value
                parts.append(
                    class_label(self._profile, self._class_names, code, level, english=english())
                )
        self.class_path.set_full_text(" › ".join(parts))
        self.class_path.setVisible(bool(parts))

    def show_findings(self, findings: list[Finding]) -> None:
        self._findings = findings
        by_field: dict[str, list[str]] = {}
        for finding in self._shown_findings():
            if finding.item is not None:
                continue  # data item findings belong to the data items table
            key = "classification" if finding.field == "classification" else finding.field
            by_field.setdefault(key, []).append(finding_text(finding))
        for key, label in self.finding_labels.items():
            texts = by_field.get(key, [])
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        self._update_summary()

    def _shown_findings(self) -> list[Finding]:
        """The findings said now: a new resource's empty fields only once left empty."""
        if self._resource is None:
            return self._findings
        return [f for f in self._findings if not self.is_held(self._resource.id, f)]

    def is_held(self, resource_id: str, finding: Finding) -> bool:
        """Whether `finding` of `resource_id` waits: a new resource's field not yet left."""
        left = self._new.get(resource_id)
        return left is not None and finding.code in NOT_YET and finding.field not in left

    def hold_until_left(self, resource_id: str) -> None:
        """`resource_id` is new: its empty required fields are said once left, or on request."""
        self._new[resource_id] = set()

    def reveal(self, resource_id: str | None = None) -> None:
        """Say every finding of `resource_id` (the shown resource by default): a check."""
        key = resource_id or (self._resource.id if self._resource else None)
        if key is not None and self._new.pop(key, None) is not None:
            self.show_findings(self._findings)
            self.revealed.emit(key)

    def reveal_all(self) -> None:
        """A check of the whole catalog (备案): nothing is held back any more."""
        held, self._new = list(self._new), {}
        self.show_findings(self._findings)
        for key in held:
            self.revealed.emit(key)

    def _left(self, key: str) -> None:
        left = self._new.get(self._resource.id) if self._resource else None
        field = "classification" if key in CLASS_LEVELS else key
        if left is not None and field not in left and self._resource is not None:
            left.add(field)
            self.show_findings(self._findings)
            self.revealed.emit(self._resource.id)

    def _update_summary(self) -> None:
        shown = self._shown_findings()
        held = len(self._findings) - len(shown)
        if self._resource is None:
            text = html.escape(self.tr("Select a resource on the left, or create one."))
        elif shown:
            text = html.escape(self.tr("%n problem(s) to fix in this resource.", "", len(shown)))
        elif not held:
            text = html.escape(self.tr("No problems found."))
        else:
            text = html.escape(self.tr("Fill in the fields marked *."))
        if held and self._resource is not None:
            link = html.escape(self.tr("Check what is still missing"))
            text += f' <a href="{CHECK_LINK}">{link}</a>'
        self.summary.setText(text)

    # ------------------------------------------------------------------ edits
    def _typing(self, key: str) -> None:
        if self._pending not in (None, key):
            self.commit_pending()
        self._pending = key
        self._pause.start()

    def commit_pending(self) -> None:
        self._pause.stop()
        if self._pending is not None:
            self._commit(self._pending)

    def _commit(self, key: str) -> None:
        if key == self._pending:
            self._pending = None
            self._pause.stop()
        if self._resource is None:
            return
        try:
            new = self.value(key)
        except Invalid:
            label = self.finding_labels[key]
            label.setText(self.tr("Write a date as 2025-06-01 (or 2025年6月1日)."))
            label.show()
            return
        old = self._shown.get(key)
        if new != old:
            self._shown[key] = new
            self.edited.emit(key, old, new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if isinstance(watched, QPlainTextEdit):
                self.commit_pending()
            # a drop-down opening or another window taking the focus is not leaving the field
            passing = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
            key = watched.objectName().removeprefix("field:")
            if event.reason() not in passing and key in self.editors:
                self._left(key)
        return super().eventFilter(watched, event)

    def row_label(self, key: str) -> QLabel:
        """The label beside a field, as shown ("* " marks a field to fill in)."""
        return self._labels["classification" if key in CLASS_LEVELS else key]

    def field_label(self, key: str) -> str:
        """The label the officer sees for `key` (for undo texts), without the required mark."""
        label = self._labels.get("classification" if key in CLASS_LEVELS else key)
        return label.text().removeprefix("* ") if label else key

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        en = english()
        labels: dict[str, str] = {
            "classification": self.tr("Classification (类/项/目/细目)"),
            "format_detail": self.tr("Concrete format"),
            "secret": self.tr("Secret (涉密, never leaves this PC)"),
            "one_source_note": self.tr("One-data-one-source note (一数一源说明)"),
        }
        for key, label in self._labels.items():
            spec = self._specs.get(key)
            text = (spec.label_en if en else spec.label) if spec else labels.get(key, key)
            # a yes/no field always has its answer (unticked is 否): nothing to fill in
            required = spec is not None and spec.required and spec.type != "bool"
            label.setText(("* " if required else "") + text)
        self._explain_legal_basis()
        for key, editor in self.editors.items():
            spec = self._specs.get(key)
            if isinstance(editor, QComboBox) and spec and spec.enum:
                for i, option in enumerate(self._profile.enumerations.get(spec.enum, ()), start=1):
                    if i < editor.count():
                        editor.setItemText(i, option.label_en if en else option.label)
        self._show_class_path()
        resource = self._resource
        self.heading.setText(
            f"<b>{html.escape(resource.code)} {html.escape(resource.name)}</b>"
            if resource
            else self.tr("No resource selected")
        )
        self._update_summary()

    def _explain_legal_basis(self) -> None:
        """Where the legal basis of a resource not shared goes: in the share conditions, as
        the national guide (2017) has it, or in the separate, optional field."""
        hints = {
            "share_conditions": self.tr(
                "Conditional sharing: the conditions of use. Not shared: the law, "
                "administrative regulation or policy that rules sharing out."
            ),
            "legal_basis": self.tr(
                "Optional: as the national guide has it, the legal basis for not sharing may "
                "stand in the share conditions instead."
            ),
        }
        for key, hint in hints.items():
            editor = self.editors.get(key)
            if isinstance(editor, QPlainTextEdit | QLineEdit):
                editor.setPlaceholderText(hint)
                editor.setToolTip(hint)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
