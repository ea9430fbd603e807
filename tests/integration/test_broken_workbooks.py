"""Bad files never crash the import: a corpus of broken, hostile and odd workbooks, and random
damage to the LibreOffice fixtures, each imported by a real `govshare` process.

Every run must end with exit code 0, 1 or 2 and no traceback, and nothing may be stored
from a file that is unusable. A separate process matters here: python-calamine aborts the
whole interpreter on some inputs (a failed allocation in Rust), which no `except` can catch.
"""

from __future__ import annotations

import json
import random
import re
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import Workbook

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel import sheet_xml
from govshare_desktop.excel.safety import MAX_SHEET_CELLS, inspect
from govshare_desktop.excel.workbook import open_workbook
from tests.ods_book import cell, row, write_ods
from tests.sheet_variants import Sheet, sheets
from tests.xls_book import compound, label, number, record, workbook_stream, write_xls
from tests.xlsb_book import write_xlsb
from tests.xlsx_book import worksheet, write_xlsx

LO = Path(__file__).resolve().parents[1] / "data" / "excel" / "lo"
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream of an encrypted OOXML file


def govshare_import(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", "import-catalog", str(path),
         "--home", str(home), "--json"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _rezip(source: Path, out: Path, name: str, change: object) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == name else data)  # type: ignore[operator]
    return out


def _put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sparse(path: Path) -> Path:
    book = Workbook()
    book.active["A1"] = "信息资源名称"
    book.active["XFD1048576"] = "x"  # a dense block of 550 GB for calamine
    book.save(path)
    return path


def _million_formatted_rows(path: Path) -> Path:
    """A valid catalog row, then a million rows that carry formatting and no value."""
    empty = "".join(
        f'<row r="{n}" s="1" customFormat="1"><c r="A{n}" s="1"/><c r="B{n}" s="1"/></row>'
        for n in range(4, 1_000_004)
    ).encode()
    base = _rezip(LO / "two_sheet_clean.xlsx", path.with_suffix(".tmp"), "", None)
    return _rezip(base, path, "xl/worksheets/sheet1.xml",
                  lambda d: d.replace(b"</sheetData>", empty + b"</sheetData>", 1))  # fmt: skip


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    return path


def _looping_xls(path: Path) -> Path:
    """An xls whose directory chain points at itself: calamine read it until memory ran out."""
    data = bytearray(compound(workbook_stream([label(0, 0, "信息资源名称")])))
    struct.pack_into("<I", data, 512 + 4, 1)  # FAT[1], the directory's next sector: itself
    path.write_bytes(bytes(data))
    return path


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return path


