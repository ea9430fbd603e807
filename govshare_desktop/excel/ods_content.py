"""How much an ods sheet unfolds into in calamine: cells, and the text copied into them.

ODF writes a run of equal cells once with number-rows-repeated / number-columns-repeated
and calamine unfolds every run that holds a value, copying its text into every cell: a
927-byte file asking for 90,000 × 1,000 copies of "x" took 12 GB and 42 s, and 919 bytes
repeating a 30,000-space text (`<text:s text:c="30000"/>`) over 16,384 columns and 50
rows asked for 24 GB and aborted the process. Runs of empty cells (LibreOffice pads every
row to column 16384) cost nothing and are not counted.

calamine reads the qualified names `table:table-row`, `table:number-rows-repeated`, ... as
written (another prefix is not read), attribute values in either quote, with spaces
around `=` and a leading `+`. Each row is measured with C-speed searches from its last
value backwards, not a Python step per cell: about 4 µs a row.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_QUOTED = rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_TABLE = re.compile(rb"<table:table[\s/>]")
# a row start tag, its attributes read whole (a ">" may stand inside a quoted value)
_ROW = re.compile(rb"""<table:table-row((?:\s(?:[^>"'/]++|/(?!>)|"[^"]*+"|'[^']*+')*+)?)(/?)>""")
_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated" + _QUOTED)
_COLUMNS_REPEATED = re.compile(rb"table:number-columns-repeated" + _QUOTED)
_SPACES = re.compile(rb"text:c" + _QUOTED)
_TAG_END = re.compile(rb"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+>""")
_CELL_END = b"</table:table-cell>"
_FAR = 1 << 40


@dataclass(frozen=True)
class TooLarge(Exception):
    """What a sheet would unfold into, past what the process can hold."""

    reason: str


def check(data: bytes, max_cells: int, max_text: int) -> None:
    """Raise `TooLarge` when a table of content.xml unfolds into more than `max_cells`
    cells (from A1 to its last value) or more than `max_text` bytes of repeated text."""
    starts = [found.start() for found in _TABLE.finditer(data)]
    for begin, finish in zip(starts, [*starts[1:], len(data)], strict=True):
        _check_table(data, begin, finish, max_cells, max_text)


def _number(found: re.Match[bytes]) -> int:
    """An attribute's count as calamine parses it (`usize::from_str`, after unescaping)."""
    raw = found.group(1) if found.group(1) is not None else found.group(2)
    if raw.isdigit():  # as every producer writes it
        return int(raw) if len(raw) <= 12 else _FAR
    text = html.unescape(raw.decode("utf-8", "replace")) if b"&" in raw else raw.decode()
    digits = text.strip().removeprefix("+")
    if not digits.isdigit() or not digits.isascii():
        return 1  # calamine fails on it: nothing is unfolded
    return int(digits) if len(digits) <= 12 else _FAR


def _check_table(data: bytes, begin: int, finish: int, max_cells: int, max_text: int) -> None:
    """One `<table:table>` of content.xml, read in place between `begin` and `finish`."""
    row_at = rows = columns = text = 0
    close, closed = b"</table:table-row>", len(b"</table:table-row>")
    while (end := data.find(close, begin, finish)) >= 0:
        owner, count, skipped = _owner(data, begin, end)
        begin = end + closed
        row_at += skipped
        if owner < 0:
            continue
        row_at += count
        # the row's last value: the end of a cell with content, or the tag of a self-closed
        # cell with a value or formula attribute (its repeat may follow the attribute)
        last = data.rfind(b"</table:", owner, end)
        attribute = max(data.rfind(b"value", owner, end), data.rfind(b"formula", owner, end))
        if attribute > last:
            after = data.find(b"<", attribute, end)  # never inside a value: "<" is escaped
            last = end if after < 0 else after
        if last < 0:
            continue  # a row of empty cells
        width, copied = _runs(data, owner, last)
        rows = row_at
        columns = max(columns, width)
        if rows * columns > max_cells:
            raise TooLarge(f"{rows} rows × {columns} columns")
        text += copied * count
        if text > max_text:
            raise TooLarge(f"{text // (1024 * 1024)} MB of repeated text")


def _owner(data: bytes, begin: int, end: int) -> tuple[int, int, int]:
    """The row tag that owns the cells before `end`: (where its content starts or -1, its
    repeat, the rows of empty self-closed row tags before it)."""
    skipped, tag = 0, _ROW.search(data, begin, end)
    while tag is not None:
        attributes = tag.group(1)
        repeat = _ROWS_REPEATED.search(attributes) if b"rep" in attributes else None
        count = _number(repeat) if repeat else 1
        if not tag.group(2):
            return tag.end(), count, skipped
        skipped += count  # an empty, self-closed row: the next tag owns the cells
        tag = _ROW.search(data, tag.end(), end)
    return -1, 1, skipped


def _runs(data: bytes, owner: int, last: int) -> tuple[int, int]:
    """(cells, bytes of text copied) of a row up to its last value: every cell once, a
    repeated run as many times over, its text copied into each copy past the first."""
    width = data.count(b"<table:", owner, last)  # cells and covered cells, up to it
    copied = _spaces(data, owner, last) if data.find(b"text:c", owner, last) >= 0 else 0
    for run in _COLUMNS_REPEATED.finditer(data, owner, last):
        raw = run.group(1)
        fast = raw is not None and raw.isdigit() and len(raw) <= 12
        if (times := (int(raw) if fast else _number(run)) - 1) < 1:
            continue
        width += times
        if data.startswith(b"/>", run.end()):  # a self-closed cell, the repeat last
            cell = data[data.rfind(b"<", owner, run.start()) : run.end()]
            if b"value" in cell or b"formula" in cell:  # its value is in an attribute
                copied += (len(cell) + 2) * times
            continue  # else an empty run (LibreOffice's gaps): nothing is copied
        copied += _cell_text(data, owner, last, run) * times
    return width, copied


def _spaces(data: bytes, start: int, stop: int) -> int:
    """The spaces `<text:s text:c="N"/>` unfolds to between `start` and `stop`."""
    return sum(_number(found) for found in _SPACES.finditer(data, start, stop))


def _cell_text(data: bytes, owner: int, last: int, run: re.Match[bytes]) -> int:
    """An upper bound of the text one copy of a repeated cell holds: the cell's XML from
    its start tag to its end tag, with its `text:s` spaces unfolded."""
    start = data.rfind(b"<", owner, run.start())
    tag = _TAG_END.match(data, run.end())
    stop = tag.end() if tag else last
    if tag and data[stop - 2 : stop] != b"/>":
        found = data.find(_CELL_END, stop, last + len(_CELL_END))
        stop = found + len(_CELL_END) if found >= 0 else last
    spaces = _spaces(data, start, stop) if data.find(b"text:c", start, stop) >= 0 else 0
    return stop - start + spaces
