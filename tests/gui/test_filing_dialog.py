"""备案 from the catalog page: submit, see the authority's decision, compare versions, print."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.resource_content import resource_content
from govshare_desktop.ui.catalog.filing_dialog import FilingDialog
from govshare_desktop.ui.catalog.tree_model import ID_ROLE, CatalogTreeModel


def valid_resource(shell: Shell) -> Resource:
    return shell.ctx.services.catalog.save(
        Resource(
            name="企业登记信息", unit_code="", classification=Classification("3", "01", "001"),
            code="301001/000001", provider_name="河北省市场监督管理局",
            provider_code="91350100M000100Y43", abstract="全省企业登记基本信息",
            format_category="database", share_type="unconditional", open_to_society=False,
            update_cycle="daily", data_items=(DataItem("统一社会信用代码", "C", 18),),
        )
    )  # fmt: skip


def open_dialog(qtbot: QtBot, shell: Shell) -> FilingDialog:
    page = shell.window.catalog_page
    dialog = page.open_filing()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state_label.text() != "", timeout=5000)
    return dialog


def test_submit_decision_compare_print(qtbot: QtBot, shell: Shell, tmp_path: Path) -> None:
    resource = valid_resource(shell)
    dialog = open_dialog(qtbot, shell)
    assert "尚未备案" in dialog.state_label.text()
    assert dialog.submit_button.isEnabled()
    with qtbot.waitSignal(dialog.submitted, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "报备中" in dialog.state_label.text(), timeout=5000)
    assert "第 1 版目录已冻结并提交备案" in dialog.message.text()
    assert not dialog.submit_button.isEnabled()
    dialog.close()

    (version,) = shell.ctx.services.filing.versions("")
    shell.ctx.services.filing.record_decision(
        version.id, filed=False, comment="摘要过于简单", actor="主管部门"
    )
    shell.ctx.services.catalog.edit(resource.id, {"abstract": "全省企业登记基本信息，含变更与注销"})
    dialog = open_dialog(qtbot, shell)
    qtbot.waitUntil(lambda: "退回修改" in dialog.state_label.text(), timeout=5000)
    assert "摘要过于简单" in dialog.state_label.text()
    assert "尚未形成版本的修改" in dialog.state_label.text()

    with qtbot.waitSignal(dialog.compared, timeout=5000):
        qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    text = dialog.diff_view.toPlainText()
    assert "信息资源摘要" in text
    assert "全省企业登记基本信息，含变更与注销" in text

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "diff.pdf"))
    dialog.diff_view.document().print_(printer)
    assert (tmp_path / "diff.pdf").read_bytes().startswith(b"%PDF")
    dialog.close()


def blocked(dialog: FilingDialog) -> str:
    """Why 提交备案 cannot be pressed, as the dialog says beside it ("" when it can)."""
    if dialog.submit_button.isEnabled():
        return ""
    assert dialog.blocked.isVisibleTo(dialog)
    assert dialog.submit_button.toolTip() == dialog.blocked.text()
    return dialog.blocked.text()


def test_a_catalog_with_errors_cannot_be_submitted_and_says_why(qtbot: QtBot, shell: Shell) -> None:
    resource = valid_resource(shell)
    shell.ctx.services.catalog.edit(resource.id, {"provider_code": "91350100M000100Y44"})
    dialog = open_dialog(qtbot, shell)
    qtbot.waitUntil(lambda: "1 个错误" in blocked(dialog), timeout=5000)
    assert "请先修正" in blocked(dialog)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert shell.ctx.services.filing.versions("") == []
    dialog.close()


def test_a_disabled_submit_always_says_why(qtbot: QtBot, shell: Shell) -> None:
    dialog = open_dialog(qtbot, shell)  # an empty catalog
    qtbot.waitUntil(lambda: "还没有信息资源" in blocked(dialog), timeout=5000)
    assert "尚无版本" in dialog.diff_view.placeholderText()
    dialog.close()

    resource = valid_resource(shell)
    dialog = open_dialog(qtbot, shell)
    qtbot.waitUntil(dialog.submit_button.isEnabled, timeout=5000)
    assert not dialog.blocked.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.submitted, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "请等待其结果" in blocked(dialog), timeout=5000)  # 报备中
    dialog.close()

    (version,) = shell.ctx.services.filing.versions("")
    shell.ctx.services.filing.record_decision(version.id, filed=True, comment="", actor="主管部门")
    dialog = open_dialog(qtbot, shell)
    qtbot.waitUntil(lambda: "没有任何修改" in blocked(dialog), timeout=5000)
    assert "比较" in dialog.diff_view.placeholderText()
    dialog.close()

    shell.ctx.services.catalog.edit(resource.id, {"abstract": "全省企业登记基本信息（含注销）"})
    dialog = open_dialog(qtbot, shell)  # filed before: filing again needs a reason
    qtbot.waitUntil(lambda: "原因" in blocked(dialog), timeout=5000)
    dialog.reason.setPlainText("机构改革后职责调整")
    assert blocked(dialog) == ""
    dialog.close()


def test_one_source_overlaps_lead_to_the_note(qtbot: QtBot, shell: Shell) -> None:
    own = valid_resource(shell)
    shell.ctx.services.catalog.save(
        Resource(
            name="纳税人登记信息", unit_code="U-TAX", classification=Classification("3", "02", "001"),
            provider_code="91440300708461136T", provider_name="税务局",
            data_items=(DataItem("统一社会信用代码", "C", 18),),
        )
    )  # fmt: skip
    shell.window.show_page("catalog")  # the window opens on 概览
    page = shell.window.catalog_page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    dialog = page.open_one_source()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=5000)
    top = dialog.tree.topLevelItem(0)
    assert "统一社会信用代码" in top.text(0)
    assert top.text(3) == "待处理"
    assert "1 处尚待处理" in dialog.summary.text()
    holder = next(
        top.child(i) for i in range(top.childCount()) if "企业登记信息" in top.child(i).text(2)
    )
    dialog.tree.itemDoubleClicked.emit(holder, 0)
    assert page.form is not None
    note = page.form.editors["one_source_note"]
    qtbot.waitUntil(note.hasFocus, timeout=5000)
    assert page.form.resource is not None and page.form.resource.id == own.id
    dialog.close()


def test_filter_by_filing_and_validation_state(qtbot: QtBot, shell: Shell) -> None:
    filed = valid_resource(shell)
    version = shell.ctx.services.filing.submit("")
    shell.ctx.services.filing.record_decision(
        version.id, filed=True, comment="同意", actor="主管部门"
    )
    changed = shell.ctx.services.catalog.save(
        Resource(
            name="企业年报信息", unit_code="", classification=Classification("3", "01", "001"),
            code="301001/000002", share_type="conditional",
        )
    )  # fmt: skip
    page = shell.window.catalog_page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh_all()
    qtbot.waitUntil(lambda: page.problems.rowCount() > 0, timeout=5000)
    model = page.model
    assert model is not None

    def shown_ids(key: str) -> set[str]:
        page.state_filter.setCurrentIndex(page.state_filter.findData(key))
        page.state_filter.activated.emit(page.state_filter.currentIndex())
        return {model.data(idx, ID_ROLE) for idx in _leaves(model)}

    assert shown_ids("errors") == {changed.id}
    assert shown_ids("new") == {changed.id}
    assert shown_ids("filed") == {filed.id}
    assert shown_ids("") == {filed.id, changed.id}
    assert page.state_filter.itemText(page.state_filter.findData("changed")) == "备案后已修改"


def _leaves(model: CatalogTreeModel) -> Iterator[QModelIndex]:
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        children = model.rowCount(index)
        if children == 0:
            yield index
        stack.extend(model.index(r, 0, index) for r in range(children))


def test_derive_from_the_superior_catalog_and_review_a_changed_source(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    source = Resource(
        name="企业登记信息", unit_code="SJZ-SCJ", classification=Classification("3", "01", "001"),
        code="301001/000009", abstract="全市企业登记", data_items=(DataItem("统一社会信用代码", "C", 18),),
    )  # fmt: skip
    document = {"kind": "govshare-catalog", "format": 1, "unit_code": "SJZ-SCJ",
                "resources": {source.id: resource_content(source)}}  # fmt: skip
    path = tmp_path / "city.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    page = shell.window.catalog_page
    dialog = page.open_derive()
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.load(path)
    assert "新增 1 条" in dialog.status.text()
    assert dialog.entries.count() == 1
    dialog.entries.item(0).setCheckState(Qt.CheckState.Checked)
    with (
        qtbot.waitSignal(page.loaded, timeout=5000),
        qtbot.waitSignal(dialog.derived, timeout=5000),
    ):
        qtbot.mouseClick(dialog.derive_button, Qt.MouseButton.LeftButton)
    dialog.close()
    (derived,) = [
        r
        for r in shell.ctx.services.catalog.list_resources("")
        if r.source_resource_id == source.id
    ]
    assert derived.code == "301001/000001"

    document["resources"][source.id]["abstract"] = "全市企业登记（含个体工商户）"  # type: ignore[index]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    dialog = page.open_derive()
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.load(path)
    dialog.close()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh_all()
    qtbot.waitUntil(lambda: page.source_changed(derived.id), timeout=5000)
    page.state_filter.setCurrentIndex(page.state_filter.findData("source_changed"))
    page.state_filter.activated.emit(page.state_filter.currentIndex())
    assert page.model is not None and page.model.resource_count() == 1
    page.select(derived.id)
    qtbot.waitUntil(page.reviewed_action.isEnabled, timeout=5000)
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.reviewed_action.trigger()
    assert shell.ctx.services.derivation.source_states("") == {derived.id: "current"}


def test_the_comparison_and_its_printout_speak_the_ui_language(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    """更新周期 每日 → 每周, not daily → weekly; in English the profile's English labels."""
    resource = valid_resource(shell)
    shell.ctx.services.filing.submit("")
    shell.ctx.services.catalog.edit(
        resource.id,
        {"update_cycle": "weekly", "share_type": "conditional", "share_conditions": "审批用",
         "open_to_society": True, "open_conditions": "公示字段"},
    )  # fmt: skip
    dialog = open_dialog(qtbot, shell)
    with qtbot.waitSignal(dialog.compared, timeout=5000):
        qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    printed = dialog.diff_view.document()  # what print_diff sends to the printer
    text = printed.toPlainText()
    for words in ("更新周期", "每日", "每周", "共享类型", "无条件共享", "有条件共享", "（空）"):
        assert words in text, text
    assert "是否向社会开放\n否\n是" in text
    for code in ("daily", "weekly", "conditional", "False", "True", "None"):
        assert code not in text, text
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "diff.pdf"))
    printed.print_(printer)
    assert (tmp_path / "diff.pdf").read_bytes().startswith(b"%PDF")

    shell.translations.apply("en")
    try:
        with qtbot.waitSignal(dialog.compared, timeout=5000):
            qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
        text = dialog.diff_view.toPlainText()
        for words in ("Update cycle", "Daily", "Weekly", "Share type", "Unconditional",
                      "Conditional", "(empty)", "Open to society\nno\nyes"):  # fmt: skip
            assert words in text, text
        assert "每周" not in text and "weekly" not in text
    finally:
        shell.translations.apply("zh_CN")
    dialog.close()
