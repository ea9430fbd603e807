"""共享申请 as an officer meets it: lists by direction with countdowns, a reminder of what is
due, steps queued through their dialog, a refused step let go, a draft from the directory.

Requests arrive the way a pull writes them (the repository's `store_remote`, on the writer,
from another thread); the officer's own work goes through the page's dialogs. No platform
is involved: everything here works offline and lands in the outbox.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from govshare_desktop.app.context import AppContext
from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.deadlines import china_date
from govshare_desktop.domain.entities import ShareRequest, ShareRequestEvent
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus, ShareRequestState
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutboxRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from govshare_desktop.ui.share_requests.draft_dialog import DraftDialog
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from govshare_desktop.ui.share_requests.printing import PrintPreview
from govshare_desktop.ui.share_requests.step_dialog import StepDialog
from tests.gui.conftest import OpenShell
from tests.gui.test_directory_page import ENTRIES, pulled
from tests.gui.test_rendering import SCREENSHOTS

WAIT = 5000
S = ShareRequestState
ME, POLICE, LABOUR = "SJZ-MZ", "SJZ-GA", "SJZ-RS"


def signed_in(home: Path, start_shell: OpenShell, roles: frozenset[str] = frozenset()) -> Shell:
    ctx = AppContext.open(home)
    with ctx.database.write() as session:
        IdentityRepository(session).put(
            Identity(officer="mz-officer", display_name="周静", unit_code=ME,
                     unit_name="石家庄市民政局", roles=roles)
        )  # fmt: skip
    ctx.close()
    return start_shell()


def today(shell: Shell) -> date:
    return china_date(shell.ctx.services.runtime.clock.now())


def on_writer(shell: Shell, work: Callable[[Any], None]) -> None:
    """What a sync does: one transaction on the writer, from another thread."""

    def apply() -> None:
        with shell.ctx.database.write() as session:
            work(session)

    worker = threading.Thread(target=lambda: shell.ctx.executor.write(apply))
    worker.start()
    worker.join(10)


def served(
    code: str, requester: str, provider: str, state: ShareRequestState, allowed: tuple[str, ...],
    *, authority: str = "", explanation_due: date | None = None,
    coordination_due: date | None = None,
) -> ShareRequest:  # fmt: skip
    at = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)
    return ShareRequest(
        requester_unit_code=requester, provider_unit_code=provider,
        resource_code=f"{code}/000001", purpose="社会救助对象核查", data_item_names=("公民身份号码", "姓名"),
        state=state, explanation_due=explanation_due, coordination_due=coordination_due,
        authority_unit_code=authority, allowed_actions=allowed, server_updated_at=at,
        events=(
            ShareRequestEvent("submit", "ga-officer", at, "请协助提供", S.DRAFT, S.SUBMITTED,
                              requester, seq=1),
        ),
    )  # fmt: skip


def pull(shell: Shell, *requests: ShareRequest) -> None:
    def work(session: Any) -> None:
        repo = ShareRequestRepository(session)
        for request in requests:
            repo.store_remote(request, 1)

    on_writer(shell, work)


def open_page(qtbot: QtBot, shell: Shell) -> ShareRequestsPage:
    page = shell.window.pages["share_requests"]
    assert isinstance(page, ShareRequestsPage)
    shell.window.show_page("share_requests")
    qtbot.waitUntil(page.new_button.isEnabled, timeout=WAIT)
    return page


def show_tab(page: ShareRequestsPage, direction: Direction) -> None:
    for index in range(page.tabs.count()):
        if page.tabs.tabData(index) == direction.value:
            page.tabs.setCurrentIndex(index)
            return
    raise AssertionError(f"no tab {direction}")


def rows(page: ShareRequestsPage) -> list[list[str]]:
    model = page.model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def select(qtbot: QtBot, page: ShareRequestsPage, request_id: str) -> None:
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        assert page.select(request_id)


def outbox_steps(shell: Shell, request_id: str) -> list[tuple[str, OutboxStatus]]:
    with shell.ctx.database.read() as session:
        ops = OutboxRepository(session).ops_of(request_id)
    return [(op.payload["action"], op.status) for op in ops if op.op is OutboxOp.STEP]


def test_the_lists_by_direction_count_down_and_remind_of_what_is_due(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"requester", "provider", "authority"}))
    page = open_page(qtbot, shell)
    qtbot.waitUntil(page.list_area.showing_empty, timeout=WAIT)
    assert page.empty.title.text() == "您尚未申请任何资源"
    assert "从共享目录选择资源" in page.empty.text.text()
    assert page.empty_new.isVisible()
    assert not page.reminder.isVisible()

    day = today(shell)
    declined = served("101001", ME, POLICE, S.DECLINED, ("apply", "withdraw"))
    explain = served("102001", POLICE, ME, S.EXPLANATION_REQUESTED, ("explain",),
                     authority=LABOUR, explanation_due=day + timedelta(days=2))  # fmt: skip
    today_due = served("103001", LABOUR, ME, S.EXPLANATION_REQUESTED, ("explain",),
                       authority=POLICE, explanation_due=day)  # fmt: skip
    later = served("104001", LABOUR, ME, S.EXPLANATION_REQUESTED, ("explain",),
                   authority=POLICE, explanation_due=day + timedelta(days=5))  # fmt: skip
    late = served("105001", LABOUR, POLICE, S.EXPLAINED, ("escalate",),
                  authority=ME, coordination_due=day - timedelta(days=2))  # fmt: skip
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, declined, explain, today_due, later, late)

    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "我发出的", "待我答复", "主管部门",
    ]  # fmt: skip
    assert [r[:4] for r in rows(page)] == [["101001/000001", POLICE, "提供方不同意", ""]]
    assert rows(page)[0][4] == "2026-12-01 10:30"  # China time

    show_tab(page, Direction.INCOMING)
    incoming = {r[0]: r for r in rows(page)}
    assert set(incoming) == {"102001/000001", "103001/000001", "104001/000001"}
    assert incoming["102001/000001"][1] == POLICE
    assert incoming["102001/000001"][3].startswith("剩 2 天")
    assert incoming["103001/000001"][3].startswith("今天到期")
    assert incoming["104001/000001"][3].startswith("剩 5 天")

    show_tab(page, Direction.AUTHORITY)
    (authority_row,) = rows(page)
    assert authority_row[1] == f"{LABOUR} → {POLICE}"
    assert authority_row[3].startswith("逾期 2 天")
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None

    # what this unit must do within three days (or is late with) is announced, the rest not
    reminder = page.reminder.text()
    assert page.reminder.isVisible() and reminder.startswith("3 项共享申请需要您尽快办理")
    assert "102001/000001" in reminder and "103001/000001" in reminder
    assert "105001/000001" in reminder and "104001/000001" not in reminder
    assert shell.window.statusBar().currentMessage() == reminder

    page.state_filter.setCurrentIndex(page.state_filter.findData(S.GRANTED.value))
    assert page.list_area.showing_empty() and page.empty.title.text() == "没有处于此状态的申请"
    page.state_filter.setCurrentIndex(page.state_filter.findData(S.EXPLAINED.value))
    assert len(rows(page)) == 1


def test_a_step_is_queued_through_its_dialog_and_a_refused_one_is_let_go(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell)
    page = open_page(qtbot, shell)
    asked = served("102001", POLICE, ME, S.SUBMITTED, ("agree", "decline"))
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, asked)
    show_tab(page, Direction.INCOMING)
    select(qtbot, page, asked.id)
    detail = page.detail
    assert detail.values["state"].text() == "待提供方答复"
    assert detail.history.item(0, 2).text() == "提交提供方"
    assert set(detail.action_buttons) == {RequestAction.AGREE, RequestAction.DECLINE}

    detail.action_buttons[RequestAction.DECLINE].click()
    dialog = page.findChild(StepDialog)
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # a refusal needs its reasons
    assert dialog.isVisible() and "理由" in dialog.error.text(), dialog.error.text()
    assert outbox_steps(shell, asked.id) == []

    dialog.text.setPlainText("该资源含个人隐私信息，须经本人授权")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert outbox_steps(shell, asked.id) == [("decline", OutboxStatus.PENDING)]
    qtbot.waitUntil(lambda: rows(page)[0][5] == "等待发送", timeout=WAIT)

    def refuse(session: Any) -> None:  # what the push does with a 409
        (seq,) = [op.seq for op in OutboxRepository(session).ops_of(asked.id)]
        OutboxQueue(session).fail(seq, OutboxStatus.FAILED, 409, "该申请已由申请方撤回")
        ShareRequestRepository(session).refused(asked.id)

    on_writer(shell, refuse)
    qtbot.waitUntil(lambda: rows(page)[0][5] == "被平台拒绝", timeout=WAIT)
    qtbot.waitUntil(lambda: bool(detail.discard_buttons), timeout=WAIT)
    (seq,) = detail.discard_buttons
    labels = [w.text() for w in detail.findChildren(type(detail.queued_heading))]
    assert any("该申请已由申请方撤回" in text for text in labels), labels
    button = detail.discard_buttons[seq]
    assert button.text() == "放弃此操作"
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert outbox_steps(shell, asked.id) == []
    qtbot.waitUntil(lambda: not detail.discard_buttons, timeout=WAIT)


def test_the_authority_grants_with_terms_checked_before_they_are_queued(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"authority"}))
    page = open_page(qtbot, shell)
    filed = served("101001", LABOUR, POLICE, S.FILED, ("grant",), authority=ME)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, filed)
    show_tab(page, Direction.AUTHORITY)
    select(qtbot, page, filed.id)
    page.detail.action_buttons[RequestAction.GRANT].click()
    dialog = page.findChild(StepDialog)
    assert isinstance(dialog, StepDialog) and dialog.terms is not None
    assert dialog.text_label.text() == "说明（选填）"
    dialog.terms.setChecked(True)
    dialog.term_items.item(1).setCheckState(Qt.CheckState.Unchecked)  # 姓名 not granted
    dialog.valid_from.setDate(QDate(2027, 1, 1))
    dialog.valid_to.setDate(QDate(2026, 1, 1))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "2027-01-01" in dialog.error.text(), dialog.error.text()

    dialog.valid_to.setDate(QDate(2027, 12, 31))
    dialog.allow_export.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    with shell.ctx.database.read() as session:
        (op,) = OutboxRepository(session).ops_of(filed.id)
    assert op.payload["action"] == "grant"
    assert op.payload["body"]["terms"] == {
        "data_items": ["公民身份号码"], "valid_from": "2027-01-01", "valid_to": "2027-12-31",
        "allow_offline_cache": False, "allow_export": True,
    }  # fmt: skip


def test_a_decision_offers_its_terms_only_once_the_outcome_is_to_share(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    """记录决定 (and 记录协调结果) carry an outcome and, with 共享, the grant's terms."""
    shell = signed_in(home, start_shell, frozenset({"authority"}))
    page = open_page(qtbot, shell)
    escalated = served("101001", LABOUR, POLICE, S.ESCALATED, ("decide",), authority=ME)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, escalated)
    show_tab(page, Direction.AUTHORITY)
    select(qtbot, page, escalated.id)
    page.detail.action_buttons[RequestAction.DECIDE].click()
    dialog = page.findChild(StepDialog)
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    assert dialog.outcome is not None and dialog.terms is not None
    assert not dialog.terms.isEnabled()  # no outcome chosen yet
    (no_share,) = [b for b in dialog.outcome.buttons() if b.property("code") == "no_share"]
    (share,) = [b for b in dialog.outcome.buttons() if b.property("code") == "share"]
    qtbot.mouseClick(share, Qt.MouseButton.LeftButton)
    assert dialog.terms.isEnabled()
    dialog.terms.setChecked(True)
    qtbot.mouseClick(no_share, Qt.MouseButton.LeftButton)
    assert not dialog.terms.isEnabled() and not dialog.terms.isChecked()
    qtbot.mouseClick(share, Qt.MouseButton.LeftButton)
    dialog.terms.setChecked(True)
    dialog.text.setPlainText("经会同编制、保密部门研究，决定共享。")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    with shell.ctx.database.read() as session:
        (op,) = OutboxRepository(session).ops_of(escalated.id)
    assert (op.payload["action"], op.payload["body"]["outcome"]) == ("decide", "share")
    assert op.payload["body"]["terms"]["data_items"] == ["公民身份号码", "姓名"]


