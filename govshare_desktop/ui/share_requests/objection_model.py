"""The rows of the 异议 lists: one objection a row — resource, data item, aspect, state, last
change (China time) and what of it still waits on this PC or was refused."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from govshare_desktop.domain.clock import CHINA_STANDARD_TIME
from govshare_desktop.domain.objection_words import objection_word
from govshare_desktop.domain.objections import ObjectionView
from govshare_desktop.ui.share_requests.model import translate

ID_ROLE = Qt.ItemDataRole.UserRole
_REFUSED_TINT = QColor("#fde2e1")
Index = QModelIndex | QPersistentModelIndex


def resource_text(view: ObjectionView, names: Mapping[str, str]) -> str:
    """The resource code, with its name when a grant held here names it."""
    objection = view.objection
    name = names.get(objection.grant_id, "")
    return f"{objection.resource_code} {name}".strip() if name else objection.resource_code


def item_text(view: ObjectionView) -> str:
    return view.objection.data_item_name or QCoreApplication.translate(
        "ObjectionWords", "The whole resource"
    )


def refused(view: ObjectionView) -> bool:
    return any(op.refused for op in view.queued)


def badge(view: ObjectionView) -> str:
    """What of it is this PC's still: a refused op first, else one waiting to be sent."""
    if refused(view):
        return QCoreApplication.translate("ShareRequestWords", "Refused by the platform")
    if view.queued:
        return QCoreApplication.translate("ShareRequestWords", "Waiting to be sent")
    return ""


def last_change(view: ObjectionView) -> str:
    objection = view.objection
    at = objection.answered_at or objection.raised_at
    if at is None:
        return QCoreApplication.translate("ShareRequestWords", "Not yet on the platform")
    if at.tzinfo is None:  # the store keeps naive UTC
        at = at.replace(tzinfo=UTC)
    return at.astimezone(CHINA_STANDARD_TIME).strftime("%Y-%m-%d %H:%M")


class ObjectionTableModel(QAbstractTableModel):
    """The listed objections (filtered by direction by the panel), refused ones tinted."""

    COLUMNS = 6

    def __init__(self) -> None:
        super().__init__()
        self.views: list[ObjectionView] = []
        self._rows: list[list[str]] = []

    def set_views(self, views: list[ObjectionView], names: Mapping[str, str]) -> None:
        """`names`: resource names by grant id, from the grants held here."""
        self.beginResetModel()
        self.views = views
        self._rows = [
            [
                resource_text(v, names),
                item_text(v),
                objection_word(v.objection.aspect, translate),
                objection_word(v.objection.state, translate),
                last_change(v),
                badge(v),
            ]
            for v in views
        ]
        self.endResetModel()

    @staticmethod
    def headers() -> list[str]:
        return [
            QCoreApplication.translate("ObjectionWords", "Resource"),
            QCoreApplication.translate("ObjectionWords", "Data item"),
            QCoreApplication.translate("ObjectionWords", "Aspect"),
            QCoreApplication.translate("ObjectionWords", "State"),
            QCoreApplication.translate("ObjectionWords", "Last change"),
            QCoreApplication.translate("ObjectionWords", "Sync"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == ID_ROLE:
            return self.views[index.row()].objection.id
        if role == Qt.ItemDataRole.BackgroundRole and refused(self.views[index.row()]):
            return QBrush(_REFUSED_TINT)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def row_of(self, objection_id: str) -> int:
        for row, view in enumerate(self.views):
            if view.objection.id == objection_id:
                return row
        return -1
