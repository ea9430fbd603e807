"""The findings report: the officer's workbook with bad cells filled and commented, and a list."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font

from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.sheet_findings import CellFinding
from govshare_desktop.excel.report_writer import REPORT_HEADERS, REPORT_SHEET, write_report
from govshare_desktop.excel.workbook import open_workbook

RED, YELLOW = "FFC7CE", "FFEB9C"


def finding(cell: str, code: str = "required", severity: Severity = Severity.ERROR,
            sheet: str = "数据", column: str = "企业名称") -> CellFinding:  # fmt: skip
    row = int("".join(ch for ch in cell if ch.isdigit()) or 1)
    return CellFinding(sheet, row, column, cell, code, {}, severity)


def officer_workbook(path: Path) -> Path:
    """A workbook as an officer might have made it: formatting, a merge, a note, a hidden sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据"
    rows = [
        ["统一社会信用代码", "企业名称", "注册资本"],
        ["91130100MA0000001X", "", 500],
        ["91130100MA0000002X", '=HYPERLINK("http://x","y")', "五百"],
        ["合并", "", ""],
    ]
    for row in rows:
        sheet.append(row)
    sheet["B3"].data_type = "s"  # the officer's text, not a formula
    sheet["A1"].font = Font(bold=True, color="FF0000")
    sheet.column_dimensions["A"].width = 33
    sheet.merge_cells("A4:C4")
    sheet["C2"].comment = Comment("万元", "officer")
    hidden = book.create_sheet("草稿")
    hidden["A1"] = "不要看"
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


def fill_of(cell: Any) -> str | None:
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return str(cell.fill.fgColor.rgb)[-6:]


def summary_rows(book: Any) -> list[tuple[Any, ...]]:
    return list(book[REPORT_SHEET].iter_rows(values_only=True))


def test_xlsx_cells_are_filled_and_commented(tmp_path: Path) -> None:
    source = officer_workbook(tmp_path / "data.xlsx")
    findings = [
        finding("B2"),
        finding("B2", "too_long", Severity.WARNING),
        finding("C3", "bad_value_type", Severity.WARNING, column="注册资本"),
        finding("C2", "value_too_long", Severity.WARNING, column="注册资本"),
        finding("B4", "value_required"),  # inside the merged A4:C4
        finding("", "missing_item_column", column="法定代表人"),
    ]
    messages = [
        "企业名称必填",
        "企业名称过长",
        "注册资本应为数值",
        "太长",
        "必填",
        "缺少列 法定代表人",
    ]
    out = tmp_path / "report.xlsx"
    write_report(source, findings, messages, out)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [REPORT_SHEET, "数据", "草稿"]
    sheet = book["数据"]
    assert fill_of(sheet["B2"]) == RED  # an error and a warning: the error's colour
    assert sheet["B2"].comment.text == "企业名称必填\n企业名称过长"
    assert fill_of(sheet["C3"]) == YELLOW
    assert sheet["C3"].comment.text == "注册资本应为数值"
    assert sheet["C2"].comment.text == "万元\n\n太长"  # the officer's own note is kept
    assert fill_of(sheet["A4"]) == RED and sheet["A4"].comment.text == "必填"
    assert fill_of(sheet["A2"]) is None and sheet["A2"].comment is None
    # the officer's workbook otherwise as it was
    assert sheet["A1"].font.b and sheet["A1"].font.color.rgb.endswith("FF0000")
    assert sheet.column_dimensions["A"].width == 33
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A4:C4"]
    assert sheet["B3"].value == '=HYPERLINK("http://x","y")' and sheet["B3"].data_type == "s"
    assert book["草稿"].sheet_state == "hidden"


def test_the_summary_lists_every_finding_with_a_link(tmp_path: Path) -> None:
    source = officer_workbook(tmp_path / "data.xlsx")
    findings = [
        finding("B2"),
        finding("C3", "bad_value_type", Severity.WARNING, column="注册资本"),
        finding("", "missing_item_column", column="法定代表人"),
    ]
    out = tmp_path / "report.xlsx"
    write_report(source, findings, ["必填", "应为数值", "缺少列"], out)
    book = openpyxl.load_workbook(out)
    assert summary_rows(book) == [
        REPORT_HEADERS,
        ("数据", 2, "企业名称", "B2", "required", "错误", "必填"),
        ("数据", 3, "注册资本", "C3", "bad_value_type", "警告", "应为数值"),
        ("数据", 1, "法定代表人", None, "missing_item_column", "错误", "缺少列"),
    ]
    summary = book[REPORT_SHEET]
    assert summary["D2"].hyperlink.location == "'数据'!B2"
    assert summary["D3"].hyperlink.location == "'数据'!C3"
    assert summary["D4"].hyperlink is None
    assert summary.freeze_panes == "A2"
    assert book.active.title == REPORT_SHEET
    assert [s.title for s in book.worksheets if s.sheet_view.tabSelected] == [REPORT_SHEET]


