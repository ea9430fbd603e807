"""The catalog editor as a compiler uses it: create, edit, see findings, undo, redo, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification, Resource
from govshare_desktop.ui.catalog.page import CatalogPage


def page_of(shell: Shell) -> CatalogPage:
    shell.window.show_page("catalog")  # the window opens on 概览
    page = shell.window.catalog_page
    assert page.form is not None
    return page


def wait_saved(qtbot: QtBot, page: CatalogPage, action: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.saved, timeout=5000):
        action()


def stored(shell: Shell, resource_id: str) -> Resource:
    resource = shell.ctx.services.catalog.get(resource_id)
    assert resource is not None
    return resource


def ime_type(widget: QWidget, text: str) -> None:
    """Chinese arrives from an input method as a commit, not as key presses (QTest's
    keyClicks handles ASCII only), so the test types the way a Pinyin IME does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def create(qtbot: QtBot, page: CatalogPage) -> str:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        wait_saved(
            qtbot, page, lambda: qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        )
    qtbot.waitUntil(lambda: page.form is not None and page.form.resource is not None, timeout=5000)
    assert page.form is not None and page.form.resource is not None
    return page.form.resource.id


def type_into(qtbot: QtBot, page: CatalogPage, field: str, text: str) -> None:
    assert page.form is not None
    edit = page.form.editors[field]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    ime_type(edit, text)
    wait_saved(qtbot, page, lambda: qtbot.keyClick(edit, Qt.Key.Key_Return))


def choose(qtbot: QtBot, page: CatalogPage, field: str, code: str) -> None:
    assert page.form is not None
    combo = page.form.editors[field]
    assert isinstance(combo, QComboBox)
    index = combo.findData(code)
    combo.setCurrentIndex(index)
    wait_saved(qtbot, page, lambda: combo.activated.emit(index))


def finding(page: CatalogPage, field: str) -> str:
    assert page.form is not None
    label: QLabel = page.form.finding_labels[field]
    return label.text() if label.isVisibleTo(page.form) else ""


