"""Build the Excel import fixtures: `.venv/bin/python tests/data/excel/make_fixtures.py`.

Why LibreOffice: a workbook written by our own openpyxl code only proves that we read what we
write. Officers send files saved by office suites, so each fixture is built here as an openpyxl
SOURCE (in a temporary directory, never committed), converted by LibreOffice headless into
xlsx, xls and ods, read back with python-calamine and compared cell by cell with the model it
was built from; only then are the files copied to `lo/<name>.<ext>` and `expected.json`
rewritten. `--verify-only` skips LibreOffice and checks the committed `lo/` files against the
model (handy after a LibreOffice or calamine upgrade).

The expected findings are written by hand next to each defect in `fixture_books.py` (a
finding names its resource, and for a data item the item's index); `fixture_model.py` turns
them into sheet, row and column as the file shows them, so `expected.json` cannot drift from
the layout. Run as a script: its two sibling modules are imported from this folder.

What LibreOffice 7.4 does to these files, as calamine 0.9 reads them back (checked on every run):

- Text stays text: "01", "001", "301001/000001" and line breaks inside cells survive in all
  three formats.
- Numbers: xlsx and ods give floats (序号 1.0); xls gives ints for integral numbers (序号 1,
  数据长度 18) because BIFF stores them as RK integers.
- The 18-digit provider code stored as a number (111301001234567852): xlsx and ods come back
  rounded to 15 significant digits (1.11301001234568e+17), xls to 16 (1.113010012345679e+17).
  Either way the last digits are gone; only the cell's numeric type tells.
- Dates: a date cell comes back as `datetime.date` in all three formats, whether its number
  format is yyyy-mm-dd or 'yyyy"年"m"月"d"日"'. A serial stored as a plain number (45809) stays
  a number (45809.0, or 45809 from xls): nothing marks it as a date.
- Merged cells survive in all three formats, but calamine exposes them only for xlsx and xls:
  `merged_cell_ranges` is None for ods, so this script reads the spans from the ods
  content.xml itself. In every format the merged value sits in the top-left cell and the
  covered cells read as "".
- Hidden sheets stay hidden (`sheets_metadata[i].visible` is Hidden) in all three formats.
- Empty but bordered cells below the notes do not widen what calamine returns; they read as "".
- tolerant leaves row 1 empty: calamine's default `to_python()` (skip_empty_area=True) drops
  it and every row number shifts by one; read with `skip_empty_area=False`.
- LibreOffice keeps the document dates set here, but the zip entries carry the conversion time,
  so the binaries differ from run to run even when nothing else changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from fixture_books import FIXTURES
from fixture_model import Built, Value
from python_calamine import CalamineWorkbook

HERE = Path(__file__).resolve().parent
OUT = HERE / "lo"
EXPECTED = HERE / "expected.json"
PROFILE_DIR = "file:///tmp/lo-profile-fixtures"
FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods"}
ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


# ---------------------------------------------------------------- conversion and checks


def convert(sources: dict[str, list[Path]], outdir: Path) -> None:
    """Each format's sources into it, one soffice run per format (it exits when done)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("soffice not found: install LibreOffice Calc (libreoffice-calc-nogui)")
    for ext, filt in FILTERS.items():
        if not sources.get(ext):
            continue
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={PROFILE_DIR}",
                "--convert-to",
                filt,
                "--outdir",
                str(outdir),
                *(str(s) for s in sources[ext]),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )


