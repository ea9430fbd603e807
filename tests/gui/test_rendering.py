"""The main window in zh_CN draws real Chinese glyphs, never empty boxes (tofu)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from govshare_desktop.app import fonts
from govshare_desktop.app.gui import Shell

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
NOT_A_CHARACTER = "\U000effff"  # no font has it: whatever is drawn for it is the "missing" glyph


def render(text: str, font: QFont) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPoint(4, 36), text)
    painter.end()
    return image


def ink(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 128
    )


def assert_real_glyphs(widget: QWidget) -> int:
    """Every CJK character on the widget's labels renders with ink and unlike a missing glyph."""
    checked = 0
    for label in widget.findChildren(QLabel):
        missing = render(NOT_A_CHARACTER, label.font())
        for char in {c for c in label.text() if "\u4e00" <= c <= "\u9fff"}:
            glyph = render(char, label.font())
            assert ink(glyph) > 0, f"{char!r} draws nothing in {label.font().family()}"
            assert glyph != missing, f"{char!r} draws as a missing-glyph box"
            checked += 1
    return checked


def test_main_window_screenshot_has_chinese_glyphs(qtbot: QtBot, shell: Shell) -> None:
    window = shell.window
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for key in ("catalog", "sync"):
        window.show_page(key)
        pixmap = window.grab()
        assert pixmap.save(str(SCREENSHOTS / f"main-window-{key}-zh_CN.png"))
        assert ink(pixmap.toImage().scaled(200, 130)) > 50  # not a blank window
    assert assert_real_glyphs(window) > 30


def test_bundled_font_is_used_when_the_system_has_no_cjk_font(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = qapp.font()
    monkeypatch.setattr(fonts, "system_has_cjk_font", lambda: False)
    try:
        family = fonts.ensure_cjk_font(qapp)
        assert family == "Noto Sans CJK SC"
        assert qapp.font().families()[0] == family
        holder = QWidget()
        label = QLabel("目录编制共享申请授权数据同步概览", holder)
        label.setFont(QFont([family]))
        assert assert_real_glyphs(holder) == 16
    finally:
        qapp.setFont(original)


def test_the_glyph_check_can_fail(qapp: QApplication) -> None:
    """Two characters no font has draw the same box: that sameness is what the check catches."""
    font = QFont("Noto Sans CJK SC")
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert render(NOT_A_CHARACTER, font) == render("\U000efffe", font)
    assert render("目", font) != render(NOT_A_CHARACTER, font)
