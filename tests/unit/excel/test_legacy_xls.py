"""The measure of a legacy xls, read as calamine reads it: the compound file's sector
chains and each sheet's DIMENSIONS and cell records. Each hostile file here aborted the
process inside calamine (a few KB asking for 4 GB to 11 PB)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel.safety import inspect
from govshare_desktop.excel.workbook import open_workbook
from tests.xls_book import compound, dimensions, label, number, record, workbook_stream, write_xls

LO = Path(__file__).resolve().parents[2] / "data" / "excel" / "lo"
NAME = label(0, 0, "信息资源名称")


def refusal(path: Path) -> KnownError:
    with pytest.raises(KnownError) as caught:
        inspect(path)
    return caught.value


def test_an_xls_is_read_by_calamine_after_it_is_measured(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "ok.xls", [NAME, number(1, 0, 12.0)], dims=dimensions(2, 1))
    assert inspect(path) == "xls"
    with open_workbook(path) as workbook:
        assert workbook.sheet("Sheet1").rows == [["信息资源名称"], [12.0]]
    for fixture in sorted(LO.glob("*.xls")):  # what LibreOffice writes passes
        assert inspect(fixture) == "xls"


@pytest.mark.parametrize(
    ("cells", "dims", "reason"),
    [
        # one number at (65535, 65535): a dense block of 4.3 billion cells, 137 GB
        ([NAME, number(65535, 65535, 1.0)], dimensions(1, 1), "65536 rows × 65536 columns"),
        ([NAME, number(3000, 65535, 1.0)], dimensions(1, 1), "3001 rows × 65536 columns"),
        # DIMENSIONS reserves what it declares, rows in 32 bits
        ([NAME], record(0x0200, struct.pack("<IIHHH", 0, 0xFFFFFFF0, 0, 0xFFFF, 0)),
         "declared 4294967280 rows × 65535 columns"),
        # first row 5, last row 1: the subtraction wraps to 4 billion rows
        ([NAME], record(0x0200, struct.pack("<IIHHH", 5, 1, 0, 10, 0)),
         "declared 4294967292 rows × 10 columns"),
    ],
)  # fmt: skip
def test_an_xls_asking_for_a_block_past_the_cap_is_refused(
    cells: list[bytes], dims: bytes, reason: str, tmp_path: Path
) -> None:
    error = refusal(write_xls(tmp_path / "big.xls", cells, dims=dims))
    assert error.code is ErrorCode.WORKBOOK_TOO_LARGE
    assert error.params["reason"] == reason


@pytest.mark.parametrize(
    ("fat_index", "target", "size"),
    [
        (1, 1, None),  # the directory chain points at itself: calamine reads it forever
        (9, 2, 0xFFFFFF00),  # the stream's last sector leads back to its first, 4 GB long
    ],
)
def test_a_looping_sector_chain_is_refused(
    fat_index: int, target: int, size: int | None, tmp_path: Path
) -> None:
    data = bytearray(compound(workbook_stream([NAME])))
    struct.pack_into("<I", data, 512 + 4 * fat_index, target)  # the FAT is sector 0
    if size is not None:
        struct.pack_into("<I", data, 1024 + 128 + 120, size)  # the Workbook entry's size
    path = tmp_path / "loop.xls"
    path.write_bytes(bytes(data))
    error = refusal(path)
    assert error.code is ErrorCode.WORKBOOK_UNREADABLE
    assert "loops" in error.params["reason"]
