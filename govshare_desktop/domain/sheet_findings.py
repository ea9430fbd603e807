"""Findings located in a spreadsheet: which sheet, row and column, what, and how bad.

An import or a data-file check reports the rule findings of `validation.py` and its own
reading findings (a date it cannot read, a code Excel turned into a number) in one list, so
the officer fixes the workbook cell by cell. Rows are numbered as Excel shows them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.enums import Severity


class SheetCode(StrEnum):
    """Stable codes of what reading a workbook can find, besides the catalog rules."""

    MISSING_COLUMN = "missing_column"
    UNKNOWN_COLUMN = "unknown_column"
    BAD_DATE = "bad_date"
    BAD_NUMBER = "bad_number"
    BAD_BOOL = "bad_bool"
    NUMERIC_CODE_RECOVERED = "numeric_code_recovered"
    NUMERIC_CODE_LOST = "numeric_code_lost"
    ORPHAN_ITEM = "orphan_item"
    CODE_NOT_OURS = "code_not_ours"
    CODE_TAKEN = "code_taken"  # the row would change a resource the catalog already holds
    # data files (Art. 7): rows of data checked against a resource's data items
    MISSING_ITEM_COLUMN = "missing_item_column"
    BAD_VALUE_TYPE = "bad_value_type"
    VALUE_TOO_LONG = "value_too_long"
    VALUE_REQUIRED = "value_required"
    TOO_MANY_DIGITS = "too_many_digits"


@dataclass(frozen=True, slots=True)
class CellFinding:
    """One finding at a cell; `column` is the header as the file writes it, `cell` e.g. "B7".

    `code` is a `SheetCode` or a `validation.FindingCode` value: both are stable strings
    that scripts (`--json`) and the message catalog key on.
    """

    sheet: str
    row: int
    column: str
    cell: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.ERROR


def column_letter(index: int) -> str:
    """Excel's letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_name(row: int, column_index: int) -> str:
    """ "B7" for Excel row 7 (1-based) and column index 1 (0-based)."""
    return f"{column_letter(column_index)}{row}"
