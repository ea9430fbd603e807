"""共享目录 as an officer meets it: empty until a sync, then browsed, searched, derived from.

Entries arrive the way a pull writes them (through the store, from another thread, on the
writer); the page follows through the change bus, offline — no platform is involved.
"""

from __future__ import annotations

import tempfile
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from govshare_desktop.app.context import AppContext
from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.directory import DirectoryEntry
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories.directory import DirectoryRepository
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.ui.directory.page import DirectoryPage
from tests.gui.conftest import OpenShell

WAIT = 5000
SCREENSHOT = Path(tempfile.gettempdir()) / "govshare-directory-page.png"


def entry(name: str, unit: tuple[str, str], code: str, *, superior: bool, version: int = 1,
          items: tuple[str, ...] = ("统一社会信用代码",)) -> DirectoryEntry:  # fmt: skip
    resource = Resource(
        name=name, unit_code=unit[0], classification=Classification(code[0], code[1:3], code[3:6]),
        code=f"{code}/000001", abstract=f"{name}的目录", share_type="conditional",
        share_conditions="仅限政务服务使用", share_method="platform_interface",
        update_cycle="daily", format_category="database",
        data_items=tuple(DataItem(n, "C", 18) for n in items),
    )  # fmt: skip
    return DirectoryEntry(resource, version, unit[1], superior, "f-1", datetime(2026, 12, 1, 2))


SUPERIOR, OTHER = ("SJZ-ZF", "石家庄市人民政府"), ("SJZ-GA", "石家庄市公安局")
ENTRIES = (
    entry("人口基础信息", SUPERIOR, "101001", superior=True, items=("公民身份号码", "姓名", "出生日期")),
    entry("法人单位基础信息", SUPERIOR, "102001", superior=True),
    entry("常住人口信息", OTHER, "101001", superior=False, items=("公民身份号码", "户籍地址")),
)  # fmt: skip


def pulled(shell: Shell, *entries: DirectoryEntry, removed: tuple[str, ...] = ()) -> None:
    """What a pull does with directory items: on another thread, through the writer."""

    def apply() -> None:
        with shell.ctx.database.write() as session:
            repo = DirectoryRepository(session)
            for item in entries:
                repo.put(item)
            for entry_id in removed:
                repo.remove(entry_id)

    worker = threading.Thread(target=lambda: shell.ctx.executor.write(apply))
    worker.start()
    worker.join(10)


def signed_in_shell(home: Path, start_shell: OpenShell) -> Shell:
    ctx = AppContext.open(home)
    with ctx.database.write() as session:
        IdentityRepository(session).put(
            Identity(officer="mz-compiler", display_name="周静", unit_code="SJZ-MZ",
                     unit_name="石家庄市民政局")
        )  # fmt: skip
    ctx.close()
    return start_shell()


def open_page(qtbot: QtBot, shell: Shell) -> DirectoryPage:
    page = shell.window.pages["directory"]
    assert isinstance(page, DirectoryPage)
    shell.window.show_page("directory")
    qtbot.waitUntil(page.search.isEnabled, timeout=WAIT)
    return page


def rows(page: DirectoryPage) -> list[list[str]]:
    tree, found = page.tree, []
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        assert top is not None
        found.append([top.text(0)])
        for child in (top.child(i) for i in range(top.childCount())):
            assert child is not None
            found.append(["  " + child.text(0), child.text(1)])
    return found


def type_search(qtbot: QtBot, page: DirectoryPage, text: str) -> None:
    page.search.setFocus()
    page.search.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)  # Chinese arrives from an input method as a commit
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        QApplication.sendEvent(page.search, event)


def test_the_empty_directory_says_what_to_do_and_fills_from_a_pull(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in_shell(home, start_shell)
    page = open_page(qtbot, shell)
    qtbot.waitUntil(page.list_area.showing_empty, timeout=WAIT)
    assert "共享目录" in page.heading.text() and "共享目录" in shell.window.nav.item(2).text()
    assert "登录" in page.empty.text.text() and "同步" in page.empty.text.text()

    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pulled(shell, *ENTRIES)
    assert not page.list_area.showing_empty()
    assert rows(page) == [
        ["石家庄市人民政府（上级单位） (2)"],
        ["  人口基础信息", "101001/000001"],
        ["  法人单位基础信息", "102001/000001"],
        ["石家庄市公安局 (1)"],
        ["  常住人口信息", "101001/000001"],
    ]  # fmt: skip  (the superior's catalog first)
    assert page.count_label.text() == "3 个条目"

    type_search(qtbot, page, "人口")  # two characters: the catalog's short-word search
    assert [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())] == [
        "人口基础信息", "常住人口信息",
    ]  # fmt: skip
    type_search(qtbot, page, "户籍地址")  # a data item
    assert page.tree.topLevelItemCount() == 1
    type_search(qtbot, page, "没有这个资源")
    assert page.list_area.showing_empty()
    assert "没有这个资源" in page.empty.title.text()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.search.clear()

    with qtbot.waitSignal(page.loaded, timeout=WAIT):  # withdrawn on the platform
        pulled(shell, removed=(ENTRIES[2].id,))
    assert [r[0] for r in rows(page)] == [
        "石家庄市人民政府（上级单位） (2)", "  人口基础信息", "  法人单位基础信息",
    ]  # fmt: skip


def test_an_entry_of_the_superior_is_shown_read_only_and_derived_into_the_catalog(
    qtbot: QtBot, home: Path, start_shell: OpenShell
) -> None:
    shell = signed_in_shell(home, start_shell)
    page = open_page(qtbot, shell)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        pulled(shell, *ENTRIES)
    shell.window.resize(1366, 768)

    with qtbot.waitSignal(page.shown, timeout=WAIT):
        assert page.select(ENTRIES[2].id)
    assert page.detail.values["unit"].text() == "石家庄市公安局"
    assert not page.derive_button.isEnabled()  # not the superior's
    assert "上级单位" in page.derive_hint.text()

    with qtbot.waitSignal(page.shown, timeout=WAIT):
        assert page.select(ENTRIES[0].id)
    detail = page.detail
    assert detail.values["name"].text() == "人口基础信息"
    assert detail.values["unit"].text() == "石家庄市人民政府（上级单位）"
    assert detail.values["share_type"].text() == "有条件共享"
    assert [detail.items.item(r, 0).text() for r in range(detail.items.rowCount())] == [
        "公民身份号码", "姓名", "出生日期",
    ]  # fmt: skip
    assert page.derive_button.isEnabled() and page.derive_button.text().startswith("派生")
    qtbot.waitUntil(page.isVisible, timeout=WAIT)
    assert page.window().grab().save(str(SCREENSHOT))

    with qtbot.waitSignal(page.derived, timeout=WAIT) as derived:
        qtbot.mouseClick(page.derive_button, Qt.MouseButton.LeftButton)
    (created,) = derived.args[0]
    held = shell.ctx.services.catalog.get(created.id)
    assert held is not None and held.unit_code == "SJZ-MZ"
    assert (held.source_resource_id, held.source_version) == (ENTRIES[0].id, 1)
    assert held.name in page.notice.text()
    catalog = shell.window.catalog_page
    qtbot.waitUntil(
        lambda: catalog.model is not None and catalog.model.index_of_id(created.id).isValid(),
        timeout=WAIT,
    )
