"""The list of grants this unit holds: what, from whom, which items, why, until when, what
is allowed, and how it stands (expiring soon, revoked with its reason, kept offline)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from govshare_desktop.domain.grant_data import GrantView
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class GrantsModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("GrantsModel", "Resource"),
        QT_TRANSLATE_NOOP("GrantsModel", "Provider"),
        QT_TRANSLATE_NOOP("GrantsModel", "Data items"),
        QT_TRANSLATE_NOOP("GrantsModel", "Purpose"),
        QT_TRANSLATE_NOOP("GrantsModel", "Valid"),
        QT_TRANSLATE_NOOP("GrantsModel", "Allowed"),
        QT_TRANSLATE_NOOP("GrantsModel", "Status"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views: list[GrantView] = []

    def set_views(self, views: list[GrantView]) -> None:
        self.beginResetModel()
        self.views = views
        self.endResetModel()

    def view_at(self, row: int) -> GrantView | None:
        return self.views[row] if 0 <= row < len(self.views) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.view_at(index.row())
        if view is None:
            return None
        if role == ID_ROLE:
            return view.grant.id
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == len(self.HEADERS) - 1:
            return _brush(view)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(view, index.column())
        return None

    def _text(self, view: GrantView, column: int) -> str:
        grant = view.grant
        until = grant.valid_to.isoformat() if grant.valid_to else self.tr("no end")
        texts = (
            f"{grant.resource_name}（{grant.resource_code}）",
            grant.provider_unit_code,
            "、".join(grant.data_item_names),
            grant.purpose,
            f"{grant.valid_from.isoformat()} – {until}",
            self.allowed(view),
        )
        return texts[column] if column < len(texts) else self.status(view)

    def allowed(self, view: GrantView) -> str:
        allowed = [self.tr("view")]
        if view.grant.allow_offline_cache:
            allowed.append(self.tr("offline copy"))
        if view.grant.allow_export:
            allowed.append(self.tr("export"))
        return "、".join(allowed)

    def status(self, view: GrantView) -> str:
        grant = view.grant
        if grant.revoked:
            at = grant.revoked_at.strftime("%Y-%m-%d") if grant.revoked_at else ""
            return (
                self.tr("Revoked %1: %2").replace("%1", at).replace("%2", grant.revocation_reason)
            )
        if view.expired:
            return self.tr("Expired")
        if not view.in_force:
            return self.tr("Not yet valid")
        parts = []
        if view.expiring_soon:
            parts.append(self.tr("Expires within 30 days"))
        if view.cache is not None:
            if view.lease_over:
                parts.append(self.tr("Offline copy hidden until the next sync"))
            elif view.cache.complete:
                parts.append(self.tr("Kept offline: %n row(s)", "", view.cache.rows))
            else:
                parts.append(self.tr("Offline copy incomplete: %n row(s)", "", view.cache.rows))
        return "；".join(parts) or self.tr("In force")


def _brush(view: GrantView) -> QBrush | None:
    """Red for a grant no longer in force, amber for one that needs attention soon."""
    if view.grant.revoked or view.expired:
        return QBrush(QColor(170, 30, 30))
    if view.expiring_soon or (view.lease_over and view.cache is not None):
        return QBrush(QColor(160, 100, 0))
    return None
