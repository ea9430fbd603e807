"""The sheet measurement that keeps calamine from allocating a block it cannot hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel.safety import inspect


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
