"""A horizontal stacked bar chart on QtCharts, each bar segment clickable.

The page states what it shows as `Bar`s of `Segment`s (a count, a colour, the list it
opens); this turns them into one `QBarSet` per colour in a horizontal stacked series, so a
bar may be one colour (grants by standing) or several (requests: incoming and outgoing).
A click on a segment emits the `Reveal` of the list behind it. The totals stand in the
category labels, not on the bars, where a stacked zero would print a stray "0".
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from govshare_desktop.ui.overview.bars import Bar, Segment

BAR_WIDTH = 0.7  # of a category's height


class BarChart(QChartView):
    clicked = Signal(object)  # the `Reveal` of the segment clicked

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.legend().hide()  # the page names the colours in words beside the chart
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("background: transparent;")
        self.bars: list[Bar] = []
        self._sets: list[tuple[QBarSet, str]] = []  # each set with the colour it draws
        # one series and two axes for the chart's life, refilled by `set_bars` (axes taken
        # off a chart and made anew leave their old labels painted behind the new ones)
        self.series = QHorizontalStackedBarSeries()
        self.series.setBarWidth(BAR_WIDTH)
        chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.categories.setGridLineVisible(False)
        self.categories.setTruncateLabels(False)  # a state's name whole; bars take the rest
        self.values = QValueAxis()
        self.values.setVisible(False)  # the counts are in the labels; a scale adds nothing
        chart.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)

    def set_bars(self, bars: list[Bar]) -> None:
        if bars == self.bars and self._sets:
            return  # the same bars (a re-read after an unrelated change): nothing to redo
        self.bars = bars
        self.series.clear()  # deletes the old sets
        self._sets = []
        for color in dict.fromkeys(s.color for bar in bars for s in bar.segments):
            bar_set = QBarSet(color)
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
            for bar in reversed(bars):  # QtCharts puts the first category at the bottom
                segment = bar.of_color(color)
                bar_set.append(segment.value if segment else 0)
            bar_set.clicked.connect(lambda index, c=color: self._clicked(c, index))
            bar_set.hovered.connect(lambda on, index, c=color: self._hovered(on, c, index))
            self.series.append(bar_set)
            self._sets.append((bar_set, color))
        self.categories.clear()
        self.categories.append([f"{bar.label}  {bar.total}" for bar in reversed(bars)])
        self.categories.setLabelsFont(self.font())
        self.categories.setLabelsColor(self.palette().windowText().color())
        self.values.setRange(0, max((bar.total for bar in bars), default=0) or 1)
        self.updateGeometry()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self.bars)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _position(self, index: int) -> int:
        """A bar's category on the chart, counted from the bottom: the first bar on top."""
        return len(self.bars) - 1 - index

    def _segment(self, color: str, category: int) -> Segment | None:
        index = self._position(category)
        return self.bars[index].of_color(color) if 0 <= index < len(self.bars) else None

    def _clicked(self, color: str, index: int) -> None:
        segment = self._segment(color, index)
        if segment is not None:
            self.clicked.emit(segment.target)

    def _hovered(self, on: bool, color: str, index: int) -> None:
        segment = self._segment(color, index) if on else None
        if segment is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), f"{segment.tip}：{segment.value}", self)

    def segment_rects(self) -> list[tuple[QRect, Segment]]:
        """Where each non-empty segment is drawn, in this view's coordinates (what the
        report and the tests look for; a click there reaches QtCharts' own hit test)."""
        found: list[tuple[QRect, Segment]] = []
        chart = self.chart()
        half = BAR_WIDTH / 2
        for index, bar in enumerate(self.bars):
            start = 0.0
            for _bar_set, color in self._sets:
                segment = bar.of_color(color)
                if segment is None:
                    continue
                end = start + segment.value
                row = self._position(index)
                corner = chart.mapToPosition(QPointF(start, row - half), self.series)
                other = chart.mapToPosition(QPointF(end, row + half), self.series)
                scene = QRectF(corner, other).normalized()
                found.append((self.mapFromScene(scene).boundingRect(), segment))
                start = end
        return found
