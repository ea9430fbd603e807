"""The 概览 as an officer uses it: real window, real store seeded as edits and a sync leave
it (tests/support/overview_seed.py); every figure shown is the service's, and a click on a
to-do or a figure opens the record or the list behind it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.enums import CatalogVersionState, ShareRequestState
from govshare_desktop.domain.objections import ObjectionDirection
from govshare_desktop.domain.overview import TodoKind
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.ui.authorized_data.page import AuthorizedDataPage
from govshare_desktop.ui.overview.page import COLORS, TODO_ROLE, OverviewPage, figure_values
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from govshare_desktop.ui.share_requests.printing import print_to_pdf
from govshare_desktop.ui.sync.page import SyncPage
from tests.gui.test_rendering import SCREENSHOTS, assert_real_glyphs
from tests.gui.test_request_printing import fonts_in, pdf_text, render_page
from tests.support.overview_seed import seed

WAIT = 10_000


def overview(shell: Shell) -> OverviewPage:
    page = shell.window.pages["overview"]
    assert isinstance(page, OverviewPage)
    return page


def seeded(qtbot: QtBot, shell: Shell) -> OverviewPage:
    ids = seed(shell.ctx)
    page = overview(shell)
    shell.window.show_page("overview")
    expected = shell.ctx.services.overview.snapshot()
    qtbot.waitUntil(lambda: page.snapshot == expected, timeout=WAIT)
    assert ids
    return page


def click_todo(qtbot: QtBot, page: OverviewPage, kind: TodoKind, subject: str = "") -> None:
    shell_page = page
    for row in range(shell_page.todos.count()):
        item = shell_page.todos.item(row)
        todo = item.data(TODO_ROLE)
        if todo.kind is kind and (not subject or todo.subject_id == subject):
            page.todos.scrollToItem(item)
            rect = page.todos.visualItemRect(item)
            qtbot.mouseClick(page.todos.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"no to-do {kind} {subject}")


def test_the_figures_shown_are_the_snapshots(qtbot: QtBot, shell: Shell) -> None:
    page = seeded(qtbot, shell)
    snapshot = page.snapshot
    assert snapshot is not None
    for name, value in figure_values(snapshot).items():
        assert page.figure_buttons[name].text() == str(value), name
    assert page.todos.count() == len(snapshot.todos) > 0
    assert page.todo_area.currentWidget() is page.todos
    returned = page.filing_text(CatalogVersionState.RETURNED, 1)
    assert page.figure_buttons["filing"].text() == returned == "第 1 版退回修改"  # zh_CN


def test_a_todo_opens_its_record_on_its_page(qtbot: QtBot, shell: Shell) -> None:
    page = seeded(qtbot, shell)
    window = shell.window
    requests = window.pages["share_requests"]
    assert isinstance(requests, ShareRequestsPage)
    requests.show_list(Direction.OUTGOING, "agreed")  # elsewhere: the to-do must move it
    click_todo(qtbot, page, TodoKind.REQUEST, "r-in-000002")
    assert window.current_page_key() == "share_requests"
    qtbot.waitUntil(lambda: requests.selected_id() == "r-in-000002", timeout=WAIT)
    assert requests.direction() is Direction.INCOMING
    assert requests.state_filter.currentData() == ""

    window.show_page("overview")
    click_todo(qtbot, page, TodoKind.OBJECTION, "o-in-000001")
    assert requests.sections.currentIndex() == 1
    qtbot.waitUntil(lambda: requests.objections.selected_id() == "o-in-000001", timeout=WAIT)

    window.show_page("overview")
    click_todo(qtbot, page, TodoKind.GRANT_EXPIRING, "g-0000000002")
    grants = window.pages["authorized_data"]
    assert isinstance(grants, AuthorizedDataPage) and window.current_page_key() == "authorized_data"
    qtbot.waitUntil(lambda: (grants.selected() or None) is not None, timeout=WAIT)
    selected = grants.selected()
    assert selected is not None and selected.grant.id == "g-0000000002"

    sync = window.pages["sync"]
    assert isinstance(sync, SyncPage)
    window.show_page("overview")
    click_todo(qtbot, page, TodoKind.FAILED_SEND)
    assert window.current_page_key() == "sync"
    [failed] = page.snapshot.todos_of(TodoKind.FAILED_SEND) if page.snapshot else []
    qtbot.waitUntil(lambda: sync.selected_change() is not None, timeout=WAIT)
    change = sync.selected_change()
    assert change is not None and str(change.seq) == failed.subject_id

    window.show_page("overview")
    [conflict] = page.snapshot.todos_of(TodoKind.CONFLICT) if page.snapshot else []
    click_todo(qtbot, page, TodoKind.CONFLICT)
    rows = sync.conflict_table.selectionModel().selectedRows()
    assert [sync.conflicts[r.row()].id for r in rows] == [conflict.subject_id]

    window.show_page("overview")
    click_todo(qtbot, page, TodoKind.FILING_RETURNED)
    assert window.current_page_key() == "catalog"

    window.show_page("catalog")  # elsewhere: the to-do brings the 概览's notices back
    click_todo(qtbot, page, TodoKind.NOTICE, "n-000000001")
    assert window.current_page_key() == "overview"
    panel = page.notices_panel
    qtbot.waitUntil(lambda: panel.selected_id() == "n-000000001", timeout=WAIT)
    assert panel.title.text() == "关于共享申请办理超期的通报"
    # reading it is what the to-do asked: it leaves the list
    qtbot.waitUntil(
        lambda: (
            page.snapshot is not None
            and [t.subject_id for t in page.snapshot.todos_of(TodoKind.NOTICE)] == ["n-000000002"]
        ),
        timeout=WAIT,
    )


def test_a_figure_opens_the_list_behind_it(qtbot: QtBot, shell: Shell) -> None:
    page = seeded(qtbot, shell)
    window = shell.window
    requests = window.pages["share_requests"]
    assert isinstance(requests, ShareRequestsPage)
    qtbot.mouseClick(page.figure_buttons["outgoing"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "share_requests"
    assert requests.direction() is Direction.OUTGOING and requests.sections.currentIndex() == 0
    assert requests.model.rowCount() == int(page.figure_buttons["outgoing"].text())
    window.show_page("overview")
    qtbot.mouseClick(page.figure_buttons["raised"], Qt.MouseButton.LeftButton)
    assert requests.sections.currentIndex() == 1
    assert requests.objections.direction() is ObjectionDirection.OUTGOING
    window.show_page("overview")
    qtbot.mouseClick(page.figure_buttons["conflicts"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "sync"


def test_before_sign_in_the_todo_list_says_to_sign_in(qtbot: QtBot, shell: Shell) -> None:
    page = overview(shell)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT)
    assert page.todo_area.currentWidget() is page.todo_empty
    texts = [label.text() for label in page.todo_empty.findChildren(QLabel)]
    assert page.tr("Sign in to see your unit's to-dos") in texts
    assert "登录后查看本单位的待办" in texts


def test_a_bar_opens_the_requests_of_its_state_and_direction(qtbot: QtBot, shell: Shell) -> None:
    page = seeded(qtbot, shell)
    window = shell.window
    requests = window.pages["share_requests"]
    assert isinstance(requests, ShareRequestsPage)
    chart = page.request_chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 100, timeout=WAIT)
    state = ShareRequestState.EXPLANATION_REQUESTED
    [(rect, segment)] = [
        (r, s) for r, s in chart.segment_rects()
        if s.target.direction == Direction.INCOMING.value and s.target.state == state.value
    ]  # fmt: skip
    assert segment.value == 2
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "share_requests"
    assert requests.direction() is Direction.INCOMING
    assert requests.state_filter.currentData() == state.value
    assert requests.model.rowCount() == 2
    window.show_page("overview")
    [(rect, _)] = [(r, s) for r, s in page.grant_chart.segment_rects() if s.value == 2][:1]
    qtbot.mouseClick(page.grant_chart.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "authorized_data"


def test_screenshot_in_zh_cn_at_1366_by_768(qtbot: QtBot, shell: Shell) -> None:
    """The page as a county PC shows it; saved for a look, and checked: Chinese glyphs are
    real, and no figure, label or title is cut off."""
    page = seeded(qtbot, shell)
    window = shell.window
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=WAIT)
    qtbot.waitUntil(lambda: page.request_chart.width() > 300, timeout=WAIT)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pixmap = window.grab()
    assert pixmap.save(str(SCREENSHOTS / "overview-zh_CN-1366x768.png"))
    assert assert_real_glyphs(page) > 40
    for widget in [*page.figure_buttons.values(), *page.figure_labels.values()]:
        needed = widget.fontMetrics().horizontalAdvance(widget.text())
        assert needed <= widget.width(), f"{widget.text()!r} cut off ({needed} > {widget.width()})"
    for box in page.cards.values():
        title = box.fontMetrics().horizontalAdvance(box.title())
        assert title < box.width()


def test_a_sync_that_stored_nothing_still_moves_the_last_sync_time(
    qtbot: QtBot, shell: Shell
) -> None:
    """A no-change sync publishes no change set; the window's status read brings its time."""
    page = seeded(qtbot, shell)
    at = datetime(2026, 12, 3, 1, 30)
    with shell.ctx.database.write() as session:
        SyncMetaRepository(session).record_success(at)
    shell.window.refresh()
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.sync.last_sync_at == at,
                    timeout=WAIT)  # fmt: skip
    local = QDateTime.fromSecsSinceEpoch(int(at.replace(tzinfo=UTC).timestamp()))
    shown = QLocale().toString(local, QLocale.FormatType.ShortFormat)
    assert page.figure_buttons["last_sync"].text() == shown


