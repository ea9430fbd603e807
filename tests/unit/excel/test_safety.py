"""The sheet measurement that keeps calamine from allocating a block it cannot hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel.safety import inspect
from govshare_desktop.excel.workbook import open_workbook
from tests.ods_book import cell, number, row, write_ods
from tests.xlsb_book import sheet_records, write_xlsb


def _book(path: Path, **cells: str) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "信息资源名称"
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


@pytest.mark.parametrize(
    "ref",
    ["Z400000", "AB3", "ZZ17000"],  # 10.4 M, 84 and 11.9 M cells: under the 12 M cap
)
def test_a_sheet_within_the_cap_passes(ref: str, tmp_path: Path) -> None:
    assert inspect(_book(tmp_path / "ok.xlsx", **{ref: "x"})) == "xlsx"


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("XFD1048576", "1048576 rows × 16384 columns"),
        ("AA600000", "600000 rows × 27 columns"),  # the two-letter column decides
        ("ZZ18000", "18000 rows × 702 columns"),
    ],
)
def test_a_sheet_beyond_the_cap_is_refused(ref: str, reason: str, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as caught:
        inspect(_book(tmp_path / "big.xlsx", **{ref: "x"}))
    assert caught.value.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert caught.value.params["reason"] == reason


def test_an_xlsb_is_read_by_calamine_after_its_sheet_is_measured(tmp_path: Path) -> None:
    path = write_xlsb(
        tmp_path / "catalog.xlsb",
        {(0, 0): "信息资源名称", (0, 1): "信息资源代码", (1, 0): "人口信息", (1, 1): 12.0},
    )
    assert inspect(path) == "xlsb"
    with open_workbook(path) as workbook:
        assert workbook.sheet("Sheet1").rows == [
            ["信息资源名称", "信息资源代码"],
            ["人口信息", 12.0],
        ]


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        # 5 KB that made calamine ask for 550 GB and abort the process
        ({(0, 0): "a", (1_048_575, 16_383): "x"}, "1048576 rows × 16384 columns"),
        # calamine takes any 32-bit column number, far beyond Excel's XFD
        ({(0, 0): "a", (2, 0xFFFF_FFF0): 1.0}, "3 rows × 4294967281 columns"),
        ({(0, 0): "a", (600_000, 26): "x"}, "600001 rows × 27 columns"),
    ],
)
def test_an_xlsb_beyond_the_cap_is_refused(
    cells: dict[tuple[int, int], str | float], reason: str, tmp_path: Path
) -> None:
    with pytest.raises(KnownError) as caught:
        inspect(write_xlsb(tmp_path / "big.xlsb", cells))
    assert caught.value.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert caught.value.params["reason"] == reason


def test_the_xlsb_walk_keeps_step_past_long_records_and_stops_at_a_cut(tmp_path: Path) -> None:
    """A record of over 127 bytes has a two-byte size (and BrtWsDim, BrtBeginSheetData a
    two-byte type): misread, the walk would lose step and miss the far cell behind it."""
    long_text = "说明" * 100
    sheet = sheet_records({(0, 0): long_text, (1_048_575, 16_383): "x"})
    with pytest.raises(KnownError) as caught:
        inspect(write_xlsb(tmp_path / "long.xlsb", {}, sheet))
    assert caught.value.params["reason"] == "1048576 rows × 16384 columns"
    cut = sheet[: sheet.index(long_text.encode("utf-16-le")) + 10]
    assert inspect(write_xlsb(tmp_path / "cut.xlsb", {}, cut)) == "xlsb"  # calamine reports it


def test_an_ods_padded_the_way_libreoffice_pads_passes(tmp_path: Path) -> None:
    """Every LibreOffice row ends in a run of empty cells to column 16384, and formatted
    rows below the table are one run of a million empty rows: none of that is unfolded."""
    path = write_ods(
        tmp_path / "padded.ods",
        row(cell("信息资源名称"), cell("信息资源代码"), cell(repeat=16382)),
        row(cell("人口信息"), cell(), cell("x"), cell(repeat=16381)),
        row(cell(repeat=16384), repeat=1_048_573),
    )
    assert inspect(path) == "ods"
    with open_workbook(path) as workbook:
        assert workbook.sheet("Sheet1").rows == [
            ["信息资源名称", "信息资源代码", ""],
            ["人口信息", "", "x"],
        ]


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        # 927 bytes that unfolded into 90 million cells: 12 GB and 42 s in calamine
        ((row(cell("名称")), row(cell("x", 1000), repeat=90_000)), "90001 rows × 1000 columns"),
        # a value far to the right, behind a run of empty cells, on many rows
        (
            (row(cell("名称")), row(cell(repeat=700), cell("x"), repeat=20_000)),
            "20001 rows × 701 columns",
        ),
        # a self-closed number cell, its repeat written after its value
        ((row(cell("名称")), row(number(1, 1000), repeat=20_000)), "20001 rows × 1000 columns"),
        # literal cells, no repeat at all: one wide row over short ones (refused at row 6001)
        ((row(*[cell("x")] * 2_000), *[row(cell("y"))] * 6_001), "6001 rows × 2000 columns"),
    ],
)
def test_an_ods_unfolding_into_too_many_cells_is_refused(
    rows: tuple[str, ...], reason: str, tmp_path: Path
) -> None:
    with pytest.raises(KnownError) as caught:
        inspect(write_ods(tmp_path / "bomb.ods", *rows))
    assert caught.value.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert caught.value.params["reason"] == reason


NAME = '<table:table-row><table:table-cell office:value-type="string"><text:p>名称</text:p></table:table-cell></table:table-row>'
X1000 = "<table:table-cell table:number-columns-repeated='1000' office:value-type='string'><text:p>x</text:p></table:table-cell>"


@pytest.mark.parametrize(
    ("rows", "table", "reason"),
    [
        # calamine reads repeats in either quote, with spaces around "=" and a leading "+"
        ((NAME, f"<table:table-row table:number-rows-repeated='90000'>{X1000}</table:table-row>"),
         None, "90001 rows × 1000 columns"),
        ((NAME, f'<table:table-row table:number-rows-repeated = "+90000">{X1000}</table:table-row>'),
         None, "90001 rows × 1000 columns"),
        # a ">" inside a quoted value ended the tag before the repeat
        ((NAME, f'<table:table-row table:style-name="a>b" table:number-rows-repeated="90000">'
                f"{X1000}</table:table-row>"), None, "90001 rows × 1000 columns"),
        # rows inside a group were read as the group's
        ((NAME, "<table:table-row-group><table:table-row table:number-rows-repeated='90000'>"
                f"{X1000}</table:table-row></table:table-row-group>"), None, "90001 rows × 1000 columns"),
        # a table tag broken by a line was not measured at all
        ((NAME, f"<table:table-row table:number-rows-repeated='90000'>{X1000}</table:table-row>"),
         '<table:table\ntable:name="Sheet1">', "90001 rows × 1000 columns"),
        # 919 bytes: 30,000 spaces copied into 16,384 × 50 cells, 24 GB (SIGABRT before)
        ((NAME, '<table:table-row table:number-rows-repeated="50"><table:table-cell '
                'office:value-type="string" table:number-columns-repeated="16384"><text:p>a'
                '<text:s text:c="30000"/></text:p></table:table-cell></table:table-row>'),
         None, "23549 MB of repeated text"),
    ],
)  # fmt: skip
def test_an_ods_repeat_is_read_however_it_is_written(
    rows: tuple[str, ...], table: str | None, reason: str, tmp_path: Path
) -> None:
    extra = {"table": table} if table else {}
    with pytest.raises(KnownError) as caught:
        inspect(write_ods(tmp_path / "bomb.ods", *rows, **extra))
    assert caught.value.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert caught.value.params["reason"] == reason
