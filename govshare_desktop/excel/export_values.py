"""Resources and data items as the cell values the template columns hold: `values.py` reversed.

Each value is written in the spelling the reader (`values.py`) maps back to the same domain
value, so an exported catalog imports as itself: enumerations by their profile label,
信息资源格式 as "label/detail", data types as label+code (字符型C, a profile synonym), bools
as 是/否, dates as ISO text, codes as text. A code the profile does not know is written as
is, so the import reports it rather than silently changing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from govshare_desktop.domain.entities import DataItem, Resource
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.excel.columns import ITEM_PREFIX, Column
from govshare_desktop.excel.template_text import LIST_SEPARATOR

YES, NO = "是", "否"


def yes_no(value: object) -> str:
    """是/否 for a bool, "" for an unknown (None) one."""
    if value is None or value == "":
        return ""
    return YES if value else NO


def enum_text(profile: CatalogProfile, enum: str, code: object) -> str:
    """The label the template writes for an enumeration code (data types with their code)."""
    written = "" if code is None else str(code)
    if not written:
        return ""
    if written not in profile.enum_codes(enum):
        return written
    label = profile.enum_label(enum, written)
    return f"{label}{written}" if enum == "data_type" else label


def format_text(profile: CatalogProfile, category: str, detail: str) -> str:
    """信息资源格式 as one cell: "数据库/MySQL", or the label alone without a detail."""
    label = enum_text(profile, "resource_format", category)
    if not detail:
        return label
    return f"{label}/{detail}" if label else detail


def _field(holder: Resource | DataItem, key: str) -> Any:
    if key != "extra" and hasattr(holder, key):
        return getattr(holder, key)
    return holder.extra.get(key)


def _date_text(value: date, column: Column) -> str:
    """ISO text: the reader's `day` parses it whatever the locale; a datetime keeps its time
    unless the column holds dates."""
    if isinstance(value, datetime):
        return value.date().isoformat() if column.type == "date" else value.isoformat(" ")
    return value.isoformat()


def cell_value(profile: CatalogProfile, column: Column, raw: Any) -> object:
    """A domain value as the cell value of `column`: text, or an int for numbers."""
    if raw is None:
        return ""
    if column.type == "bool" or isinstance(raw, bool):
        return yes_no(raw)
    if isinstance(raw, date):
        return _date_text(raw, column)
    if column.enum:
        return enum_text(profile, column.enum, raw)
    if isinstance(raw, tuple | list):
        return LIST_SEPARATOR.join(str(v) for v in raw)
    return raw if isinstance(raw, int | float) else str(raw)


def resource_row(
    profile: CatalogProfile, columns: Sequence[Column], resource: Resource, number: int
) -> list[object]:
    """The cells of one resource row; `number` fills 序号."""
    row: list[object] = []
    for column in columns:
        if column.key == "sequence_no":
            row.append(number)
        elif column.key.startswith("class_"):
            row.append(getattr(resource.classification, column.key.removeprefix("class_"), ""))
        elif column.key == "format_category":
            row.append(format_text(profile, resource.format_category, resource.format_detail))
        else:
            row.append(cell_value(profile, column, _field(resource, column.key)))
    return row


def item_row(profile: CatalogProfile, columns: Sequence[Column], item: DataItem) -> list[object]:
    """The cells of one data item (without the linking resource code)."""
    return [
        cell_value(profile, column, _field(item, column.key.removeprefix(ITEM_PREFIX)))
        for column in columns
    ]
