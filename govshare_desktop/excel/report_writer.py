"""The officer's own workbook handed back with every finding marked at its cell.

Each cell with a finding is filled (light red for an error, yellow for a warning) and gets
one comment holding all its messages; a first sheet "检查结果" lists every finding with a
link to its cell. xlsx/xlsm files are annotated in place of a copy, keeping the officer's
formatting (macros are dropped: the report is an .xlsx). openpyxl cannot read xls, xlsb,
ods or csv, so those are rebuilt from their values (merged ranges kept), one visible sheet
each. Text from the file is never turned into a formula (see `cells.put`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.sheet_findings import CellFinding
from govshare_desktop.excel import safety
from govshare_desktop.excel.cells import clean, put, save_atomically
from govshare_desktop.excel.workbook import Sheet, open_workbook

REPORT_SHEET = "检查结果"
REPORT_HEADERS = ("工作表", "行", "列", "单元格", "代码", "级别", "说明")
REPORT_WIDTHS = (16, 8, 20, 10, 24, 8, 70)
SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
FILLS = {
    Severity.ERROR: PatternFill(fill_type="solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill(fill_type="solid", fgColor="FFEB9C"),
}
HEADER_FILL = PatternFill(fill_type="solid", fgColor="DDEBF7")
LINK_FONT = Font(color="0563C1", underline="single")
AUTHOR = "govshare"
OPENPYXL_KINDS = frozenset({"xlsx", "xlsm"})
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384
_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
# What openpyxl raises for a damaged xlsx that still passed `safety.inspect`.
_LOAD_ERRORS = (
    OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, EOFError,
    zipfile.BadZipFile,
)  # fmt: skip

Titles = dict[str, str]  # sheet name in the findings → the report's worksheet title
Location = tuple[Worksheet, str]


def write_report(
    source: Path, findings: Sequence[CellFinding], messages: Sequence[str], out: Path
) -> None:
    """Write `source` with `findings` marked to `out` (.xlsx); `messages[i]` explains
    `findings[i]` in the officer's language.

    Raises `KnownError` when `source` cannot be read or `out` cannot be written (or is
    `source` itself: the officer's workbook is never overwritten), and `ValueError` when
    the two sequences differ in length (our bug).
    """
    if len(findings) != len(messages):
        raise ValueError(f"{len(findings)} findings but {len(messages)} messages")
    if out.resolve() == source.resolve():
        raise KnownError(ErrorCode.FILE_UNWRITABLE, path=str(out),
                         reason="it is the workbook being checked")  # fmt: skip
    kind = safety.inspect(source, allow_csv=True)
    book, titles = _load(source) if kind in OPENPYXL_KINDS else _rebuild(source)
    locate = _Locator(book, titles)
    locations = [locate(f) for f in findings]
    _annotate(findings, messages, locations)
    _add_summary(book, findings, messages, locations)
    save_atomically(book, out)


def _load(source: Path) -> tuple[Any, Titles]:
    try:
        book = openpyxl.load_workbook(source, keep_vba=False)
    except _LOAD_ERRORS as exc:
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise KnownError(ErrorCode.WORKBOOK_UNREADABLE, path=str(source), reason=reason) from exc
    return book, {name: name for name in book.sheetnames}


def _sheet_title(name: str, used: set[str]) -> str:
    """`name` as Excel allows a sheet title: no []:*?/\\, at most 31 characters, unique."""
    base = clean(name).translate(_TITLE_FORBIDDEN).strip("'")[:31] or "Sheet"
    title, number = base, 1
    while title.casefold() in used:
        number += 1
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
    used.add(title.casefold())
    return title


def _fill_sheet(target: Worksheet, sheet: Sheet) -> None:
    """Values only, then the merged ranges; every string through `put`, never a formula."""
    for row_number, cells in enumerate(sheet.rows, start=1):
        for column_number, value in enumerate(cells, start=1):
            if value is not None and value != "":
                put(target, row_number, column_number, value)
    for top, left, bottom, right in sheet.merged:
        if (top, left) != (bottom, right):
            target.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
            )
    widths: dict[int, int] = {}
    for cells in sheet.rows[:200]:
        for index, value in enumerate(cells):
            widths[index] = max(widths.get(index, 8), min(len(str(value)) * 2 + 2, 50))
    for index, width in widths.items():
        target.column_dimensions[get_column_letter(index + 1)].width = width


def _rebuild(source: Path) -> tuple[Any, Titles]:
    """A new workbook holding the visible sheets of a file openpyxl cannot open."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    titles: Titles = {}
    used = {REPORT_SHEET.casefold()}
    with open_workbook(source, allow_csv=True) as workbook:
        for name in workbook.sheet_names:
            sheet = workbook.sheet(name)
            titles[name] = _sheet_title(name, used)
            _fill_sheet(book.create_sheet(titles[name]), sheet)
    return book, titles


class _Merges:
    """The merged range covering a cell, found without scanning every range per finding:
    a merged-layout catalog has a merge per resource block, and a finding in most blocks."""

    TALL = 1000  # rows; taller ranges are few and checked one by one

    def __init__(self, sheet: Worksheet) -> None:
        self._by_row: dict[int, list[tuple[int, int, int, int]]] = {}
        self._tall: list[tuple[int, int, int, int]] = []
        for merged in sheet.merged_cells.ranges:
            bounds = (merged.min_row, merged.min_col, merged.max_row, merged.max_col)
            if merged.max_row - merged.min_row >= self.TALL:
                self._tall.append(bounds)
                continue
            for row in range(merged.min_row, merged.max_row + 1):
                self._by_row.setdefault(row, []).append(bounds)

    def top_left(self, row: int, column: int) -> tuple[int, int]:
        for top, left, bottom, right in (*self._by_row.get(row, ()), *self._tall):
            if top <= row <= bottom and left <= column <= right:
                return top, left
        return row, column


class _Locator:
    """Finds the worksheet and cell a finding points at, in the report's workbook."""

    def __init__(self, book: Any, titles: Titles) -> None:
        self._sheets = {
            name: book[title]
            for name, title in titles.items()
            if title in book.sheetnames and isinstance(book[title], Worksheet)
        }
        self._merges: dict[str, _Merges] = {}

    def __call__(self, finding: CellFinding) -> Location | None:
        """The cell of `finding`, the top left one of a merged range it falls in; None when
        it names no cell (a missing column) or a place this workbook lacks."""
        sheet = self._sheets.get(finding.sheet)
        if sheet is None or not finding.cell:
            return None
        try:
            letters, row = coordinate_from_string(finding.cell.strip().upper())
            column = column_index_from_string(letters)
        except ValueError:
            return None
        if not (1 <= row <= MAX_ROW and 1 <= column <= MAX_COLUMN):
            return None
        if finding.sheet not in self._merges:
            self._merges[finding.sheet] = _Merges(sheet)
        row, column = self._merges[finding.sheet].top_left(row, column)
        return sheet, f"{get_column_letter(column)}{row}"


def _annotate(
    findings: Sequence[CellFinding], messages: Sequence[str], locations: Sequence[Location | None]
) -> None:
    """One fill and one comment per cell, however many findings it has."""
    by_cell: dict[tuple[str, str], list[int]] = {}
    sheets: dict[str, Worksheet] = {}
    for index, location in enumerate(locations):
        if location is not None:
            sheet, coordinate = location
            sheets[sheet.title] = sheet
            by_cell.setdefault((sheet.title, coordinate), []).append(index)
    for (title, coordinate), indexes in by_cell.items():
        cell = sheets[title][coordinate]
        if isinstance(cell, MergedCell):  # `_Locator` gives top-left cells; never here
            continue
        severities = {findings[i].severity for i in indexes}
        worst = next((s for s in (Severity.ERROR, Severity.WARNING) if s in severities), None)
        if worst is not None:
            cell.fill = FILLS[worst]
        lines = list(dict.fromkeys(clean(messages[i]) for i in indexes))
        if cell.comment is not None and cell.comment.text:
            lines = [cell.comment.text, "", *lines]  # the officer's own note stays first
        text = "\n".join(lines)
        height = min(max(80, 18 * (text.count("\n") + 1 + len(text) // 24)), 400)
        cell.comment = Comment(text, AUTHOR, height=height, width=320)


def _add_summary(
    book: Any,
    findings: Sequence[CellFinding],
    messages: Sequence[str],
    locations: Sequence[Location | None],
) -> None:
    """检查结果 as the first, selected sheet: one row per finding, linked to its cell."""
    used = {title.casefold() for title in book.sheetnames}
    for sheet in book.worksheets:
        sheet.sheet_view.tabSelected = False  # else Excel opens with the sheets grouped
    summary = book.create_sheet(_sheet_title(REPORT_SHEET, used), 0)
    for column, (title, width) in enumerate(zip(REPORT_HEADERS, REPORT_WIDTHS, strict=True), 1):
        cell = put(summary, 1, column, title)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        summary.column_dimensions[get_column_letter(column)].width = width
    for row, (finding, message, location) in enumerate(
        zip(findings, messages, locations, strict=True), start=2
    ):
        severity = SEVERITY_LABELS.get(finding.severity, str(finding.severity))
        values = (finding.sheet, finding.row, finding.column, finding.cell, finding.code,
                  severity, message)  # fmt: skip
        for column, value in enumerate(values, start=1):
            put(summary, row, column, value)
        if location is not None:
            sheet, coordinate = location
            link = summary.cell(row=row, column=4)
            link.hyperlink = Hyperlink(
                ref=link.coordinate, location=f"{quote_sheetname(sheet.title)}!{coordinate}"
            )
            link.font = LINK_FONT
    summary.freeze_panes = "A2"
    if findings:
        summary.auto_filter.ref = f"A1:G{len(findings) + 1}"
    summary.sheet_view.tabSelected = True
    book.active = 0