def edit_the_items(qtbot: QtBot, page: ShareRequestsPage, shell: Shell, request_id: str) -> None:
    """The draft's dialog again: the directory entry's items listed, the draft's ticked."""
    page.detail.edit_button.click()
    edit = page.findChild(DraftDialog)
    assert isinstance(edit, DraftDialog) and edit.request is not None
    assert edit.purpose.toPlainText() == "低保对象户籍核查"
    qtbot.waitUntil(lambda: edit.items_from_directory, timeout=WAIT)  # every item, to tick
    assert [edit.items.item(i).checkState() for i in range(edit.items.count())] == [
        Qt.CheckState.Unchecked, Qt.CheckState.Checked,
    ]  # fmt: skip
    edit.tick("公民身份号码")
    with qtbot.waitSignal(edit.finished, timeout=WAIT):
        qtbot.mouseClick(edit.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    saved = shell.ctx.services.share_requests.get(request_id)
    assert saved is not None and saved.request.data_item_names == ("公民身份号码", "户籍地址")


def test_a_draft_from_the_directory_is_saved_edited_and_submitted(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell)
    pulled(shell, *ENTRIES)
    page = open_page(qtbot, shell)
    qtbot.waitUntil(page.list_area.showing_empty, timeout=WAIT)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(DraftDialog)
    assert isinstance(dialog, DraftDialog)
    qtbot.waitUntil(lambda: dialog.resources.count() == len(ENTRIES), timeout=WAIT)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请从共享目录中选择资源。"

    with qtbot.waitSignal(dialog.picked, timeout=WAIT):
        assert dialog.select_resource(ENTRIES[2].id)
    assert [dialog.items.item(i).text() for i in range(dialog.items.count())] == [
        "公民身份号码", "户籍地址",
    ]  # fmt: skip
    dialog.tick("户籍地址")
    dialog.purpose.setPlainText("低保对象户籍核查")
    dialog.legal_basis.setText("《社会救助暂行办法》第十一条")
    dialog.share_method.setCurrentIndex(dialog.share_method.findData("platform_interface"))
    dialog.contact_name.setText("周静")
    dialog.contact_phone.setText("0311-86000000")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(rows(page)) == 1 and page.detail.view is not None, timeout=WAIT)
    (view,) = shell.ctx.services.share_requests.requests(Direction.OUTGOING)
    request = view.request
    assert (request.provider_unit_code, request.resource_code) == ("SJZ-GA", "101001/000001")
    assert request.data_item_names == ("户籍地址",) and request.share_method == "platform_interface"
    assert rows(page)[0][2:] == ["草稿", "", "尚未到达平台", "等待发送"]
    detail = page.detail
    assert detail.edit_button.isVisible()
    assert detail.values["share_method"].text() == "共享平台/接口"

    edit_the_items(qtbot, page, shell, request.id)

    qtbot.waitUntil(lambda: RequestAction.SUBMIT in detail.action_buttons, timeout=WAIT)
    detail.action_buttons[RequestAction.SUBMIT].click()
    step = page.findChild(StepDialog)
    assert isinstance(step, StepDialog)
    with qtbot.waitSignal(step.finished, timeout=WAIT):
        step.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert outbox_steps(shell, request.id) == [("submit", OutboxStatus.PENDING)]
    qtbot.waitUntil(lambda: not detail.edit_button.isVisible(), timeout=WAIT)


