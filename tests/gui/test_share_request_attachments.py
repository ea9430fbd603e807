"""共享申请 page, as the officer meets the rest of issue 13: 附件 added to a draft in its
dialog (a PDF listed, a Word file refused in words) and opened or saved from a request's
detail; the grant's terms in the detail of a granted request and 提出异议… from there; and
Ctrl+N drafting a request from the 异议 tab too.

Offline, as the other page tests: what a pull brings is written the way a pull writes it.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.attachments import Attachment
from govshare_desktop.domain.enums import OutboxOp
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.share_request_attachments import AttachmentRepository
from govshare_desktop.ui.share_requests import draft_dialog
from govshare_desktop.ui.share_requests import page as page_module
from govshare_desktop.ui.share_requests.draft_dialog import DraftDialog
from govshare_desktop.ui.share_requests.objection_dialogs import RaiseDialog
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from tests.gui.conftest import OpenShell
from tests.gui.objection_support import grant, pull_grants
from tests.gui.test_directory_page import ENTRIES, pulled
from tests.gui.test_share_requests_page import (
    ME,
    POLICE,
    WAIT,
    S,
    on_writer,
    open_page,
    pull,
    select,
    served,
    show_tab,
    signed_in,
)

PDF = b"%PDF-1.4\n% negotiation record\n" + b"x" * 3000 + b"\n%%EOF\n"


def draft_with_resource(qtbot: QtBot, page: ShareRequestsPage) -> DraftDialog:
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(DraftDialog)
    assert isinstance(dialog, DraftDialog)
    qtbot.waitUntil(lambda: dialog.resources.count() == len(ENTRIES), timeout=WAIT)
    with qtbot.waitSignal(dialog.picked, timeout=WAIT):
        assert dialog.select_resource(ENTRIES[2].id)
    dialog.tick("户籍地址")
    dialog.purpose.setPlainText("低保对象户籍核查")
    return dialog


def attachment_rows(box: Any) -> list[list[str]]:
    table = box.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_pdf_is_added_in_the_draft_dialog_and_a_word_file_refused(
    qtbot: QtBot, home: Path, start_shell: OpenShell, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    shell = signed_in(home, start_shell)
    pulled(shell, *ENTRIES)
    page = open_page(qtbot, shell)
    dialog = draft_with_resource(qtbot, page)
    record, memo = tmp_path / "协商记录.pdf", tmp_path / "会议纪要.docx"
    record.write_bytes(PDF)
    memo.write_bytes(b"PK\x03\x04 a Word file")
    chosen = [str(record), str(memo)]
    monkeypatch.setattr(
        draft_dialog.QFileDialog, "getOpenFileNames", lambda *_a, **_k: (chosen, "")
    )
    box = dialog.attachments
    assert box.first.text() == "添加(&A)…" and box.second.text() == "移除(&M)"
    with qtbot.waitSignals([dialog.attachment_listed] * 2, timeout=WAIT):
        qtbot.mouseClick(box.first, Qt.MouseButton.LeftButton)
    (row,) = attachment_rows(box)
    assert row[0] == "协商记录.pdf" and row[2] == "本次添加"
    assert row[1] == "3.0 kB"  # 3,043 bytes, as people read sizes
    assert "“会议纪要.docx”不是 PDF 文件" in dialog.error.text(), dialog.error.text()

    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )
    (view,) = shell.ctx.services.share_requests.requests(Direction.OUTGOING)
    rid = view.request.id
    with shell.ctx.database.read() as session:
        (stored,) = AttachmentRepository(session).of_request(rid)
        content = AttachmentRepository(session).content(stored.id)
        ops = [(op.op, op.payload.get("action")) for op in OutboxRepository(session).ops_of(rid)]
    assert content == PDF and stored.sha256 == hashlib.sha256(PDF).hexdigest()
    assert ops == [(OutboxOp.CREATE, None), (OutboxOp.STEP, "attach")]
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.attachments != ()
                    and page.detail.view.request.id == rid, timeout=WAIT)  # fmt: skip
    assert attachment_rows(page.detail.attachments)[0][0] == "协商记录.pdf"
    assert attachment_rows(page.detail.attachments)[0][2] == "本机，尚未发送"

    # taken off again in the dialog: nothing of it is sent
    page.detail.edit_button.click()
    edit = page.findChild(DraftDialog)
    assert isinstance(edit, DraftDialog)
    assert edit.attachments.select(stored.id)
    qtbot.mouseClick(edit.attachments.second, Qt.MouseButton.LeftButton)
    assert attachment_rows(edit.attachments) == []
    with qtbot.waitSignal(edit.finished, timeout=WAIT):
        edit.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert shell.ctx.services.request_attachments.attachments(rid) == []
    with shell.ctx.database.read() as session:
        assert [op.op for op in OutboxRepository(session).ops_of(rid)] == [OutboxOp.CREATE]


def test_a_received_attachment_opens_and_saves_from_the_detail(
    qtbot: QtBot, home: Path, start_shell: OpenShell, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    shell = signed_in(home, start_shell, frozenset({"provider"}))
    page = open_page(qtbot, shell)
    asked = served("101001", POLICE, ME, S.SUBMITTED, ("agree", "decline"))
    held = Attachment("att-held", asked.id, "协商记录.pdf", len(PDF),
                      hashlib.sha256(PDF).hexdigest(), "ga-requester",
                      datetime(2026, 12, 1, 2, 0, tzinfo=UTC))  # fmt: skip
    missing = replace(held, id="att-missing", name="补充说明.pdf")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, replace(asked, attachments=(held, missing)))
    on_writer(shell, lambda session: AttachmentRepository(session).keep_content(held.id, PDF))
    show_tab(page, Direction.INCOMING)
    select(qtbot, page, asked.id)
    box = page.detail.attachments
    assert [r[0] for r in attachment_rows(box)] == ["协商记录.pdf", "补充说明.pdf"]
    assert (box.first.text(), box.second.text()) == ("打开(&O)", "另存为(&A)…")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # copies to open go there
    opened: list[str] = []
    monkeypatch.setattr(
        page_module.QDesktopServices,
        "openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    assert box.select(held.id)
    qtbot.waitUntil(lambda: box.first.height() > 0, timeout=WAIT)  # laid out, not only shown
    with qtbot.waitSignal(page.attachment_opened, timeout=WAIT):
        qtbot.mouseClick(box.first, Qt.MouseButton.LeftButton)
    assert Path(opened[0]).name == "协商记录.pdf" and Path(opened[0]).read_bytes() == PDF
    assert Path(opened[0]).is_relative_to(tmp_path)

    target = tmp_path / "存档" / "记录.pdf"
    monkeypatch.setattr(
        page_module.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "")
    )
    with qtbot.waitSignal(page.attachment_saved, timeout=WAIT):
        qtbot.mouseClick(box.second, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == PDF

    # not on this PC and no platform to fetch it from: said in words, nothing else happens
    assert box.select(missing.id)
    qtbot.mouseClick(box.first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.notice.isVisible, timeout=WAIT)
    assert "平台" in page.notice.text(), page.notice.text()
    assert len(opened) == 1


def granted_request(qtbot: QtBot, shell: Shell, page: ShareRequestsPage, *, revoked: bool) -> str:
    held = replace(
        grant("101001", revoked=revoked), revocation_reason="超出使用范围" if revoked else ""
    )
    mine = replace(served("101001", ME, POLICE, S.GRANTED, ()), grant_id=held.id)
    held = replace(held, request_id=mine.id)
    pull_grants(shell, held)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, mine)
    select(qtbot, page, mine.id)
    return held.id


def test_a_granted_request_shows_its_grant_and_raises_an_objection_from_it(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"requester"}))
    page = open_page(qtbot, shell)
    grant_id = granted_request(qtbot, shell, page, revoked=False)
    box = page.detail.grant_box
    assert box.isVisible() and box.heading.text() == "授权"
    assert box.values["valid"].text() == "2026-11-20 — 2027-11-19"
    assert box.values["items"].text() == "公民身份号码、姓名、户籍地址"
    assert box.values["purpose"].text() == "社会救助对象核查"
    assert box.values["rights"].text() == "不可离线缓存，不可导出"
    assert not box.values["revoked"].isVisible()
    assert box.raise_button.isVisible() and box.raise_button.text() == "提出异议(&O)…"

    qtbot.waitUntil(lambda: bool(page.objections.live_grants()), timeout=WAIT)
    qtbot.mouseClick(box.raise_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RaiseDialog)
    assert isinstance(dialog, RaiseDialog)
    assert dialog.grant.currentData() == grant_id
    dialog.reject()


def test_a_revoked_grant_says_why_and_offers_no_objection(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"requester"}))
    page = open_page(qtbot, shell)
    granted_request(qtbot, shell, page, revoked=True)
    box = page.detail.grant_box
    assert box.values["revoked"].isVisible()
    assert box.values["revoked"].text() == "2026-11-20 09:00，xxgx-officer：超出使用范围"
    assert not box.raise_button.isVisible()


def test_ctrl_n_on_the_objections_tab_drafts_a_request_and_shows_it(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"requester"}))
    pulled(shell, *ENTRIES)
    page = open_page(qtbot, shell)
    page.sections.setCurrentIndex(1)  # 异议
    assert page.new_button.isVisible()  # where the officer sees it, with its shortcut
    assert page.new_button.toolTip() == "起草共享申请（Ctrl+N）"
    page.objections.setFocus()
    qtbot.keyClick(page.objections, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(DraftDialog)
    assert isinstance(dialog, DraftDialog)
    assert page.findChild(RaiseDialog) is None
    qtbot.waitUntil(lambda: dialog.resources.count() == len(ENTRIES), timeout=WAIT)
    with qtbot.waitSignal(dialog.picked, timeout=WAIT):
        assert dialog.select_resource(ENTRIES[2].id)
    dialog.tick("户籍地址")
    dialog.purpose.setPlainText("低保对象户籍核查")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    (view,) = shell.ctx.services.share_requests.requests(Direction.OUTGOING)
    assert page.sections.currentIndex() == 0
    qtbot.waitUntil(lambda: page.selected_id() == view.request.id, timeout=WAIT)
