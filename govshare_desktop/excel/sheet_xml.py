"""The extent of an xlsx sheet as calamine will lay it out, read from the sheet's XML.

calamine places every cell it reads in one dense block, from A1 to the last row and column
holding a value, and a failed allocation of that block aborts the process. So the block
must be measured the way calamine reads the XML: elements by their local name whatever
their prefix (`<x:c>` is a cell), attributes in any order and quoting, and positions
given implicitly (ECMA-376 lets `r` be left out: a `<c>` without it takes the next column,
a `<row>` without it the next row).

Two readers give that answer:

- a fast one for the form every real producer writes (Excel, LibreOffice, openpyxl, WPS,
  POI): every cell start tag is `<c r="A1" ...>`, the reference first and in double
  quotes, plain attributes after it. C-speed scans first prove that every cell tag in the
  part has that form, then a few searches read the extent; about 0.1 s for 500,000 cells.
- an exact one for any other part: expat walks every element (a Python step each, about
  a microsecond) and keeps the row and column counters calamine keeps.

Rows count up to the last row holding a value (a million formatted empty rows cost
calamine nothing); columns up to the rightmost cell of any kind written before the last
value, which is never less than calamine's and is cheap to find.
"""

from __future__ import annotations

import functools
import re
from typing import NoReturn
from xml.parsers import expat


class SheetXmlError(Exception):
    """The part is not XML that calamine could read as a sheet (or hides what it holds)."""


# any element named c, v or is under a prefix (`<x:c>`): only the exact reader reads them
_PREFIXED = re.compile(rb":(?:c|v|is)[\s/>]")
_LAST_REF = re.compile(rb'<c r="[A-Z]{1,3}([0-9]+)"')
_ANY_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]{1,3}[0-9]{1,7}:)?([A-Z]{1,3})[0-9]{1,7}"')
_COLUMNS = {width: re.compile(rb'<c r="([A-Z]{%d})[0-9]' % width) for width in (3, 2, 1)}
_REFERENCE = re.compile(r"([A-Za-z]*)([0-9]+)")
_FAR = 1 << 40  # a position past any limit, for references too long to be real
_SAMPLE = 64 * 1024


def extent(data: bytes) -> tuple[int, int]:
    """(rows, columns) of the block calamine allocates for this sheet part, from A1.

    Raises `SheetXmlError` for a part calamine would fail on, or that hides its cells in
    a way no producer writes (a DOCTYPE, a malformed reference).
    """
    fast = _canonical_extent(data)
    return fast if fast is not None else _exact_extent(data)


def _canonical_extent(data: bytes) -> tuple[int, int] | None:
    """The extent of a part in canonical form, or None when the part is not in it.

    Only cells before the last value element can hold a value, so only those are read:
    the row of the cell holding the last value and a guess at the widest column (the
    `<dimension>` Excel writes, the header rows) are proven to bound every cell before
    it by one search that also proves each cell tag canonical (`_odd_cell`). A guessed
    column found too narrow is measured (`_last_column`) and the search run once more.
    """
    if b"\x00" in data[:512] or _PREFIXED.search(data) is not None:
        return None  # UTF-16 (expat decodes it), or cells under a prefix
    last = max(data.rfind(b"<v"), data.rfind(b"<is"))
    if last < 0:
        return 0, 0  # no value anywhere: calamine's block is empty
    found = _LAST_REF.match(data, max(data.rfind(b'<c r="', 0, last), 0))
    rows = int(found.group(1)) if found else 0
    columns = _guess_columns(data, last)
    if re.compile(rb'<c r="%s[0-9]' % _letters(columns)).search(data, 0, last) is None:
        columns = _last_column(data, last)  # the guess overshot: no cell stands there
    if _odd_cell(rows, columns).search(data, 0, last) is None:
        return rows, columns
    widest = _last_column(data, last)
    if widest > columns and _odd_cell(rows, widest).search(data, 0, last) is None:
        return rows, widest
    return None


def _guess_columns(data: bytes, last: int) -> int:
    dimension = _DIMENSION.search(data, 0, max(data.find(b"<sheetData"), 0))
    guess = _column_number(dimension.group(1).decode()) if dimension else 0
    start = max(data.find(b"<sheetData"), 0)
    for begin, end in ((start, min(start + _SAMPLE, last)), (max(last - _SAMPLE, 0), last)):
        for letters in set(_ANY_COLUMN.findall(data, begin, end)):
            guess = max(guess, _column_number(letters.decode()))
    return guess


@functools.lru_cache(maxsize=64)
def _odd_cell(rows: int, columns: int) -> re.Pattern[bytes]:
    """A cell start tag that is not `<c r="REF"` with REF within `columns` and `rows`,
    followed only by the attributes producers write (s, t, cm, vm, ph) in double quotes:
    no second r, no `>` inside a value, nothing under a prefix (checked apart)."""
    within = rb'r="(?:%s)(?:%s)"' % (_letters_at_most(columns), _at_most(rows))
    tail = rb'(?: [stcvmph]{1,2}="[^"<>&]*+")*+ ?/?>'
    return re.compile(rb"<c(?:[\t\n\r/>]| (?!" + within + tail + rb"))")


def _at_most(number: int) -> bytes:
    """A pattern for the numbers 1 to `number` written without leading zeros."""
    if number < 1:
        return rb"(?!)"
    digits = str(number).encode()
    choices = [rb"[1-9][0-9]{0,%d}" % (len(digits) - 2)] if len(digits) > 1 else []
    for at, digit in enumerate(digits):
        low = ord("1") if at == 0 else ord("0")
        if digit > low:
            rest = len(digits) - at - 1
            choices.append(digits[:at] + rb"[%c-%c][0-9]{%d}" % (low, digit - 1, rest))
    return b"|".join([*choices, digits])


