"""A small horizontal bar chart drawn with QPainter, each bar segment clickable.

Why not QtCharts: it comes only with the PySide6-Addons wheel (several hundred MB beside
Essentials) and needs QtOpenGL in the installer, which excludes both today; the overview
needs a few labelled, stacked, clickable bars, which this draws in the UI language's font
at any width.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from govshare_desktop.ui.pages.reveal import Reveal

ROW_GAP = 6
BAR_MIN = 60  # the bars' width however long the labels


@dataclass(frozen=True, slots=True)
class Segment:
    value: int
    color: str
    target: Reveal
    tip: str  # what the segment counts, for its tooltip


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


class BarChart(QWidget):
    clicked = Signal(object)  # the `Reveal` of the segment clicked

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.bars: list[Bar] = []
        self._hits: list[tuple[QRect, Segment]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + ROW_GAP

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self.bars)) * self._row_height() + ROW_GAP)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def segment_rects(self) -> list[tuple[QRect, Segment]]:
        """Where each segment is drawn (what a click is tested against)."""
        metrics = self.fontMetrics()
        label_width = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 8
        number_width = metrics.horizontalAdvance("00000") + 8
        area = max(BAR_MIN, self.width() - label_width - number_width)
        most = max((b.total for b in self.bars), default=0) or 1
        found: list[tuple[QRect, Segment]] = []
        row = self._row_height()
        for index, bar in enumerate(self.bars):
            x, y = label_width, ROW_GAP // 2 + index * row
            for segment in bar.segments:
                width = round(area * segment.value / most)
                if segment.value and width < 3:
                    width = 3  # a count of one stays visible and clickable
                found.append((QRect(x, y + 2, width, row - ROW_GAP), segment))
                x += width
        return found

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row_height()
        self._hits = self.segment_rects()
        ends: dict[int, int] = {}
        for rect, segment in self._hits:
            if segment.value:
                painter.fillRect(rect, QColor(segment.color))
            index = (rect.top() - 2 - ROW_GAP // 2) // row
            ends[index] = max(ends.get(index, 0), rect.right())
        painter.setPen(self.palette().windowText().color())
        for index, bar in enumerate(self.bars):
            y = ROW_GAP // 2 + index * row
            box = QRect(0, y, self.width(), row - ROW_GAP + 4)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             bar.label)  # fmt: skip
            number = QRect(ends.get(index, 0) + 6, y, metrics.horizontalAdvance("00000") + 8,
                           row - ROW_GAP + 4)  # fmt: skip
            painter.drawText(number, Qt.AlignmentFlag.AlignVCenter, str(bar.total))
        painter.end()

    def segment_at(self, point: QPoint) -> Segment | None:
        for rect, segment in self.segment_rects():
            if segment.value and rect.contains(point):
                return segment
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        segment = self.segment_at(event.position().toPoint())
        if segment is not None and event.button() is Qt.MouseButton.LeftButton:
            self.clicked.emit(segment.target)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.segment_at(event.position().toPoint()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            segment = self.segment_at(event.pos())
            if segment is not None:
                QToolTip.showText(event.globalPos(), f"{segment.tip}：{segment.value}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
