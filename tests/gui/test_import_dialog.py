"""Excel in the GUI as an officer uses it: check a workbook, see its problems at their cells,
import it whole, cancel, drop a file on the window, export, and check a data file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import CellFinding
from govshare_desktop.services.catalog.importing import ImportReport
from govshare_desktop.ui.catalog.data_file_dialog import DataFileDialog
from govshare_desktop.ui.catalog.import_dialog import ImportDialog
from govshare_desktop.ui.catalog.page import CatalogPage
from govshare_desktop.ui.messages import cell_finding_text
from tests.xlsx_book import worksheet, write_xlsx

EXCEL = Path(__file__).resolve().parents[1] / "data" / "excel" / "lo"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
WAIT = 10_000


def open_checked(qtbot: QtBot, shell: Shell, name: str) -> ImportDialog:
    """The import dialog from the page's tool bar, with `name` checked (the dry run shown)."""
    page = shell.window.catalog_page
    qtbot.waitUntil(page.excel.import_action.isEnabled, timeout=WAIT)
    page.excel.import_action.trigger()
    dialog = page.excel.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.load(EXCEL / name)
    return dialog


def shown_findings(dialog: ImportDialog) -> list[tuple[CellFinding, QModelIndex]]:
    proxy = dialog.findings_proxy
    return [
        (dialog.findings.finding(proxy.mapToSource(proxy.index(row, 0)).row()), proxy.index(row, 0))
        for row in range(proxy.rowCount())
    ]