def test_create_edit_undo_redo(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    new = stored(shell, rid)
    assert new.name == "新建信息资源"
    assert new.code == "301001/000001"
    assert page.model is not None and page.model.resource_count() == 1

    type_into(qtbot, page, "name", "企业登记信息")
    assert stored(shell, rid).name == "企业登记信息"
    qtbot.waitUntil(lambda: "企业登记信息" in page.form.heading.text())  # type: ignore[union-attr]

    choose(qtbot, page, "share_type", "conditional")
    assert stored(shell, rid).share_type == "conditional"
    qtbot.waitUntil(lambda: "有条件共享须填写共享条件" in finding(page, "share_conditions"))

    wait_saved(qtbot, page, shell.window.undo_action.trigger)  # undo the share type
    assert stored(shell, rid).share_type == ""
    qtbot.waitUntil(lambda: finding(page, "share_conditions") == "")
    wait_saved(qtbot, page, shell.window.undo_action.trigger)  # undo the name
    assert stored(shell, rid).name == "新建信息资源"
    assert shell.window.undo_action.text() == "撤消 新建信息资源"  # Qt's own zh_CN words

    wait_saved(qtbot, page, shell.window.redo_action.trigger)
    wait_saved(qtbot, page, shell.window.redo_action.trigger)
    assert (stored(shell, rid).name, stored(shell, rid).share_type) == (
        "企业登记信息",
        "conditional",
    )


def test_typing_pauses_are_saved_and_merge_into_one_undo_step(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    assert page.form is not None
    edit = page.form.editors["abstract"]
    edit.setFocus()
    wait_saved(qtbot, page, lambda: ime_type(edit, "全省企业"))  # saved after a typing pause
    wait_saved(qtbot, page, lambda: ime_type(edit, "登记信息"))
    assert stored(shell, rid).abstract == "全省企业登记信息"
    steps = page.undo_stack.count()
    wait_saved(qtbot, page, shell.window.undo_action.trigger)
    assert stored(shell, rid).abstract == ""
    assert page.undo_stack.index() == steps - 1


def test_delete_and_undo_delete(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    tomb = shell.ctx.services.catalog.get_tracked(rid)
    assert tomb is not None and tomb.envelope.deleted  # a tombstone, never a lost row
    assert page.model is not None and page.model.resource_count() == 0
    with qtbot.waitSignal(page.loaded, timeout=5000):
        shell.window.undo_action.trigger()
    back = shell.ctx.services.catalog.get_tracked(rid)
    assert back is not None and not back.envelope.deleted
    assert page.model.resource_count() == 1
    assert stored(shell, rid).code == "301001/000001"


def test_search_narrows_the_tree(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    first = create(qtbot, page)
    type_into(qtbot, page, "name", "企业登记信息")
    create(qtbot, page)
    type_into(qtbot, page, "name", "人口基础信息")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ime_type(page.search, "登记信息")
    assert page.model is not None
    assert page.model.resource_count() == 1
    assert page.model.index_of_id(first).isValid()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.clear()
    assert page.model.resource_count() == 2


def test_codes_count_up_per_classification(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    first = create(qtbot, page)
    second = create(qtbot, page)
    assert (stored(shell, first).code, stored(shell, second).code) == (
        "301001/000001",
        "301001/000002",
    )


def items_of(shell: Shell, resource_id: str) -> list[tuple[str, str, int | None]]:
    return [(i.name, str(i.data_type), i.length) for i in stored(shell, resource_id).data_items]


def test_data_items_add_edit_paste_reorder_remove_undo(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    editor = page.items_editor
    assert editor is not None
    wait_saved(qtbot, page, lambda: qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton))
    assert items_of(shell, rid) == [("信息项 1", "C", None)]
    name_cell = editor.model.index(0, 0)
    wait_saved(qtbot, page, lambda: editor.model.setData(name_cell, "统一社会信用代码"))
    length_cell = editor.model.index(0, 2)
    wait_saved(qtbot, page, lambda: editor.model.setData(length_cell, "18"))
    assert items_of(shell, rid) == [("统一社会信用代码", "C", 18)]

    # rows copied from a spreadsheet: labels, letter codes and Excel's float lengths
    QApplication.clipboard().setText(
        "企业名称\t字符型C\t200.0\t\n成立日期\t日期型\t\t\n注册资本\tN\t18\t万元\n"
    )
    editor.table.setFocus()
    wait_saved(
        qtbot,
        page,
        lambda: qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier),
    )
    assert items_of(shell, rid) == [
        ("统一社会信用代码", "C", 18), ("企业名称", "C", 200), ("成立日期", "D", None), ("注册资本", "N", 18),
    ]  # fmt: skip

    editor.table.selectRow(3)
    wait_saved(qtbot, page, lambda: qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton))
    assert [n for n, _, _ in items_of(shell, rid)][2:] == ["注册资本", "成立日期"]
    editor.table.selectRow(0)
    wait_saved(
        qtbot, page, lambda: qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    )
    assert len(items_of(shell, rid)) == 3

    wait_saved(qtbot, page, shell.window.undo_action.trigger)  # the removal
    wait_saved(qtbot, page, shell.window.undo_action.trigger)  # the move
    wait_saved(qtbot, page, shell.window.undo_action.trigger)  # the paste, as one step
    assert items_of(shell, rid) == [("统一社会信用代码", "C", 18)]


def test_data_item_findings_are_marked_in_the_table(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    create(qtbot, page)
    editor = page.items_editor
    assert editor is not None
    QApplication.clipboard().setText("姓名\tC\t50\n姓名\tC\t50\n")
    wait_saved(
        qtbot, page, lambda: qtbot.mouseClick(editor.paste_button, Qt.MouseButton.LeftButton)
    )
    tip = editor.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "信息项名称“姓名”在本信息资源中重复出现" in tip
    assert editor.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_the_problems_list_leads_to_the_field_and_clears_when_fixed(
    qtbot: QtBot, shell: Shell
) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    # a new resource's empty fields wait (see test_catalog_guidance.py); a check says them
    qtbot.waitUntil(lambda: "项待填写" in page.problems_label.text(), timeout=5000)
    assert page.form is not None
    page.form.summary.linkActivated.emit("check")
    qtbot.waitUntil(lambda: page.problems.rowCount() > 1, timeout=5000)
    assert "个错误" in page.problems_label.text()
    rows = [page.problems.problem(r) for r in range(page.problems.rowCount())]
    provider = next(p for p in rows if p.finding.field == "provider_name")
    assert provider.resource_id == rid
    assert provider.message == "此项为必填项。"
    row = rows.index(provider)
    view = page.problems_view
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(page.problems.index(row, 1)).center(),
    )
    assert page.form is not None
    provider_edit = page.form.editors["provider_name"]
    assert isinstance(provider_edit, QLineEdit)
    qtbot.waitUntil(provider_edit.hasFocus, timeout=5000)
    before = page.problems.rowCount()
    ime_type(provider_edit, "河北省市场监督管理局")
    wait_saved(qtbot, page, provider_edit.editingFinished.emit)
    # the catalog check that refills the list runs after the save, on the read pool
    qtbot.waitUntil(lambda: page.problems.rowCount() == before - 1, timeout=5000)
    fields = {page.problems.problem(r).finding.field for r in range(page.problems.rowCount())}
    assert "provider_name" not in fields


def test_the_tree_groups_by_provider_on_request(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    for provider, name in (
        ("市场监管局", "企业登记信息"),
        ("税务局", "纳税人信息"),
        ("市场监管局", "企业年报信息"),
    ):
        shell.ctx.services.catalog.save(
            Resource(
                name=name,
                unit_code="U1",
                provider_name=provider,
                code=name,
                classification=Classification("3", "01", "001"),
            )
        )
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    model = page.model
    assert model is not None
    assert model.index(0, 0).data().startswith("3 ")  # by classification: 类 first
    page.grouping.setCurrentIndex(1)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.grouping.activated.emit(1)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["市场监管局", "税务局"]
    assert model.rowCount(model.index(0, 0)) == 2


def test_publication_date_and_related_codes(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    type_into(qtbot, page, "published_on", "2025年6月1日")
    assert stored(shell, rid).published_on == date(2025, 6, 1)
    assert page.form is not None
    qtbot.waitUntil(lambda: page.form.editors["published_on"].text() == "2025-06-01")  # type: ignore[union-attr]
    edit = page.form.editors["published_on"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    ime_type(edit, "明年春天")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "2025-06-01" in finding(page, "published_on")
    assert stored(shell, rid).published_on == date(2025, 6, 1)  # nothing unreadable was saved
    type_into(qtbot, page, "related_codes", "301001/000002，301001/000003")
    assert stored(shell, rid).related_codes == ("301001/000002", "301001/000003")


def test_filter_by_provider(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    for provider, name in (("市场监管局", "企业登记信息"), ("税务局", "纳税人信息")):
        shell.ctx.services.catalog.save(
            Resource(name=name, unit_code="U1", provider_name=provider, code=name)
        )
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    combo = page.provider_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "全部提供方",
        "市场监管局",
        "税务局",
    ]
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert page.model is not None and page.model.resource_count() == 1


def test_not_shared_takes_its_legal_basis_in_the_share_conditions(
    qtbot: QtBot, shell: Shell
) -> None:
    """As the national guide asks; the form says so where the officer writes."""
    page = page_of(shell)
    rid = create(qtbot, page)
    assert page.form is not None
    conditions = page.form.editors["share_conditions"]
    basis = page.form.editors["legal_basis"]
    assert isinstance(conditions, QPlainTextEdit) and isinstance(basis, QPlainTextEdit)
    assert "不予共享" in conditions.placeholderText() and "依据" in conditions.placeholderText()
    assert "可不填" in basis.placeholderText() and "共享条件" in basis.placeholderText()
    choose(qtbot, page, "share_type", "not_shared")
    qtbot.waitUntil(lambda: "不予共享" in finding(page, "share_conditions"), timeout=5000)
    assert "共享条件" in finding(page, "share_conditions")
    conditions.setFocus()
    wait_saved(qtbot, page, lambda: ime_type(conditions, "依据《保守国家秘密法》不予共享"))
    qtbot.waitUntil(lambda: finding(page, "share_conditions") == "", timeout=5000)
    assert finding(page, "legal_basis") == ""
    assert stored(shell, rid).share_conditions == "依据《保守国家秘密法》不予共享"
    assert stored(shell, rid).legal_basis == ""


def test_a_control_character_is_named_at_its_field(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    assert page.form is not None
    name = page.form.editors["name"]
    assert isinstance(name, QLineEdit)
    name.setFocus()
    name.selectAll()
    ime_type(name, "企业\x1b登记信息")  # as pasted from a file holding an escape sequence
    wait_saved(qtbot, page, lambda: qtbot.keyClick(name, Qt.Key.Key_Return))
    assert stored(shell, rid).name == "企业\x1b登记信息"
    qtbot.waitUntil(lambda: "U+001B" in finding(page, "name"), timeout=5000)
    assert "控制字符" in finding(page, "name") and "\x1b" not in finding(page, "name")


def test_data_types_read_in_the_ui_language(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    create(qtbot, page)
    editor = page.items_editor
    assert editor is not None
    QApplication.clipboard().setText("姓名\tC\t50\n")
    wait_saved(
        qtbot, page, lambda: qtbot.mouseClick(editor.paste_button, Qt.MouseButton.LeftButton)
    )
    cell = editor.model.index(0, 1)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "字符型 (C)"
    shell.translations.apply("en")
    try:
        assert cell.data(Qt.ItemDataRole.DisplayRole) == "Character (C)"
    finally:
        shell.translations.apply("zh_CN")