def test_screenshot_of_the_requests_page(qtbot: QtBot, home: Path, start_shell: OpenShell) -> None:
    shell = signed_in(home, start_shell)
    shell.window.resize(1366, 768)
    page = open_page(qtbot, shell)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(page.list_area.showing_empty, timeout=WAIT)
    assert page.window().grab().save(str(SCREENSHOTS / "share-requests-empty-zh_CN.png"))

    day = today(shell)
    asked = served("102001", POLICE, ME, S.EXPLANATION_REQUESTED, ("explain",),
                   authority=LABOUR, explanation_due=day + timedelta(days=1))  # fmt: skip
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, asked, served("101001", ME, POLICE, S.DECLINED, ("apply", "withdraw")))
    show_tab(page, Direction.INCOMING)
    select(qtbot, page, asked.id)
    row = page.detail.actions_box
    qtbot.waitUntil(  # the step's button is laid out, not only created
        lambda: (
            row.height() >= page.detail.action_buttons[RequestAction.EXPLAIN].sizeHint().height()
        ),
        timeout=WAIT,
    )
    assert page.window().grab().save(str(SCREENSHOTS / "share-requests-zh_CN.png"))
    page.detail.action_buttons[RequestAction.EXPLAIN].click()
    dialog = page.findChild(StepDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SCREENSHOTS / "share-request-step-zh_CN.png"))
    dialog.reject()

    pulled(shell, *ENTRIES)
    show_tab(page, Direction.OUTGOING)
    draft = page.new_request()
    assert draft is not None
    qtbot.waitUntil(lambda: draft.resources.count() == len(ENTRIES), timeout=WAIT)
    with qtbot.waitSignal(draft.picked, timeout=WAIT):
        assert draft.select_resource(ENTRIES[0].id)
    draft.tick("姓名")
    qtbot.waitExposed(draft)
    assert draft.grab().save(str(SCREENSHOTS / "share-request-draft-zh_CN.png"))
    draft.reject()


def test_the_print_button_previews_the_request_as_the_official_form(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell)
    page = open_page(qtbot, shell)
    asked = served("102001", POLICE, ME, S.SUBMITTED, ("agree", "decline"))
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pull(shell, asked)
    show_tab(page, Direction.INCOMING)
    select(qtbot, page, asked.id)
    assert page.detail.print_button.text().startswith("打印")
    page.detail.print_button.click()
    preview = page.findChild(PrintPreview)
    assert isinstance(preview, PrintPreview) and preview.isVisible()
    text = preview.document.toPlainText()
    assert "政务信息资源共享申请表" in text and "社会救助对象核查" in text
    assert "石家庄市民政局" in text  # this unit by its name, the other by its code
    assert "周静" in text  # printed by
    preview.close()
