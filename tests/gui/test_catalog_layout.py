"""The catalog page at the window sizes officers have: every action in sight, each Alt letter
once, no text cut off, and extra width for the tree and the form (screenshots for a look)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QMenu,
    QStyle,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.ui.catalog.page import CatalogPage
from tests.gui.test_rendering import SCREENSHOTS, ink

SIZES = ((1100, 720), (1366, 768), (1920, 1080))


def fill(shell: Shell) -> CatalogPage:
    """Three resources whose names, providers and data items are as long as real ones."""
    catalog = shell.ctx.services.catalog
    for n, name in enumerate(("企业登记信息", "城乡低保对象信息", "农村特困人员供养信息"), start=1):
        catalog.save(
            Resource(
                name=name, unit_code="", code=f"30100{n % 2 + 1}/00000{n}",
                classification=Classification("3", "01", f"00{n % 2 + 1}"),
                provider_name="河北省市场监督管理局行政审批处", abstract="全省企业登记基本信息",
                share_type="conditional",
                data_items=(
                    DataItem("统一社会信用代码", "C", 18, description="十八位统一社会信用代码，依据 GB 32100 编制"),
                    DataItem("企业名称（含分支机构名称）", "C", 200),
                ),
            )
        )  # fmt: skip
    shell.window.show_page("catalog")  # the window opens on 概览
    return shell.window.catalog_page


@pytest.fixture
def page(qtbot: QtBot, shell: Shell) -> Iterator[CatalogPage]:
    page = fill(shell)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    page.select_first()  # (the page may have opened on it by itself)
    assert page.model is not None and page.form is not None
    first = page.model.first_resource_id()
    qtbot.waitUntil(lambda: page.form.resource is not None and page.form.resource.id == first)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.problems.rowCount() > 0, timeout=5000)
    yield page


def resize(qtbot: QtBot, shell: Shell, width: int, height: int) -> None:
    window = shell.window
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=2000)
    qtbot.wait(50)  # let the layouts settle (a queued LayoutRequest); no assertion is timed


def bar_buttons(page: CatalogPage) -> list[tuple[QAction, QWidget]]:
    bar = page.actions_bar
    return [(a, bar.widgetForAction(a)) for a in bar.actions() if not a.isSeparator()]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_action_stands_in_the_bar_at_1100_and_1366(
    qtbot: QtBot, shell: Shell, page: CatalogPage, language: str
) -> None:
    shell.translations.apply(language)
    try:
        for width, height in SIZES[:2]:
            resize(qtbot, shell, width, height)
            hidden = [a.text() for a, button in bar_buttons(page) if not button.isVisible()]
            assert hidden == [], f"{width}x{height} {language}: in the overflow menu: {hidden}"
            overflow = page.actions_bar.findChild(QToolButton, "qt_toolbar_ext_button")
            assert overflow is None or not overflow.isVisible()
            # with room to spare: Windows' Chinese UI font is wider than the test machine's
            needed = sum(button.sizeHint().width() for _a, button in bar_buttons(page))
            assert needed <= 0.8 * page.actions_bar.width(), f"{width}x{height} {language}"
    finally:
        shell.translations.apply("zh_CN")
    excel = {a.objectName() for a in page.excel_menu.actions()}
    assert {"importWorkbook", "exportTemplate", "exportCatalog", "checkDataFile"} <= excel


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def duplicates(texts: list[str]) -> dict[str, list[str]]:
    letters = Counter(m for t in texts if (m := mnemonic(t)))
    return {m: [t for t in texts if mnemonic(t) == m] for m, n in letters.items() if n > 1}


def test_each_alt_letter_is_used_once(qtbot: QtBot, shell: Shell, page: CatalogPage) -> None:
    window = shell.window
    for language in ("zh_CN", "en"):
        shell.translations.apply(language)
        # what Alt+letter reaches in the window: the menu titles, the page's buttons and
        # tool buttons (a tool button shows its action's icon text)
        texts = [
            m.title()
            for m in window.menuBar().findChildren(QMenu)
            if m.parent() is window.menuBar()
        ]
        texts += [b.text() for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
        assert len(texts) > 10
        assert duplicates(texts) == {}, language
        assert mnemonic(page.filing_button.text()) == "Alt+L"  # a real mnemonic, not "(F)"
        # inside each menu, the letters are the menu's own
        for menu in [*window.menuBar().findChildren(QMenu), page.excel_menu]:
            assert duplicates([a.text() for a in menu.actions() if not a.isSeparator()]) == {}
    shell.translations.apply("zh_CN")


def test_alt_letter_presses_the_tool_button(qtbot: QtBot, shell: Shell, page: CatalogPage) -> None:
    shell.window.activateWindow()
    with qtbot.waitSignal(page.one_source_action.triggered, timeout=2000):
        qtbot.keyClick(shell.window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.one_source_dialog is not None
    page.one_source_dialog.reject()


def elided(view: QAbstractItemView, index: QModelIndex) -> bool:
    """The cell's text does not fit its column (then it is drawn elided)."""
    text = str(index.data() or "")
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    return view.fontMetrics().horizontalAdvance(text) + margin > view.visualRect(index).width()


