"""Find a sheet's header row among the title and fill-in lines above it, one row or two.

Templates open with a title, a "填报单位：… 填报日期：…" line and sometimes a blank row;
the header is the row (within the first `SEARCH_ROWS`) whose cells match most template
columns. Group headers (共享属性 over 共享类型 / 共享条件 / 共享方式) make a two-row header:
merged across their columns, so their text sits in the first column only and is spread
over the merge here before matching.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govshare_desktop.excel.columns import Column, HeaderMatcher, normalize
from govshare_desktop.excel.values import text
from govshare_desktop.excel.workbook import Sheet

SEARCH_ROWS = 30
MIN_MATCHES = 2


@dataclass(slots=True)
class TableHeader:
    """Where a sheet's table starts and which column index holds which template column."""

    sheet: str
    first_row: int  # 0-based index of the (first) header row
    data_row: int  # 0-based index of the first row after the header
    columns: dict[int, Column] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)  # the leaf header text, as written
    unknown: list[int] = field(default_factory=list)

    def index(self, key: str) -> int | None:
        """The column index of the first column with `key` (and no `part`), if any."""
        for index, column in self.columns.items():
            if column.key == key and column.part is None:
                return index
        return None

    def keys(self) -> set[str]:
        return {c.key for c in self.columns.values()}

    @property
    def excel_row(self) -> int:
        """The header row as Excel numbers it."""
        return self.first_row + 1


def _spread_merges(sheet: Sheet, rows: range) -> dict[tuple[int, int], object]:
    """Values of horizontally merged header cells, copied into every column they cover."""
    spread: dict[tuple[int, int], object] = {}
    for top, left, bottom, right in sheet.merged:
        if right == left or top >= rows.stop or bottom < rows.start:
            continue
        cells = sheet.rows[top] if top < len(sheet.rows) else []
        value = cells[left] if left < len(cells) else ""
        for row in range(top, min(bottom, rows.stop - 1) + 1):
            for column in range(left, right + 1):
                spread[(row, column)] = value
    return spread


def _cell(sheet: Sheet, spread: dict[tuple[int, int], object], row: int, column: int) -> object:
    if (row, column) in spread:
        return spread[(row, column)]
    cells = sheet.rows[row] if row < len(sheet.rows) else []
    return cells[column] if column < len(cells) else ""


def _score(cells: list[object], matcher: HeaderMatcher) -> int:
    return sum(1 for c in cells if text(c) and (matcher.match(c) or matcher.is_group(c)))


def _sub_header_matches(
    sheet: Sheet, spread: dict[tuple[int, int], object], row: int, matcher: HeaderMatcher
) -> int:
    """How many cells of `row + 1` are sub-headers of a group header in `row`."""
    if row + 1 >= len(sheet.rows):
        return 0
    found = 0
    for column in range(len(sheet.rows[row + 1])):
        top, sub = _cell(sheet, spread, row, column), _cell(sheet, spread, row + 1, column)
        if text(sub) and matcher.is_group(top) and matcher.match(sub, top) is not None:
            found += 1
    return found


def find_header(
    sheet: Sheet, matcher: HeaderMatcher, overrides: dict[int, str | None] | None = None
) -> TableHeader | None:
    """The sheet's table header, or None when no row looks like the template's.

    `overrides` maps a column index to the column key the officer chose in the import
    dialog (None: ignore the column), applied after matching.
    """
    search = range(min(SEARCH_ROWS, len(sheet.rows)))
    if not search:
        return None
    spread = _spread_merges(sheet, range(0, search.stop + 1))
    scores = [
        _score([_cell(sheet, spread, r, c) for c in range(len(sheet.rows[r]))], matcher)
        for r in search
    ]
    best = max(search, key=lambda r: (scores[r], -r))
    if scores[best] < MIN_MATCHES:
        return None
    if best > 0 and _sub_header_matches(sheet, spread, best - 1, matcher) >= MIN_MATCHES:
        best -= 1  # the sub-header row scored best; the header starts at its group row
    two_rows = _sub_header_matches(sheet, spread, best, matcher) >= MIN_MATCHES
    header = TableHeader(sheet.name, best, best + (2 if two_rows else 1))
    width = max(len(sheet.rows[best]), len(sheet.rows[best + 1]) if two_rows else 0)
    group = ""  # the group header to the left, for files that keep no merges (calamine on ods)
    for index in range(width):
        top = text(_cell(sheet, spread, best, index))
        sub = text(_cell(sheet, spread, best + 1, index)) if two_rows else ""
        if top:
            group = top if matcher.is_group(top) else ""
        elif sub and group:
            top = group
        if sub and sub != top:
            column, leaf = matcher.match(sub, top), sub
        else:
            column, leaf = matcher.match(top), top
        if column is not None:
            header.columns[index] = column
        elif leaf and not matcher.is_group(leaf):
            header.unknown.append(index)
        if leaf:
            header.headers[index] = normalize_display(leaf)
    _apply_overrides(header, matcher, overrides or {})
    header.data_row = _skip_numbering_row(sheet, header.data_row)
    return header


def normalize_display(header: str) -> str:
    """A header as reports name it: the text written, without line breaks or spaces."""
    return "".join(header.split())


def _apply_overrides(
    header: TableHeader, matcher: HeaderMatcher, overrides: dict[int, str | None]
) -> None:
    by_key = {c.key: c for c in matcher.columns if c.part is None}
    for index, key in overrides.items():
        header.columns.pop(index, None)
        if key is not None and key in by_key:
            header.columns[index] = by_key[key]
            if index in header.unknown:
                header.unknown.remove(index)


def _skip_numbering_row(sheet: Sheet, row: int) -> int:
    """Skip the "1 2 3 …" row some templates put under the header to number the columns."""
    if row >= len(sheet.rows):
        return row
    values = [v for v in sheet.rows[row] if v != ""]
    numbers = [normalize(text(v)) for v in values]
    if len(numbers) >= 3 and numbers == [str(n) for n in range(1, len(numbers) + 1)]:
        return row + 1
    return row
