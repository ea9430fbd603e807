"""One row of a catalog sheet into a Resource's fields, each finding placed at its cell.

Kept apart from the layout logic (`catalog_reader.py`): whether a resource came from a merged
block or a row of a resources sheet, its cells are read here the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import repeat
from typing import Any

from govshare_desktop.domain.entities import Classification, DataItem, new_ids
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode, cell_name
from govshare_desktop.domain.slot_maker import slot_maker
from govshare_desktop.domain.validation import FindingCode
from govshare_desktop.excel import values
from govshare_desktop.excel.columns import Column
from govshare_desktop.excel.header import TableHeader

_LOST_DIGITS = 1e15  # a double keeps 15 significant digits; a longer code lost some
_CODE_SEPARATORS = re.compile(r"[-/.\s_]+")
_LIST_SEPARATORS = re.compile(r"[,，;；、\s]+")
_TEXT_FIELDS = frozenset(
    {"name", "provider_name", "abstract", "share_conditions", "legal_basis", "open_conditions"}
)
# DataItem(name, data_type, length, share_type, share_conditions, open_to_society,
# description, extra, id), made at half the constructor's cost (`domain.slot_maker`)
_data_item = slot_maker(DataItem)
# A length cell that is not a whole float (a marker: `data_items` reads it the long way)
_NOT_WHOLE: Any = object()
# A cell's converted value: the (field, value) pairs it sets, and its finding (code, params).
Converted = tuple[tuple[tuple[str, Any], ...], tuple[str, dict[str, Any]] | None]


def _fixed_width(pattern: re.Pattern[str]) -> int | None:
    widths = [n for n in range(1, 9) if pattern.fullmatch("1" * n)]
    return widths[0] if len(widths) == 1 else None


class CellReader:
    """Reads the cells of one sheet's table; collects what it cannot read as findings."""

    def __init__(self, profile: CatalogProfile, header: TableHeader) -> None:
        self.profile = profile
        self.header = header
        self.enums = values.EnumReader(profile)
        self.findings: list[CellFinding] = []
        self._widths = {
            f"class_{level}": _fixed_width(spec.pattern)
            for level, spec in profile.classification.items()
        }
        self.resource_columns = [(i, c) for i, c in header.columns.items() if not c.is_item]
        self.item_columns = [(i, c) for i, c in header.columns.items() if c.is_item]
        # (index, column, read as plain text?): decided once, not for each of 10,000 rows
        self._resource_plan = [
            (i, c, c.part is None and c.key in _TEXT_FIELDS) for i, c in self.resource_columns
        ]
        self._item_index = {c.key: i for i, c in self.item_columns}
        self._type_cache: dict[Any, str] = {}
        self._converted: dict[tuple[int, type, Any], Converted] = {}
        self._ids: list[str] = []
        self._next = 0

    def note(
        self,
        row: int,
        index: int,
        code: str,
        params: dict[str, Any],
        severity: Severity = Severity.ERROR,
    ) -> None:
        """Record a finding at (0-based) `row`, column `index`."""
        self.findings.append(
            CellFinding(
                sheet=self.header.sheet,
                row=row + 1,
                column=self.header.headers.get(index, ""),
                cell=cell_name(row + 1, index),
                code=code,
                params=params,
                severity=severity,
            )
        )

    # -- codes -----------------------------------------------------------------------------

    def code(self, row: int, index: int, key: str, value: Any) -> str:
        """A code cell as text; a number Excel made of it is turned back where that is safe."""
        if type(value) is str and value.isascii():  # most codes: NFKC changes no ASCII text
            return value.strip()
        if isinstance(value, bool) or not isinstance(value, int | float):
            return unicodedata.normalize("NFKC", values.text(value)).strip()
        if abs(value) >= _LOST_DIGITS or not float(value).is_integer():
            self.note(row, index, SheetCode.NUMERIC_CODE_LOST, {"value": values.text(value)})
            return values.text(value)
        digits = str(int(value))
        recovered = digits
        if key == "code":
            tail = self.profile.sequence_digits
            if len(digits) > tail:
                recovered = digits[:-tail] + self.profile.code_separator + digits[-tail:]
        elif (width := self._widths.get(key)) is not None:
            recovered = digits.zfill(width)
        if recovered != digits:
            self.note(
                row,
                index,
                SheetCode.NUMERIC_CODE_RECOVERED,
                {"value": digits, "code": recovered},
                Severity.WARNING,
            )
        return recovered

    def classification(self, value: str) -> Classification:
        """A classification written in one cell: 3-01-001, 3/01/001 or 301001."""
        digits = _CODE_SEPARATORS.sub("", value)
        widths = [self._widths.get(f"class_{lvl}") or 0 for lvl in ("category", "item", "subject")]
        parts, start = [], 0
        for width in widths:
            parts.append(digits[start : start + width])
            start += width
        return Classification(parts[0], parts[1], parts[2], digits[start:])

    # -- one resource ----------------------------------------------------------------------

    def resource_fields(self, row: int, cells: list[Any]) -> dict[str, Any]:
        """The Resource keyword arguments the row's resource columns hold."""
        fields: dict[str, Any] = {}
        levels: dict[str, str] = {}
        parts: dict[str, list[str]] = {}
        width, text = len(cells), values.text
        for index, column, plain_text in self._resource_plan:
            value = cells[index] if index < width else ""
            key = column.key
            if plain_text:  # most columns: taken as written, stripped
                fields[key] = value.strip() if type(value) is str else text(value)
            elif column.part is not None:
                parts.setdefault(key, ["", ""])[column.part] = values.text(value)
            elif key.startswith("class_"):
                levels[key[6:]] = self.code(row, index, key, value)
            elif key == "classification":
                combined = self.classification(self.code(row, index, key, value))
                levels = {**_levels_of(combined), **levels}
            else:
                self._field(row, index, column, value, fields)
        if levels:
            fields["classification"] = Classification(**levels)
        for key, (head, tail) in parts.items():
            self._composite(key, f"{head}/{tail}" if tail else head, fields)
        return fields

    def _field(
        self, row: int, index: int, column: Column, value: Any, fields: dict[str, Any]
    ) -> None:
        key = column.key
        if key in _TEXT_FIELDS:
            fields[key] = values.text(value)
        elif column.type == "code":
            written = self.code(row, index, key, value)
            if key == "related_codes":
                fields[key] = tuple(c for c in _LIST_SEPARATORS.split(written) if c)
            else:
                fields[key] = written
        else:  # a function of the value alone: templates repeat these values row after row
            cache_key = (index, type(value), value)
            try:
                found = self._converted.get(cache_key)
            except TypeError:  # a value that cannot be a key (no reader gives one): convert
                found = self._convert(column, value)
            if found is None:
                found = self._converted[cache_key] = self._convert(column, value)
            sets, problem = found
            for name, result in sets:
                fields[name] = result
            if problem is not None:
                self.note(row, index, problem[0], dict(problem[1]))

    def _convert(self, column: Column, value: Any) -> Converted:
        """The fields a cell of a flag, date or enumeration column sets, and its finding."""
        key = column.key
        if column.type == "bool":
            flag, problem = values.boolean(value)
            finding: tuple[str, dict[str, Any]] | None = problem
            if problem is None and flag is None and column.required:
                finding = (FindingCode.REQUIRED, {"label": column.label})
            return ((key, bool(flag)),), finding
        if column.type == "date":
            day, problem = values.day(value)
            return ((key, day),), problem
        if key == "format_category":
            category, detail = self.enums.composite("resource_format", value)
            return (("format_category", category), ("format_detail", detail)), None
        if key == "share_method":
            return ((key, self.enums.split_method(value)),), None
        if column.enum:
            return ((key, self.enums.code(column.enum, value)),), None
        return (((key, values.text(value)),) if key != "sequence_no" else ()), None

    def _composite(self, key: str, value: Any, fields: dict[str, Any]) -> None:
        if key == "format_category":
            category, detail = self.enums.composite("resource_format", value)
            fields["format_category"], fields["format_detail"] = category, detail
        else:
            fields["share_method"] = self.enums.split_method(value)

    # -- data items ------------------------------------------------------------------------

    def data_items(self, rows: Sequence[list[Any]], numbers: Sequence[int]) -> tuple[DataItem, ...]:
        """The data items of `rows` (whose 0-based row numbers are `numbers`).

        The hot path of a 100,000-item import: one call a resource, each column read for
        all its rows at once (a list comprehension, text stripped by one `map`), data types
        cached, findings noted in row order, items made by `slot_maker` with every field the
        constructor's default would give; ids come in creation order.
        """
        get = self._item_index.get
        name_at, type_at, length_at = get("item.name"), get("item.data_type"), get("item.length")
        description_at, required_at = get("item.description"), get("item.required")
        count = len(numbers)
        ids = self.next_ids(count)
        blank = [""] * count
        names = blank if name_at is None else _texts([cells[name_at] for cells in rows])
        descriptions = blank
        if description_at is not None:
            descriptions = [values.text(cells[description_at]) for cells in rows]
        data_types = blank
        if type_at is not None:
            known, data_type_of = self._type_cache.get, self._data_type
            written = [cells[type_at] for cells in rows]
            data_types = [known(value) or data_type_of(value) for value in written]
        lengths: list[int | None] = [None] * count
        if length_at is not None:
            lengths = [
                int(value) if type(value) is float and value.is_integer() else _NOT_WHOLE
                for value in [cells[length_at] for cells in rows]
            ]
        extras: list[dict[str, Any]] = [{} for _ in ids]
        if _NOT_WHOLE in lengths or required_at is not None:  # findings, in row order
            for at, (row, cells) in enumerate(zip(numbers, rows, strict=True)):
                if length_at is not None and lengths[at] is _NOT_WHOLE:
                    lengths[at] = self._length(row, length_at, cells[length_at])
                if required_at is not None and cells[required_at] != "":
                    flag, problem = values.boolean(cells[required_at])
                    if problem is not None:
                        self.note(row, required_at, problem[0], problem[1])
                    if flag:
                        extras[at]["required"] = True
        return tuple(
            map(_data_item, names, data_types, lengths, repeat(None), repeat(""), repeat(None),
                descriptions, extras, ids)
        )  # fmt: skip

    def _length(self, row: int, index: int, value: Any) -> int | None:
        """A length cell that is not a whole float: blank, or read (and noted) the long way."""
        if value == "":
            return None
        length, problem = values.whole_number(value)
        if problem is not None:
            self.note(row, index, problem[0], problem[1])
        return length

    def _data_type(self, value: Any) -> str:
        """A data-type cell as its code; a workbook spells a few types 100,000 times."""
        found = self._type_cache.get(value)
        if found is None:
            found = self.enums.code("data_type", value)
            found = found.upper() if len(found) == 1 else found
            self._type_cache[value] = found
        return found

    def next_ids(self, count: int) -> list[str]:
        """`count` new ids, in the order the rows come: ordered ids keep the store's
        indexes appending (`domain.entities.new_ids`)."""
        if self._next + count > len(self._ids):
            self._ids = self._ids[self._next :] + new_ids(max(4096, count))
            self._next = 0
        taken = self._ids[self._next : self._next + count]
        self._next += count
        return taken


def _texts(cells: list[Any]) -> list[str]:
    """Cells as text: stripped at C speed when all are strings (nearly always)."""
    try:
        return list(map(str.strip, cells))
    except TypeError:  # a number or a date among them
        return [v.strip() if type(v) is str else values.text(v) for v in cells]


def _levels_of(classification: Classification) -> dict[str, str]:
    return {
        "category": classification.category,
        "item": classification.item,
        "subject": classification.subject,
        "detail": classification.detail,
    }
