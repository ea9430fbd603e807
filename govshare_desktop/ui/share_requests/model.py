"""The rows of the 共享申请 lists: one request a row, with its running deadline counted down.

The countdown is read from the runtime's clock at each fill, so the words ("剩 5 天",
"今天到期", "逾期 2 天") are those of the day the list was last read; overdue rows are
tinted so they stand out in a long list.
"""

from __future__ import annotations

from datetime import UTC, date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from govshare_desktop.domain.clock import CHINA_STANDARD_TIME, Clock
from govshare_desktop.domain.deadlines import Countdown, countdown
from govshare_desktop.domain.share_requests import Direction, ShareRequestView, position_of
from govshare_desktop.domain.share_words import word
from govshare_desktop.domain.share_workflow import running_deadline

ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 1
REMIND_WITHIN_DAYS = 3  # a request whose period ends this soon is announced at the top
_OVERDUE_TINT = QColor("#fde2e1")
Index = QModelIndex | QPersistentModelIndex


def translate(context: str, text: str) -> str:
    """The `Translate` that domain/share_words.py expects, in the UI language."""
    return QCoreApplication.translate(context, text)


def due_of(view: ShareRequestView) -> date | None:
    """The due date of the statutory period running now (explanation or coordination)."""
    return running_deadline(position_of(view.request))


def countdown_text(left: Countdown) -> str:
    # lupdate reads `n` only as a plain name, hence the locals
    late, days = left.days_overdue, left.days_left
    if left.overdue:
        return QCoreApplication.translate("ShareRequestWords", "%n day(s) overdue", "", late)
    if days == 0:
        return QCoreApplication.translate("ShareRequestWords", "Due today")
    return QCoreApplication.translate("ShareRequestWords", "%n day(s) left", "", days)


def deadline_text(view: ShareRequestView, clock: Clock) -> tuple[str, Countdown | None]:
    due = due_of(view)
    if due is None:
        return "", None
    left = countdown(due, clock)
    return f"{countdown_text(left)}（{due.isoformat()}）", left


def needs_reminder(view: ShareRequestView, clock: Clock) -> bool:
    """This unit must act on the request and its period ends within three days, or is over."""
    due = due_of(view)
    return (
        bool(view.actions)
        and due is not None
        and countdown(due, clock).days_left <= (REMIND_WITHIN_DAYS)
    )


def other_party(view: ShareRequestView) -> str:
    """The unit across the table: the provider of an outgoing request, else the requester."""
    request = view.request
    if Direction.OUTGOING in view.directions:
        return request.provider_unit_code
    if Direction.INCOMING in view.directions:
        return request.requester_unit_code
    return f"{request.requester_unit_code} → {request.provider_unit_code}"


def badge(view: ShareRequestView) -> str:
    """Pending or refused steps of this PC: what the officer should know before acting."""
    if any(step.refused for step in view.queued):
        return QCoreApplication.translate("ShareRequestWords", "Refused by the platform")
    if view.queued or view.request.allowed_actions is None:
        return QCoreApplication.translate("ShareRequestWords", "Waiting to be sent")
    return ""


def last_change(view: ShareRequestView) -> str:
    at = view.request.server_updated_at
    if at is None:
        return QCoreApplication.translate("ShareRequestWords", "Not yet on the platform")
    if at.tzinfo is None:  # the store keeps naive UTC
        at = at.replace(tzinfo=UTC)
    return at.astimezone(CHINA_STANDARD_TIME).strftime("%Y-%m-%d %H:%M")


class RequestTableModel(QAbstractTableModel):
    """The listed requests (already filtered by direction and state by the page)."""

    COLUMNS = 6

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        self.views: list[ShareRequestView] = []
        self._rows: list[tuple[list[str], bool]] = []

    def set_views(self, views: list[ShareRequestView]) -> None:
        self.beginResetModel()
        self.views = views
        self._rows = [self._cells(v) for v in views]
        self.endResetModel()

    def _cells(self, view: ShareRequestView) -> tuple[list[str], bool]:
        deadline, left = deadline_text(view, self._clock)
        cells = [
            view.request.resource_code,
            other_party(view),
            word(view.request.state, translate),
            deadline,
            last_change(view),
            badge(view),
        ]
        return cells, left is not None and left.overdue

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ShareRequestWords", "Resource code"),
            QCoreApplication.translate("ShareRequestWords", "Other party"),
            QCoreApplication.translate("ShareRequestWords", "State"),
            QCoreApplication.translate("ShareRequestWords", "Deadline"),
            QCoreApplication.translate("ShareRequestWords", "Last change"),
            QCoreApplication.translate("ShareRequestWords", "Sync"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells, overdue = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == ID_ROLE:
            return self.views[index.row()].request.id
        if role == OVERDUE_ROLE:
            return overdue
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(_OVERDUE_TINT)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def row_of(self, request_id: str) -> int:
        for row, view in enumerate(self.views):
            if view.request.id == request_id:
                return row
        return -1
