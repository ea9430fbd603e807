"""Art. 13 end to end, as three officers meet it: three running apps in one process (one
`Shell` per data directory, each signed in as its officer) against the real reference
platform on 127.0.0.1 — the requester (SJZ-MZ), the provider (SJZ-GA) and the sharing
authority (SJZ-XXGX). Every step goes through the 共享申请 page's own dialogs and every
sync through F5; the requester's link runs through a front that can be taken down
(tests/support/proxy.py).

The steps follow `domain/share_workflow.py` STEPS (issue 13's acceptance says "the authority
files it"; on the platform the requester files an agreed request, 报请备案, and the authority
grants it). A declined request is applied to the authority, which asks the provider for a
written explanation (15 days); once explained, the coordination runs 30 days, and here it
fails: the authority escalates and records the decision. The explanation comes in time, so
no day has to pass on the server's clock.

After each story: one request on the platform and each step once, every outbox empty,
`govshare db check` clean on every data directory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from govshare_desktop.app.context import AppContext
from govshare_desktop.app.gui import Shell, open_shell, prepare_application
from govshare_desktop.domain.deadlines import china_date
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.ui.share_requests.draft_dialog import DraftDialog
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from govshare_desktop.ui.share_requests.step_dialog import StepDialog
from tests.platform.conftest import Platform, assert_clean_log, seed, start_platform
from tests.support.proxy import Proxy, faulty_proxy
from tests.sync.officer import govshare
from tests.sync.test_directory import file_catalog

A = RequestAction
WAIT = 5000
SYNC_TIMEOUT = 30_000
PURPOSE = "婚姻登记时核验当事人身份（端到端）。"  # the agreement path's request
VEHICLES = "社会救助中核查申请人名下车辆（端到端）。"  # the disagreement path's


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """The demo platform with 石家庄市公安局's catalog filed: its resources are in the
    shared directory every unit's sync brings to its PC."""
    directory = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{directory / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(directory, db_url=db_url)
    server.officers = officers
    file_catalog(server, "ga-reviewer")
    yield server
    server.stop()
    assert_clean_log(server)


@pytest.fixture
def proxy(platform: Platform) -> Iterator[Proxy]:
    with faulty_proxy(platform.root) as front:
        yield front


@dataclass
class Pc:
    """One officer's running app: the shell, its 共享申请 page, its finished sync cycles."""

    shell: Shell
    page: ShareRequestsPage
    cycles: list[SyncResult]

    @property
    def home(self) -> Path:
        return self.shell.paths.home


OpenPc = Callable[[str, str], Pc]


@pytest.fixture
def open_pc(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, platform: Platform, file_keyring: Path
) -> Iterator[OpenPc]:
    """`open_pc(username, address)`: a data directory signed in to `address` on an earlier
    run, and the app started on it, its start cycle over."""
    prepare_application(qapp)
    opened: list[Shell] = []

    def start(username: str, address: str) -> Pc:
        home = tmp_path / username
        home.mkdir()
        ctx = AppContext.open(home)
        try:
            secret = platform.officers[username]["password"]
            ctx.services.sign_in.sign_in(address, username, secret)
        finally:
            ctx.close()
        reports: list[str] = []
        shell = open_shell(qapp, str(home), reports.append)
        assert isinstance(shell, Shell), reports
        opened.append(shell)
        shell.window.show()
        qtbot.waitExposed(shell.window)
        qtbot.waitUntil(lambda: shell.window.scheduler is not None, timeout=WAIT)
        scheduler = shell.window.scheduler
        assert scheduler is not None
        cycles: list[SyncResult] = []
        scheduler.cycle_finished.connect(cycles.append)
        state = shell.ctx.services.sync.state  # the start cycle, whenever it began
        qtbot.waitUntil(
            lambda: state.last is not None and not scheduler.running, timeout=SYNC_TIMEOUT
        )
        assert state.last is not None and state.last.outcome is SyncOutcome.DONE, state.last
        page = shell.window.pages["share_requests"]
        assert isinstance(page, ShareRequestsPage)
        shell.window.show_page("share_requests")
        qtbot.waitUntil(page.new_button.isEnabled, timeout=WAIT)
        return Pc(shell, page, cycles)

    yield start
    for shell in opened:
        if shell.ctx.lock is not None and shell.ctx.lock.held:
            shell.window.close()
            shell.close()
        shell.window.deleteLater()
    qapp.processEvents()


# -- what the officer does ---------------------------------------------------------------------


def press_f5(qtbot: QtBot, pc: Pc) -> SyncResult:
    """同步 (F5) in this officer's window, once any automatic cycle is over; its result."""
    window, scheduler = pc.shell.window, pc.shell.window.scheduler
    assert scheduler is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and not scheduler.running, timeout=SYNC_TIMEOUT)
    before = len(pc.cycles)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert scheduler.running  # F5 starts a cycle at once
    qtbot.waitUntil(lambda: len(pc.cycles) > before, timeout=SYNC_TIMEOUT)
    return pc.cycles[before]


