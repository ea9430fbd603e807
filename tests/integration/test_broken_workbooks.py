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
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.ods_book import cell, row, write_ods
from tests.xlsb_book import write_xlsb

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
}
UNUSABLE = {
    "empty.xlsx": "workbook_unreadable", "text.xlsx": "workbook_not_spreadsheet",
    "picture.xls": "workbook_not_spreadsheet", "letter.xlsx": "workbook_not_spreadsheet",
    "truncated.xlsx": "workbook_unreadable", "bomb.xlsx": "workbook_too_large",
    "sparse.xlsx": "workbook_too_large", "sparse.xlsb": "workbook_too_large",
    "repeat-bomb.ods": "workbook_too_large", "forged-strings.xlsx": "workbook_unreadable",
    "encrypted.xlsx": "workbook_encrypted", "garbage.xls": "workbook_unreadable",
    "broken-content.ods": "workbook_unreadable",
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