def ods_merges(path: Path) -> dict[str, set[tuple[tuple[int, int], tuple[int, int]]]]:
    """Merged ranges of each table in an ods, 0-based like calamine's (which gives none)."""
    with zipfile.ZipFile(path) as archive:
        # our own LibreOffice output, not untrusted input
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314
    spans: dict[str, set[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for table in root.iter(f"{ODS_TABLE}table"):
        found = spans.setdefault(table.get(f"{ODS_TABLE}name", ""), set())
        row = 0
        for table_row in table.iter(f"{ODS_TABLE}table-row"):
            col = 0
            for cell in table_row:
                down = int(cell.get(f"{ODS_TABLE}number-rows-spanned", "1"))
                across = int(cell.get(f"{ODS_TABLE}number-columns-spanned", "1"))
                if down > 1 or across > 1:
                    found.add(((row, col), (row + down - 1, col + across - 1)))
                col += int(cell.get(f"{ODS_TABLE}number-columns-repeated", "1"))
            row += int(table_row.get(f"{ODS_TABLE}number-rows-repeated", "1"))
    return spans


def same(want: Value, got: object) -> bool:
    """A converted cell matches the source: numbers by value (the 18-digit one to 15 digits),
    dates by day, text exactly."""
    if want is None:
        return got == ""
    if isinstance(want, dt.date):
        return isinstance(got, dt.date) and dt.date(got.year, got.month, got.day) == want
    if isinstance(want, int | float) and not isinstance(want, bool):
        if not isinstance(got, int | float) or isinstance(got, bool):
            return False
        return abs(float(got) - float(want)) <= abs(float(want)) * 1e-14
    return got == want


def verify(path: Path, built: Built) -> list[str]:
    """What differs between a converted file and its model; an empty list means it survived."""
    problems: list[str] = []
    book = CalamineWorkbook.from_path(str(path))
    visibility = {m.name: str(m.visible) for m in book.sheets_metadata}
    if list(visibility) != list(built.sheets):
        return [f"{path.name}: sheets {list(visibility)} != {list(built.sheets)}"]
    ods = ods_merges(path) if path.suffix == ".ods" else {}
    for name, model in built.sheets.items():
        if ("Hidden" in visibility[name]) != (name in built.hidden):
            problems.append(f"{path.name}/{name}: visibility {visibility[name]}")
        sheet = book.get_sheet_by_name(name)
        grid = sheet.to_python(skip_empty_area=False)
        for r, line in enumerate(grid, start=1):
            for c, got in enumerate(line, start=1):
                if (r, c) not in model.cells and got != "":
                    problems.append(f"{path.name}/{name} R{r}C{c}: stray {got!r}")
        for (r, c), want in model.cells.items():
            got = grid[r - 1][c - 1] if r <= len(grid) and c <= len(grid[r - 1]) else ""
            if not same(want, got):
                problems.append(f"{path.name}/{name} R{r}C{c}: {want!r} came back {got!r}")
        merges = sheet.merged_cell_ranges
        seen = ods.get(name, set()) if merges is None else set(merges)
        if seen != model.merges:
            problems.append(f"{path.name}/{name}: merges differ {seen ^ model.merges}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verify-only", action="store_true", help="check lo/ against the model, no LibreOffice"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(FIXTURES),
        metavar="NAME",
        help="convert only this fixture (repeatable); the other files in lo/ stay as they are",
    )
    args = parser.parse_args(argv)
    everything = {name: make() for name, make in FIXTURES.items()}
    built = {n: b for n, b in everything.items() if not args.only or n in args.only}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="govshare-fixtures-") as tmp:
        source_dir, converted = Path(tmp, "src"), Path(tmp, "out")
        if args.verify_only:
            converted = OUT
        else:
            source_dir.mkdir()
            converted.mkdir()
            sources: dict[str, list[Path]] = {}
            for name, fixture in built.items():
                source = source_dir / f"{name}.xlsx"
                fixture.workbook.save(source)
                for ext in fixture.formats:
                    sources.setdefault(ext, []).append(source)
            convert(sources, converted)
        for name, fixture in built.items():
            for ext in fixture.formats:
                path = converted / f"{name}.{ext}"
                problems += verify(path, fixture) if path.exists() else [f"{path} missing"]
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        if not args.verify_only:
            OUT.mkdir(exist_ok=True)
            for path in sorted(converted.iterdir()):
                shutil.copyfile(path, OUT / path.name)
            # every entry, from the models: one converted alone keeps the others' expectations
            expected = {name: fixture.expected for name, fixture in everything.items()}
            text = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
            EXPECTED.write_text(text, encoding="utf-8")
    files = sum(len(fixture.formats) for fixture in built.values())
    print(f"{files} files verified" + ("" if args.verify_only else f" in {OUT}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