def synced(qtbot: QtBot, pc: Pc) -> None:
    result = press_f5(qtbot, pc)
    assert result.outcome is SyncOutcome.DONE and result.complete, result
    assert (result.refused, result.failed, result.pending) == (0, 0, 0), result


def show_tab(pc: Pc, direction: Direction) -> None:
    tabs = pc.page.tabs
    for index in range(tabs.count()):
        if tabs.tabData(index) == direction.value:
            tabs.setCurrentIndex(index)
            return
    raise AssertionError(f"no tab {direction}")


def row(pc: Pc, request_id: str) -> list[str]:
    """The request's row in the list shown: code, other party, state, deadline, last
    change, sync; [] while it is not listed."""
    model = pc.page.model
    at = model.row_of(request_id)
    if at < 0:
        return []
    return [str(model.data(model.index(at, c))) for c in range(model.columnCount())]


def listed(qtbot: QtBot, pc: Pc, direction: Direction, request_id: str, state: str) -> list[str]:
    """The officer looks at one list and finds the request there, in this state."""
    show_tab(pc, direction)
    qtbot.waitUntil(lambda: row(pc, request_id)[2:3] == [state], timeout=WAIT)
    return row(pc, request_id)


def opened(qtbot: QtBot, pc: Pc, request_id: str) -> None:
    """The request chosen in the list: its detail pane shows it."""
    with qtbot.waitSignal(pc.page.shown, timeout=WAIT):
        assert pc.page.select(request_id)


def take_step(
    qtbot: QtBot,
    pc: Pc,
    request_id: str,
    action: RequestAction,
    text: str = "",
    *,
    fill: Callable[[StepDialog], None] | None = None,
) -> None:
    """The step's button on the detail pane, its dialog filled in and confirmed: queued."""
    opened(qtbot, pc, request_id)
    detail = pc.page.detail
    qtbot.waitUntil(lambda: action in detail.action_buttons, timeout=WAIT)
    qtbot.mouseClick(detail.action_buttons[action], Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in pc.page.findChildren(StepDialog) if d.isVisible()]
    assert dialog.action is action
    if text:
        dialog.text.setPlainText(text)
    if fill is not None:
        fill(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    qtbot.waitUntil(lambda: row(pc, request_id)[5:] == ["等待发送"], timeout=WAIT)


def history(pc: Pc) -> list[tuple[str, str, str]]:
    """The detail pane's history: (who, step, state reached) a row."""
    table = pc.page.detail.history
    return [
        (table.item(r, 1).text(), table.item(r, 2).text(), table.item(r, 3).text())
        for r in range(table.rowCount())
    ]


def draft_in_the_dialog(qtbot: QtBot, pc: Pc) -> str:
    """新建申请…: a resource found in the shared directory held on this PC, two of its
    items ticked, the duty and the contact typed, saved; the draft's id."""
    page = pc.page
    show_tab(pc, Direction.OUTGOING)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in page.findChildren(DraftDialog) if d.isVisible()]
    with qtbot.waitSignal(dialog.listed, timeout=WAIT):
        dialog.search.setText("常住人口")  # QTest types Latin-1 only
    assert dialog.resources.count() == 1 and "常住人口信息" in dialog.resources.item(0).text()
    with qtbot.waitSignal(dialog.picked, timeout=WAIT):
        dialog.resources.setCurrentRow(0)
    items = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert {"公民身份号码", "姓名"} <= set(items), items
    dialog.tick("公民身份号码", "姓名")
    dialog.purpose.setPlainText(PURPOSE)
    dialog.share_method.setCurrentIndex(dialog.share_method.findData("platform_interface"))
    dialog.contact_name.setText("陈晨")
    qtbot.keyClicks(dialog.contact_phone, "0311-87654321")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    qtbot.waitUntil(  # the page shows the saved draft
        lambda: page.detail.view is not None and page.detail.view.request.purpose == PURPOSE,
        timeout=WAIT,
    )
    view = page.detail.view
    assert view is not None
    assert view.request.data_item_names == ("公民身份号码", "姓名")
    assert page.detail.values["share_method"].text() == "共享平台/接口"
    return view.request.id


