"""授权数据 as an officer meets it, against the real reference platform over HTTP: the list
of grants, the viewer online (granted columns only, under the watermark, export disabled
with its reason), a download for offline use, then the viewer on the encrypted copy:
sorted and filtered by SQL, copy limited to the selection, printed with the watermark,
every access audited.

The seed's grant: SJZ-MZ (mz-requester) holds 101001/000001 (公民身份号码, 姓名, 户籍地址;
offline copy allowed, export not), 40 rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from govshare_desktop.app.gui import Shell
from govshare_desktop.store.models import AuditEventRow
from govshare_desktop.ui.authorized_data.page import AuthorizedDataPage
from govshare_desktop.ui.authorized_data.viewer import GrantViewer
from tests.gui.conftest import OpenShell
from tests.gui.test_catalog_editor import ime_type
from tests.gui.test_rendering import SCREENSHOTS
from tests.gui.test_sync_gui import SYNC_TIMEOUT, press_f5, sign_in_at
from tests.platform.conftest import Platform, assert_clean_log, seed, start_platform

WAIT = 10_000
GRANTED = ["公民身份号码", "姓名", "户籍地址"]


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    directory = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{directory / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(directory, db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


@pytest.fixture
def requester_shell(
    qtbot: QtBot, start_shell: OpenShell, home: Path, platform: Platform, file_keyring: Path
) -> Shell:
    sign_in_at(home, platform, "mz-requester")
    shell = start_shell()
    scheduler = shell.window.scheduler
    assert scheduler is not None
    qtbot.waitUntil(lambda: shell.window.sync_page._result is not None, timeout=SYNC_TIMEOUT)
    qtbot.waitUntil(lambda: not scheduler.running, timeout=SYNC_TIMEOUT)
    return shell


def open_page(qtbot: QtBot, shell: Shell) -> AuthorizedDataPage:
    page = shell.window.pages["authorized_data"]
    assert isinstance(page, AuthorizedDataPage)
    shell.window.show_page("authorized_data")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    return page


def select_residents(page: AuthorizedDataPage) -> None:
    for row, view in enumerate(page.model.views):
        if view.grant.resource_code == "101001/000001":
            page.table.selectRow(row)
            return
    raise AssertionError([v.grant.resource_code for v in page.model.views])


def shown(viewer: GrantViewer, rows: int) -> list[list[str | None]]:
    model = viewer.model
    return [[model.cell(r, c) for c in range(model.columnCount())] for r in range(rows)]


def settled(viewer: GrantViewer) -> bool:
    """The rows shown are those of the viewer's latest query."""
    source = viewer.model.source
    return source is not None and source.query == viewer.query


def audited(shell: Shell, grant_id: str) -> list[str]:
    shell.ctx.executor.write(lambda: None)
    with shell.ctx.database.read() as session:
        return list(session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.subject_id == grant_id)
            .order_by(AuditEventRow.seq)))  # fmt: skip


def test_grants_list_and_the_viewer_online_then_offline(
    qtbot: QtBot, requester_shell: Shell, qapp: QApplication, tmp_path: Path
) -> None:
    shell = requester_shell
    page = open_page(qtbot, shell)
    select_residents(page)
    view = page.selected()
    assert view is not None
    row = page.model.views.index(view)
    texts = [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]
    assert "公民身份号码、姓名、户籍地址" in texts
    assert page.open_button.isEnabled() and page.download_button.isEnabled()
    assert not page.acknowledge_button.isEnabled()

    viewer = page.open_selected()
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.model.rowCount() > 0, timeout=WAIT)
    assert viewer.model.source is not None and not viewer.model.source.offline
    assert [viewer.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(viewer.model.columnCount())] == GRANTED  # fmt: skip
    assert viewer.model.rowCount() == 40  # one page of 200 holds them all
    assert not viewer.export_button.isEnabled()
    assert viewer.export_reason.text() and viewer.export_reason.isVisible()
    officer = shell.ctx.services.runtime.identity.get().officer
    assert officer in viewer.watermark.text and "SJZ-MZ" in viewer.watermark.text
    assert "石家庄市民政局" in viewer.watermark.text
    assert viewer.watermark.isVisible()
    assert viewer.watermark.geometry() == viewer.table.viewport().rect()

    # sorting online is not the platform's: said, nothing re-read
    viewer.table.horizontalHeader().sectionClicked.emit(1)
    assert viewer.query.sort is None and viewer.message.text()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shell.window.resize(1366, 768)
    viewer.resize(1366, 768)
    qtbot.waitUntil(lambda: viewer.model.cell(0, 0) is not None, timeout=WAIT)
    assert shell.window.grab().save(str(SCREENSHOTS / "authorized-data-page-zh_CN.png"))
    assert viewer.grab().save(str(SCREENSHOTS / "authorized-data-viewer-zh_CN.png"))
    online_rows = shown(viewer, 40)
    viewer.close()
    offline_viewer(qtbot, page, online_rows, tmp_path)

    grant_id = view.grant.id
    qtbot.waitUntil(lambda: "grant.print" in audited(shell, grant_id), timeout=WAIT)
    actions = audited(shell, grant_id)
    assert actions.count("grant.view") == 2
    assert actions.count("grant.query") == 2  # the sort, then the filter


