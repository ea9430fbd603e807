"""The catalog template and the catalog export: one workbook the import reads back as written.

Layout: "信息资源" (one resource per row, the columns of `resource_columns` in order),
"信息项" (信息资源代码 to link each item to its resource, then `item_columns`), "填表说明"
(what goes in each column) and the hidden "代码表" that feeds the drop-down lists. Headers
are one row, frozen, with required columns marked "*" in red (the reader's `normalize`
strips the mark). Code and date columns are text-formatted so Excel keeps 01 as 01; dates
are written as ISO text (2025-06-01), not date cells, so they read back the same whatever
the locale and whether Excel, WPS or LibreOffice saved the file last.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.excel import template_text as words
from govshare_desktop.excel.cells import (
    MAX_CELL_TEXT,
    TEXT_FORMAT,
    put,
    save_atomically,
    unwritable,
)
from govshare_desktop.excel.columns import CLASSIFICATION, Column, item_columns, resource_columns
from govshare_desktop.excel.export_values import NO, YES, enum_text, item_row, resource_row

RESOURCE_SHEET = "信息资源"
ITEM_SHEET = "信息项"
NOTES_SHEET = "填表说明"
CODES_SHEET = "代码表"
BOOL_LIST = "bool"
TEMPLATE_ROWS = 1000  # rows below the header that carry drop-downs and text formats
SPARE_ROWS = 500  # beyond an export's last row, for resources the officer adds

HEADER_FILL = PatternFill(fill_type="solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_ALIGNMENT = Alignment(wrap_text=True, horizontal="center", vertical="center")
WRAP = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15  # points per wrapped header line at the default 11-point font
# Lists where a composite ("数据库/MySQL", "平台/接口") or a synonym is legal: the drop-down
# suggests, an "information" message lets other text through.
OPEN_LISTS = frozenset({"resource_format", "share_method"})


@dataclass(frozen=True, slots=True)
class CodeList:
    """One drop-down list on 代码表: its values and the absolute range that holds them."""

    title: str
    values: tuple[str, ...]
    ref: str


def header_label(column: Column) -> str:
    """The header text of a column: 类/项/目/细目 carry their group, 信息资源分类（类）."""
    if column.key.startswith("class_"):
        return f"{CLASSIFICATION}（{column.label}）"
    return column.label


def header_height(columns: Sequence[Column]) -> int:
    """A header row tall enough to show every wrapped label whole (a CJK character is about
    two width units), so narrow columns like 类 still show 信息资源分类（类）."""
    lines = 1
    for column in columns:
        label = ("*" if column.required else "") + header_label(column)
        units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)
        lines = max(lines, math.ceil(units / max(column.width - 1, 1)))
    return LINE_HEIGHT * lines + 6


def is_text_column(column: Column) -> bool:
    return column.type in {"code", "date"}


def link_column(profile: CatalogProfile) -> Column:
    """The 信息项 sheet's first column: the resource code, spelled as the resource sheet does."""
    code = next((c for c in resource_columns(profile) if c.key == "code"), None)
    label = code.label if code is not None else "信息资源代码"
    return Column("code", label, required=True, type="code", width=18)


def list_key(column: Column) -> str | None:
    """Which 代码表 list feeds `column`'s drop-down, if any."""
    if column.enum:
        return column.enum
    if column.type == "bool":
        return BOOL_LIST
    if column.key.startswith("class_"):
        return column.key
    return None


def _list_values(profile: CatalogProfile, key: str) -> tuple[str, ...]:
    if key == BOOL_LIST:
        return (YES, NO)
    if key.startswith("class_"):
        level = profile.classification.get(key.removeprefix("class_"))
        return tuple(o.code for o in level.options) if level else ()
    return tuple(enum_text(profile, key, o.code) for o in profile.enumerations.get(key, ()))


def code_lists(profile: CatalogProfile, columns: Sequence[Column]) -> dict[str, CodeList]:
    """The drop-down lists `columns` need, each placed in its own column of 代码表."""
    lists: dict[str, CodeList] = {}
    for column in columns:
        key = list_key(column)
        if key is None or key in lists:
            continue
        values = _list_values(profile, key)
        if not values:
            continue
        letter = get_column_letter(len(lists) + 1)
        ref = f"{quote_sheetname(CODES_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
        title = "是/否" if key == BOOL_LIST else header_label(column)
        lists[key] = CodeList(title, values, ref)
    return lists


def _write_code_lists(book: Any, lists: dict[str, CodeList]) -> None:
    """The hidden 代码表: one list per column of the sheet, headed by what it lists."""
    sheet = book.create_sheet(CODES_SHEET)
    sheet.sheet_state = "hidden"
    for index, found in enumerate(lists.values(), start=1):
        put(sheet, 1, index, found.title)
        for row, value in enumerate(found.values, start=2):
            put(sheet, row, index, value, as_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = 16


def _validation(
    profile: CatalogProfile, column: Column, lists: dict[str, CodeList]
) -> DataValidation:
    """The drop-down (or number check) and input hint of one column."""
    key = list_key(column)
    found = lists.get(key) if key else None
    title = words.prompt_title(header_label(column))
    message = words.prompt(words.hint(profile, column))
    if found is not None:
        strict = key not in OPEN_LISTS
        return DataValidation(
            type="list", formula1=found.ref, allow_blank=True, showErrorMessage=True,
            errorStyle="stop" if strict else "information", errorTitle=title,
            error="请从下拉列表中选择。" if strict else "不在列表中，请确认填写无误。",
            showInputMessage=True, promptTitle=title, prompt=message,
        )  # fmt: skip
    if column.type == "int":
        return DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle=title, error="请填写整数。",
            showInputMessage=True, promptTitle=title, prompt=message,
        )  # fmt: skip
    return DataValidation(
        allow_blank=True, showInputMessage=True, promptTitle=title, prompt=message
    )