# -- what the platform and the PCs hold afterwards ---------------------------------------------


def platform_rows(platform: Platform, sql: str, *args: object) -> list[tuple[object, ...]]:
    path = platform.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(sql, args).fetchall()


def assert_sound(platform: Platform, purpose: str, request_id: str, *pcs: Pc) -> None:
    """One request with this purpose on the platform, each of its steps taken once, at most
    one grant; nothing waits in any outbox; each data directory passes `govshare db check`."""
    found = platform_rows(platform, "SELECT id FROM share_requests WHERE purpose = ?", purpose)
    assert found == [(request_id,)]
    twice = platform_rows(
        platform,
        "SELECT action, COUNT(*) FROM share_request_events WHERE request_id = ?"
        " GROUP BY action HAVING COUNT(*) > 1",
        request_id,
    )
    assert twice == []
    grants = platform_rows(platform, "SELECT COUNT(*) FROM grants WHERE request_id = ?", request_id)
    assert grants[0][0] <= 1
    for pc in pcs:
        assert pc.shell.ctx.services.outbox.waiting() == [], pc.home
        pc.shell.window.close()
        pc.shell.close()
        checked = govshare("db", "check", "--home", str(pc.home))
        assert checked.returncode == 0, checked.stdout + checked.stderr


# -- the agreement path ------------------------------------------------------------------------


def drafted_offline_and_submitted_on_reconnect(qtbot: QtBot, requester: Pc, proxy: Proxy) -> str:
    """The link is down while the requester drafts and submits: the outbox keeps both until
    the link is back and F5 sends them."""
    proxy.add("refuse", count=None)
    rid = draft_in_the_dialog(qtbot, requester)
    assert listed(qtbot, requester, Direction.OUTGOING, rid, "草稿")[4:] == [
        "尚未到达平台", "等待发送",
    ]  # fmt: skip
    take_step(qtbot, requester, rid, A.SUBMIT, "请予支持。")
    assert press_f5(qtbot, requester).outcome is SyncOutcome.OFFLINE
    sync_page = requester.shell.window.sync_page
    qtbot.waitUntil(lambda: len(sync_page.waiting) == 2, timeout=WAIT)
    table = sync_page.outbox_table  # the 同步 page lists what waits, in the officer's words
    assert [[table.item(r, c).text() for c in range(2)] for r in range(2)] == [  # type: ignore[union-attr]
        ["SJZ-GA 101001/000001", "新建"], ["SJZ-GA 101001/000001", "提交提供方"],
    ]  # fmt: skip
    assert listed(qtbot, requester, Direction.OUTGOING, rid, "草稿")[5] == "等待发送"

    proxy.clear()  # reconnected
    synced(qtbot, requester)
    assert requester.cycles[-1].sent == 2
    assert listed(qtbot, requester, Direction.OUTGOING, rid, "待提供方答复")[5] == ""
    qtbot.waitUntil(lambda: sync_page.waiting == [], timeout=WAIT)
    creates = [c for c in proxy.calls if c.method == "PUT" and rid in c.path]
    submits = [c for c in proxy.calls if c.method == "POST" and c.path.endswith("/submit")]
    assert (len(creates), len(submits)) == (1, 1)  # each sent once
    return rid


def agreed_and_filed(qtbot: QtBot, requester: Pc, provider: Pc, rid: str) -> None:
    """The provider's PC receives the request to answer (no statutory period runs yet, so
    its deadline cell is empty) and agrees; the requester files it (报请备案)."""
    synced(qtbot, provider)
    cells = listed(qtbot, provider, Direction.INCOMING, rid, "待提供方答复")
    assert cells[:2] == ["101001/000001", "SJZ-MZ"] and cells[3] == ""
    assert provider.page.model.headers()[3] == "办理期限"
    take_step(qtbot, provider, rid, A.AGREE, "同意按申请共享。")
    synced(qtbot, provider)
    listed(qtbot, provider, Direction.INCOMING, rid, "提供方已同意")

    synced(qtbot, requester)
    listed(qtbot, requester, Direction.OUTGOING, rid, "提供方已同意")
    take_step(qtbot, requester, rid, A.FILE)
    synced(qtbot, requester)
    listed(qtbot, requester, Direction.OUTGOING, rid, "已报请备案")


