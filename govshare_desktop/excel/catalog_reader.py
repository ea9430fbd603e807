"""A catalog workbook into resources, whichever of the two layouts templates use.

- **Merged**: one sheet; a resource is a block of rows, its resource columns merged
  vertically (so only the block's first row holds them) over rows holding one data item
  each. Blocks that repeat the resource on every row (no merge) read the same way.
- **Two sheets**: a resources sheet, one resource per row, and a data-items sheet whose
  rows name their resource by 信息资源代码.

Hidden sheets are never read; rows above the header, notes below the table (注：…,
填表说明…) and empty rows are skipped. Every resource remembers its rows, so a rule finding
of `domain.validation` can be placed back at the cell it concerns.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from govshare_desktop.domain.entities import DataItem, Resource
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode, cell_name
from govshare_desktop.domain.slot_maker import keyword_slot_maker
from govshare_desktop.domain.validation import Finding, FindingCode
from govshare_desktop.excel import values
from govshare_desktop.excel.cell_reader import CellReader
from govshare_desktop.excel.columns import (
    Column,
    HeaderMatcher,
    item_columns,
    resource_columns,
    split_columns,
)
from govshare_desktop.excel.header import SEARCH_ROWS, TableHeader, find_header
from govshare_desktop.excel.workbook import Sheet, Workbook

MERGED, TWO_SHEETS = "merged", "two_sheet"
NOTE_PREFIXES = (
    "注", "说明", "填表说明", "填报说明", "备注：", "备注:", "附注",
    "填报人", "审核人", "负责人", "联系电话", "制表",
)  # fmt: skip
# What makes a resources table: these columns, with at least one of them found.
_RESOURCE_KEYS = frozenset({"name", "code", "provider_name", "abstract", "share_type"})
_PROGRESS_EVERY = 2000
# Resource(...) as its constructor makes it, defaults included, in a third of the time
_make_resource = keyword_slot_maker(Resource)

Overrides = dict[str, dict[int, str | None]]  # sheet → column index → column key (None: ignore)


def catalog_matcher(profile: CatalogProfile) -> HeaderMatcher:
    combined = Column("classification", "信息资源分类", type="code")
    return HeaderMatcher(
        resource_columns(profile) + item_columns(profile) + split_columns() + (combined,)
    )


@dataclass(slots=True)
class ParsedResource:
    """A resource read from the workbook, with the rows it came from (Excel numbering)."""

    resource: Resource
    row: int
    item_rows: list[int] = field(default_factory=list)


@dataclass(slots=True)
class ParsedCatalog:
    layout: str
    resources: list[ParsedResource]
    findings: list[CellFinding]
    resource_header: TableHeader
    item_header: TableHeader | None
    labels: dict[str, str]  # column key → the profile's label, for columns the file lacks
    orphan_items: int = 0  # data-item rows that name no resource of the workbook

    @property
    def data_items(self) -> int:
        return sum(len(p.resource.data_items) for p in self.resources)

    def present_fields(self) -> set[str]:
        """The Resource fields the workbook has columns for; an import leaves the others."""
        fields: set[str] = set()
        headers = [self.resource_header, self.item_header]
        for column in (c for h in headers if h is not None for c in h.columns.values()):
            key = column.key
            if key.startswith(("class_", "classification")):
                fields.add("classification")
            elif column.is_item:
                fields.add("data_items")
            elif key == "format_category":
                fields.update(("format_category", "format_detail"))
            elif key not in {"sequence_no", "code"}:
                fields.add(key)
        return fields

    def locate(self, parsed: ParsedResource, finding: Finding) -> CellFinding | None:
        """Where a validation finding about `parsed` sits in the workbook.

        None for a "required" finding whose column the sheet lacks altogether: the one
        `missing_column` finding at the header already says so.
        """
        header, row, key = self.resource_header, parsed.row, finding.field
        if finding.item is not None:
            header = self.item_header or header
            row, key = parsed.item_rows[finding.item], f"item.{finding.field}"
        elif key == "data_items":
            key = "item.name" if header.index("item.name") is not None else "name"
        elif key == "classification":
            key = self._level_key(header, finding)
        elif key == "format_detail":  # "数据库/MySQL": the detail shares the format's cell
            key = "format_category"
        index = header.index(key)
        if index is None and key in {"format_category", "share_method"}:
            index = next((i for i, c in header.columns.items() if c.key == key), None)
        if index is None:
            if finding.code is FindingCode.REQUIRED:
                return None
            return CellFinding(
                header.sheet,
                row,
                self.labels.get(key, key),
                "",
                finding.code.value,
                finding.params,
                finding.severity,
            )
        return CellFinding(
            sheet=header.sheet,
            row=row,
            column=header.headers.get(index, self.labels.get(key, key)),
            cell=cell_name(row, index),
            code=finding.code.value,
            params=finding.params,
            severity=finding.severity,
        )

    def _level_key(self, header: TableHeader, finding: Finding) -> str:
        level = str(finding.params.get("level", ""))
        for key, label in self.labels.items():
            if key.startswith("class_") and label == level and header.index(key) is not None:
                return key
        return "classification"


class _Blank:
    """Tells rows with no value in some columns (a cell of spaces counts as none); built
    once a table, as it runs for every one of 100,000 rows."""

    def __init__(self, indexes: list[int]) -> None:
        # `pick(cells).count("") == count` is the common case, at C speed; the merged
        # reader asks it inline of the resource columns, blank on nine rows in ten
        self.count = len(indexes)
        if not indexes:
            self.pick: Callable[[list[Any]], tuple[Any, ...]] = lambda _cells: ()
        elif len(indexes) == 1:
            index = indexes[0]
            self.pick = lambda cells: (cells[index],)
        else:
            self.pick = operator.itemgetter(*indexes)

    def __call__(self, cells: list[Any]) -> bool:
        picked = self.pick(cells)
        if picked.count("") == self.count:
            return True
        for value in picked:  # stops at the first value, usually the first cell
            if value != "" and (value.strip() if type(value) is str else values.text(value)):
                return False
        return True


def _is_note(cells: list[Any]) -> bool:
    """A note under the table (注：…): a row of one or two values, the first one a note's
    opening. Runs for every row of a two-sheet table: the first value decides nearly always."""
    for first in cells:
        if first != "":
            break
    else:
        return False
    if type(first) is not str or not first.lstrip().startswith(NOTE_PREFIXES):
        return False
    return len(cells) - cells.count("") <= 2


class CatalogReader:
    """Reads one workbook against one profile; `read` does the work once."""

    def __init__(self, profile: CatalogProfile, unit_code: str = "") -> None:
        self.profile = profile
        self.unit_code = unit_code
        self.matcher = catalog_matcher(profile)
        self.labels = {c.key: c.label for c in self.matcher.columns}

    def read(
        self,
        workbook: Workbook,
        overrides: Overrides | None = None,
        progress: Progress | None = None,
    ) -> ParsedCatalog:
        """Parse the workbook; raises `KnownError(WORKBOOK_NO_TABLE)` when it holds no catalog."""
        progress = progress or Progress.silent()
        overrides = overrides or {}
        merged = resources = items = None
        for name in workbook.sheet_names:
            sheet = workbook.sheet(name)
            header = find_header(sheet, self.matcher, overrides.get(name))
            if header is None:
                continue
            keys = header.keys()
            has_resource = bool(keys & _RESOURCE_KEYS - {"code"})
            if has_resource and "item.name" in keys and merged is None:
                merged = (sheet, header)
            elif has_resource and resources is None:
                resources = (sheet, header)
            elif "item.name" in keys and "code" in keys and items is None:
                items = (sheet, header)
        if merged is not None or resources is not None:
            if merged is not None:
                parsed = self._read_merged(*merged, progress)
            else:
                assert resources is not None  # noqa: S101 - for mypy
                parsed = self._read_two_sheets(resources, items, progress)
            parsed.orphan_items = sum(f.code == SheetCode.ORPHAN_ITEM for f in parsed.findings)
            return parsed
        raise KnownError(
            ErrorCode.WORKBOOK_NO_TABLE,
            path=str(workbook.path),
            columns="信息资源名称、信息资源代码",
            rows=SEARCH_ROWS,
        )

    def _missing_columns(self, header: TableHeader, item_sheet: bool = False) -> list[CellFinding]:
        keys = header.keys()
        wanted = [c for c in self.matcher.columns if c.required and c.part is None]
        if item_sheet:
            wanted = [c for c in wanted if c.is_item]
        elif "item.name" not in keys:
            wanted = [c for c in wanted if not c.is_item]
        if "classification" in keys:
            wanted = [c for c in wanted if not c.key.startswith("class_")]
        return [
            CellFinding(
                header.sheet,
                header.excel_row,
                c.label,
                "",
                SheetCode.MISSING_COLUMN,
                {"label": c.label},
            )
            for c in wanted
            if c.key not in keys
        ]

    def _unknown_columns(self, header: TableHeader) -> list[CellFinding]:
        return [
            CellFinding(
                header.sheet,
                header.excel_row,
                header.headers[i],
                cell_name(header.excel_row, i),
                SheetCode.UNKNOWN_COLUMN,
                {"label": header.headers[i]},
                Severity.WARNING,
            )
            for i in header.unknown
        ]

    def _fields(
        self, reader: CellReader, row: int, cells: list[Any], resource_id: str | None = None
    ) -> dict[str, Any]:
        """The Resource keyword arguments of the row, its id included (drawn now: ids in
        row order)."""
        fields = reader.resource_fields(row, cells)
        fields.setdefault("name", "")  # the only field without a default; its column may be gone
        fields["id"] = resource_id or reader.next_ids(1)[0]
        return fields

    def _resource(self, fields: dict[str, Any], items: tuple[DataItem, ...] = ()) -> Resource:
        return _make_resource(unit_code=self.unit_code, data_items=items, **fields)

    def _read_merged(self, sheet: Sheet, header: TableHeader, progress: Progress) -> ParsedCatalog:
        reader = CellReader(self.profile, header)
        resource_indexes = [i for i, _ in reader.resource_columns]
        item_indexes = [i for i, _ in reader.item_columns]
        code_index, name_index = header.index("code"), header.index("name")
        blocks: list[tuple[int, list[Any], list[int]]] = []
        rows = sheet.rows
        no_resource, no_item = _Blank(resource_indexes), _Blank(item_indexes)
        pick_resource, resource_width = no_resource.pick, no_resource.count
        # an item row with text in its first item column has a value: told inline
        first_item = item_indexes[0] if item_indexes else None
        for row in range(header.data_row, len(rows)):
            cells = rows[row]
            if pick_resource(cells).count("") != resource_width and not no_resource(cells):
                if _is_note(cells):
                    break
                if blocks and _repeats(blocks[-1][1], cells, code_index, name_index):
                    blocks[-1][2].append(row)
                else:
                    blocks.append((row, cells, []))
            elif (
                first_item is not None
                and type(written := cells[first_item]) is str
                and written.strip()
                and blocks
            ):
                blocks[-1][2].append(row)
            elif not no_item(cells):
                if blocks:
                    blocks[-1][2].append(row)
                else:
                    reader.note(row, item_indexes[0], SheetCode.ORPHAN_ITEM, {"value": ""})
            if row % _PROGRESS_EVERY == 0:
                progress.report(row, len(rows))
        parsed = []
        for row, cells, item_rows in blocks:
            own_rows = item_rows if no_item(cells) else [row, *item_rows]
            resource_id = reader.next_ids(1)[0]  # before its items: ids in row order
            items = reader.data_items([rows[r] for r in own_rows], own_rows)
            resource = self._resource(self._fields(reader, row, cells, resource_id), items)
            parsed.append(ParsedResource(resource, row + 1, [r + 1 for r in own_rows]))
        findings = self._missing_columns(header) + self._unknown_columns(header) + reader.findings
        return ParsedCatalog(MERGED, parsed, findings, header, header, self.labels)

    def _read_two_sheets(
        self,
        resources: tuple[Sheet, TableHeader],
        items: tuple[Sheet, TableHeader] | None,
        progress: Progress,
    ) -> ParsedCatalog:
        sheet, header = resources
        reader = CellReader(self.profile, header)
        indexes = [i for i, _ in reader.resource_columns]
        read = [
            (row, self._fields(reader, row, cells))
            for row, cells in _table_rows(sheet, header, indexes, progress)
        ]
        findings = self._missing_columns(header) + self._unknown_columns(header)
        findings += reader.findings
        item_header = None
        attached: dict[str, tuple[tuple[DataItem, ...], list[int]]] = {}
        if items is not None:
            item_header = items[1]
            codes = {fields.get("code", "") for _, fields in read}  # "": Resource's default
            attached, item_findings = self._gather_items(codes, *items)
            findings += item_findings
        parsed = []
        for row, fields in read:
            # the first resource of a code takes its items (a duplicate code is an error anyway)
            own, item_rows = attached.pop(fields.get("code", ""), ((), []))
            parsed.append(ParsedResource(self._resource(fields, own), row + 1, item_rows))
        return ParsedCatalog(TWO_SHEETS, parsed, findings, header, item_header, self.labels)

    def _gather_items(
        self, codes: set[str], sheet: Sheet, header: TableHeader
    ) -> tuple[dict[str, tuple[tuple[DataItem, ...], list[int]]], list[CellFinding]]:
        """The data items of each resource code in `codes`, with their (Excel) rows; rows
        naming another code are orphans. The resources are made once their items are known."""
        reader = CellReader(self.profile, header)
        code_index = header.index("code")
        assert code_index is not None  # noqa: S101 - the sheet was chosen for having it
        gathered: dict[str, tuple[list[int], list[list[Any]]]] = {}
        indexes = [i for i, _ in reader.item_columns] + [code_index]
        blank, rows, code_of = _Blank(indexes), sheet.rows, reader.code
        for row in range(header.data_row, len(rows)):
            cells = rows[row]
            written, first = cells[code_index], cells[0]
            # Nearly every row: an ASCII code (not blank, read as `code` reads it) and a first
            # cell that no note starts with (every note opening is Chinese): told inline.
            if (
                type(written) is str
                and written.isascii()
                and (code := written.strip())
                and first != ""
                and (type(first) is not str or first.isascii())
            ):
                pass
            elif blank(cells):
                continue
            elif _is_note(cells):
                break
            else:
                code = code_of(row, code_index, "code", written)
            if code not in codes:
                reader.note(row, code_index, SheetCode.ORPHAN_ITEM, {"value": code})
                continue
            group = gathered.get(code)
            if group is None:
                group = gathered[code] = ([], [])
            group[0].append(row)
            group[1].append(cells)
        found = {
            code: (reader.data_items(rows, numbers), [r + 1 for r in numbers])
            for code, (numbers, rows) in gathered.items()
        }
        return found, self._missing_columns(header, item_sheet=True) + reader.findings


def _table_rows(
    sheet: Sheet, header: TableHeader, indexes: list[int], progress: Progress | None = None
) -> Iterator[tuple[int, list[Any]]]:
    """(0-based row, cells) of each row below the header with a value in `indexes`, up to
    the notes under the table."""
    blank = _Blank(indexes)
    for row in range(header.data_row, len(sheet.rows)):
        cells = sheet.rows[row]
        if blank(cells):
            continue
        if _is_note(cells):
            return
        if progress is not None and row % _PROGRESS_EVERY == 0:
            progress.report(row, len(sheet.rows))
        yield row, cells


def _repeats(first: list[Any], cells: list[Any], code: int | None, name: int | None) -> bool:
    """A row repeating its block's resource code and name (templates without merged cells)."""
    if code is None or cells[code] == "" or cells[code] != first[code]:
        return False
    return name is None or cells[name] == first[name]