def offline_viewer(
    qtbot: QtBot, page: AuthorizedDataPage, online_rows: list[list[str | None]], tmp_path: Path
) -> None:
    """Keep the grant offline, then the viewer reads the encrypted copy."""
    page.download_selected()
    qtbot.waitUntil(lambda: (v := page.selected()) is not None and v.cache is not None
                    and v.cache.complete, timeout=WAIT)  # fmt: skip
    assert not page.download_button.isEnabled() and page.purge_button.isEnabled()
    viewer = page.open_selected()
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.model.source is not None and viewer.model.source.offline,
                    timeout=WAIT)  # fmt: skip
    qtbot.waitUntil(lambda: viewer.model.cell(39, 2) is not None, timeout=WAIT)
    assert shown(viewer, 40) == online_rows

    viewer.table.horizontalHeader().sectionClicked.emit(1)  # sort by 姓名 (SQL on the copy)
    qtbot.waitUntil(lambda: settled(viewer) and viewer.query.sort is not None, timeout=WAIT)
    viewer.table.scrollToBottom()
    qtbot.waitUntil(lambda: viewer.model.cell(39, 1) is not None, timeout=WAIT)
    names = [r[1] or "" for r in shown(viewer, 40)]
    assert names == sorted(names)

    wanted = online_rows[5][1] or ""
    viewer.column_box.setCurrentIndex(1)
    ime_type(viewer.value_edit, wanted)  # Chinese arrives through the input method
    qtbot.mouseClick(viewer.filter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settled(viewer) and viewer.query.filters != ()
                    and viewer.model.cell(0, 1) is not None, timeout=WAIT)  # fmt: skip
    assert {r[1] for r in shown(viewer, viewer.model.rowCount())} == {wanted}

    # copy: the selected cells only
    viewer.table.clearSelection()
    viewer.table.selectionModel().select(
        viewer.model.index(0, 0),
        viewer.table.selectionModel().SelectionFlag.Select,
    )
    viewer.table.setFocus()
    qtbot.keyClick(viewer.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == viewer.model.cell(0, 0)

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "rows.pdf"))
    assert viewer.print_to(printer) >= 1
    assert (tmp_path / "rows.pdf").stat().st_size > 0
    viewer.close()


def test_a_revocation_reaching_an_open_viewer_clears_it_and_says_why(
    qtbot: QtBot, requester_shell: Shell, platform: Platform
) -> None:
    """Last in the module: it revokes the seed's live grant."""
    shell = requester_shell
    page = open_page(qtbot, shell)
    select_residents(page)
    page.download_selected()
    qtbot.waitUntil(lambda: (v := page.selected()) is not None and v.cache is not None
                    and v.cache.complete, timeout=WAIT)  # fmt: skip
    view = page.selected()
    assert view is not None
    viewer = page.open_selected()
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.model.cell(0, 0) is not None, timeout=WAIT)
    reply = platform.login("sjz-authority").post(
        f"/grants/{view.grant.id}/revoke", json={"text": "监测发现超出授权用途。"}
    )
    assert reply.status_code == 200, reply.text
    press_f5(qtbot, shell)
    qtbot.waitUntil(lambda: "监测发现超出授权用途。" in viewer.message.text(), timeout=SYNC_TIMEOUT)
    assert viewer.model.rowCount() == 0 and not viewer.table.isEnabled()
    assert not any(shell.ctx.services.grant_data.config.cache_dir.glob("*.db*"))
    # the list keeps it, with its reason, until acknowledged
    qtbot.waitUntil(lambda: any(v.grant.revoked for v in page.model.views), timeout=WAIT)
    select_residents(page)
    status = page.model.data(page.model.index(page.table.currentIndex().row(), 6))
    assert "监测发现超出授权用途。" in str(status)
    assert page.acknowledge_button.isEnabled() and not page.open_button.isEnabled()
    qtbot.mouseClick(page.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.area.showing_empty, timeout=WAIT)
    assert page.empty.title.text() == "还没有授权"