def test_report_text_never_becomes_a_formula(tmp_path: Path) -> None:
    source = officer_workbook(tmp_path / "data.xlsx")
    hostile = finding("B2", code="=1+1", column="=cmd|' /C calc'!A0")
    out = tmp_path / "report.xlsx"
    write_report(source, [hostile], ['=HYPERLINK("http://x","y")'], out)
    summary = openpyxl.load_workbook(out)[REPORT_SHEET]
    for ref, text in (
        ("C2", "=cmd|' /C calc'!A0"),
        ("E2", "=1+1"),
        ("G2", '=HYPERLINK("http://x","y")'),
    ):
        assert summary[ref].value == text and summary[ref].data_type == "s", ref
    with open_workbook(out) as workbook:
        assert workbook.sheet(REPORT_SHEET).rows[1][6] == '=HYPERLINK("http://x","y")'


def test_a_csv_source_is_rebuilt_as_a_sheet(tmp_path: Path) -> None:
    source = tmp_path / "企业[名录].csv"
    source.write_text("统一社会信用代码,企业名称\n91130100MA0000001X,\n,=1+1\n", encoding="utf-8")
    out = tmp_path / "report.xlsx"
    write_report(source, [finding("B2", sheet="企业[名录]")], ["企业名称必填"], out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [REPORT_SHEET, "企业_名录_"]  # [ ] are not allowed in titles
    sheet = book["企业_名录_"]
    assert fill_of(sheet["B2"]) == RED and sheet["B2"].comment.text == "企业名称必填"
    assert sheet["B3"].value == "=1+1" and sheet["B3"].data_type == "s"
    assert summary_rows(book)[1][0] == "企业[名录]"  # the list names the sheet as reported
    assert book[REPORT_SHEET]["D2"].hyperlink.location == "'企业_名录_'!B2"


def test_messages_must_match_findings(tmp_path: Path) -> None:
    source = officer_workbook(tmp_path / "data.xlsx")
    with pytest.raises(ValueError, match="2 findings but 1 messages"):
        write_report(source, [finding("B2"), finding("C2")], ["x"], tmp_path / "report.xlsx")


def test_a_source_that_is_no_spreadsheet_is_a_known_error(tmp_path: Path) -> None:
    source = tmp_path / "data.xlsx"
    source.write_bytes(b"\x00\x01 not a workbook")
    with pytest.raises(KnownError) as caught:
        write_report(source, [], [], tmp_path / "report.xlsx")
    assert caught.value.code is ErrorCode.WORKBOOK_NOT_SPREADSHEET
    assert not (tmp_path / "report.xlsx").exists()


@pytest.mark.usefixtures("soffice")
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_ods_and_xls_are_rebuilt_and_marked(tmp_path: Path, kind: str) -> None:
    source = officer_workbook(tmp_path / "data.xlsx")
    converted = tmp_path / "lo"
    soffice = shutil.which("soffice")
    assert soffice is not None
    subprocess.run(
        [soffice, "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
         "--convert-to", kind, "--outdir", str(converted), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    findings = [
        finding("B2"),
        finding("C3", "bad_value_type", Severity.WARNING, column="注册资本"),
        finding("C4", "value_required"),  # in the merged A4:C4
    ]
    lo_file = converted / f"data.{kind}"
    with open_workbook(lo_file) as workbook:
        merged = workbook.sheet("数据").merged
    # python-calamine 0.9 reports merged ranges for xls but none for ods: the report
    # re-applies what the grid reports
    assert merged == (((3, 0, 3, 2),) if kind == "xls" else ())
    out = tmp_path / "report.xlsx"
    write_report(lo_file, findings, ["必填", "应为数值", "合并格"], out)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [REPORT_SHEET, "数据"]  # the hidden sheet is not rebuilt
    sheet = book["数据"]
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3, 4)] == [
        "统一社会信用代码", "91130100MA0000001X", "91130100MA0000002X", "合并",
    ]  # fmt: skip
    assert sheet["C2"].value == 500
    assert sheet["B3"].value == '=HYPERLINK("http://x","y")' and sheet["B3"].data_type == "s"
    assert [str(r) for r in sheet.merged_cells.ranges] == (["A4:C4"] if merged else [])
    merged_target = "A4" if merged else "C4"
    assert fill_of(sheet["B2"]) == RED and sheet["B2"].comment.text == "必填"
    assert fill_of(sheet["C3"]) == YELLOW and sheet["C3"].comment.text == "应为数值"
    assert fill_of(sheet[merged_target]) == RED
    assert sheet[merged_target].comment.text == "合并格"
    assert [row[3] for row in summary_rows(book)[1:]] == ["B2", "C3", "C4"]
    assert book[REPORT_SHEET]["D4"].hyperlink.location == f"'数据'!{merged_target}"