def cut_off(view: QAbstractItemView) -> list[str]:
    """Texts neither shown whole nor available whole in their tooltip, and header texts that
    do not fit their section."""
    model = view.model()
    problems = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if elided(view, index) and index.data(Qt.ItemDataRole.ToolTipRole) is None:
                problems.append(f"cell {row},{column}: {index.data()!r}")
            tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if elided(view, index) and str(index.data()) not in tip:
                problems.append(f"cell {row},{column}: tooltip {tip!r} lacks {index.data()!r}")
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if header.fontMetrics().horizontalAdvance(title) + margin > header.sectionSize(column):
            problems.append(f"header {title!r}")
    return problems


def test_no_text_is_cut_off(qtbot: QtBot, shell: Shell, page: CatalogPage) -> None:
    assert page.items_editor is not None
    for width, height in SIZES[:2]:
        resize(qtbot, shell, width, height)
        search = page.search
        hint = search.fontMetrics().horizontalAdvance(search.placeholderText())
        assert hint + 16 <= search.width(), f"{width}: the search hint is cut"
        assert cut_off(page.problems_view) == [], width
        assert page.form is not None  # the classification's names: one line, whole or elided
        path = page.form.class_path
        assert path.fontMetrics().horizontalAdvance(path.text()) <= path.contentsRect().width()
        assert path.full_text.startswith("3 部门信息资源类 › 301")
        assert path.text() == path.full_text or path.toolTip() == path.full_text
        assert cut_off(page.items_editor.table) == [], width
        # the items table shows the short columns whole
        table = page.items_editor.table
        assert not elided(table, table.model().index(0, 1))
        assert not elided(table, table.model().index(0, 2))


def test_a_wide_window_widens_the_tree_and_the_form_not_the_search(
    qtbot: QtBot, shell: Shell, page: CatalogPage
) -> None:
    widths = {}
    for width, height in (SIZES[1], SIZES[2]):
        resize(qtbot, shell, width, height)
        widths[width] = (page.search.width(), page.tree.width(), page.form_area.width())
    (search_1366, tree_1366, form_1366), (search_1920, tree_1920, form_1920) = widths.values()
    assert search_1920 == search_1366
    assert tree_1920 > tree_1366 + 100
    assert form_1920 > form_1366 + 150


def test_screenshots_at_three_sizes(qtbot: QtBot, shell: Shell, page: CatalogPage) -> None:
    """For a person to look at (build/screenshots/): the page as an officer meets it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        resize(qtbot, shell, width, height)
        pixmap = shell.window.grab()
        assert (pixmap.width(), pixmap.height()) == (width, height)
        assert pixmap.save(str(SCREENSHOTS / f"catalog-{width}x{height}-zh_CN.png"))
        assert ink(pixmap.toImage().scaled(200, 130)) > 50