def granted_with_terms(qtbot: QtBot, authority: Pc, rid: str) -> None:
    """The authority grants with terms: one of the two items, export allowed."""
    synced(qtbot, authority)
    cells = listed(qtbot, authority, Direction.AUTHORITY, rid, "已报请备案")
    assert cells[1] == "SJZ-MZ → SJZ-GA"

    def terms(dialog: StepDialog) -> None:
        assert dialog.terms is not None
        dialog.terms.setChecked(True)
        dialog.term_items.item(1).setCheckState(Qt.CheckState.Unchecked)  # 姓名 not granted
        dialog.allow_export.setChecked(True)

    take_step(qtbot, authority, rid, A.GRANT, "准予共享。", fill=terms)
    synced(qtbot, authority)
    listed(qtbot, authority, Direction.AUTHORITY, rid, "已授权")


def test_drafted_offline_submitted_on_reconnect_agreed_filed_and_granted(
    qtbot: QtBot, open_pc: OpenPc, platform: Platform, proxy: Proxy
) -> None:
    requester = open_pc("mz-requester", proxy.root)
    provider = open_pc("ga-provider", platform.root)
    authority = open_pc("sjz-authority", platform.root)
    rid = drafted_offline_and_submitted_on_reconnect(qtbot, requester, proxy)
    agreed_and_filed(qtbot, requester, provider, rid)
    granted_with_terms(qtbot, authority, rid)

    # The requester's sync brings the grant: the state, the history, the grant on the PC.
    synced(qtbot, requester)
    listed(qtbot, requester, Direction.OUTGOING, rid, "已授权")
    opened(qtbot, requester, rid)
    detail = requester.page.detail
    assert detail.values["state"].text() == "已授权"
    assert detail.action_buttons == {}
    assert history(requester) == [
        ("mz-requester（SJZ-MZ）", "起草", "草稿"),
        ("mz-requester（SJZ-MZ）", "提交提供方", "草稿 → 待提供方答复"),
        ("ga-provider（SJZ-GA）", "同意", "待提供方答复 → 提供方已同意"),
        ("mz-requester（SJZ-MZ）", "报请备案", "提供方已同意 → 已报请备案"),
        ("sjz-authority（SJZ-XXGX）", "授权", "已报请备案 → 已授权"),
    ]
    grants = requester.shell.ctx.services.objections.grants()
    (grant,) = [g for g in grants if g.request_id == rid]
    assert [item.name for item in grant.data_items] == ["公民身份号码"]
    assert grant.allow_export and not grant.allow_offline_cache

    assert_sound(platform, PURPOSE, rid, requester, provider, authority)


# -- the disagreement path ---------------------------------------------------------------------


def declined_and_applied(qtbot: QtBot, requester: Pc, provider: Pc) -> str:
    """Submitted, declined with reasons, applied to the authority; the request's id."""
    mine = requester.shell.ctx.services.share_requests
    draft = mine.new_draft("SJZ-GA", "303001/000001", ["号牌号码", "车辆类型"], VEHICLES)
    mine.take_step(draft.id, A.SUBMIT)  # drafted as in the agreement path; here, the answer
    synced(qtbot, requester)

    synced(qtbot, provider)
    listed(qtbot, provider, Direction.INCOMING, draft.id, "待提供方答复")
    take_step(qtbot, provider, draft.id, A.DECLINE, "涉及个人信息，须经车主同意。")
    synced(qtbot, provider)

    synced(qtbot, requester)
    listed(qtbot, requester, Direction.OUTGOING, draft.id, "提供方不同意")
    take_step(qtbot, requester, draft.id, A.APPLY, "核查属本单位法定职责，申请主管部门协调。")
    synced(qtbot, requester)
    return draft.id


