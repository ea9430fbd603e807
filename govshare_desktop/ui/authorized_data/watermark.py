"""A watermark over shared data (Art. 15): the officer, the unit and the time, drawn
diagonally and translucent across the whole view, so a screenshot or a photo of the screen
names who looked. It lets every click through to the view beneath."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

ANGLE = -30.0
STEP_X, STEP_Y = 1.6, 5.0  # spacing of the tiles, in text widths / line heights


def paint_watermark(painter: QPainter, width: int, height: int, text: str, font: QFont) -> None:
    """Tile `text` diagonally over a `width`×`height` area (also used on printouts)."""
    if not text:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor(120, 120, 120, 56))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    tile_w = max(metrics.horizontalAdvance(text) * STEP_X, 1.0)
    tile_h = max(metrics.height() * STEP_Y, 1.0)
    painter.translate(width / 2, height / 2)
    painter.rotate(ANGLE)
    reach = (width**2 + height**2) ** 0.5
    y = -reach
    row = 0
    while y < reach:
        x = -reach + (tile_w / 2 if row % 2 else 0)
        while x < reach:
            painter.drawText(QPointF(x, y), text)
            x += tile_w
        y += tile_h
        row += 1
    painter.restore()


class WatermarkOverlay(QWidget):
    """Covers `target` (kept to its size) and paints the watermark; clicks pass through."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("watermark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.text = ""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self._font = font
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.raise_()

    def set_text(self, text: str) -> None:
        self.text = text
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_watermark(painter, self.width(), self.height(), self.text, self._font)
        painter.end()
