"""A data file checked row by row against its resource's data items, before upload (Art. 7).

The file is a spreadsheet or CSV whose header row names the data items (in any order, with
a title or notes above it); every other column is the unit's own and is left alone. Each
cell of a mapped column goes through its `ItemRule`; each finding names the sheet, the row
as Excel numbers it and the header as written, so the officer can go straight to the cell.
A file of a million bad rows must not exhaust memory, so findings beyond `MAX_FINDINGS`
are only counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govshare_desktop.domain.data_values import ItemRule, is_blank
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode, cell_name
from govshare_desktop.excel.columns import normalize
from govshare_desktop.excel.values import text
from govshare_desktop.excel.workbook import Sheet, open_workbook

MAX_FINDINGS = 2_000
HEADER_SEARCH_ROWS = 20
PROGRESS_EVERY = 1_000


@dataclass(slots=True)
class DataFileResult:
    """What checking one data file found. `errors` and `warnings` count every finding,
    including the `truncated` ones that were counted but not kept."""

    sheet: str
    header_row: int  # as Excel numbers it
    rows_checked: int = 0
    findings: list[CellFinding] = field(default_factory=list)
    truncated: int = 0
    errors: int = 0
    warnings: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # item name → header as written

    @property
    def ok(self) -> bool:
        """No errors (warnings, such as an optional item without a column, are allowed)."""
        return self.errors == 0

    def add(self, finding: CellFinding) -> None:
        """Keep the finding while under `MAX_FINDINGS`, count it either way."""
        if finding.severity is Severity.ERROR:
            self.errors += 1
        else:
            self.warnings += 1
        if len(self.findings) < MAX_FINDINGS:
            self.findings.append(finding)
        else:
            self.truncated += 1


@dataclass(frozen=True, slots=True)
class DataHeader:
    """A sheet's header row (0-based) and which column index holds which rule."""

    row: int
    columns: dict[int, int]  # column index → index into the rules
    written: dict[int, str]  # column index → header as written, for reports

    @property
    def score(self) -> int:
        return len(self.columns)


def _header_key(cell: Any) -> str:
    return normalize(text(cell))


def _names(rules: Sequence[ItemRule]) -> dict[str, int]:
    """Normalised item name → the first rule of that name (a duplicate name is ignored)."""
    names: dict[str, int] = {}
    for index, rule in enumerate(rules):
        names.setdefault(normalize(rule.item.name), index)
    return names


def _match(cell: Any, names: dict[str, int]) -> int | None:
    """The rule a header cell names: 姓名, *姓名, 姓 名, or 姓名（必填） with a note."""
    key = _header_key(cell)
    if not key:
        return None
    if key in names:
        return names[key]
    if key.endswith(")") and "(" in key:
        return names.get(key[: key.rindex("(")])
    return None


def _read_header(cells: list[Any], row: int, names: dict[str, int]) -> DataHeader:
    columns: dict[int, int] = {}
    written: dict[int, str] = {}
    taken: set[int] = set()
    for index, cell in enumerate(cells):
        found = _match(cell, names)
        if found is not None and found not in taken:  # the first of two same columns counts
            taken.add(found)
            columns[index] = found
            written[index] = "".join(text(cell).split())
    return DataHeader(row, columns, written)


def find_header(sheet: Sheet, rules: Sequence[ItemRule]) -> DataHeader | None:
    """The row among the first `HEADER_SEARCH_ROWS` naming most data items (first on a tie)."""
    names = _names(rules)
    best: DataHeader | None = None
    for row in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        header = _read_header(sheet.rows[row], row, names)
        if header.score and (best is None or header.score > best.score):
            best = header
    return best


def _last_filled_row(rows: list[list[Any]], start: int) -> int:
    """The index after the last row holding anything: calamine keeps formatted empty rows."""
    end = len(rows)
    while end > start and all(is_blank(v) for v in rows[end - 1]):
        end -= 1
    return end


def _missing_columns(result: DataFileResult, header: DataHeader, rules: Sequence[ItemRule]) -> None:
    """Items without a column: an error when the item is required, else a warning."""
    present = set(header.columns.values())
    for index in sorted(set(_names(rules).values()) - present):
        rule = rules[index]
        severity = Severity.ERROR if rule.required else Severity.WARNING
        result.add(
            CellFinding(result.sheet, result.header_row, rule.item.name, "",
                        SheetCode.MISSING_ITEM_COLUMN, {"label": rule.item.name}, severity)
        )  # fmt: skip


def check_rows(
    sheet: Sheet, header: DataHeader, rules: Sequence[ItemRule], progress: Progress | None = None
) -> DataFileResult:
    """Check every non-empty row below the header; rows left wholly empty are not records."""
    progress = progress or Progress.silent()
    result = DataFileResult(sheet.name, header.row + 1)
    result.columns = {rules[r].item.name: header.written[c] for c, r in header.columns.items()}
    _missing_columns(result, header, rules)
    mapped = [(c, rules[r], header.written[c]) for c, r in sorted(header.columns.items())]
    first, end = header.row + 1, _last_filled_row(sheet.rows, header.row + 1)
    total = end - first
    for index in range(first, end):
        cells = sheet.rows[index]
        if (index - first) % PROGRESS_EVERY == 0:
            progress.report(index - first, total)
        if all(is_blank(v) for v in cells):
            continue
        result.rows_checked += 1
        for column, rule, written in mapped:
            problem = rule.check(cells[column] if column < len(cells) else "")
            if problem is not None:
                result.add(
                    CellFinding(sheet.name, index + 1, written, cell_name(index + 1, column),
                                problem.code, problem.params)
                )  # fmt: skip
    progress.report(total, total)
    return result


def check_data_file(
    path: Path, rules: Sequence[ItemRule], progress: Progress | None = None
) -> DataFileResult:
    """Check the data file at `path` (xlsx, xls, ods, … or CSV) against `rules`.

    The sheet whose header names most data items is checked; a workbook of several sheets
    usually holds the data on one and notes or code tables on the others. Raises
    `KnownError` when the file cannot be read or no sheet names any data item.
    """
    best: tuple[Sheet, DataHeader] | None = None
    with open_workbook(path, allow_csv=True) as book:
        for name in book.sheet_names:
            sheet = book.sheet(name)
            header = find_header(sheet, rules)
            if header is not None and (best is None or header.score > best[1].score):
                best = (sheet, header)
                if header.score == len(_names(rules)):
                    break  # every item found: no other sheet can do better
            del sheet  # only the best sheet stays in memory
    if best is None:
        shown = "、".join(rule.item.name for rule in rules[:5])
        raise KnownError(ErrorCode.DATA_FILE_NO_HEADER, path=str(path), columns=shown,
                         rows=HEADER_SEARCH_ROWS)  # fmt: skip
    return check_rows(*best, rules, progress)
