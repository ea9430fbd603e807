"""A minimal xlsb writer for tests: no library writes xlsb and LibreOffice only reads it.

It writes what python-calamine needs to read a sheet (MS-XLSB records: the workbook's sheet
bundle, the sheet's dimension, row headers and number or text cells), so a test can give
the reader a real xlsb, or a hostile one that no Excel would write.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.bin" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
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


def sheet_records(cells: dict[tuple[int, int], str | float]) -> bytes:
    """BrtBeginSheet, BrtWsDim, the sheet data (BrtRowHdr, BrtCellSt / BrtCellReal), the ends."""
    rows: dict[int, list[tuple[int, str | float]]] = {}
    for (row, column), value in cells.items():
        rows.setdefault(row, []).append((column, value))
    parts = [record(0x81), record(0x94, struct.pack("<4I", 0, max(rows), 0, 0)), record(0x91)]
    for row in sorted(rows):
        parts.append(record(0x00, struct.pack("<IIHBBBI", row, 0, 300, 0, 0, 0, 0)))
        for column, value in sorted(rows[row], key=lambda cell: cell[0]):
            if isinstance(value, str):
                parts.append(record(0x06, struct.pack("<II", column, 0) + _wide(value)))
            else:
                parts.append(record(0x05, struct.pack("<IId", column, 0, value)))
    return b"".join(parts) + record(0x92) + record(0x82)


def write_xlsb(
    path: Path, cells: dict[tuple[int, int], str | float], sheet: bytes | None = None
) -> Path:
    """An xlsb with one sheet "Sheet1" holding `cells` ((row, column) from 0), or the raw
    `sheet` records when given."""
    bundle = struct.pack("<II", 0, 1) + _wide("rId1") + _wide("Sheet1")
    book = record(0x83) + record(0x8F) + record(0x9C, bundle) + record(0x90)
    book += record(0x9D, bytes(8)) + record(0x84)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("xl/workbook.bin", book)
        archive.writestr("xl/_rels/workbook.bin.rels", _RELS)
        archive.writestr("xl/worksheets/sheet1.bin", sheet or sheet_records(cells))
    return path