def _write_table(
    sheet: Any,
    profile: CatalogProfile,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    lists: dict[str, CodeList],
) -> None:
    """Header, rows, widths, text formats, drop-downs and hints of one data sheet."""
    last_row = max(TEMPLATE_ROWS, len(rows) + SPARE_ROWS) + 1
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        mark = "*" if column.required else ""
        cell = put(sheet, 1, index, mark + header_label(column))
        cell.font = REQUIRED_FONT if column.required else HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if is_text_column(column):
            dimension.number_format = TEXT_FORMAT  # cells the officer adds later
        validation = _validation(profile, column, lists)
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)
    sheet.row_dimensions[1].height = header_height(columns)
    text_columns = {i for i, c in enumerate(columns, start=1) if is_text_column(c)}
    for row_number, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            put(sheet, row_number, index, value, as_text=index in text_columns)
    sheet.freeze_panes = "A2"


def _write_notes(
    book: Any,
    profile: CatalogProfile,
    tables: Sequence[tuple[str, Sequence[Column]]],
    lists: dict[str, CodeList],
) -> None:
    """填表说明: the general notes, then per sheet one row per column with what to write.

    Sheet names head their sections instead of filling a column beside every label: a
    "信息项" cell next to a column label would look like a two-level header to the reader.
    """
    sheet = book.create_sheet(NOTES_SHEET)
    put(sheet, 1, 1, NOTES_SHEET).font = Font(bold=True, size=14)
    row = 2
    for number, note in enumerate(words.GENERAL_NOTES, start=1):
        put(sheet, row, 1, f"{number}. {note}")
        row += 1
    for section, (sheet_name, columns) in zip("一二三四", tables, strict=False):
        row += 1
        put(sheet, row, 1, f"{section}、“{sheet_name}”工作表").font = HEADER_FONT
        row += 1
        for index, title in enumerate(("列名", "是否必填", "填写说明"), start=1):
            cell = put(sheet, row, index, title)
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        for column in columns:
            row += 1
            key = list_key(column)
            listed = lists[key].values if key in lists else ()
            explained = [words.hint(profile, column), words.allowed_values(column, listed)]
            put(sheet, row, 1, header_label(column))
            put(sheet, row, 2, YES if column.required else NO)
            put(sheet, row, 3, "。".join(e for e in explained if e)).alignment = WRAP
    for letter, width in zip("ABC", (24, 10, 80), strict=True):
        sheet.column_dimensions[letter].width = width


def refuse_unwritable(
    columns: Sequence[Column], rows: Sequence[Sequence[object]], owners: Sequence[Resource]
) -> None:
    """Raise `KnownError` for the first text no cell can hold as it is (`owners[i]` is the
    resource of `rows[i]`): an export is faithful or not written at all, never cut short."""
    for row, owner in zip(rows, owners, strict=True):
        for column, value in zip(columns, row, strict=True):
            if not isinstance(value, str):
                continue
            where = {"resource": f"{owner.code} {owner.name}".strip(), "field": column.label}
            if len(value) > MAX_CELL_TEXT:
                raise KnownError(
                    ErrorCode.EXPORT_TEXT_TOO_LONG, length=len(value), max=MAX_CELL_TEXT, **where
                )
            if chars := unwritable(value):
                raise KnownError(ErrorCode.EXPORT_BAD_CHARACTERS, char=chars, **where)


def write_template(path: Path, profile: CatalogProfile, resources: Sequence[Resource] = ()) -> None:
    """Write the empty template, or with `resources` the catalog export, to `path` (.xlsx).

    Every resource is written, secret ones included (是否涉密 = 是): this is the officer's
    own copy, and the import must see the flag to keep them local. Items are linked to
    their resource by its code. Every text is written so that it reads back unchanged;
    text no cell can hold raises `KnownError` before anything is written, as does a `path`
    that cannot be written.
    """
    resource_cols = resource_columns(profile)
    item_cols = (link_column(profile), *item_columns(profile))
    book = Workbook()
    resource_sheet = book.active
    resource_sheet.title = RESOURCE_SHEET
    item_sheet = book.create_sheet(ITEM_SHEET)
    lists = code_lists(profile, (*resource_cols, *item_cols))
    resource_rows = [
        resource_row(profile, resource_cols, resource, number)
        for number, resource in enumerate(resources, start=1)
    ]
    item_rows = [
        [resource.code, *item_row(profile, item_cols[1:], item)]
        for resource in resources
        for item in resource.data_items
    ]
    refuse_unwritable(resource_cols, resource_rows, resources)
    refuse_unwritable(item_cols, item_rows, [r for r in resources for _ in r.data_items])
    _write_table(resource_sheet, profile, resource_cols, resource_rows, lists)
    _write_table(item_sheet, profile, item_cols, item_rows, lists)
    _write_notes(book, profile, ((RESOURCE_SHEET, resource_cols), (ITEM_SHEET, item_cols)), lists)
    _write_code_lists(book, lists)
    book.active = 0
    save_atomically(book, path)
