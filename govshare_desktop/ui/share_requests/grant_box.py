"""授权 in a request's detail pane: the terms the platform granted (valid from / until, the
data items, the purpose, whether the rows may be cached offline or exported, a revocation
with its reason), read from the grants held here, and 提出异议… from it for the grantee.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govshare_desktop.domain.clock import CHINA_STANDARD_TIME
from govshare_desktop.domain.entities import Grant

TERMS = ("valid", "items", "purpose", "rights", "revoked")


class GrantBox(QWidget):
    """Hidden unless the request brought a grant held on this PC."""

    objection_requested = Signal(str)  # the grant's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grant: Grant | None = None
        self._unit = ""
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.labels = {key: QLabel() for key in TERMS}
        self.values = {key: QLabel() for key in TERMS}
        form = QFormLayout()
        for key in TERMS:
            value = self.values[key]
            value.setObjectName(f"grantTerm:{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.labels[key], value)
        self.raise_button = QPushButton()
        self.raise_button.setObjectName("requestRaiseObjection")
        self.raise_button.clicked.connect(self._ask)
        row = QHBoxLayout()
        row.addWidget(self.heading)
        row.addStretch(1)
        row.addWidget(self.raise_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addLayout(form)
        self.retranslate()
        self.show_grant(None, "")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Grant"))
        texts = {
            "valid": self.tr("Valid"), "items": self.tr("Data items granted"),
            "purpose": self.tr("Purpose"), "rights": self.tr("Allowed"),
            "revoked": self.tr("Revoked"),
        }  # fmt: skip
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.raise_button.setText(self.tr("Raise &objection…"))
        self.raise_button.setToolTip(
            self.tr("Object to the accuracy, completeness or timeliness of the granted data.")
        )
        if self.grant is not None:
            self.show_grant(self.grant, self._unit)

    def show_grant(self, grant: Grant | None, unit_code: str) -> None:
        """`unit_code`: the officer's unit; only the grantee raises objections."""
        self.grant, self._unit = grant, unit_code
        self.setVisible(grant is not None)
        if grant is None:
            return
        until = grant.valid_to.isoformat() if grant.valid_to else self.tr("no end date")
        rights = [
            self.tr("offline cache") if grant.allow_offline_cache else self.tr("no offline cache"),
            self.tr("export") if grant.allow_export else self.tr("no export"),
        ]
        revoked = "—"
        if grant.revoked_at is not None:
            at = grant.revoked_at
            at = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(CHINA_STANDARD_TIME)
            revoked = self.tr("%1 by %2: %3").replace("%1", at.strftime("%Y-%m-%d %H:%M"))
            revoked = revoked.replace("%2", grant.revoked_by or "—")
            revoked = revoked.replace("%3", grant.revocation_reason or "—")
        texts = {
            "valid": f"{grant.valid_from.isoformat()} — {until}",
            "items": "、".join(grant.data_item_names) or "—",
            "purpose": grant.purpose or "—",
            "rights": "，".join(rights),
            "revoked": revoked,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.labels["revoked"].setVisible(grant.revoked)
        self.values["revoked"].setVisible(grant.revoked)
        self.raise_button.setVisible(grant.grantee_unit_code == unit_code and not grant.revoked)

    def _ask(self) -> None:
        if self.grant is not None:
            self.objection_requested.emit(self.grant.id)
