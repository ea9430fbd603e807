"""An import never overwrites what the officer typed without asking, and is one undo step.

The reported case, as the officer met it: 农村特困人员供养信息 typed in the editor takes the
first free code, 301001/000001; a workbook (written here by openpyxl, as the template's
users fill it) has 城乡低保对象信息 under that very code. The preview shows the other name,
declining stores nothing, agreeing updates it, Ctrl+Z takes the whole import back.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from govshare_desktop.app.gui import Shell
from govshare_desktop.store.models import SyncOutboxRow
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.ui.catalog.commands import ImportCommand
from govshare_desktop.ui.catalog.import_dialog import CHANGES_TAB, ImportDialog
from govshare_desktop.ui.catalog.page import CatalogPage
from govshare_desktop.ui.messages import wording
from tests.gui.test_change_bus import catalog_page, create, remote_write, type_into
from tests.gui.test_import_dialog import screenshot

WAIT = 10_000
PROVIDER, CREDIT_CODE = "某某县民政局", "11130100MB12345671"
RESOURCE_HEADER = [
    "序号", "类", "项", "目", "细目", "信息资源名称", "信息资源代码", "信息资源提供方",
    "信息资源提供方代码", "信息资源摘要", "信息资源格式", "共享类型", "共享条件", "共享方式",
    "不予共享依据", "是否向社会开放", "开放条件", "更新周期", "发布日期", "关联资源代码",
]  # fmt: skip


def relief_workbook(path: Path) -> Path:
    """Two resources of a county civil affairs bureau; the first under 301001/000001."""
    book = Workbook()
    resources = book.active
    assert resources is not None
    resources.title = "信息资源"
    resources.append(RESOURCE_HEADER)
    for n, (name, code) in enumerate(
        [("城乡低保对象信息", "301001/000001"), ("临时救助对象信息", "301001/000002")], 1
    ):
        resources.append(
            [n, "3", "01", "001", "", name, code, PROVIDER, CREDIT_CODE,
             f"全县{name}，按月更新。", "数据库/MySQL", "有条件共享", "仅用于社会救助核对",
             "共享平台/接口", "", "否", "", "每月", date(2025, 6, 1), ""]
        )  # fmt: skip
    items = book.create_sheet("信息项")
    items.append(["信息资源代码", "信息项名称", "数据类型", "数据长度", "信息项说明"])
    for code in ("301001/000001", "301001/000002"):
        items.append([code, "公民身份号码", "字符型C", 18, ""])
        items.append([code, "救助金额", "N", 10, "元"])
    for sheet in (resources, items):  # codes as text, as the template formats them
        for row in sheet.iter_rows():
            for cell in row:
                cell.number_format = "@" if isinstance(cell.value, str) else cell.number_format
    book.save(path)
    return path


def outbox(shell: Shell) -> list[tuple[str, str, dict[str, Any], list[str]]]:
    with shell.ctx.database.read() as session:
        repo = OutboxRepository(session)
        rows = session.scalars(select(SyncOutboxRow).order_by(SyncOutboxRow.seq)).all()
        return [(r.op, r.status, json.loads(r.payload_json), repo.batch_ids(r.seq)) for r in rows]


def checked(qtbot: QtBot, page: CatalogPage, path: Path) -> ImportDialog:
    qtbot.waitUntil(page.excel.import_action.isEnabled, timeout=WAIT)
    page.excel.import_action.trigger()
    dialog = page.excel.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.load(path)
    return dialog


def confirmation(qtbot: QtBot, dialog: ImportDialog) -> QMessageBox:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None
    qtbot.waitExposed(box)
    return box


def shows_the_other_name(dialog: ImportDialog, shell: Shell) -> None:
    """The preview: the other name under my code, flagged above the tabs and in the list,
    with every changed field in the editor's words."""
    report = dialog.report
    assert report is not None and report.ok and (report.new, report.changed) == (1, 1)
    (change,) = report.renamed
    assert (change.name_before, change.name_after) == ("农村特困人员供养信息", "城乡低保对象信息")
    assert dialog.changes_note.isVisible()
    note = dialog.changes_note.text()
    assert "城乡低保对象信息" in note and "农村特困人员供养信息" in note
    assert "b00020" in dialog.changes_note.styleSheet()  # red, bold
    assert dialog.tabs.isTabVisible(CHANGES_TAB) and dialog.tabs.currentIndex() == CHANGES_TAB
    rows = dialog.changes_view.rows()
    assert rows[0] == ("301001/000001", "农村特困人员供养信息", "城乡低保对象信息")
    words = wording(shell.ctx.services.catalog.profile)
    assert (words.field("update_cycle"), words.change("update_cycle", None), "每月") in rows
    assert (words.field("provider_name"), words.change("provider_name", ""), PROVIDER) in rows
    screenshot(dialog, "import-dialog-changes.png")