CORPUS = {
    "empty.xlsx": lambda p: _put(p, b""),
    "text.xlsx": lambda p: _put(p, "信息资源名称,信息资源代码\n".encode()),
    "picture.xls": lambda p: _put(p, b"\x89PNG\r\n\x1a\n" + bytes(2000)),
    "letter.xlsx": _docx,
    "truncated.xlsx": lambda p: _put(p, (LO / "merged_clean.xlsx").read_bytes()[:3000]),
    "bomb.xlsx": _bomb,
    "sparse.xlsx": _sparse,
    "sparse.xlsb": lambda p: write_xlsb(p, {(0, 0): "信息资源名称", (1_048_575, 16_383): "x"}),
    "repeat-bomb.ods": lambda p: write_ods(
        p, row(cell("信息资源名称")), row(cell("x", 1000), repeat=90_000)
    ),
    "forged-strings.xlsx": lambda p: _rezip(
        LO / "merged_clean.xlsx",
        p,
        "xl/sharedStrings.xml",
        lambda d: re.sub(rb'(unique)?[cC]ount="\d+"', b'uniqueCount="99999999999"', d),
    ),
    "encrypted.xlsx": lambda p: _put(p, CFB + bytes(500) + ENCRYPTED + bytes(500)),
    "garbage.xls": lambda p: _put(p, CFB + random.Random(3).randbytes(5000)),
    "broken-content.ods": lambda p: _rezip(
        LO / "merged_clean.ods", p, "content.xml", lambda d: d[: len(d) // 3]
    ),
    # the same holes in the other formats, each SIGABRT before (tests/unit/excel)
    "quoted-repeat.ods": lambda p: write_ods(
        p, row(cell("信息资源名称")), row(cell("x", 1000), repeat=90_000).replace('"', "'")
    ),
    "copied-text.ods": lambda p: write_ods(
        p,
        row(cell("信息资源名称")),
        row(cell('a<text:s text:c="30000"/>', 16384), repeat=50),
    ),
    "far-cell.xls": lambda p: write_xls(p, [label(0, 0, "信息资源名称"), number(65535, 65535, 1)]),
    "declared.xls": lambda p: write_xls(
        p, [label(0, 0, "信息资源名称")], dims=record(0x0200, struct.pack("<IIHHH", 5, 1, 0, 9, 0))
    ),
    "looping.xls": _looping_xls,
}
UNUSABLE = {
    "quoted-repeat.ods": "workbook_too_large", "copied-text.ods": "workbook_too_large",
    "far-cell.xls": "workbook_too_large", "declared.xls": "workbook_too_large",
    "looping.xls": "workbook_unreadable",
    "empty.xlsx": "workbook_unreadable", "text.xlsx": "workbook_not_spreadsheet",
    "picture.xls": "workbook_not_spreadsheet", "letter.xlsx": "workbook_not_spreadsheet",
    "truncated.xlsx": "workbook_unreadable", "bomb.xlsx": "workbook_too_large",
    "sparse.xlsx": "workbook_too_large", "sparse.xlsb": "workbook_too_large",
    "repeat-bomb.ods": "workbook_too_large", "forged-strings.xlsx": "workbook_unreadable",
    "encrypted.xlsx": "workbook_encrypted", "garbage.xls": "workbook_unreadable",
    "broken-content.ods": "workbook_unreadable",
}  # fmt: skip


# The cell XFD1048576 spelled as no producer writes it but calamine reads it: each took the
# process down (SIGABRT, "memory allocation of 549755813888 bytes failed") past the old check.
HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>信息资源名称</t></is></c></row>'
SPELLINGS = {
    "t-first.xlsx": worksheet(HEAD + '<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row>'),
    "double-space.xlsx": worksheet(HEAD + '<row r="1048576"><c  r="XFD1048576"><v>1</v></c></row>'),
    "single-quotes.xlsx": worksheet(HEAD + "<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>"),
    "prefixed.xlsx": worksheet(
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>信息资源名称</x:t></x:is></x:c></x:row>'
        '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', "x"
    ),
    "implicit-cells.xlsx": worksheet(HEAD + '<row r="1048576">' + "<c><v>1</v></c>" * 3000 + "</row>"),
    "implicit-rows.xlsx": worksheet(
        HEAD + '<row r="600000"/><row>' + "<c><v>1</v></c>" * 30 + "</row>"
    ),
}  # fmt: skip


def _check(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), result.stderr[-2000:]
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_or_broken_file_gets_a_clear_refusal(name: str, tmp_path: Path, home: Path) -> None:
    path = CORPUS[name](tmp_path / name)
    result = govshare_import(path, home)
    reply = _check(result)
    assert result.returncode == 2
    assert reply["ok"] is False and reply["error"] == UNUSABLE[name]
    assert re.search(r"[\u4e00-\u9fff]", str(reply["message"])), "the message is in Chinese"


@pytest.mark.slow
def test_a_million_formatted_empty_rows_are_ignored(tmp_path: Path, home: Path) -> None:
    result = govshare_import(_million_formatted_rows(tmp_path / "formatted.xlsx"), home)
    reply = _check(result)
    assert result.returncode == 0
    assert reply["resources"] == 5 and reply["ok"] is True


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(24))
def test_randomly_damaged_fixture_never_crashes(seed: int, tmp_path: Path, home: Path) -> None:
    rng = random.Random(seed)
    source = rng.choice(sorted(LO.iterdir()))
    data = bytearray(source.read_bytes())
    for _ in range(rng.choice([1, 4, 16, 128])):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path = tmp_path / f"damaged{source.suffix}"
    path.write_bytes(bytes(data))
    result = govshare_import(path, home)
    _check(result)
    if result.returncode == 2:
        listing = subprocess.run(
            [sys.executable, "-m", "govshare_desktop.cli", "catalog", "list", "--home",
             str(home), "--json"], capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert json.loads(listing.stdout)["resources"] == [], "nothing stored from a bad file"


def govshare_validate(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", "validate-data", str(path),
         "--resource", "301001/000001", "--home", str(home), "--json"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SPELLINGS))
@pytest.mark.parametrize("command", [govshare_import, govshare_validate])
def test_a_far_cell_in_any_spelling_is_refused_not_a_crash(
    command: Callable[[Path, Path], subprocess.CompletedProcess[str]],
    name: str,
    tmp_path: Path,
    home: Path,
) -> None:
    """Each file aborted `import-catalog` and `validate-data` (exit 134): now exit 2 and
    a message in Chinese, before calamine sees the file."""
    ctx = AppContext.open(home)
    try:  # the resource a data file is checked against
        ctx.services.catalog.save(
            Resource(name="企业登记信息", unit_code="U1", code="301001/000001",
                     classification=Classification("3", "01", "001"),
                     data_items=(DataItem("信息资源名称", "C", 50),))
        )  # fmt: skip
    finally:
        ctx.close()
    path = write_xlsx(tmp_path / name, SPELLINGS[name])
    result = command(path, home)
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    reply = _check(result)
    assert reply["ok"] is False and reply["error"] == "workbook_too_large"
    assert re.search(r"[\u4e00-\u9fff]", str(reply["message"])), "the message is in Chinese"


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(sheet=sheets())
def test_every_spelling_of_a_sheet_is_measured_as_calamine_lays_it_out(
    sheet: Sheet, tmp_path: Path
) -> None:
    """A generated corpus: the same cells in every spelling (tests/sheet_variants.py),
    often far down or far right. The check measures what the sheet holds; a sheet past
    the cap is refused before calamine sees it, and calamine reads any other one with its
    values exactly where the measure put them."""
    data = sheet.xml.encode()
    assert sheet_xml.extent(data) == sheet.extent
    path = write_xlsx(tmp_path / "variant.xlsx", data)
    rows, columns = sheet.extent
    if rows * columns > MAX_SHEET_CELLS:
        with pytest.raises(KnownError) as caught:
            inspect(path)
        assert caught.value.code is ErrorCode.WORKBOOK_TOO_LARGE
        return
    if rows * columns > 200_000:
        assert inspect(path) == "xlsx"  # under the cap, but slow to lay out in a test
        return
    with open_workbook(path) as workbook:
        grid = workbook.sheet("Sheet1").rows
    placed = {
        (r, c) for r, cells in enumerate(grid) for c, value in enumerate(cells) if value != ""
    }
    held = {(r.number - 1, c.column - 1) for r in sheet.rows for c in r.cells if c.value}
    assert placed == held
    assert len(grid) == rows and max(map(len, grid), default=0) <= columns
