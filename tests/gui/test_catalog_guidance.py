"""What the catalog says to an officer who has just started: no scolding before anything is
typed, a word after every delete (with 撤销), and an empty pane that says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import DataItem, Resource
from govshare_desktop.domain.validation import FindingCode
from govshare_desktop.ui.catalog.data_file_dialog import DataFileDialog
from govshare_desktop.ui.catalog.page import CatalogPage
from tests.gui.test_catalog_editor import create, finding, ime_type, page_of, stored, type_into

REQUIRED_TEXT = "此项为必填项"


def said(page: CatalogPage) -> list[str]:
    """The fields whose findings the form shows now."""
    assert page.form is not None
    return [k for k, label in page.form.finding_labels.items() if label.isVisibleTo(page.form)]


def listed(page: CatalogPage, resource_id: str) -> set[str]:
    """The fields the problems list names for `resource_id`."""
    rows = [page.problems.problem(r) for r in range(page.problems.rowCount())]
    return {p.finding.field for p in rows if p.resource_id == resource_id}


def test_a_new_resource_waits_until_a_field_is_left_empty(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    assert page.form is not None
    # six required fields and the data items (a warning)
    qtbot.waitUntil(lambda: "7 项待填写" in page.problems_label.text(), timeout=5000)
    assert said(page) == []
    assert listed(page, rid) == set()
    assert "带 * 的字段" in page.form.summary.text()

    provider = page.form.editors["provider_name"]
    assert isinstance(provider, QLineEdit)
    provider.setFocus()
    qtbot.waitUntil(provider.hasFocus, timeout=2000)
    qtbot.keyClick(provider, Qt.Key.Key_Tab)  # left empty
    assert said(page) == ["provider_name"]
    assert REQUIRED_TEXT in finding(page, "provider_name")
    qtbot.waitUntil(lambda: listed(page, rid) == {"provider_name"}, timeout=5000)
    assert "6 项待填写" in page.problems_label.text()

    type_into(qtbot, page, "name", "企业登记信息")
    assert "name" not in said(page)  # a filled field has nothing to say

    page.form.summary.linkActivated.emit("check")  # 校验: the officer asks
    assert set(said(page)) == {
        "provider_name", "provider_code", "abstract", "format_category", "share_type",
        "update_cycle",
    }  # fmt: skip
    qtbot.waitUntil(lambda: "待填写" not in page.problems_label.text(), timeout=5000)
    assert "data_items" in listed(page, rid)  # the warning too
    assert stored(shell, rid).name == "企业登记信息"


def test_filing_says_every_finding(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    create(qtbot, page)
    assert said(page) == []
    dialog = page.open_filing()
    assert dialog is not None
    assert REQUIRED_TEXT in finding(page, "abstract")
    dialog.reject()


def test_a_resource_not_new_says_its_findings_at_once(qtbot: QtBot, shell: Shell) -> None:
    """What an import or an earlier session left missing is no surprise to hold back."""
    resource = shell.ctx.services.catalog.save(
        Resource(name="企业登记信息", unit_code="", code="301001/000001")
    )
    page = page_of(shell)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    with qtbot.waitSignal(page.shown, timeout=5000):
        page.select(resource.id)
    assert "provider_name" in said(page)


def test_a_yes_no_field_is_never_a_blank_to_fill(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    assert page.form is not None
    box = page.form.editors["open_to_society"]
    assert isinstance(box, QCheckBox) and not box.isChecked()
    assert page.form.row_label("open_to_society").text() == "是否向社会开放"  # no *: unticked is 否
    assert page.form.row_label("abstract").text().startswith("* ")
    page.form.summary.linkActivated.emit("check")
    assert "open_to_society" not in said(page)
    findings = shell.ctx.services.catalog.validate(stored(shell, rid))
    assert not [
        f for f in findings if f.field == "open_to_society" and f.code is FindingCode.REQUIRED
    ]


def test_a_delete_is_said_with_an_undo_button(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)
    type_into(qtbot, page, "name", "企业登记信息")
    status = shell.window.status
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert status.note.isVisible()
    assert "已删除“企业登记信息”（301001/000001）" in status.note_label.text()
    assert status.note_button.text() == "撤销"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(status.note_button, Qt.MouseButton.LeftButton)
    tracked = shell.ctx.services.catalog.get_tracked(rid)
    assert tracked is not None and not tracked.envelope.deleted
    assert not status.note.isVisible()

    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert status.note.isVisible()
    create(qtbot, page)  # another step: the note's 撤销 would now undo that one instead
    assert not status.note.isVisible()


def test_an_empty_catalog_says_how_to_fill_it(
    qtbot: QtBot, shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(shell)
    qtbot.waitUntil(page.right_pane.showing_empty, timeout=5000)
    empty = page.empty_catalog
    assert empty.isVisible()
    assert "还没有信息资源" in empty.title.text()
    assert "导入" in empty.text.text() and "模板" in empty.text.text()
    words = [b.text() for b in empty.buttons]
    assert words == ["新建信息资源", "导入目录工作簿…", "导出空白模板…"]

    template = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(template), ""))
    with qtbot.waitSignal(page.excel.exported, timeout=10_000):
        qtbot.mouseClick(page.empty_template, Qt.MouseButton.LeftButton)
    assert template.stat().st_size > 0

    qtbot.mouseClick(page.empty_import, Qt.MouseButton.LeftButton)
    assert page.excel.import_dialog is not None and page.excel.import_dialog.isVisible()
    page.excel.import_dialog.reject()

    with qtbot.waitSignal(page.saved, timeout=5000):
        qtbot.mouseClick(page.empty_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.right_pane.showing_empty(), timeout=5000)
    assert page.form is not None and page.form.isVisible()


def test_a_search_without_hits_is_not_an_empty_catalog(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    create(qtbot, page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ime_type(page.search, "没有这个词")
    assert page.model is not None and page.model.resource_count() == 0
    assert not page.right_pane.showing_empty()


def test_dialogs_open_on_what_to_do(qtbot: QtBot, shell: Shell) -> None:
    page = page_of(shell)
    rid = create(qtbot, page)

    one_source = page.open_one_source()
    assert one_source is not None
    with qtbot.waitSignal(one_source.loaded, timeout=5000):
        pass
    assert one_source.pane.showing_empty() and one_source.empty.isVisible()
    assert "没有发现" in one_source.empty.title.text()
    one_source.reject()

    derive = page.open_derive()
    assert derive is not None
    assert derive.pane.showing_empty() and derive.empty.isVisible()
    assert "上级" in derive.empty.title.text() and ".json" in derive.empty.text.text()
    assert derive.empty.buttons[0].text() == "载入上级目录文件…"
    derive.reject()

    data_file = page.excel.open_data_file()
    assert isinstance(data_file, DataFileDialog)
    assert data_file.pane.showing_empty() and data_file.empty.isVisible()
    assert "还没有信息项" in data_file.empty.title.text()
    data_file.reject()

    shell.ctx.services.catalog.edit(rid, {"data_items": (DataItem("统一社会信用代码", "C", 18),)})
    qtbot.waitUntil(
        lambda: (
            page.form is not None and bool(page.form.resource and page.form.resource.data_items)
        ),
        timeout=5000,
    )
    data_file = page.excel.open_data_file()
    assert isinstance(data_file, DataFileDialog)
    assert "选择要校验的数据文件" in data_file.empty.title.text()
    assert data_file.empty_choose.isVisible()
    data_file.reject()