def countdown_from(pc: Pc, rid: str, action: str, days: int) -> str:
    """The list's deadline cell for a period of `days` from the day `action` was taken, in
    China (the due date the platform served must be that day too)."""
    view = pc.shell.ctx.services.share_requests.get(rid)
    assert view is not None
    (at,) = [e.at for e in view.request.events if e.action == action]
    due = china_date(at) + timedelta(days=days)
    assert due in (view.request.explanation_due, view.request.coordination_due)
    return f"剩 {days} 天（{due.isoformat()}）"


def explanation_asked_and_given(
    qtbot: QtBot, requester: Pc, provider: Pc, authority: Pc, rid: str
) -> None:
    """The authority asks for a written explanation: each party's list counts down its 15
    days; once explained, the authority's 30 days of coordination."""
    synced(qtbot, authority)
    listed(qtbot, authority, Direction.AUTHORITY, rid, "已申请协调")
    take_step(qtbot, authority, rid, A.REQUEST_EXPLANATION, "请于十五日内书面说明理由。")
    synced(qtbot, authority)
    explanation = countdown_from(authority, rid, "request-explanation", 15)
    waiting = "待提供方书面说明"
    assert listed(qtbot, authority, Direction.AUTHORITY, rid, waiting)[3] == explanation
    synced(qtbot, requester)
    assert listed(qtbot, requester, Direction.OUTGOING, rid, waiting)[3] == explanation
    synced(qtbot, provider)
    assert listed(qtbot, provider, Direction.INCOMING, rid, waiting)[3] == explanation

    take_step(qtbot, provider, rid, A.EXPLAIN, "车辆信息含车主个人信息，依法须经本人同意。")
    synced(qtbot, provider)
    coordination = countdown_from(provider, rid, "explain", 30)
    explained = "已书面说明，协调中"
    assert listed(qtbot, provider, Direction.INCOMING, rid, explained)[3] == coordination
    synced(qtbot, authority)
    assert listed(qtbot, authority, Direction.AUTHORITY, rid, explained)[3] == coordination


def escalated_and_decided(qtbot: QtBot, authority: Pc, rid: str) -> None:
    """Coordination fails: the authority escalates, then records the decision to share."""
    take_step(qtbot, authority, rid, A.ESCALATE, "协调未果，报请决定。")
    synced(qtbot, authority)
    assert listed(qtbot, authority, Direction.AUTHORITY, rid, "已报请决定")[3] == ""

    def to_share(dialog: StepDialog) -> None:
        assert dialog.outcome is not None
        (share,) = [b for b in dialog.outcome.buttons() if b.property("code") == "share"]
        qtbot.mouseClick(share, Qt.MouseButton.LeftButton)

    decision = "经会同编制、保密部门研究，决定共享。"
    take_step(qtbot, authority, rid, A.DECIDE, decision, fill=to_share)
    synced(qtbot, authority)
    assert listed(qtbot, authority, Direction.AUTHORITY, rid, "决定共享")[3] == ""


def test_declined_applied_explained_escalated_and_decided_with_the_deadlines_shown(
    qtbot: QtBot, open_pc: OpenPc, platform: Platform
) -> None:
    requester = open_pc("mz-requester", platform.root)
    provider = open_pc("ga-provider", platform.root)
    authority = open_pc("sjz-authority", platform.root)
    rid = declined_and_applied(qtbot, requester, provider)
    explanation_asked_and_given(qtbot, requester, provider, authority, rid)
    escalated_and_decided(qtbot, authority, rid)

    # Each party's sync brings the decision (no period runs any more) and its history.
    synced(qtbot, provider)
    assert listed(qtbot, provider, Direction.INCOMING, rid, "决定共享")[3] == ""
    synced(qtbot, requester)
    assert listed(qtbot, requester, Direction.OUTGOING, rid, "决定共享")[3] == ""
    opened(qtbot, requester, rid)
    assert [step for _who, step, _moved in history(requester)] == [
        "起草", "提交提供方", "不同意", "申请主管部门协调", "要求书面说明", "书面说明",
        "报请决定", "记录决定",
    ]  # fmt: skip
    assert history(requester)[-1][0] == "sjz-authority（SJZ-XXGX）"
    grants = requester.shell.ctx.services.objections.grants()
    assert [g.request_id for g in grants].count(rid) == 1  # a decision to share grants

    assert_sound(platform, VEHICLES, rid, requester, provider, authority)
