"""The 概览's notices (通报) as an officer uses them: real window, real store holding
notices as a sync stores them; unread ones bold with their count, selecting one shows it
and marks it read, a subject opens its record on its page, 全部标为已读, and an arrival is
announced once (tests/sync/test_notices.py sends the readings to the platform)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.notices import Notice, NoticeSubject, SubjectKind
from govshare_desktop.store.repositories.notices import NoticeRepository
from govshare_desktop.ui.authorized_data.page import AuthorizedDataPage
from govshare_desktop.ui.notices.panel import NoticesPanel
from govshare_desktop.ui.overview.page import OverviewPage
from govshare_desktop.ui.share_requests.page import ShareRequestsPage
from tests.gui.conftest import OpenShell, restart
from tests.support.overview_seed import seed

WAIT = 10_000
OFFICER = Identity(officer="ga-officer", unit_code="SJZ-GA", roles=frozenset({"requester"}))


def notice(nid: str, title: str, day: int, *subjects: NoticeSubject) -> Notice:
    return Notice(id=nid, title=title, body=f"{title}：请按要求办理。",
                  issued_at=datetime(2026, 12, day, 2), issuer_unit_code="SJZ-XXGX",
                  issued_by="sjz-authority", subjects=subjects)  # fmt: skip


SEEDED = 3  # the notices tests/support/overview_seed.py stores


def arrive(shell: Shell, *notices: Notice) -> None:
    """Notices stored as a pull stores them (the bus tells the pages)."""
    with shell.ctx.database.write() as session:
        for one in notices:
            NoticeRepository(session).store_remote(one, 1)


def panel_of(shell: Shell) -> NoticesPanel:
    page = shell.window.pages["overview"]
    assert isinstance(page, OverviewPage)
    shell.window.show_page("overview")
    return page.notices_panel


def click_row(qtbot: QtBot, panel: NoticesPanel, row: int) -> None:
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_an_empty_list_says_what_notices_are_and_when_they_arrive(
    qtbot: QtBot, shell: Shell
) -> None:
    panel = panel_of(shell)
    assert panel.list_area.currentWidget() is panel.empty
    assert "通报" in panel.empty.text.text() and panel.empty.title.text()
    assert not panel.read_all_button.isEnabled()


def test_unread_ones_are_bold_and_selecting_one_shows_it_and_marks_it_read(
    qtbot: QtBot, shell: Shell
) -> None:
    shell.ctx.services.runtime.identity.set(OFFICER)
    panel = panel_of(shell)
    arrive(shell, notice("n-1", "关于按期备案的通报", 1), notice("n-2", "关于授权使用的通报", 2))
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=WAIT)
    assert panel.list.item(0).text().startswith("关于授权使用的通报")  # newest first
    assert all(panel.list.item(r).font().bold() for r in range(2))
    assert panel.unread_label.text() == panel.unread_text(2)
    click_row(qtbot, panel, 1)
    assert panel.title.text() == "关于按期备案的通报"
    assert panel.body.text() == "关于按期备案的通报：请按要求办理。"
    assert "SJZ-XXGX" in panel.meta.text() and "sjz-authority" in panel.meta.text()
    qtbot.waitUntil(lambda: panel.unread_count() == 1, timeout=WAIT)
    view = shell.ctx.services.notices.get("n-1")
    assert view is not None and not view.unread and view.read_pending
    assert panel.selected_id() == "n-1"  # kept selected across the refresh
    assert not panel.list.item(1).font().bold() and panel.list.item(0).font().bold()
    assert panel.unread_label.text() == panel.unread_text(1)

    qtbot.mouseClick(panel.read_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.unread_count() == 0, timeout=WAIT)
    assert shell.ctx.services.notices.unread_count() == 0
    assert not panel.read_all_button.isEnabled()
    assert not any(panel.list.item(r).font().bold() for r in range(2))


def test_a_subject_opens_its_record_on_its_page(qtbot: QtBot, shell: Shell) -> None:
    seed(shell.ctx)
    panel = panel_of(shell)
    arrive(
        shell,
        notice("n-3", "关于授权到期的通报", 3,
               NoticeSubject(SubjectKind.GRANT, "g-0000000002"),
               NoticeSubject(SubjectKind.SHARE_REQUEST, "r-in-000002")),
    )  # fmt: skip
    qtbot.waitUntil(lambda: panel.list.count() == 1 + SEEDED, timeout=WAIT)
    click_row(qtbot, panel, 0)  # the newest
    links = panel.findChildren(QPushButton, "noticeSubject")
    assert [b.text() for b in links] == [
        panel.subject_text(NoticeSubject(SubjectKind.GRANT, "g-0000000002")),
        panel.subject_text(NoticeSubject(SubjectKind.SHARE_REQUEST, "r-in-000002")),
    ]
    window = shell.window
    with qtbot.waitSignal(panel.reveal_requested) as asked:
        qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    assert asked.args == ["grant", "g-0000000002"]
    grants = window.pages["authorized_data"]
    assert isinstance(grants, AuthorizedDataPage)
    assert window.current_page_key() == "authorized_data"
    qtbot.waitUntil(lambda: grants.selected() is not None, timeout=WAIT)
    selected = grants.selected()
    assert selected is not None and selected.grant.id == "g-0000000002"

    window.show_page("overview")
    links = panel.findChildren(QPushButton, "noticeSubject")
    qtbot.mouseClick(links[1], Qt.MouseButton.LeftButton)
    requests = window.pages["share_requests"]
    assert isinstance(requests, ShareRequestsPage)
    assert window.current_page_key() == "share_requests"
    qtbot.waitUntil(lambda: requests.selected_id() == "r-in-000002", timeout=WAIT)


def test_an_arrival_is_announced_once_and_its_note_opens_the_notice(
    qtbot: QtBot, shell: Shell, start_shell: OpenShell
) -> None:
    shell.ctx.services.runtime.identity.set(OFFICER)
    announcer = shell.window.arrivals
    assert announcer is not None
    arrive(shell, notice("n-4", "关于数据质量的通报", 4))
    with qtbot.waitSignal(announcer.announced) as said:
        announcer.check()  # as after a sync
    expected = announcer.tr("New notice from the sharing authority: %1")
    assert said.args == [expected.replace("%1", "关于数据质量的通报")]
    status = shell.window.status
    assert status.note.isVisible() and status.note_label.text() == said.args[0]
    shell.window.show_page("catalog")
    qtbot.mouseClick(status.note_button, Qt.MouseButton.LeftButton)
    assert shell.window.current_page_key() == "overview"
    panel = panel_of(shell)
    qtbot.waitUntil(lambda: panel.selected_id() == "n-4", timeout=WAIT)  # once it is listed
    with qtbot.waitSignal(announcer.checked) as checked:
        announcer.check()  # nothing new: nothing said
    assert checked.args == [0]

    again = restart(shell, start_shell)  # told already: a restart does not repeat it
    arrivals = again.window.arrivals
    assert arrivals is not None
    with qtbot.waitSignal(arrivals.checked) as checked:
        arrivals.check()
    assert checked.args == [0] and not again.window.status.note.isVisible()


def test_a_resource_subject_opens_it_in_the_catalog(qtbot: QtBot, shell: Shell) -> None:
    seed(shell.ctx)
    catalog_page = shell.window.catalog_page
    qtbot.waitUntil(lambda: catalog_page.model is not None, timeout=WAIT)
    wanted = shell.ctx.services.catalog.list_resources()[-1].id
    shell.window.show_page("catalog")
    qtbot.waitUntil(
        lambda: catalog_page.model is not None and catalog_page.model.index_of_id(wanted).isValid(),
        timeout=WAIT,
    )
    panel = panel_of(shell)
    arrive(shell, notice("n-5", "关于目录摘要的通报", 5,
                         NoticeSubject(SubjectKind.RESOURCE, wanted)))  # fmt: skip
    qtbot.waitUntil(lambda: panel.list.count() == 1 + SEEDED, timeout=WAIT)
    click_row(qtbot, panel, 0)  # the newest
    [link] = panel.findChildren(QPushButton, "noticeSubject")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert shell.window.current_page_key() == "catalog"
    form = catalog_page.form
    qtbot.waitUntil(
        lambda: form is not None and form.resource is not None and form.resource.id == wanted,
        timeout=WAIT,
    )