def pdf_pages(path: Path) -> list[int]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return list(range(len(pdf)))
    finally:
        pdf.close()


def pixels_of(image: QImage, color: QColor) -> int:
    """Pixels within a small distance of `color`, every other row and column."""
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - color.red()) + abs(pixel.green() - color.green())
                    + abs(pixel.blue() - color.blue())) < 24:  # fmt: skip
                found += 1
    return found


def test_the_monthly_report_prints_the_figures_and_charts_in_chinese(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    page = seeded(qtbot, shell)
    path = tmp_path / "月报.pdf"
    print_to_pdf(page.report(), path)
    text = pdf_text(path)
    assert "政务信息资源共享月报" in text and "待办" in text
    assert "共享申请101001/000002待您办理（逾期2天）" in text  # the to-dos, as listed
    assert "资源数4" in text and "第1版退回修改" in text  # the figures, as shown
    assert "共享申请（按状态）" in text and "持有的授权" in text
    pdf = pdfium.PdfDocument(str(path))
    try:
        images = sum(
            1 for p in pdf for obj in p.get_objects() if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE
        )
    finally:
        pdf.close()
    assert images == 2  # the two charts
    rendered = render_page(path, 0)
    assert rendered.save(str(SCREENSHOTS / "overview-report-zh_CN.png"))
    last = len(pdf_pages(path)) - 1
    charts = render_page(path, last, 1.5, color=True)
    assert charts.save(str(SCREENSHOTS / "overview-report-charts-zh_CN.png"))
    for color in (COLORS[Direction.INCOMING], COLORS[Direction.OUTGOING], COLORS["revoked"]):
        assert pixels_of(charts, QColor(color)) > 200, color  # the bars drawn, in colour
    assert "NotoSansCJK" in "".join(fonts_in(path.read_bytes()))


def test_the_report_button_opens_the_preview(qtbot: QtBot, shell: Shell) -> None:
    page = seeded(qtbot, shell)
    preview = page.preview_report()
    qtbot.waitExposed(preview)
    assert preview.document.metaInformation(QTextDocument.MetaInformation.DocumentTitle) == (
        "政务信息资源共享月报"
    )
    preview.close()
