"""放弃此操作 on the 同步 page: a refused share-request step or objection is let go after a
question in Chinese, through the runner's writer; any other row keeps the button disabled
and says why. Real widgets, a real store; the refusals are left as the push leaves them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import Classification, DataItem, ShareRequest
from govshare_desktop.domain.enums import OutboxStatus
from govshare_desktop.domain.notices import Notice
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.store.repositories.notices import NoticeRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutboxRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from govshare_desktop.ui.sync.page import SyncPage
from tests.gui.conftest import OpenShell
from tests.gui.objection_support import grant, pull_grants, refuse_last
from tests.gui.test_rendering import SCREENSHOTS
from tests.gui.test_share_requests_page import ME, POLICE, on_writer, signed_in

WAIT = 5000


def seqs(shell: Shell) -> list[int]:
    return [change.seq for change in shell.ctx.services.outbox.waiting()]


def select_row(qtbot: QtBot, page: SyncPage, seq: int) -> None:
    qtbot.waitUntil(lambda: seq in [c.seq for c in page.waiting], timeout=WAIT)
    row = [c.seq for c in page.waiting].index(seq)
    page.outbox_table.selectRow(row)


def seed_refusals(shell: Shell) -> tuple[int, int, str]:
    """A resource waiting to be sent, a share request's refused submit and an objection's
    refused raise; returns the two refused ops' seqs and the request's id."""
    # a resource waiting to be sent: not refused, so not the officer's to let go
    catalog = shell.ctx.services.catalog
    resource = catalog.new_resource("低保对象信息", Classification("3", "01", "001"))
    catalog.save(replace(resource, data_items=(DataItem("姓名", "C", 50),)))
    # a share request whose submit the platform refused (the state moved on)
    request = ShareRequest(
        requester_unit_code=ME, provider_unit_code=POLICE, resource_code="101001/000001",
        data_item_names=("姓名",), purpose="核验。",
    )  # fmt: skip
    with shell.ctx.database.write() as session:
        repo = ShareRequestRepository(session)
        repo.save_draft(request)
        repo.queue_step(request.id, RequestAction.SUBMIT, {})
    step_seq = refuse_last(shell, EntityKind.SHARE_REQUEST, request.id, 409, "该申请已被撤回")
    # an objection whose raise the platform refused (the grant was revoked meanwhile)
    held = grant("101001")
    pull_grants(shell, held)
    raised = shell.ctx.services.objections.raise_objection(
        held.id, "accuracy", "第3行姓名有误。", data_item="姓名"
    )
    raise_seq = refuse_last(shell, EntityKind.OBJECTION, raised.objection.id, 403, "授权已撤销")
    return step_seq, raise_seq, request.id


def test_a_refused_step_and_objection_are_let_go_after_a_question_others_say_why_not(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"requester"}))
    shell.window.resize(1366, 768)
    page = shell.window.sync_page
    shell.window.show_page("sync")

    step_seq, raise_seq, request_id = seed_refusals(shell)
    qtbot.waitUntil(lambda: len(page.waiting) == 4, timeout=WAIT)
    resource_seq = page.waiting[0].seq
    objection_row = next(c for c in page.waiting if c.seq == raise_seq)
    assert page.outbox_table.item(page.waiting.index(objection_row), 1).text() == "提出异议"  # type: ignore[union-attr]

    # nothing chosen, or a change not refused: the button says why it cannot act
    assert not page.discard_button.isEnabled()
    assert page.discard_button.text() == "放弃此操作…"
    assert "选择" in page.discard_button.toolTip()
    select_row(qtbot, page, resource_seq)
    assert not page.discard_button.isEnabled()
    assert "尚未被拒绝" in page.discard_button.toolTip(), page.discard_button.toolTip()
    assert page.discard_selected() is None

    # the refused step: asked first, in Chinese; 取消 lets nothing go
    select_row(qtbot, page, step_seq)
    assert page.discard_button.isEnabled()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert page.window().grab().save(str(SCREENSHOTS / "sync-refused-zh_CN.png"))
    page.discard_button.click()
    box = page.confirm
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "提交提供方" in box.text() and "该申请已被撤回" in box.informativeText()
    assert "平台上的状态不变" in box.informativeText(), box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert step_seq in seqs(shell)

    page.discard_button.click()
    box = page.confirm
    assert box is not None
    with qtbot.waitSignal(page.discarded, timeout=WAIT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert step_seq not in seqs(shell)
    with shell.ctx.database.read() as session:
        assert [op.seq for op in OutboxRepository(session).ops_of(request_id)] == [
            step_seq - 1  # the draft's create goes on
        ]

    # the refused objection: its own service lets it go
    qtbot.waitUntil(lambda: step_seq not in [c.seq for c in page.waiting], timeout=WAIT)
    assert page.selected_change() is None and not page.discard_button.isEnabled()
    select_row(qtbot, page, raise_seq)
    page.discard_button.click()
    box = page.confirm
    assert box is not None and "异议" in box.informativeText()
    with qtbot.waitSignal(page.discarded, timeout=WAIT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert raise_seq not in seqs(shell)
    qtbot.waitUntil(lambda: len(page.waiting) == 2, timeout=WAIT)
    assert not page.notice.isVisible()


def test_a_refused_reading_of_a_notice_is_let_go_and_the_notice_stays_read(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"requester"}))
    page = shell.window.sync_page
    shell.window.show_page("sync")
    with shell.ctx.database.write() as session:
        NoticeRepository(session).store_remote(
            Notice("n-withdrawn", "已撤回的通报", "无。", datetime(2026, 12, 1, 2)), 1
        )
    shell.ctx.services.notices.mark_read("n-withdrawn")

    def refuse(session: Any) -> None:
        seq = OutboxRepository(session).ops_of("n-withdrawn")[-1].seq
        OutboxQueue(session).fail(seq, OutboxStatus.FAILED, 404, "通报不存在")
        NoticeRepository(session).refused("n-withdrawn")
        refused.append(seq)

    refused: list[int] = []
    on_writer(shell, refuse)
    select_row(qtbot, page, refused[0])
    assert page.discard_button.isEnabled()
    page.discard_button.click()
    box = page.confirm
    assert box is not None and "通报不存在" in box.informativeText()
    assert "本机上仍为已读" in box.informativeText(), box.informativeText()
    with qtbot.waitSignal(page.discarded, timeout=WAIT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert seqs(shell) == []
    view = shell.ctx.services.notices.get("n-withdrawn")
    assert view is not None and not view.unread
