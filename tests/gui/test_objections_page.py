"""异议 (Art. 16) on the 共享申请 page as an officer meets it: the two lists by direction,
an objection raised from a held grant through its dialog, the provider's answer through
its dialog, a refused op shown and let go — real widgets, a real store, offline. Grants and
objections arrive the way a pull writes them; the officer's work lands in the outbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.enums import (
    ObjectionAspect,
    ObjectionOutcome,
    ObjectionState,
    OutboxOp,
    OutboxStatus,
)
from govshare_desktop.domain.objections import ObjectionDirection
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.ui.share_requests.objection_dialogs import AnswerDialog, RaiseDialog
from govshare_desktop.ui.share_requests.objections_panel import ObjectionsPanel
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from tests.gui.conftest import OpenShell
from tests.gui.objection_support import (
    grant,
    pull_grants,
    pull_objections,
    refuse_last,
    served_objection,
)
from tests.gui.test_catalog_editor import ime_type
from tests.gui.test_pseudo_locale import clipped
from tests.gui.test_rendering import SCREENSHOTS
from tests.gui.test_share_requests_page import LABOUR, ME, POLICE, signed_in

WAIT = 5000
ROLES = frozenset({"requester", "provider"})


def open_panel(qtbot: QtBot, shell: Shell) -> ObjectionsPanel:
    page = shell.window.pages["share_requests"]
    assert isinstance(page, ShareRequestsPage)
    shell.window.show_page("share_requests")
    page.sections.setCurrentWidget(page.objections)
    assert page.sections.tabText(page.sections.currentIndex()) == "异议"
    qtbot.waitUntil(page.objections.tabs.isVisible, timeout=WAIT)
    return page.objections


def rows(panel: ObjectionsPanel) -> list[list[str]]:
    model = panel.model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def ops(shell: Shell, objection_id: str) -> list[tuple[OutboxOp, OutboxStatus, dict[str, object]]]:
    with shell.ctx.database.read() as session:
        queued = OutboxRepository(session).ops_of(objection_id)
    return [(op.op, op.status, op.payload) for op in queued]


def click_ok(qtbot: QtBot, dialog: RaiseDialog | AnswerDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_lists_by_direction_with_empty_states_that_say_what_to_do(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, ROLES)
    panel = open_panel(qtbot, shell)
    qtbot.waitUntil(panel.list_area.showing_empty, timeout=WAIT)
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == ["我提出的", "待我答复"]
    assert panel.empty.title.text() == "尚无可提出异议的授权"
    assert "获得授权后" in panel.empty.text.text() and "随同步到达" in panel.empty.text.text()
    assert not panel.raise_button.isEnabled() and "尚未获得授权" in panel.raise_button.toolTip()

    held, revoked = grant("101001"), grant("102001", revoked=True, name="婚姻登记信息")
    provided = grant("201001", provider=ME, grantee=LABOUR, name="社会救助信息")
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_grants(shell, held, revoked, provided)
    assert panel.raise_button.isEnabled()
    assert panel.empty.title.text() == "您尚未提出异议" and panel.empty_raise.isVisible()

    mine = served_objection(held, ME, POLICE)
    answered = served_objection(held, ME, POLICE, item_index=None, state=ObjectionState.CORRECTED,
                                aspect=ObjectionAspect.TIMELINESS, answer="已补充11月数据。")  # fmt: skip
    theirs = served_objection(provided, LABOUR, ME, item_index=0,
                              aspect=ObjectionAspect.COMPLETENESS, description="缺少第5至9行。")  # fmt: skip
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_objections(shell, mine, answered, theirs)
    listed = {r[1]: r for r in rows(panel)}
    assert listed["姓名"][:4] == ["101001/000001 人口基础信息", "姓名", "准确性", "待提供方答复"]
    assert listed["整个资源"][2:4] == ["时效性", "已更正"]
    assert listed["姓名"][4] == "2026-11-20 09:00" and listed["姓名"][5] == ""  # China time

    assert panel.select(answered.id)
    detail = panel.detail
    assert detail.values["answer"].text() == "已补充11月数据。"
    assert detail.values["state"].text() == "已更正"
    assert [detail.history.item(r, 2).text() for r in range(detail.history.rowCount())] == [  # type: ignore[union-attr]
        "提出异议：时效性", "答复：已更正",
    ]  # fmt: skip
    assert not detail.answer_button.isVisible()

    panel.show_direction(ObjectionDirection.INCOMING)
    assert rows(panel) == [["201001/000001", "公民身份号码", "完整性", "待提供方答复",
                            "2026-11-20 09:00", ""]]  # fmt: skip
    assert panel.select(theirs.id)
    assert detail.values["description"].text() == "缺少第5至9行。"
    assert detail.answer_button.isVisible() and detail.answer_button.text() == "答复(&A)…"


def test_raising_from_a_grant_checks_first_keeps_the_text_and_queues_one_op(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, ROLES)
    panel = open_panel(qtbot, shell)
    held = grant("101001")
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_grants(shell, held, grant("102001", revoked=True))
    qtbot.mouseClick(panel.raise_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(RaiseDialog)
    assert isinstance(dialog, RaiseDialog) and dialog.isVisible()
    assert dialog.grant.count() == 1  # the revoked grant is not offered
    assert dialog.grant.itemText(0) == "101001/000001 人口基础信息 — 提供方 SJZ-GA"
    assert dialog.granted.text() == "授权信息项：公民身份号码、姓名、户籍地址"
    assert [dialog.item.itemText(i) for i in range(dialog.item.count())] == [
        "（整个资源）", "公民身份号码", "姓名", "户籍地址",
    ]  # fmt: skip

    dialog.description.setFocus()
    ime_type(dialog.description, "第12、37行姓名有错别字。")
    click_ok(qtbot, dialog)  # no aspect chosen
    assert dialog.isVisible() and dialog.error.text() == "请选择异议类型：准确性、完整性或时效性。"
    assert dialog.description.toPlainText() == "第12、37行姓名有错别字。"
    dialog.choose(ObjectionAspect.ACCURACY, "姓名")
    dialog.description.setPlainText("   ")
    click_ok(qtbot, dialog)
    assert dialog.error.text() == "异议或答复的内容为空，请填写后再试。"
    assert shell.ctx.services.objections.objections() == []

    dialog.description.setPlainText("第12、37行姓名有错别字。")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        click_ok(qtbot, dialog)
    (view,) = shell.ctx.services.objections.objections()
    objection = view.objection
    assert (objection.grant_id, objection.aspect, objection.data_item_name) == (
        held.id, ObjectionAspect.ACCURACY, "姓名",
    )  # fmt: skip
    assert [(op, status) for op, status, _ in ops(shell, objection.id)] == [
        (OutboxOp.CREATE, OutboxStatus.PENDING)
    ]
    qtbot.waitUntil(lambda: panel.selected_id() == objection.id, timeout=WAIT)
    assert rows(panel)[0][3:] == ["尚未到达平台", "尚未到达平台", "等待发送"]
    assert "提出异议 — 等待下次同步发送" in [
        label.text() for label in panel.detail.findChildren(type(panel.detail.queued_heading))
    ]


def test_a_service_refusal_shows_in_the_dialog_and_keeps_what_was_typed(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, frozenset({"provider"}))  # no requester role
    panel = open_panel(qtbot, shell)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_grants(shell, grant("101001"))
    dialog = panel.raise_objection()
    assert dialog is not None
    dialog.choose(ObjectionAspect.COMPLETENESS)
    dialog.description.setPlainText("缺少2026年10月以后的数据。")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "提出异议需要共享平台角色" in dialog.error.text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert dialog.description.toPlainText() == "缺少2026年10月以后的数据。"
    dialog.reject()


def test_answering_queues_the_answer_and_a_refused_one_is_shown_and_let_go(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in(home, start_shell, ROLES)
    panel = open_panel(qtbot, shell)
    provided = grant("201001", provider=ME, grantee=LABOUR, name="社会救助信息")
    theirs = served_objection(provided, LABOUR, ME, item_index=0, description="缺少第5至9行。")
    pull_grants(shell, provided)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_objections(shell, theirs)
    panel.show_direction(ObjectionDirection.INCOMING)
    assert panel.select(theirs.id)
    detail = panel.detail
    qtbot.mouseClick(detail.answer_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(AnswerDialog)
    assert isinstance(dialog, AnswerDialog) and dialog.isVisible()
    assert [b.text() for b in dialog.outcome.buttons()] == ["已采纳", "已更正", "不予采纳"]
    dialog.text.setPlainText("已核实，第5至9行已补录。")
    click_ok(qtbot, dialog)
    assert dialog.error.text() == "请选择答复结果：已采纳、已更正或不予采纳。"
    assert dialog.text.toPlainText() == "已核实，第5至9行已补录。"
    dialog.choose(ObjectionOutcome.CORRECTED)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        click_ok(qtbot, dialog)
    ((op, status, payload),) = ops(shell, theirs.id)
    assert (op, status) == (OutboxOp.STEP, OutboxStatus.PENDING)
    assert payload == {"action": "answer",
                       "body": {"outcome": "corrected", "text": "已核实，第5至9行已补录。"}}  # fmt: skip
    qtbot.waitUntil(lambda: rows(panel)[0][5] == "等待发送", timeout=WAIT)
    qtbot.waitUntil(lambda: not detail.answer_button.isVisible(), timeout=WAIT)

    seq = refuse_last(shell, EntityKind.OBJECTION, theirs.id, 409, "该异议已答复")
    qtbot.waitUntil(lambda: rows(panel)[0][5] == "被平台拒绝", timeout=WAIT)
    qtbot.waitUntil(lambda: seq in detail.discard_buttons, timeout=WAIT)
    labels = [w.text() for w in detail.findChildren(type(detail.queued_heading))]
    assert "答复（已更正） — 平台拒绝：该异议已答复" in labels, labels
    button = detail.discard_buttons[seq]
    assert button.text() == "放弃此操作"
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ops(shell, theirs.id) == []
    qtbot.waitUntil(lambda: not detail.discard_buttons, timeout=WAIT)
    assert rows(panel)[0][5] == "" and detail.answer_button.isVisible()


def test_screenshot_of_the_objections_tab(qtbot: QtBot, home: Path, start_shell: OpenShell) -> None:
    shell = signed_in(home, start_shell, ROLES)
    shell.window.resize(1366, 768)
    panel = open_panel(qtbot, shell)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(panel.list_area.showing_empty, timeout=WAIT)
    assert panel.window().grab().save(str(SCREENSHOTS / "objections-empty-zh_CN.png"))

    held = grant("101001")
    mine = served_objection(held, ME, POLICE, description="第12、37行“姓名”有错别字，请核实更正。")
    answered = served_objection(held, ME, POLICE, item_index=None, state=ObjectionState.CORRECTED,
                                aspect=ObjectionAspect.TIMELINESS, answer="已补充11月数据。")  # fmt: skip
    pull_grants(shell, held)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_objections(shell, mine, answered)
    assert panel.select(answered.id)
    qtbot.waitUntil(lambda: clipped(panel.window()) == [], timeout=WAIT)
    assert panel.window().grab().save(str(SCREENSHOTS / "objections-zh_CN.png"))
    dialog = panel.raise_objection(held.id)
    assert dialog is not None
    dialog.choose(ObjectionAspect.ACCURACY, "姓名")
    dialog.description.setPlainText("第12、37行“姓名”有错别字，请核实更正。")
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: clipped(dialog) == [], timeout=WAIT)
    assert dialog.grab().save(str(SCREENSHOTS / "objection-raise-zh_CN.png"))
    dialog.reject()

    provided = grant("201001", provider=ME, grantee=LABOUR, name="社会救助信息")
    theirs = served_objection(provided, LABOUR, ME, item_index=0, description="缺少第5至9行。")
    pull_grants(shell, provided)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        pull_objections(shell, theirs)
    panel.show_direction(ObjectionDirection.INCOMING)
    assert panel.select(theirs.id)
    answer = panel.answer_selected()
    assert answer is not None
    answer.choose(ObjectionOutcome.CORRECTED)
    answer.text.setPlainText("已核实，第5至9行已补录。")
    qtbot.waitExposed(answer)
    qtbot.waitUntil(lambda: clipped(answer) == [], timeout=WAIT)
    assert answer.grab().save(str(SCREENSHOTS / "objection-answer-zh_CN.png"))
    answer.reject()
