"""Cells written from anyone's text, safely: always a string cell, never a formula; atomic saves.

openpyxl turns any string that starts with "=" into a formula and "#N/A" into an error cell,
so a resource named =HYPERLINK(...) would run in the officer's Excel (CSV/formula injection).
Every text we write goes through `put`: the cell is forced to a string cell, and text that
Excel or LibreOffice would read as a formula when retyped (=, +, -, @, tab, CR) also gets
the quotePrefix style, the apostrophe Excel shows in the formula bar, so editing it later
keeps it text. Characters XML cannot carry are dropped rather than failing the whole export,
and a carriage return becomes a line feed: XML readers turn a bare CR into LF anyway, and LF
is the line break Excel itself puts in a cell (Alt+Enter).
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


def clean(text: str) -> str:
    """`text` as a cell can hold it: no control characters XML 1.0 forbids, LF line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)[:MAX_CELL_TEXT]


def set_value(cell: Any, value: object) -> None:
    """Store `value` in an openpyxl cell; text is always a string cell, never a formula."""
    if value is None or value == "":
        cell.value = None
        return
    if isinstance(value, _PLAIN):
        cell.value = value
        return
    text = clean(str(value))
    cell.value = text  # openpyxl may bind this as a formula ("=…") or an error ("#N/A") …
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
