"""What a legacy xls asks calamine to allocate, read before calamine opens it.

calamine reads an xls whole when it opens it: the compound file (MS-CFB) around the
workbook stream, then every sheet's BIFF records. Each step below trusts a size the file
gives, and a failed allocation aborts the process (each probed against python-calamine
0.9.1 with a file a few KB long):

- sector chains are followed to their end with no loop check: a directory or stream
  chain that loops grows its buffer until the allocation fails;
- a sheet's DIMENSIONS record reserves rows × columns cells as given (rows are 32-bit and
  the subtraction wraps: first row 5, last row 1 asks for 4 billion rows);
- cells may stand at any 16-bit row and column, so one cell at (65535, 65535) makes a
  dense block of 4.3 billion cells (137 GB).

(The header's FAT count and the shared string count are not reserved by that version:
forged ones open without harm.)

This module mirrors calamine's reading (`cfb.rs`, `xls.rs`) closely enough to see each
of those, and leaves every other damage for calamine to report. It is a Python step per
record (about half a microsecond): a 65,536-row sheet of 20 columns takes about 0.6 s.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

_ENDOFCHAIN, _DIFSECT, _RESERVED = 0xFFFFFFFE, 0xFFFFFFFC, 0xFFFFFFFA
# the records that put a cell in calamine's block (xls.rs): Number, Label, BoolErr, Rk,
# LabelSst, MulRk, Formula; a String record follows a Formula at its position
_CELLS = frozenset({0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006})
_MULRK, _DIMENSIONS, _BOF, _EOF, _SHEET = 0x00BD, 0x0200, 0x0809, 0x000A, 0x0085


@dataclass(frozen=True)
class TooLarge(Exception):
    reason: str


@dataclass(frozen=True)
class Damaged(Exception):
    reason: str


def check(data: bytes, max_cells: int) -> None:
    """Raise `TooLarge` or `Damaged` for an xls calamine could not open without asking for
    more memory than the process can have; return for anything else (calamine reports
    other damage itself)."""
    stream = _workbook_stream(data)
    if stream is not None:
        _check_biff(stream, max_cells)


class _Gone(Exception):
    """calamine stops here with an error of its own, before any large allocation."""


def _u32s(chunk: bytes) -> tuple[int, ...]:
    return struct.unpack_from(f"<{len(chunk) // 4}I", chunk)


class _Sectors:
    """The file's sectors as calamine numbers them (sector 0 follows the header)."""

    def __init__(self, data: bytes, size: int) -> None:
        self.data, self.size, self.maxid = data, size, len(data) // size

    def get(self, number: int) -> bytes:
        if number > self.maxid:
            raise _Gone  # "sector points past end of file"
        start = (number + 1) * self.size
        return self.data[start : start + self.size]

    def chain(self, first: int, fat: tuple[int, ...], length: int) -> bytes:
        """The chain from `first` up to `length` bytes; a loop that would grow it past
        what the file holds is refused, as calamine would follow it until memory ends."""
        parts: list[bytes] = []
        seen: set[int] = set()
        number, total = first, 0
        while number != _ENDOFCHAIN:
            if number in seen:
                raise Damaged("a sector chain of the compound file loops")
            seen.add(number)
            sector = self.get(number)
            parts.append(sector[: length - total])
            total += len(parts[-1])
            if total >= length:
                break
            if number >= len(fat):
                raise _Gone  # calamine panics on the index, which is caught
            number = fat[number]
        return b"".join(parts)


def _workbook_stream(data: bytes) -> bytes | None:
    """The "Workbook" (or "Book") stream as calamine's compound file reader reads it."""
    if len(data) < 512:
        return None
    header = _Header(
        version=struct.unpack_from("<H", data, 26)[0],
        size=1 << struct.unpack_from("<H", data, 30)[0],
        dir_start=struct.unpack_from("<I", data, 48)[0],
        mini_fat_start=struct.unpack_from("<I", data, 60)[0],
        mini_fat_len=struct.unpack_from("<I", data, 64)[0],
        difat_start=struct.unpack_from("<I", data, 68)[0],
    )
    if header.size not in (512, 4096) or struct.unpack_from("<H", data, 32)[0] != 6:
        return None  # calamine: "invalid sector shift / minisector shift"
    try:
        return _read_stream(data, header)
    except _Gone:
        return None


@dataclass(frozen=True)
class _Header:
    version: int
    size: int
    dir_start: int
    mini_fat_start: int
    mini_fat_len: int
    difat_start: int