def test_an_import_over_a_resource_typed_by_hand_asks_shows_and_undoes(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    page = catalog_page(shell)
    catalog = shell.ctx.services.catalog
    rid = create(qtbot, page)
    type_into(qtbot, page, "name", "农村特困人员供养信息")
    mine = catalog.get(rid)
    assert mine is not None and mine.code == "301001/000001"  # the first free code
    queued, steps = outbox(shell), page.undo_stack.count()
    book = relief_workbook(tmp_path / "民政局目录.xlsx")

    dialog = checked(qtbot, page, book)
    shows_the_other_name(dialog, shell)

    # declining: nothing changes
    box = confirmation(qtbot, dialog)
    assert "城乡低保对象信息" in box.text() and "1" in box.text()
    assert box.defaultButton() is box.escapeButton()  # Enter and Esc both cancel
    screenshot(box, "import-confirm-changes.png")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    assert dialog.isVisible()
    assert catalog.list_resources() == [mine]
    assert outbox(shell) == queued

    # agreeing: my resource becomes the workbook's row, the other is created
    box = confirmation(qtbot, dialog)
    agree = box.findChild(QPushButton, "confirmChanges")
    assert agree is not None
    with qtbot.waitSignals([dialog.imported, page.loaded], timeout=WAIT):
        qtbot.mouseClick(agree, Qt.MouseButton.LeftButton)
    updated = catalog.get(rid)
    assert updated is not None and updated.name == "城乡低保对象信息"
    assert [i.name for i in updated.data_items] == ["公民身份号码", "救助金额"]
    assert catalog.count() == 2
    result = page.excel.result_box
    assert result is not None and result.findChild(QPushButton, "undoImport") is not None
    result.close()

    # one step on the undo stack, on top of my edits; Ctrl+Z takes it all back
    assert page.undo_stack.count() == steps + 1
    undo = shell.window.undo_action
    assert "民政局目录.xlsx" in undo.text()
    with qtbot.waitSignals([page.import_undo.undone, page.loaded], timeout=WAIT):
        undo.trigger()
    assert catalog.list_resources() == [mine]
    assert outbox(shell) == queued  # the create sends my resource again; no batch
    assert page.undo_stack.count() == steps  # not redoable: importing again does that
    qtbot.waitUntil(lambda: page.model is not None and page.model.resource_count() == 1)
    assert "民政局目录.xlsx" in shell.window.statusBar().currentMessage()


def test_undo_of_an_import_already_sent_is_refused_and_kept(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    page = catalog_page(shell)
    catalog = shell.ctx.services.catalog
    dialog = checked(qtbot, page, relief_workbook(tmp_path / "民政局目录.xlsx"))
    assert dialog.report is not None and not dialog.report.changes
    with qtbot.waitSignals([dialog.imported, page.loaded], timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # nothing to ask
    assert catalog.count() == 2
    with shell.ctx.database.write() as session:  # a push began sending the batch
        session.execute(update(SyncOutboxRow).values(attempts=1, status="in_flight"))

    result = page.excel.result_box
    assert result is not None
    undo = result.findChild(QPushButton, "undoImport")
    assert undo is not None
    with qtbot.waitSignal(page.import_undo.refused, timeout=WAIT) as refused:
        qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert "平台" in refused.args[0]
    box = page.import_undo.refusal_box
    assert box is not None and box.isVisible() and box.text() == refused.args[0]
    box.close()
    assert catalog.count() == 2  # nothing taken back
    top = page.undo_stack.command(page.undo_stack.index() - 1)
    assert isinstance(top, ImportCommand)  # the step is still there, with its reason told


def test_a_remote_change_to_an_imported_resource_outdates_the_import_step(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    """Undo never overwrites what the platform sent: once a pull changed one of the imported
    resources, Ctrl+Z drops the import's step with a note instead of taking it back."""
    page = catalog_page(shell)
    catalog = shell.ctx.services.catalog
    dialog = checked(qtbot, page, relief_workbook(tmp_path / "民政局目录.xlsx"))
    with qtbot.waitSignals([dialog.imported, page.loaded], timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert page.excel.result_box is not None
    page.excel.result_box.close()
    step = page.undo_stack.command(page.undo_stack.index() - 1)
    assert isinstance(step, ImportCommand)
    pulled = catalog.find("301001/000002")
    assert pulled is not None
    remote_write(shell, replace(pulled, abstract="省平台修订的摘要"), 1)
    qtbot.waitUntil(lambda: step.outdated, timeout=WAIT)
    with qtbot.waitSignal(page.undo_dropped, timeout=WAIT):
        shell.window.undo_action.trigger()
    assert "平台" in shell.window.statusBar().currentMessage()
    assert catalog.count() == 2  # nothing taken back
    assert not any(
        isinstance(page.undo_stack.command(i), ImportCommand)
        for i in range(page.undo_stack.count())
    )


def test_a_resource_typed_after_the_check_is_not_overwritten_unasked(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    """The check found nothing to change, then the catalog got a resource under one of the
    workbook's codes (a pull, another window): the import stores nothing and checks again,
    so the officer sees the change before agreeing to it."""
    page = catalog_page(shell)
    catalog = shell.ctx.services.catalog
    dialog = checked(qtbot, page, relief_workbook(tmp_path / "民政局目录.xlsx"))
    assert dialog.report is not None and not dialog.report.changes
    rid = create(qtbot, page)  # 301001/000001, typed while the dialog was open
    mine = catalog.get(rid)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "变化" in dialog.message.text()
    assert catalog.list_resources() == [mine]
    assert dialog.report is not None and len(dialog.report.overwrites) == 1
    assert dialog.changes_note.isVisible() and dialog.tabs.currentIndex() == CHANGES_TAB
    dialog.reject()
