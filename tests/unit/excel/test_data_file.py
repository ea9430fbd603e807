"""Data files as units really make them: CSV from Excel or WPS, xlsx, ods/xls from LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from govshare_desktop.domain.data_values import ItemRule
from govshare_desktop.domain.entities import DataItem
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import Cancelled, ErrorCode, KnownError
from govshare_desktop.domain.progress import CancelToken, Progress
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode
from govshare_desktop.excel import data_file
from govshare_desktop.excel.data_file import check_data_file

ITEMS = (
    DataItem("统一社会信用代码", "C", 18, extra={"required": True}),
    DataItem("企业名称", "C", 20, extra={"required": True}),
    DataItem("注册资本", "N", 10),
    DataItem("成立日期", "D"),
    DataItem("是否存续", "L"),
    DataItem("从业人数", "I"),
)
HEADER = [item.name for item in ITEMS]
GOOD = ["91130100MA0000001X", "河北某某科技有限公司", "500.5", "2020-01-15", "是", "12"]


def rules(items: tuple[DataItem, ...] = ITEMS) -> list[ItemRule]:
    return [ItemRule(item, str(item.data_type)) for item in items]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    path.write_text("\r\n".join(",".join(row) for row in rows) + "\r\n", encoding=encoding)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "数据") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def where(findings: list[CellFinding]) -> list[tuple[str, str, str]]:
    return [(f.cell, f.column, f.code) for f in findings]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_a_clean_csv_in_each_encoding_excel_and_wps_save(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "企业.csv", [HEADER, GOOD, GOOD], encoding)
    result = check_data_file(path, rules())
    assert result.ok
    assert result.findings == []
    assert (result.rows_checked, result.header_row, result.sheet) == (2, 1, "企业")
    assert result.columns["统一社会信用代码"] == "统一社会信用代码"


def test_bad_values_are_located_at_their_cells(tmp_path: Path) -> None:
    rows = [
        HEADER,
        GOOD,
        ["91130100MA0000001X123", "", "五百万", "2020-02-30", "也许", "12.5"],
        ["", "某公司", "12345678901", "2020年1月15日", "否", "1,200"],
    ]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules())
    assert where(result.findings) == [
        ("A3", "统一社会信用代码", SheetCode.VALUE_TOO_LONG),
        ("B3", "企业名称", SheetCode.VALUE_REQUIRED),
        ("C3", "注册资本", SheetCode.BAD_VALUE_TYPE),
        ("D3", "成立日期", SheetCode.BAD_VALUE_TYPE),
        ("E3", "是否存续", SheetCode.BAD_VALUE_TYPE),
        ("F3", "从业人数", SheetCode.BAD_VALUE_TYPE),
        ("A4", "统一社会信用代码", SheetCode.VALUE_REQUIRED),
        ("C4", "注册资本", SheetCode.TOO_MANY_DIGITS),
    ]
    assert [f.row for f in result.findings] == [3] * 6 + [4] * 2
    assert all(f.sheet == "d" and f.severity is Severity.ERROR for f in result.findings)
    assert result.findings[2].params == {"value": "五百万", "type": "N"}
    assert (result.rows_checked, result.errors, result.warnings) == (3, 8, 0)
    assert not result.ok


def test_an_xlsx_with_typed_cells_a_title_row_and_columns_in_another_order(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["河北省市场监督管理局 企业登记信息（2025年6月）"],
        ["填报单位：河北省市场监督管理局", None, "填报日期：2025-06-30"],
        ["备注", "*企业名称", "统一社会信用代码（必填）", "成立日期", "注册资本", "是否存续", "从业人数"],
        ["本单位自用", "某公司", "91130100MA0000001X", date(2020, 1, 15), 500.5, True, 12],
        [None, "某公司", "91130100MA0000002X", datetime(2020, 1, 15, 9), 1e12, "Y", 12.0],
        [None, "某公司", "91130100MA0000003X", "不详", -1, "N", 3.5],
    ]  # fmt: skip
    result = check_data_file(write_xlsx(tmp_path / "d.xlsx", rows), rules())
    assert result.header_row == 3
    assert result.sheet == "数据"
    assert result.columns["企业名称"] == "*企业名称"
    assert where(result.findings) == [
        ("E5", "注册资本", SheetCode.TOO_MANY_DIGITS),
        ("D6", "成立日期", SheetCode.BAD_VALUE_TYPE),
        ("G6", "从业人数", SheetCode.BAD_VALUE_TYPE),
    ]
    assert result.rows_checked == 3


def test_missing_columns_required_as_errors_optional_as_warnings(tmp_path: Path) -> None:
    rows = [["企业名称", "成立日期", "自定义列"], ["某公司", "2020-01-15", "x"]]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules())
    missing = [(f.column, f.cell, f.row, f.severity) for f in result.findings]
    assert missing == [
        ("统一社会信用代码", "", 1, Severity.ERROR),
        ("注册资本", "", 1, Severity.WARNING),
        ("是否存续", "", 1, Severity.WARNING),
        ("从业人数", "", 1, Severity.WARNING),
    ]
    assert {f.code for f in result.findings} == {SheetCode.MISSING_ITEM_COLUMN}
    assert result.findings[0].params == {"label": "统一社会信用代码"}
    assert (result.errors, result.warnings, result.rows_checked) == (1, 3, 1)


def test_only_optional_columns_missing_is_ok(tmp_path: Path) -> None:
    rows = [["统一社会信用代码", "企业名称"], GOOD[:2]]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules())
    assert result.ok
    assert result.warnings == 4


def test_empty_rows_at_the_end_and_in_between_are_not_records(tmp_path: Path) -> None:
    rows = [HEADER, GOOD, [""] * 6, GOOD, *([[""] * 6] * 50), [" "] * 6]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules())
    assert result.rows_checked == 2
    assert result.findings == []
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(GOOD)
    for row in range(3, 200):  # formatted but empty: calamine still returns the rows
        sheet.cell(row, 1).number_format = "@"
        sheet.cell(row, 6).number_format = "0.00"
    book.save(tmp_path / "d.xlsx")
    result = check_data_file(tmp_path / "d.xlsx", rules())
    assert (result.rows_checked, result.findings) == (1, [])


def test_short_rows_are_read_as_empty_cells(tmp_path: Path) -> None:
    rows = [HEADER, GOOD[:1]]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules())
    assert where(result.findings) == [("B2", "企业名称", SheetCode.VALUE_REQUIRED)]


def test_the_sheet_naming_most_items_is_checked(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["企业名称", "填写企业全称"])
    data = book.create_sheet("数据")
    data.append(HEADER)
    data.append(GOOD)
    book.save(tmp_path / "d.xlsx")
    result = check_data_file(tmp_path / "d.xlsx", rules())
    assert (result.sheet, result.rows_checked, result.ok) == ("数据", 1, True)


def test_a_file_naming_no_item_is_unusable(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [["a", "b"], ["1", "2"]])
    with pytest.raises(KnownError) as caught:
        check_data_file(path, rules())
    assert caught.value.code is ErrorCode.DATA_FILE_NO_HEADER
    assert "统一社会信用代码" in caught.value.params["columns"]


def test_not_a_spreadsheet_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    path.write_bytes(b"\x00\x01binary" * 100)
    with pytest.raises(KnownError) as caught:
        check_data_file(path, rules())
    assert caught.value.code is ErrorCode.WORKBOOK_NOT_SPREADSHEET


def test_findings_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    bad = ["", "某公司", "x", "2020-01-15", "是", "1"]  # two errors a row
    rows = [HEADER, *([bad] * 1_500)]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules())
    assert len(result.findings) == data_file.MAX_FINDINGS
    assert result.truncated == 3_000 - data_file.MAX_FINDINGS
    assert result.errors == 3_000
    assert result.rows_checked == 1_500
    assert result.findings[-1].row == data_file.MAX_FINDINGS // 2 + 1


def test_progress_is_reported_and_cancel_stops_the_check(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [HEADER, *([GOOD] * 2_500)])
    seen: list[tuple[int, int]] = []
    check_data_file(path, rules(), Progress(lambda done, total, _msg: seen.append((done, total))))
    assert seen == [(0, 2_500), (1_000, 2_500), (2_000, 2_500), (2_500, 2_500)]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        check_data_file(path, rules(), Progress(cancel=token))


def test_a_duplicated_item_name_or_column_is_checked_once(tmp_path: Path) -> None:
    items = (DataItem("名称", "C", 2, extra={"required": True}), DataItem("名称", "C", 2))
    rows = [["名称", "名称"], ["太长了", ""]]
    result = check_data_file(write_csv(tmp_path / "d.csv", rows), rules(items))
    assert where(result.findings) == [("A2", "名称", SheetCode.VALUE_TOO_LONG)]


SOFFICE = shutil.which("soffice")


@pytest.mark.usefixtures("soffice")
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_ods_and_xls_saved_by_libreoffice(tmp_path: Path, kind: str) -> None:
    rows: list[list[Any]] = [
        HEADER,
        ["91130100MA0000001X", "某公司", 500.5, date(2020, 1, 15), True, 12],
        ["91130100MA0000002X", "", "五百", date(2020, 1, 15), "否", 12],
    ]
    source = write_xlsx(tmp_path / "src.xlsx", rows)
    out = tmp_path / "out"
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
         "--convert-to", kind, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = check_data_file(out / f"src.{kind}", rules())
    assert where(result.findings) == [
        ("B3", "企业名称", SheetCode.VALUE_REQUIRED),
        ("C3", "注册资本", SheetCode.BAD_VALUE_TYPE),
    ]
    assert result.rows_checked == 2
