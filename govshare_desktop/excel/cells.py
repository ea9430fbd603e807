"""Cells written from anyone's text, safely: always a string cell, never a formula; atomic saves.

openpyxl turns any string that starts with "=" into a formula and "#N/A" into an error cell,
so a resource named =HYPERLINK(...) would run in the officer's Excel (CSV/formula injection).
Every text we write goes through `put`: the cell is forced to a string cell, and text that
Excel or LibreOffice would read as a formula when retyped (=, +, -, @, tab, CR) also gets
the quotePrefix style, the apostrophe Excel shows in the formula bar, so editing it later
keeps it text.

Text is written as it is, nothing dropped: characters XML cannot carry as themselves
(control characters, and the CR that XML readers turn into LF) are written as the
`_xHHHH_` escapes of OOXML (ECMA-376 Part 1, 22.9.2.19), as Excel itself writes them, and a
literal "_x0041_" gets its "_" escaped so that no reader decodes it; calamine, Excel and
LibreOffice read the text back exactly. What no cell can hold at all (`unwritable`) is for
the writer to refuse before it writes.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from govshare_desktop.domain.errors import ErrorCode, KnownError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_CELL_TEXT = 32_767  # Excel's limit; openpyxl cuts longer text silently
TEXT_FORMAT = "@"

_PLAIN = (bool, int, float, date, datetime, time, timedelta)
# openpyxl refuses these (IllegalCharacterError): XML 1.0 cannot carry them
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Written as _xHHHH_: C0 controls but tab and LF (CR included), DEL and C1, and the "_" of
# a literal escape.
_ESCAPED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|_(?=[xX][0-9A-Fa-f]{4}_)")
# No escape carries these back (readers leave _xD800_ and _xFFFE_ as they are).
_UNWRITABLE = re.compile(r"[\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Our own words (a message, a sheet title) as a cell can hold them: no control
    characters XML 1.0 forbids, LF line breaks, Excel's length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)[:MAX_CELL_TEXT]


def escape(text: str) -> str:
    """`text` in the OOXML escapes that bring it back unchanged from a string cell."""
    if _ESCAPED.search(text) is None:  # nearly always
        return text
    return _ESCAPED.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unwritable(text: str) -> str:
    """The characters of `text` that no cell can hold faithfully (lone surrogates, U+FFFE,
    U+FFFF: no escape brings them back), as "U+FFFE"; "" when there are none."""
    if _UNWRITABLE.search(text) is None:
        return ""
    return " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(_UNWRITABLE.findall(text)))


def set_value(cell: Any, value: object) -> None:
    """Store `value` in an openpyxl cell; text is always a string cell, never a formula."""
    if value is None or value == "":
        cell.value = None
        return
    if isinstance(value, _PLAIN):
        cell.value = value
        return
    text = str(value)
    if len(text) > MAX_CELL_TEXT or unwritable(text):  # writers refuse such text first
        text = _UNWRITABLE.sub("\ufffd", text)[:MAX_CELL_TEXT]
    cell.value = escape(text)  # openpyxl may bind this as a formula ("=…") or an error ("#N/A") …
    cell.data_type = "s"  # … so the type is forced back to an (inline) string
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def put(sheet: Any, row: int, column: int, value: object, *, as_text: bool = False) -> Any:
    """Write `value` at 1-based (`row`, `column`) and return the cell.

    `as_text` formats the cell "@" so that Excel keeps what the officer types there as
    text too (codes with leading zeros, dates in ISO form).
    """
    cell = sheet.cell(row=row, column=column)
    set_value(cell, value)
    if as_text:
        cell.number_format = TEXT_FORMAT
    return cell


def save_atomically(book: Any, path: Path) -> None:
    """Save an openpyxl workbook so `path` holds the old file or the whole new one, never half.

    The temporary file sits in the same directory, so the final rename stays on one file
    system; errors (disk full, a file Excel keeps open on Windows) propagate as `OSError`.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise KnownError(ErrorCode.FILE_UNWRITABLE, path=str(path), reason=exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            book.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise KnownError(ErrorCode.FILE_UNWRITABLE, path=str(path), reason=exc.strerror) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
