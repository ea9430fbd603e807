"""The measure of an xlsx sheet part, in every spelling calamine reads: a far cell is found
whatever its attribute order, quoting, whitespace, prefix or implicit position."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel import sheet_xml
from govshare_desktop.excel.safety import inspect
from govshare_desktop.excel.workbook import open_workbook
from tests.xlsx_book import worksheet, write_xlsx

LO = Path(__file__).resolve().parents[2] / "data" / "excel" / "lo"
A1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>'
FAR = "1048576 rows × 16384 columns"

# the cell XFD1048576 holding a value, as the issue found it spelled past the old check
FAR_CELLS = {
    "t before r": '<row r="1048576"><c t="n" r="XFD1048576"><v>2</v></c></row>',
    "s before r": '<row r="1048576"><c s="0" r="XFD1048576"><v>2</v></c></row>',
    "double space": '<row r="1048576"><c  r="XFD1048576"><v>2</v></c></row>',
    "single quotes": "<row r='1048576'><c r='XFD1048576' t='n'><v>2</v></c></row>",
    "tab": '<row r="1048576"><c\tr="XFD1048576"><v>2</v></c></row>',
    "line break": '<row r="1048576"><c\nr="XFD1048576"><v>2</v></c></row>',
    "spaces around =": '<row r="1048576"><c r = "XFD1048576"><v>2</v></c></row>',
    "lowercase": '<row r="1048576"><c r="xfd1048576"><v>2</v></c></row>',
    "empty inline string": '<row><c r="XFD1048576" t="inlineStr"><is></is></c></row>',
    "text result": '<row><c r="XFD1048576" t="str"><v>x</v></c></row>',
    "value under a prefix": '<row><c r="XFD1048576"><y:v xmlns:y="urn:y">2</y:v></c></row>',
    "before the last value": '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
    '<row r="2"><c r="A2"><v>1</v></c></row>',
    "far right, not last": '<row r="999999"><c r="XFD999999"><v>2</v></c></row>'
    '<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
}


def measured(rows: str, prefix: str = "") -> tuple[int, int]:
    return sheet_xml.extent(worksheet(rows, prefix).encode())


def refusal(tmp_path: Path, sheet: str) -> KnownError:
    with pytest.raises(KnownError) as caught:
        inspect(write_xlsx(tmp_path / "bomb.xlsx", sheet))
    return caught.value


@pytest.mark.parametrize("spelling", sorted(FAR_CELLS))
def test_a_far_cell_is_found_however_it_is_spelled(spelling: str, tmp_path: Path) -> None:
    rows = A1 + FAR_CELLS[spelling]
    assert measured(rows)[1] == 16384
    error = refusal(tmp_path, worksheet(rows))
    assert error.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert error.params["reason"].endswith("× 16384 columns")


def test_a_far_cell_under_a_namespace_prefix_is_found(tmp_path: Path) -> None:
    rows = (
        '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="1048576"><x:c r="XFD1048576" t="n"><x:v>2</x:v></x:c></x:row>'
    )
    assert measured(rows, "x") == (1_048_576, 16_384)
    assert refusal(tmp_path, worksheet(rows, "x")).params["reason"] == FAR


def test_cells_without_r_take_the_next_column(tmp_path: Path) -> None:
    """3,000 cells with no reference in row 1048576: calamine lays them out in A to DKJ."""
    rows = A1 + '<row r="1048576">' + "<c><v>1</v></c>" * 3000 + "</row>"
    assert measured(rows) == (1_048_576, 3000)
    assert refusal(tmp_path, worksheet(rows)).params["reason"] == "1048576 rows × 3000 columns"


def test_rows_without_r_take_the_next_row(tmp_path: Path) -> None:
    """A row with no number follows the one before: after row 600000 comes row 600001."""
    implicit = '<row r="600000"/><row>' + "<c><v>1</v></c>" * 30 + "</row>"
    assert measured(A1 + implicit) == (600_001, 30)
    assert refusal(tmp_path, worksheet(A1 + implicit)).params["reason"] == (
        "600001 rows × 30 columns"
    )
    # after a cell with a reference, the next cell without one takes the column after it
    assert measured('<row r="3"><c r="D3"/><c><v>1</v></c></row>') == (3, 5)


def test_empty_and_formula_only_cells_hold_no_value() -> None:
    """calamine keeps no cell for formatting or for a formula with no cached value, so a
    million formatted rows below the table cost nothing; a formatted cell written before
    a value still widens the measure (never less than calamine's block)."""
    rows = A1 + '<row r="1048576"><c r="B1048576" s="1"/><c r="C1048576"><f>1+1</f></c></row>'
    assert measured(rows) == (1, 1)
    assert measured('<row r="2"><c r="E2" s="1"/><c r="B2"><v>1</v></c></row>') == (2, 5)


@pytest.mark.parametrize(
    ("sheet", "reason"),
    [
        # calamine takes the last of two r attributes: no XML parser accepts them
        (worksheet(A1 + '<row><c r="A2" r="XFD1048576"><v>1</v></c></row>'), "duplicate"),
        (worksheet(A1 + '<row><c r="$XFD$1048576"><v>1</v></c></row>'), "malformed cell"),
        (worksheet(A1 + '<row><c r="A0"><v>1</v></c></row>'), "malformed cell"),
        (worksheet(A1 + '<row r="-5"><c><v>1</v></c></row>'), "malformed cell"),
        (
            '<!DOCTYPE worksheet [<!ENTITY far "XFD1048576">]>'
            + worksheet(A1 + '<row><c r="&far;"><v>1</v></c></row>').split("\n", 1)[1],
            "DOCTYPE",
        ),
    ],
)
def test_a_sheet_no_producer_writes_is_refused_as_damaged(
    sheet: str, reason: str, tmp_path: Path
) -> None:
    error = refusal(tmp_path, sheet)
    assert error.code is ErrorCode.WORKBOOK_UNREADABLE
    assert reason in error.params["reason"]


def test_a_utf16_sheet_is_read_by_expat() -> None:
    data = worksheet(A1 + '<row><c r="XFD1048576"><v>2</v></c></row>').replace(
        'encoding="UTF-8"', 'encoding="UTF-16"'
    )
    assert sheet_xml.extent(data.encode("utf-16")) == (1_048_576, 16_384)


def _parts(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        return [archive.read(n) for n in sorted(names)]


def test_producers_take_the_fast_path_and_it_agrees_with_expat(tmp_path: Path) -> None:
    """LibreOffice and openpyxl write every cell as `<c r="A1" ...>`: such parts are read
    by C-speed scans, and give what the element-by-element reader gives."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in range(1, 300):
        for column in range(1, 30):
            sheet.cell(row, column, f"{row}/{column}" if column % 3 else row * column)
    sheet.cell(400, 2).number_format = "0.00"  # formatted, empty, below the table
    book.save(tmp_path / "openpyxl.xlsx")
    parts = _parts(tmp_path / "openpyxl.xlsx")
    for fixture in sorted(LO.glob("*.xlsx")):
        parts.extend(_parts(fixture))
    for data in parts:
        fast = sheet_xml._canonical_extent(data)
        assert fast is not None
        assert fast == sheet_xml._exact_extent(data)
    assert sheet_xml.extent(parts[0]) == (299, 29)


def test_a_part_out_of_canonical_order_falls_back_to_expat() -> None:
    """A value below the last one written is not in the order producers write: the fast
    path declines and the exact reader measures it."""
    data = worksheet(FAR_CELLS["before the last value"]).encode()
    assert sheet_xml._canonical_extent(data) is None
    assert sheet_xml.extent(data) == (1_048_576, 16_384)


@pytest.mark.parametrize(
    "sst",
    [
        "<sst xmlns='{ns}' uniqueCount='99999999999'>",
        '<sst xmlns="{ns}" {pad} uniqueCount="99999999999">',  # past the first KB
        '<x:sst xmlns:x="{ns}" uniqueCount = "99999999999">',
    ],
)
def test_a_forged_shared_string_count_is_refused_however_written(sst: str, tmp_path: Path) -> None:
    pad = " ".join(f'a{n}="{n}"' for n in range(300))
    head = sst.format(ns="http://schemas.openxmlformats.org/spreadsheetml/2006/main", pad=pad)
    close = "</x:sst>" if head.startswith("<x:") else "</sst>"
    path = write_xlsx(tmp_path / "strings.xlsx", worksheet(A1))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", head + close)
    with pytest.raises(KnownError) as caught:
        inspect(path)
    assert caught.value.code is ErrorCode.WORKBOOK_UNREADABLE
    assert "99999999999" in caught.value.params["reason"]


def _with_merges(merges: str) -> str:
    return worksheet(A1 + '<row r="2"><c r="B2"><v>1</v></c></row>').replace(
        "</sheetData>", f"</sheetData>{merges}"
    )


@pytest.mark.parametrize(
    "merge",
    [
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        "<mergeCells><mergeCell  ref = 'A1:XFD1048576' /></mergeCells>",
        '<mergeCells><mergeCell x="a>b" ref="A1:XFD1048576"/></mergeCells>',
        '<x:mergeCells xmlns:x="urn:x"><x:mergeCell ref="A1:XFD1048576"/></x:mergeCells>',
    ],
)
def test_a_merge_over_the_whole_sheet_is_refused(merge: str, tmp_path: Path) -> None:
    """openpyxl (the marked copy) makes an object per merged cell: 17 billion of them."""
    error = refusal(tmp_path, _with_merges(merge))
    assert error.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert error.params["reason"] == "merged ranges cover 17179869184 cells"


def test_merged_ranges_are_cut_to_the_values(tmp_path: Path) -> None:
    """A merge past the last value (under the cap) reaches readers cut to the block, so
    none walks 10 million cells of nothing."""
    path = write_xlsx(
        tmp_path / "wide.xlsx",
        _with_merges('<mergeCells><mergeCell ref="A1:Z400000"/></mergeCells>'),
    )
    with open_workbook(path) as workbook:
        sheet = workbook.sheet("Sheet1")
    assert sheet.rows == [["名称", ""], ["", 1.0]]
    assert sheet.merged == ((0, 0, 1, 1),)
