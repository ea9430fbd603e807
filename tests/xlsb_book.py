"""A minimal xlsb writer for tests: no library writes xlsb and LibreOffice only reads it.

It writes what python-calamine needs to read sheets (MS-XLSB records: the workbook's sheet
bundles, each sheet's dimension, row headers and number, text or yes/no cells), so a test
can give the reader a real xlsb, or a hostile one that no Excel would write. No styles, no
merged cells: dates are written as their serial numbers.
"""

from __future__ import annotations

import struct
import zipfile
from datetime import date, datetime, time
from pathlib import Path

_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{}</Relationships>"
)
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled'
    '.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
    '.relationships+xml"/></Types>'
)


def record(kind: int, payload: bytes = b"") -> bytes:
    """One record: its type in one or two bytes, its size in one to four, 7 bits each."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, encoded = len(payload), bytearray()
    while True:
        byte, size = size & 0x7F, size >> 7
        encoded.append(byte | (0x80 if size else 0))
        if not size:
            return head + bytes(encoded) + payload


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


_EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's serial dates


def _cell(column: int, value: object) -> bytes:
    if isinstance(value, bool):
        return record(0x04, struct.pack("<IIB", column, 0, value))  # BrtCellBool
    if isinstance(value, date):  # a date cell as its serial (no number format here)
        moment = value if isinstance(value, datetime) else datetime.combine(value, time())
        value = (moment - _EPOCH).total_seconds() / 86400
    if isinstance(value, int | float):
        return record(0x05, struct.pack("<IId", column, 0, float(value)))  # BrtCellReal
    return record(0x06, struct.pack("<II", column, 0) + _wide(str(value)))  # BrtCellSt


def sheet_records(cells: dict[tuple[int, int], object]) -> bytes:
    """BrtBeginSheet, BrtWsDim, the sheet data (BrtRowHdr and its cells), the ends."""
    rows: dict[int, list[tuple[int, object]]] = {}
    for (row, column), value in cells.items():
        if value != "":
            rows.setdefault(row, []).append((column, value))
    last = max(rows, default=0)
    parts = [record(0x81), record(0x94, struct.pack("<4I", 0, last, 0, 0)), record(0x91)]
    for row in sorted(rows):
        parts.append(record(0x00, struct.pack("<IIHBBBI", row, 0, 300, 0, 0, 0, 0)))
        parts.extend(_cell(c, v) for c, v in sorted(rows[row], key=lambda cell: cell[0]))
    return b"".join(parts) + record(0x92) + record(0x82)


def write_xlsb(
    path: Path, cells: dict[tuple[int, int], object], sheet: bytes | None = None
) -> Path:
    """An xlsb with one sheet "Sheet1" holding `cells` ((row, column) from 0), or the raw
    `sheet` records when given."""
    return write_sheets(path, {"Sheet1": sheet or sheet_records(cells)})


def write_grids(path: Path, grids: dict[str, list[list[object]]]) -> Path:
    """An xlsb with a sheet per grid (rows of values, "" for an empty cell), in order."""
    return write_sheets(
        path,
        {
            name: sheet_records(
                {(r, c): v for r, row in enumerate(grid) for c, v in enumerate(row)}
            )
            for name, grid in grids.items()
        },
    )


def write_sheets(path: Path, sheets: dict[str, bytes]) -> Path:
    book, rels = [record(0x83), record(0x8F)], []
    for number, (name, _records) in enumerate(sheets.items(), start=1):
        bundle = struct.pack("<II", 0, number) + _wide(f"rId{number}") + _wide(name)
        book.append(record(0x9C, bundle))
        rels.append(
            f'<Relationship Id="rId{number}" Target="worksheets/sheet{number}.bin" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet"/>'
        )
    book += [record(0x90), record(0x9D, bytes(8)), record(0x84)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("xl/workbook.bin", b"".join(book))
        archive.writestr("xl/_rels/workbook.bin.rels", _RELS.format("".join(rels)))
        for number, records in enumerate(sheets.values(), start=1):
            archive.writestr(f"xl/worksheets/sheet{number}.bin", records)
    return path