def _letters_at_most(number: int) -> bytes:
    """A pattern for the column letters A to the `number`th column (uppercase)."""
    if number < 1:
        return rb"(?!)"
    word = _letters(number)
    choices = [rb"[A-Z]{1,%d}" % (len(word) - 1)] if len(word) > 1 else []
    for at, letter in enumerate(word):
        if letter > ord("A"):
            rest = len(word) - at - 1
            choices.append(word[:at] + rb"[A-%c][A-Z]{%d}" % (letter - 1, rest))
    return b"|".join([*choices, word])


def _letters(number: int) -> bytes:
    word = b""
    while number:
        number, digit = divmod(number - 1, 26)
        word = bytes([65 + digit]) + word
    return word


def _last_column(data: bytes, end: int) -> int:
    """The rightmost column of a canonical cell before `end`. Only references with the
    most letters can be it, so the widest width present is found first by a scan that
    usually matches nothing (a template with 22 columns has no two-letter ones)."""
    for width in (3, 2, 1):
        if _COLUMNS[width].search(data, 0, end) is not None:
            found = set(_COLUMNS[width].findall(data, 0, end))
            return max(_column_number(c.decode()) for c in found)
    return 0


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _position(reference: str, *, column_needed: bool = True) -> tuple[int, int]:
    """(row, column) from 0 of a reference, read as calamine reads it (letters in either
    case, then digits; a row of 0 or a missing column is an error)."""
    found = _REFERENCE.fullmatch(reference)
    if found is None or (column_needed and not found[1]) or not found[2].strip("0"):
        raise SheetXmlError(f"malformed cell reference {reference[:20]!r}")
    letters, digits = found.groups()
    row = int(digits) - 1 if len(digits) <= 10 else _FAR
    return row, _column_index(letters)


@functools.lru_cache(maxsize=1024)
def _column_index(letters: str) -> int:
    return _column_number(letters) - 1 if len(letters) <= 7 else _FAR


class _Walk:
    """expat handlers keeping calamine's counters: the row of the last `<row>` (its r, or
    one past the row before), the column after the last cell (its r, or one past)."""

    def __init__(self) -> None:
        self.row = self.column = 0
        self.rows = self.columns = self.widest = 0
        self.open: list[list[int]] = []  # cells not yet closed: [row, column, has a value]
        self.local: dict[str, str] = {}  # element name → its local name (a few distinct)

    def _local(self, name: str) -> str:
        local = self.local[name] = name[name.rfind(":") + 1 :]
        return local

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = self.local.get(name) or self._local(name)
        if local == "c":
            reference = attributes.get("r")
            if reference is None:
                row, column = self.row, self.column
            else:
                row, column = _position(reference)
                self.column = column
            self.open.append([row, column, 0])
            self.widest = max(self.widest, column + 1)
        elif local in ("v", "is"):
            if self.open:
                self.open[-1][2] = 1
        elif local == "row":
            reference = attributes.get("r")
            if reference is not None:
                self.row = _position(reference, column_needed=False)[0]

    def end(self, name: str) -> None:
        local = self.local.get(name) or self._local(name)
        if local == "c" and self.open:
            row, _, valued = self.open.pop()
            self.column += 1
            if valued:
                self.rows = max(self.rows, row + 1)
                self.columns = self.widest  # cells after the last value do not count
        elif local == "row":
            self.row += 1
            self.column = 0


def _no_doctype(*_: object) -> NoReturn:
    raise SheetXmlError("a DOCTYPE in a spreadsheet part")


def _parser() -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _no_doctype
    return parser


def _exact_extent(data: bytes) -> tuple[int, int]:
    walk = _Walk()
    parser = _parser()
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise SheetXmlError(f"damaged sheet XML: {exc}") from exc
    return walk.rows, walk.columns


class _Found(Exception):
    def __init__(self, attributes: dict[str, str]) -> None:
        self.attributes = attributes


def root_attributes(data: bytes, local_name: str) -> dict[str, str]:
    """The attributes of the first element named `local_name` (any prefix), read by
    expat up to that element only: `uniqueCount` of `<sst>` in any quoting or place."""

    def start(name: str, attributes: dict[str, str]) -> None:
        if name[name.rfind(":") + 1 :] == local_name:
            raise _Found(attributes)

    parser = _parser()
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _Found as found:
        return found.attributes
    except expat.ExpatError as exc:
        raise SheetXmlError(f"damaged XML: {exc}") from exc
    return {}


_MERGE_CELL = re.compile(rb"""mergeCell((?:\s(?:[^>"'/]++|/(?!>)|"[^"]*+"|'[^']*+')*+)?)/?>""")
_ATTRIBUTE = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def merged_area(data: bytes) -> int:
    """Cells covered by the part's merged ranges (`<mergeCell ref="A1:C4">`, any prefix or
    quoting): openpyxl makes an object for each one, so A1:XFD1048576 exhausts memory."""
    total = 0
    for tag in _MERGE_CELL.finditer(data):
        for name, double, single in _ATTRIBUTE.findall(tag.group(1)):
            if name != b"ref":
                continue
            text = (double if double or not single else single).decode("utf-8", "replace")
            corners = text.split(":")
            try:
                (top, left), (bottom, right) = _position(corners[0]), _position(corners[-1])
            except SheetXmlError:
                continue  # calamine and openpyxl both fail on it
            total += (abs(bottom - top) + 1) * (abs(right - left) + 1)
    return total
