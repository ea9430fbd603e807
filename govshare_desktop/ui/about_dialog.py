"""About: version, data locations and schema, so IT staff can answer "where is my data"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


@dataclass(frozen=True, slots=True)
class AboutInfo:
    version: str
    home: str
    db: str
    log: str
    backups: str
    schema: str
    profile: str


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About GovShare Desktop"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>GovShare Desktop {version}</h2>").format(version=info.version))
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Compile your unit's information resource catalog, request and answer data "
                "shares, and view the data you are authorised to see — offline, syncing with "
                "the provincial sharing platform whenever a connection is available."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        rows = (
            (self.tr("Data folder"), info.home),
            (self.tr("Database"), info.db),
            (self.tr("Schema revision"), info.schema),
            (self.tr("Backups"), info.backups),
            (self.tr("Log file"), info.log),
            (self.tr("Catalog profile"), info.profile),
            (self.tr("Qt / PySide6"), f"{qVersion()} / {pyside_version}"),
        )
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setObjectName(f"about:{label}")
            form.addRow(label + self.tr(":"), field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