def screenshot(widget: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_defects_are_listed_at_their_cells_and_block_the_import(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    dialog = open_checked(qtbot, shell, "merged_defects.xlsx")
    report = dialog.report
    assert report is not None
    assert (len(report.errors), len(report.warnings)) == (18, 2)
    assert dialog.findings.rowCount() == 20
    assert not dialog.import_button.isEnabled()
    assert dialog.save_button.isEnabled()
    assert dialog.tabs.currentIndex() == 0
    assert "19" in dialog.summary.text()
    # sorted by severity: errors first; every message in the UI language's wording
    rows = shown_findings(dialog)
    assert [f.severity.value for f, _ in rows][-2:] == ["warning", "warning"]
    message = dialog.findings_proxy.index(0, 4).data()
    assert message == cell_finding_text(rows[0][0])

    bad_number, index = next((f, i) for f, i in rows if f.cell == "N20")
    view = dialog.findings_view
    view.scrollTo(index)
    with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert shown.args == [bad_number.sheet, 20]
    current = dialog.preview_view.currentIndex()
    assert (current.row(), current.column()) == (19, 13)
    assert dialog.preview_view.selectionModel().isSelected(current)
    assert current.data() == "abc"
    assert dialog.preview.data(current, Qt.ItemDataRole.ToolTipRole) == cell_finding_text(
        bad_number
    )
    screenshot(dialog, "import-dialog-defects.png")

    # a second finding on the same sheet is shown from the cache, at once
    missing, index = next((f, i) for f, i in rows if f.cell == "J5")
    with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT):
        view.activated.emit(index)
    assert dialog.preview_view.currentIndex().row() == missing.row - 1

    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_marked(tmp_path / "marked")
    assert (tmp_path / "marked.xlsx").stat().st_size > 0

    dialog.tabs.setCurrentIndex(1)
    screenshot(dialog, "import-dialog-columns.png")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_clean_workbook_is_imported_and_listed(qtbot: QtBot, shell: Shell) -> None:
    page: CatalogPage = shell.window.catalog_page
    dialog = open_checked(qtbot, shell, "merged_clean.ods")
    report = dialog.report
    assert report is not None and report.ok and report.new == 4
    assert dialog.import_button.isEnabled()
    assert dialog.findings.rowCount() == 0

    dialog.import_button.setFocus()
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)  # Enter never imports
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert dialog.isVisible()
    assert shell.ctx.services.catalog.count() == 0

    with (
        qtbot.waitSignal(page.loaded, timeout=WAIT),
        qtbot.waitSignal(dialog.imported, timeout=WAIT) as imported,
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    stored: ImportReport = imported.args[0]
    assert stored.stored and stored.new == 4
    assert not dialog.isVisible()
    assert page.model is not None
    qtbot.waitUntil(lambda: page.model is not None and page.model.resource_count() == 4)
    assert shell.ctx.services.catalog.count() == 4
    box = page.excel.result_box
    assert box is not None and box.isVisible()
    assert "4" in box.text()
    box.close()
    # the status bar counts the new changes at once, not at its next 30 s refresh
    status = shell.window.status
    qtbot.waitUntil(
        lambda: status.snapshot is not None and status.snapshot.pending_changes == 3, timeout=WAIT
    )  # 4 resources, one of them secret (涉密): it never leaves the PC

    again = open_checked(qtbot, shell, "merged_clean.ods")
    assert again.report is not None and again.report.imported_before
    assert again.report.unchanged == 4
    again.reject()


@pytest.mark.parametrize(
    "header",
    [
        "信息资源摘要",
        "信息资源名称",
    ],
)
def test_ignoring_a_required_column_reports_it(qtbot: QtBot, shell: Shell, header: str) -> None:
    dialog = open_checked(qtbot, shell, "merged_clean.ods")
    assert dialog.import_button.isEnabled()
    assert dialog.tabs.currentIndex() == 1  # nothing to fix: the columns are shown
    combo = dialog.mapping_combo(header)
    assert combo is not None
    failures: list[str] = []
    dialog.check_failed.connect(failures.append)
    with qtbot.waitSignals([dialog.checked], timeout=WAIT, raising=False) as waited:
        combo.setCurrentIndex(combo.findData(""))
    assert waited.signal_triggered, failures
    report = dialog.report
    assert report is not None
    assert [(f.code, f.column) for f in report.errors] == [("missing_column", header)]
    assert not dialog.import_button.isEnabled()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.mapping_combo(header).currentData() == ""  # type: ignore[union-attr]
    dialog.reject()


def test_cancelling_the_import_stores_nothing(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = shell.ctx.services.catalog_import
    real_run = service.run
    storing, released = threading.Event(), threading.Event()

    def held_at_store(path: Path, **kwargs: Any) -> ImportReport:
        """The real import, held where it is about to store until the test has pressed
        Cancel; a slow disk as the officer would meet it."""
        outer: Progress = kwargs.pop("progress")
        if kwargs.get("dry_run"):
            return real_run(path, progress=outer, **kwargs)

        def sink(done: int, total: int, message: str) -> None:
            if message == "store":
                storing.set()
                released.wait(WAIT / 1000)
            outer.report(done, total, message)

        return real_run(path, progress=Progress(sink, outer.cancel), **kwargs)

    monkeypatch.setattr(service, "run", held_at_store)
    dialog = open_checked(qtbot, shell, "merged_clean.ods")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert storing.wait(WAIT / 1000)
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(
        lambda: dialog.progress is not None and dialog.progress.dialog is not None, timeout=WAIT
    )
    assert dialog.progress is not None and dialog.progress.dialog is not None
    (cancel,) = dialog.progress.dialog.findChildren(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    released.set()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT)
    assert dialog.isVisible()
    assert dialog.message.text() != ""
    assert shell.ctx.services.catalog.count() == 0
    dialog.reject()


def drop(shell: Shell, path: Path) -> tuple[bool, bool]:
    """Drag `path` from a file manager onto the window: (entering accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(300, 300), action, mime, button, modifiers)
    QApplication.sendEvent(shell.window, enter)
    dropped = QDropEvent(QPointF(300, 300), action, mime, button, modifiers)
    QApplication.sendEvent(shell.window, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_a_workbook_dropped_on_the_window_opens_the_import(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    window = shell.window
    window.show_page("sync")
    note = tmp_path / "notes.txt"
    note.write_text("not a workbook", encoding="utf-8")
    assert drop(shell, note) == (False, False)
    assert window.catalog_page.excel.import_dialog is None

    assert drop(shell, EXCEL / "two_sheet_defects.xlsx") == (True, True)
    assert window.current_page_key() == "catalog"
    dialog = window.catalog_page.excel.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.isVisible()
    assert dialog.path == EXCEL / "two_sheet_defects.xlsx"
    report = dialog.report
    assert report is not None
    assert {f.code for f in report.errors} == {"missing_column", "required", "orphan_item"}
    dialog.reject()

    with qtbot.waitActive(window, timeout=WAIT):
        window.activateWindow()
    qtbot.keyClick(window.catalog_page.tree, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    by_key = window.catalog_page.excel.import_dialog
    assert by_key is not dialog and isinstance(by_key, ImportDialog)
    qtbot.waitExposed(by_key)
    by_key.reject()


def test_an_unusable_file_is_explained_not_traced(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    fake = tmp_path / "目录.xlsx"
    fake.write_text("this is not a workbook", encoding="utf-8")
    page = shell.window.catalog_page
    qtbot.waitUntil(page.excel.import_action.isEnabled, timeout=WAIT)
    dialog = page.open_import()
    assert dialog is not None
    with qtbot.waitSignal(dialog.check_failed, timeout=WAIT) as failed:
        dialog.load(fake)
    text = failed.args[0]
    assert "目录.xlsx" in text and "Traceback" not in text
    assert dialog.summary.text() == text
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_a_workbook_that_aborted_the_process_is_refused_and_the_window_lives(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    """12 KB with the cell XFD1048576 written `<c t="n" r=...>`: calamine asked for 550 GB
    and the GUI died with whatever was open. Now the dialog says why, and works on."""
    far = '<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row>'
    bomb = write_xlsx(
        tmp_path / "目录.xlsx", worksheet(f'<row r="1"><c r="A1"><v>1</v></c></row>{far}')
    )
    page = shell.window.catalog_page
    qtbot.waitUntil(page.excel.import_action.isEnabled, timeout=WAIT)
    dialog = page.open_import()
    assert dialog is not None
    with qtbot.waitSignal(dialog.check_failed, timeout=WAIT) as failed:
        dialog.load(bomb)
    text = failed.args[0]
    assert "目录.xlsx" in text and "1048576" in text and "Traceback" not in text
    assert dialog.summary.text() == text
    assert not dialog.import_button.isEnabled()
    assert shell.window.isVisible() and dialog.isVisible()
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.load(EXCEL / "merged_clean.ods")  # the same dialog reads the next file
    assert dialog.report is not None and dialog.report.ok
    dialog.reject()


def test_template_and_catalog_exports(qtbot: QtBot, shell: Shell, tmp_path: Path) -> None:
    page = shell.window.catalog_page
    dialog = open_checked(qtbot, shell, "two_sheet_clean.xlsx")
    with qtbot.waitSignals([page.loaded, page.excel.imported], timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert page.excel.result_box is not None
    page.excel.result_box.close()
    with qtbot.waitSignal(page.excel.exported, timeout=WAIT):
        page.excel.export_template(tmp_path / "template.xlsx")
    with qtbot.waitSignal(page.excel.exported, timeout=WAIT):
        page.excel.export_catalog(tmp_path / "catalog.xlsx")
    assert (tmp_path / "template.xlsx").stat().st_size > 0
    exported = shell.ctx.services.catalog_import.run(tmp_path / "catalog.xlsx", dry_run=True)
    assert exported.ok and exported.resources == 5 and exported.unchanged == 5
    assert "catalog.xlsx" in shell.window.statusBar().currentMessage()


def test_a_data_file_with_a_bad_value_shows_the_finding(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    resource = shell.ctx.services.catalog.save(
        Resource(
            name="企业登记信息", unit_code="", classification=Classification("3", "01", "001"),
            code="301001/000001",
            data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("注册资本", "N", 10),
                        DataItem("成立日期", "D")),
        )
    )  # fmt: skip
    page = shell.window.catalog_page
    assert not page.excel.data_file_action.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.reload()
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        page.select(resource.id)
    assert page.excel.data_file_action.isEnabled()
    page.excel.data_file_action.trigger()
    dialog = page.excel.data_file_dialog
    assert isinstance(dialog, DataFileDialog)
    qtbot.waitExposed(dialog)
    assert "301001/000001" in dialog.intro.text()
    data = tmp_path / "企业登记.csv"
    data.write_text(
        "统一社会信用代码,注册资本,成立日期\r\n"
        "91130100MA0000001X,500.5,2020-01-15\r\n"
        "91130100MA0000002X,很多,2020-02-30\r\n",
        encoding="utf-8-sig",
    )
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.check(data)
    report = dialog.report
    assert report is not None and report.rows_checked == 2
    cells = {f.cell for f in report.findings}
    assert {"B3", "C3"} <= cells
    assert dialog.findings.rowCount() == len(report.findings)
    assert "2" in dialog.summary.text()
    screenshot(dialog, "data-file-dialog.png")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_marked(tmp_path / "marked.xlsx")
    assert (tmp_path / "marked.xlsx").stat().st_size > 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