def _read_stream(data: bytes, header: _Header) -> bytes | None:
    """Follow calamine's `Cfb::new` and `get_stream`: DIFAT, FAT, directory, mini stream,
    then the first entry named "Workbook" (else "Book")."""
    sectors, size = _Sectors(data, header.size), header.size
    difat = list(_u32s(data[76:512]))
    seen: set[int] = set()
    number = header.difat_start
    while number < _RESERVED:
        if number in seen:
            raise Damaged("the DIFAT chain of the compound file loops")
        seen.add(number)
        difat.extend(_u32s(sectors.get(number)))
        number = difat.pop()
    fat_sectors = [n for n in difat if n < _DIFSECT]
    if len(fat_sectors) > sectors.maxid + 1:
        raise Damaged("the compound file lists more FAT sectors than it holds")
    fat = tuple(v for n in fat_sectors for v in _u32s(sectors.get(n)))
    directory = sectors.chain(header.dir_start, fat, 1 << 62)
    named = [_entry(directory[at : at + 128], size) for at in range(0, len(directory) - 127, 128)]
    if not named or (header.version != 3 and named[0][1] == _ENDOFCHAIN):
        return None
    ministream, mini_fat = b"", _u32s(b"")
    if header.mini_fat_len > 0:
        ministream = sectors.chain(named[0][1], fat, named[0][2])
        mini_fat = _u32s(sectors.chain(header.mini_fat_start, fat, header.mini_fat_len * size))
    for wanted in ("Workbook", "Book"):
        for name, start, length in named:
            if name != wanted:
                continue
            if length < 4096:
                mini = _Sectors(b"\0" * 64 + ministream, 64)
                mini.maxid = sectors.maxid * 8
                return mini.chain(start, mini_fat, length)
            return sectors.chain(start, fat, length)
    return None


def _entry(entry: bytes, size: int) -> tuple[str, int, int]:
    name = entry[:64].decode("utf-16-le", "ignore").split("\0", 1)[0]
    start = struct.unpack_from("<I", entry, 116)[0]
    length = struct.unpack_from("<I" if size == 512 else "<Q", entry, 120)[0]
    return name, start, length


def _records(stream: bytes, position: int) -> Iterator[tuple[int, int, int]]:
    """(type, start, length) of the records from `position`, CONTINUE ones included, up
    to a record cut short (where calamine stops with an error)."""
    end, unpack = len(stream), struct.unpack_from
    while position + 4 <= end:
        kind, length = unpack("<HH", stream, position)
        if position + 4 + length > end:
            return
        yield kind, position + 4, length
        position += 4 + length


def _check_biff(stream: bytes, max_cells: int) -> None:
    sheets: list[int] = []
    for kind, start, length in _records(stream, 0):
        if kind == _EOF:
            break
        if kind == _SHEET and length >= 4:
            sheets.append(struct.unpack_from("<I", stream, start)[0])
    for position in sheets:
        if position < len(stream):
            _check_sheet(stream, position, max_cells)


def _check_sheet(stream: bytes, position: int, max_cells: int) -> None:
    """One sheet's substream: its DIMENSIONS and every cell record, nested substreams
    (charts) included, up to the EOF that closes it. One `unpack` a record reads its
    type, length, row and column together: 0.1 s for 65,536 rows of 20 cells."""
    rows = columns = depth = 0
    unpack, end, cells = struct.Struct("<HHHH").unpack_from, len(stream) - 8, _CELLS
    while position <= end:
        kind, length, row, column = unpack(stream, position)
        start, position = position + 4, position + 4 + length
        if position > end + 8:
            break  # cut short: calamine stops with an error
        if kind in cells:
            if length >= 4:
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
        elif kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind == _MULRK and length >= 6:
            rows = max(rows, row + 1)
            columns = max(columns, column + (length - 6) // 6)
        elif kind == _DIMENSIONS and length in (10, 14):
            _check_dimensions(stream[start : start + length], max_cells)
    if rows * columns > max_cells:
        raise TooLarge(f"{rows} rows × {columns} columns")


def _check_dimensions(record: bytes, max_cells: int) -> None:
    """calamine reserves the block DIMENSIONS declares, in 32-bit arithmetic."""
    if len(record) == 10:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", record)
    else:
        first_row, last_row, first_column, last_column = struct.unpack_from("<IIHH", record)
    if last_row >= 1 and last_column >= 1:
        rows = (last_row - 1 - first_row + 1) % (1 << 32)
        columns = (last_column - 1 - first_column + 1) % (1 << 32)
    else:
        rows = columns = 1
    if rows * columns > max_cells:
        raise TooLarge(f"declared {rows} rows × {columns} columns")
