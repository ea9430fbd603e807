"""Workbooks as plain grids of values: the one place that talks to python-calamine.

Readers above this see `Sheet.rows` (row 0 is Excel's row 1, "" for an empty cell) and the
merged ranges, whatever the file format was; CSV data files come in the same shape. Every
failure of the file itself becomes a `KnownError`, so no reader ever shows a traceback.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import python_calamine

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel import safety

Merged = tuple[int, int, int, int]  # top, left, bottom, right: 0-based and inclusive


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    rows: list[list[Any]]
    merged: tuple[Merged, ...] = ()


def _unreadable(path: Path, exc: BaseException) -> KnownError:
    if isinstance(exc, python_calamine.PasswordError):
        return KnownError(ErrorCode.WORKBOOK_ENCRYPTED, path=str(path))
    reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=reason)


# What calamine raises for a damaged file: its own errors, and Python's for odd content.
_READ_ERRORS = (
    python_calamine.CalamineError,
    ValueError,
    TypeError,
    OSError,
    OverflowError,
    UnicodeError,
)


def _is_file_failure(exc: BaseException) -> bool:
    """calamine's errors, Python's for odd content, and a Rust panic on a damaged file
    (pyo3's PanicException derives from BaseException and cannot be imported by name)."""
    return isinstance(exc, _READ_ERRORS) or type(exc).__name__ == "PanicException"


def _within(ranges: Any, rows: list[list[Any]]) -> tuple[Merged, ...]:
    """Merged ranges cut to the block holding values: a file may declare A1:XFD1048576
    (or a 32-bit column), and readers walk every cell of a range (`header`)."""
    height, width = len(rows), max(map(len, rows), default=0)
    return tuple(
        (top, left, min(bottom, height - 1), min(right, width - 1))
        for (top, left), (bottom, right) in ranges
        if top < height and left < width
    )


class Workbook:
    """An open spreadsheet file; use as a context manager so the file handle is let go."""

    def __init__(self, path: Path, kind: str, sheets: list[Sheet] | None = None) -> None:
        self.path = path
        self.kind = kind
        self._book: Any = None
        self._csv = sheets
        self._loaded: dict[str, Sheet] = {}  # by `load_visible`, each handed out once
        self.sheet_names: list[str] = []
        self.hidden_names: list[str] = []
        if sheets is not None:
            self.sheet_names = [s.name for s in sheets]
            return
        try:
            self._book = python_calamine.CalamineWorkbook.from_path(str(path))
            for meta in self._book.sheets_metadata:
                visible = meta.visible == python_calamine.SheetVisibleEnum.Visible
                is_sheet = meta.typ == python_calamine.SheetTypeEnum.WorkSheet
                (self.sheet_names if visible and is_sheet else self.hidden_names).append(meta.name)
        except BaseException as exc:
            if not _is_file_failure(exc):
                raise
            raise _unreadable(path, exc) from exc

    def sheet(self, name: str) -> Sheet:
        """Load one sheet whole (calamine's dense block, already checked by `safety`)."""
        loaded = self._loaded.pop(name, None)
        if loaded is not None:
            return loaded
        if self._csv is not None:
            return next(s for s in self._csv if s.name == name)
        try:
            raw = self._book.get_sheet_by_name(name)
            rows = raw.to_python(skip_empty_area=False)
            merged = _within(raw.merged_cell_ranges or (), rows)
        except BaseException as exc:
            if not _is_file_failure(exc):
                raise
            raise _unreadable(self.path, exc) from exc
        return Sheet(name, rows, merged)

    def load_visible(self) -> None:
        """Load every visible sheet now (`sheet` then hands each one out once): a reader
        reads them all, and calamine builds a sheet without holding the GIL, so a thread
        loading them ahead (`read_ahead`) lets the interpreter do other work meanwhile."""
        for name in self.sheet_names:
            self._loaded[name] = self.sheet(name)

    def close(self) -> None:
        self._loaded.clear()
        if self._book is not None:
            self._book.close()
            self._book = None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _read_csv(path: Path) -> list[Sheet]:
    """A CSV data file (UTF-8 with or without BOM, or GBK/GB18030 as Excel saves it in China)."""
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise KnownError(ErrorCode.FILE_UNREADABLE, path=str(path), reason=str(exc)) from exc
    try:
        dialect: Any = csv.Sniffer().sniff(text[: 64 * 1024], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows: list[list[Any]] = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(path), reason=str(exc)) from exc
    return [Sheet(path.stem, rows)]


def open_workbook(path: Path, *, allow_csv: bool = False) -> Workbook:
    """Check `path` with `safety.inspect`, then open it; raises `KnownError` for a bad file."""
    kind = safety.inspect(path, allow_csv=allow_csv)
    if kind == "csv":
        return Workbook(path, kind, _read_csv(path))
    return Workbook(path, kind)
