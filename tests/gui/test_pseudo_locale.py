"""A pseudo-locale that makes every string 40 % longer: nothing in the shell may be clipped.

Chinese is short and English is longer; a province's wording or a later language is longer
still. Stretching every translated string shows layouts that only fit today's words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.ui.settings_dialog import SettingsDialog
from govshare_desktop.ui.share_requests.page import ShareRequestsPage

STRETCH = 0.4


class StretchingTranslator(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source or source.startswith("<") or "%n" in source:
            return source.replace("%n", str(n)) if "%n" in source else source
        return source + "·" * max(1, int(len(source) * STRETCH))

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def stretched(qapp: QApplication, shell: Shell) -> Iterator[Shell]:
    shell.translations.remove()
    translator = StretchingTranslator()
    qapp.installTranslator(translator)
    yield shell
    qapp.removeTranslator(translator)


def text_width(label: QLabel) -> int:
    """What the label's text needs: measured as laid out, markup and all, for rich text."""
    if not label.text().startswith("<"):
        return label.fontMetrics().horizontalAdvance(label.text())
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    return int(document.idealWidth() - 2 * document.documentMargin())


def clipped(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            needed = text_width(widget)
            available = widget.contentsRect().width()
        elif isinstance(widget, QPushButton | QCheckBox) and widget.text():
            needed, available = widget.sizeHint().width(), widget.width()
        else:
            continue
        if needed > available:
            problems.append(f"{type(widget).__name__} {widget.text()!r}: {needed} > {available}")
    return problems


def test_the_stretched_shell_clips_nothing(qtbot: QtBot, stretched: Shell) -> None:
    window = stretched.window
    qtbot.waitUntil(lambda: window.windowTitle().endswith("·"))
    assert window.nav.item(0).text().endswith("·")
    nav_problems = [
        window.nav.item(i).text()
        for i in range(window.nav.count())
        if window.nav.fontMetrics().horizontalAdvance(window.nav.item(i).text())
        > window.nav.visualItemRect(window.nav.item(i)).width() - 24
    ]
    assert nav_problems == []
    for key in ("catalog", "sync", "overview", "share_requests"):
        window.show_page(key)
        # layouts settle on the next LayoutRequest; wait for them, then demand no clipping
        with contextlib.suppress(TimeoutError):  # then report what is clipped, below
            qtbot.waitUntil(lambda: clipped(window) == [], timeout=2000)
        assert clipped(window) == []
    requests = window.pages["share_requests"]
    assert isinstance(requests, ShareRequestsPage)
    requests.sections.setCurrentWidget(requests.objections)  # the 异议 tab
    with contextlib.suppress(TimeoutError):
        qtbot.waitUntil(lambda: clipped(window) == [], timeout=2000)
    assert clipped(window) == []
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle().endswith("·")
    qtbot.waitUntil(lambda: clipped(dialog) == [], timeout=2000)
    dialog.reject()
    assert QCoreApplication.translate("MainWindow", "&Quit").endswith("·")
