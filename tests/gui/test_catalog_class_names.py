"""The catalog tree names its classes: the profile's 类, and the 项 / 目 the unit names itself
(right-click → 命名…), undoable, shown in the form, kept across a restart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification, Resource
from govshare_desktop.ui.catalog.page import CatalogPage
from tests.gui.conftest import OpenShell, restart


def labels(page: CatalogPage) -> list[str]:
    """The class rows from the top down the first branch: 类, 项, 目."""
    model = page.model
    assert model is not None
    found: list[str] = []
    index = QModelIndex()
    while True:
        index = model.index(0, 0, index)
        node = model.node(index)
        if node is None or node.summary is not None:
            return found
        found.append(str(index.data()))


def open_catalog(qtbot: QtBot, shell: Shell) -> CatalogPage:
    page = shell.window.catalog_page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    return page


def right_click(page: CatalogPage, depth: int) -> None:
    """The context menu of the class row `depth` levels down (0: the 类)."""
    assert page.model is not None
    index = QModelIndex()
    for _ in range(depth + 1):
        index = page.model.index(0, 0, index)
    page.tree.customContextMenuRequested.emit(page.tree.visualRect(index).center())


def test_classes_read_their_names_and_the_unit_names_its_own(
    qtbot: QtBot, shell: Shell, start_shell: OpenShell
) -> None:
    shell.ctx.services.catalog.save(
        Resource(name="企业登记信息", unit_code="", code="301001/000001",
                 classification=Classification("3", "01", "001"))
    )  # fmt: skip
    page = open_catalog(qtbot, shell)
    assert labels(page) == ["3 部门信息资源类", "301（未命名的项）", "301001（未命名的目）"]

    assert page.naming is not None
    right_click(page, 0)
    assert page.naming.menu is None  # the 类 is named by the profile

    right_click(page, 1)
    menu = page.naming.menu
    assert menu is not None
    (name_it,) = menu.actions()
    assert name_it.text() == "为项 301 命名(&N)…"
    name_it.trigger()
    dialog = page.naming.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("市场监管")
    dialog.accept()
    qtbot.waitUntil(
        lambda: shell.ctx.services.class_names.names("") == {"301": "市场监管"}, timeout=5000
    )
    assert labels(page)[1] == "301 市场监管"
    with qtbot.waitSignal(page.shown, timeout=5000):
        page.select_first()
    assert page.form is not None
    assert (
        page.form.class_path.full_text == "3 部门信息资源类 › 301 市场监管 › 301001（未命名的目）"
    )

    shell.window.undo_action.trigger()
    assert labels(page)[1] == "301（未命名的项）"
    assert "301（未命名的项）" in page.form.class_path.full_text
    qtbot.waitUntil(lambda: shell.ctx.services.class_names.names("") == {}, timeout=5000)
    shell.window.redo_action.trigger()
    qtbot.waitUntil(
        lambda: shell.ctx.services.class_names.names("") == {"301": "市场监管"}, timeout=5000
    )
    # the tree follows the store through the bus: the menu is asked for once it has
    qtbot.waitUntil(lambda: labels(page)[1] == "301 市场监管", timeout=5000)

    right_click(page, 1)  # named: rename or clear
    words = [a.text() for a in page.naming.menu.actions()]  # type: ignore[union-attr]
    assert words == ["重命名项 301(&R)…", "清除名称(&C)"]

    shell = restart(shell, start_shell)
    page = open_catalog(qtbot, shell)
    qtbot.waitUntil(lambda: labels(page)[1:2] == ["301 市场监管"], timeout=5000)
