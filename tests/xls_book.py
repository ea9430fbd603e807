"""A minimal legacy xls writer for tests: a compound file (MS-CFB, 512-byte sectors) around
a BIFF8 workbook stream of one sheet, so a test can give calamine a real xls, or one with
a forged size no Excel writes (a DIMENSIONS record, a cell column, a header field)."""

from __future__ import annotations

import struct
from pathlib import Path

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def record(kind: int, payload: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(payload)) + payload


def number(row: int, column: int, value: float) -> bytes:
    return record(0x0203, struct.pack("<HHHd", row, column, 0, value))


def label(row: int, column: int, text: str) -> bytes:
    raw = text.encode("utf-16-le")
    return record(0x0204, struct.pack("<HHHHB", row, column, 0, len(text), 1) + raw)


def dimensions(rows: int, columns: int) -> bytes:
    """The BIFF8 DIMENSIONS record: rows 0 to `rows` - 1, columns 0 to `columns` - 1."""
    return record(0x0200, struct.pack("<IIHHH", 0, rows, 0, columns, 0))


def _bof(kind: int) -> bytes:
    return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0, 0, 0, 0))


def workbook_stream(cells: list[bytes], *, globals_extra: bytes = b"", dims: bytes = b"") -> bytes:
    """Globals (BOF, one BoundSheet8 "Sheet1", EOF), then the sheet's substream."""
    name = b"Sheet1"

    def sheet_entry(position: int) -> bytes:
        return record(0x0085, struct.pack("<IBBBB", position, 0, 0, len(name), 0) + name)

    head = _bof(0x0005) + globals_extra
    position = len(head) + len(sheet_entry(0)) + len(record(0x000A))
    sheet = _bof(0x0010) + (dims or dimensions(0, 0)) + b"".join(cells) + record(0x000A)
    stream = head + sheet_entry(position) + record(0x000A) + sheet
    return stream + bytes(max(0, 4096 - len(stream)))  # no mini stream: 4096 bytes at least


def compound(stream: bytes, *, header: dict[int, bytes] | None = None) -> bytes:
    """The CFB around `stream` as "Workbook": header, one FAT sector, one directory
    sector, then the stream's sectors; `header` patches bytes of the header by offset."""
    sectors = -(-len(stream) // 512)
    fat = [FATSECT, ENDOFCHAIN, *[3 + n for n in range(sectors - 1)], ENDOFCHAIN]
    fat += [FREESECT] * (128 - len(fat))
    head = bytearray(512)
    head[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", head, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", head, 40, 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    struct.pack_into("<I", head, 76, 0)
    for at in range(80, 512, 4):
        struct.pack_into("<I", head, at, FREESECT)
    for offset, value in (header or {}).items():
        head[offset : offset + len(value)] = value

    def entry(name: str, kind: int, start: int, size: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        out = bytearray(128)
        out[: len(raw)] = raw
        struct.pack_into("<HBB", out, 64, len(raw), kind, 1)
        struct.pack_into("<III", out, 68, FREESECT, FREESECT, 1 if kind == 5 else FREESECT)
        struct.pack_into("<II", out, 116, start, size)
        return bytes(out)

    directory = entry("Root Entry", 5, ENDOFCHAIN, 0) + entry("Workbook", 2, 2, len(stream))
    directory += bytes(512 - len(directory))
    body = stream + bytes(sectors * 512 - len(stream))
    return bytes(head) + struct.pack("<128I", *fat) + directory + body


def write_xls(
    path: Path,
    cells: list[bytes],
    *,
    dims: bytes = b"",
    globals_extra: bytes = b"",
    header: dict[int, bytes] | None = None,
) -> Path:
    """An xls of one sheet holding `cells` (records from `number` and `label`)."""
    stream = workbook_stream(cells, globals_extra=globals_extra, dims=dims)
    path.write_bytes(compound(stream, header=header))
    return path
