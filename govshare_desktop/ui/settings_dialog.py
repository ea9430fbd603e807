"""The settings dialog, generated from the settings declared as data (settings/schema.py).

A setting enforced by machine policy is shown read-only, with the reason beside it; a
machine default is shown as such so the officer knows where a value came from.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.errors import KnownError
from govshare_desktop.settings.resolver import Effective, Settings, Source
from govshare_desktop.settings.schema import CONTEXT, Kind, SettingSpec
from govshare_desktop.ui.messages import error_text

Editor = QLineEdit | QComboBox | QSpinBox


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self._settings = settings
        self.editors: dict[str, Editor] = {}
        self._labels: dict[str, QLabel] = {}
        self._notes: dict[str, QLabel] = {}
        self._browse: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        self._form = QFormLayout()
        layout.addLayout(self._form)
        for effective in settings.all():
            self._add_row(effective)
        self.error_label = QLabel()
        self.error_label.setObjectName("settingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def _add_row(self, effective: Effective) -> None:
        spec = effective.spec
        editor = self._make_editor(spec, effective)
        editor.setObjectName(f"setting:{spec.key}")
        editor.setEnabled(not effective.locked)
        self.editors[spec.key] = editor
        note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid)")
        self._notes[spec.key] = note
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(editor, 1)
        if spec.kind is Kind.FILE:
            button = QPushButton()
            button.setEnabled(not effective.locked)
            button.clicked.connect(lambda _checked=False, key=spec.key: self._choose_file(key))
            self._browse[spec.key] = button
            row.addWidget(button)
        column.addLayout(row)
        column.addWidget(note)
        label = QLabel()
        label.setBuddy(editor)
        self._labels[spec.key] = label
        self._form.addRow(label, field)

    @staticmethod
    def _make_editor(spec: SettingSpec, effective: Effective) -> Editor:
        if spec.kind is Kind.CHOICE:
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(choice.label, choice.value)
            combo.setCurrentIndex(max(0, combo.findData(effective.value)))
            return combo
        if spec.kind is Kind.INT:
            spin = QSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.setValue(int(effective.value))
            return spin
        edit = QLineEdit(str(effective.value))
        edit.setClearButtonEnabled(True)
        return edit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for effective in self._settings.all():
            key, spec = effective.spec.key, effective.spec
            self._labels[key].setText(_tr(spec.label) + self.tr(":"))
            editor = self.editors[key]
            editor.setToolTip(_tr(spec.hint))
            if isinstance(editor, QLineEdit):
                editor.setPlaceholderText(_tr(spec.hint))
            note = self._note(effective)
            if not note and not isinstance(self.editors[key], QLineEdit):
                note = _tr(spec.hint)  # line edits show their hint as a placeholder instead
            self._notes[key].setText(note)
            self._notes[key].setVisible(bool(self._notes[key].text()))
        for button in self._browse.values():
            button.setText(self.tr("Browse…"))

    def _note(self, effective: Effective) -> str:
        if effective.source is Source.POLICY:
            return self.tr("Set by your administrator (machine policy); it cannot be changed here.")
        if effective.source is Source.MACHINE:
            return self.tr("Default provided by your administrator.")
        return ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose_file(self, key: str) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a certificate file"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        editor = self.editors[key]
        if path and isinstance(editor, QLineEdit):
            editor.setText(path)

    def values(self) -> dict[str, object]:
        """What the editors hold now, for the settings that are not locked."""
        result: dict[str, object] = {}
        for key, editor in self.editors.items():
            if not editor.isEnabled():
                continue
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                result[key] = editor.value()
            else:
                result[key] = editor.text()
        return result

    def accept(self) -> None:
        """Store every change at once, or none and say why (the dialog stays open)."""
        try:
            self._settings.update(self.values())
        except KnownError as error:
            self.error_label.setText(error_text(error))
            self.error_label.show()
            return
        super().accept()
