"""How the Excel fixtures are modelled and laid out: codes, columns, resources and their
expected findings, and the merged and two-sheet layouts written with openpyxl.

`fixture_books.py` says what each fixture holds; `make_fixtures.py` converts and checks them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govshare_desktop.domain.credit_code import check_character

STAMP = dt.datetime(2025, 6, 1, 9, 0, 0)  # fixed document dates: fewer spurious binary diffs

Value = str | int | float | dt.date | None
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass(frozen=True)
class Dated:
    """A date cell with its own number format, as templates show 2025年6月1日 from a real date."""

    value: dt.date
    number_format: str


@dataclass(frozen=True)
class Escaped:
    """Text with control characters, or with a literal "_x0041_". openpyxl cannot store
    control characters (IllegalCharacterError), so the source cell holds the OOXML escapes
    Excel writes (_x001B_, and _x005F_ for the "_" of a literal escape); LibreOffice decodes
    them on reading, and the converted file must give `value` back."""

    value: str

    @property
    def source(self) -> str:
        text = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", self.value)
        return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", text)


Cell = Value | Dated | Escaped


def credit(body: str) -> str:
    """A valid unified social credit code from its first 17 characters."""
    return body + check_character(body)


def all_digit_credit() -> str:
    """A valid credit code made only of digits: what Excel turns into a lossy number."""
    for n in range(123456780, 123456880):
        body = f"11130100{n:09d}"
        if check_character(body).isdigit():
            return credit(body)
    raise AssertionError("no all-digit code in range")


SCJ = credit("11130100MB1234567")  # 某某市市场监督管理局
SJJ = credit("11130100MB0765432")  # 某某市数据和政务服务局
TJJ = credit("12130100MB1A2B3C4")  # 某某市统计局（事业单位 12…）
DIGITS = all_digit_credit()
WRONG_CHECK = SCJ[:17] + ("0" if SCJ[17] != "0" else "1")


# ---------------------------------------------------------------- the model


@dataclass(frozen=True)
class Column:
    """One column: `key` is the canonical header the data is keyed by; `header` is what the file
    shows (a synonym, or with spaces and line breaks); `group` is the header row above it."""

    key: str
    header: str = ""
    group: str | None = None

    @property
    def text(self) -> str:
        return self.header or self.key


@dataclass(frozen=True)
class Exp:
    """An expected finding, on the resource's first row, or on data item `item`'s row."""

    code: str
    key: str
    item: int | None = None
    warning: bool = False


@dataclass
class Res:
    """One resource: its cells by canonical key, its data items, and what it must produce."""

    values: dict[str, Cell]
    items: list[dict[str, Cell]]
    expect: list[Exp] = field(default_factory=list)


ITEM_KEYS = ("信息项名称", "数据类型", "数据长度", "信息项说明")


def resource(seq: int, name: str, items: list[dict[str, Cell]], **changes: Cell) -> Res:
    """A valid resource of 3/01/001 with sequence `seq`; `changes` overrides single cells."""
    values: dict[str, Cell] = {
        "序号": float(seq),
        "类": "3",
        "项": "01",
        "目": "001",
        "细目": None,
        "信息资源名称": name,
        "信息资源代码": f"301001/{seq:06d}",
        "信息资源提供方": "某某市市场监督管理局",
        "信息资源提供方代码": SCJ,
        "信息资源摘要": f"本单位{name}，按月汇总。",
        "信息资源格式": "数据库/MySQL",
        "共享类型": "无条件共享",
        "共享条件": None,
        "共享方式": "共享平台/接口",
        "不予共享依据": None,
        "是否向社会开放": "否",
        "开放条件": None,
        "更新周期": "每月",
        "发布日期": dt.date(2025, 6, 1),
        "关联资源代码": None,
        "是否涉密": "否",
    }
    unknown = set(changes) - set(values)
    if unknown:
        raise KeyError(unknown)
    values.update(changes)
    return Res(values, items)


def item(
    name: str | Escaped, data_type: str = "字符型C", length: Value = 50, note: str | Escaped = ""
) -> dict[str, Cell]:
    return {"信息项名称": name, "数据类型": data_type, "数据长度": length, "信息项说明": note}


def leaf(text: str) -> str:
    """The column name expected.json uses: line breaks, ASCII and full-width spaces removed."""
    return re.sub("[ \t\r\n\u3000]", "", text)


class Recorder:
    """A worksheet plus what was put in it, so the converted file can be compared with it."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.cells: dict[tuple[int, int], Value] = {}
        self.merges: set[tuple[tuple[int, int], tuple[int, int]]] = set()

    def put(self, row: int, col: int, value: Cell, *, boxed: bool = True) -> None:
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, Dated):
            cell.value = value.value
            cell.number_format = value.number_format
            self.cells[row, col] = value.value
        elif isinstance(value, Escaped):
            cell.value = value.source
            self.cells[row, col] = value.value
        else:
            cell.value = value
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if value is not None:
                self.cells[row, col] = value
        if boxed:
            cell.border = BOX
        if "\n" in str(getattr(value, "value", value)):
            cell.alignment = Alignment(wrap_text=True)

    def merge(self, row0: int, col0: int, row1: int, col1: int) -> None:
        if (row0, col0) == (row1, col1):
            return
        self.ws.merge_cells(start_row=row0, start_column=col0, end_row=row1, end_column=col1)
        self.merges.add(((row0 - 1, col0 - 1), (row1 - 1, col1 - 1)))  # calamine: 0-based


FORMATS = ("xlsx", "xls", "ods")


@dataclass
class Built:
    """A source workbook, its recorded sheets, and the expected.json entry for it.

    `expected["formats"]` names the formats a fixture is converted to when not all three
    (ods cannot carry control characters: LibreOffice drops them there)."""

    workbook: Workbook
    sheets: dict[str, Recorder]
    hidden: set[str]
    expected: dict[str, Any]

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.expected.get("formats", FORMATS))


def new_book() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "govshare fixtures"
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    return wb


def finding(sheet: str, row: int, column: str, code: str) -> dict[str, Any]:
    return {"sheet": sheet, "row": row, "column": leaf(column), "code": code}


def entry(
    layout: str, resources: list[Res], found: list[tuple[bool, dict[str, Any]]]
) -> dict[str, Any]:
    def ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(rows, key=lambda f: (f["sheet"], f["row"], f["column"], f["code"]))

    return {
        "layout": layout,
        "resources": len(resources),
        "data_items": sum(len(r.items) for r in resources),
        "errors": ordered([f for warning, f in found if not warning]),
        "warnings": ordered([f for warning, f in found if warning]),
    }


# ---------------------------------------------------------------- layouts


def write_header(sheet: Recorder, row: int, columns: Sequence[Column], two_rows: bool) -> None:
    """Group headers merged across their sub-headers; single columns merged down both rows."""
    col = 1
    while col <= len(columns):
        column = columns[col - 1]
        if not two_rows:
            sheet.put(row, col, column.text)
            col += 1
        elif column.group is None:
            sheet.put(row, col, column.text)
            sheet.put(row + 1, col, None)
            sheet.merge(row, col, row + 1, col)
            col += 1
        else:
            end = col
            while end < len(columns) and columns[end].group == column.group:
                end += 1
            sheet.put(row, col, column.group)
            for sub in range(col, end + 1):
                if sub > col:
                    sheet.put(row, sub, None)
                sheet.put(row + 1, sub, columns[sub - 1].text)
            sheet.merge(row, col, row, end)
            col = end + 1


def write_banner(sheet: Recorder, row: int, text: str, width: int) -> None:
    """A line across the table (title, fill-in line, notes): merged, unboxed."""
    sheet.put(row, 1, text, boxed=False)
    sheet.merge(row, 1, row, width)


def merged_sheet(
    sheet: Recorder,
    columns: Sequence[Column],
    resources: list[Res],
    *,
    top: list[str],
    two_row_header: bool,
    notes: list[str],
) -> list[tuple[bool, dict[str, Any]]]:
    """The one-sheet layout: each resource a block, its cells merged down the block, one data
    item per row. `top` lines come first (a leading "" leaves that row empty)."""
    width = len(columns)
    row = 1
    for line in top:
        if line:
            write_banner(sheet, row, line, width)
        row += 1
    write_header(sheet, row, columns, two_row_header)
    first_data = row + (2 if two_row_header else 1)
    by_key = {c.key: (i + 1, c) for i, c in enumerate(columns)}
    found: list[tuple[bool, dict[str, Any]]] = []
    row = first_data
    for res in resources:
        height = max(1, len(res.items))
        for key, (col, _) in by_key.items():
            if key in ITEM_KEYS:
                for offset in range(height):
                    values = res.items[offset] if offset < len(res.items) else {}
                    sheet.put(row + offset, col, values.get(key))
            else:
                sheet.put(row, col, res.values[key])
                for offset in range(1, height):
                    sheet.put(row + offset, col, None)
                sheet.merge(row, col, row + height - 1, col)
        for exp in res.expect:
            at = row + (exp.item or 0)
            found.append(
                (exp.warning, finding(sheet.ws.title, at, by_key[exp.key][1].text, exp.code))
            )
        row += height
    row += 1  # one blank row, then the notes
    for line in notes:
        write_banner(sheet, row, line, width)
        row += 1
    for blank in range(row, row + 4):  # formatted, empty: an importer must not read these
        for col in range(1, width + 1):
            sheet.ws.cell(row=blank, column=col).border = BOX
    return found


def code_sheet(wb: Workbook, data: Recorder, share_col: int, rows: range) -> Recorder:
    """The hidden 代码表 with the templates' drop-down lists; one list is wired to 共享类型."""
    sheet = Recorder(wb.create_sheet("代码表"))
    sheet.ws.sheet_state = "hidden"
    lists = {
        "共享类型": ["无条件共享", "有条件共享", "不予共享"],
        "共享方式": ["共享平台/接口", "共享平台/数据库", "共享平台/文件", "邮件或介质"],
        "更新周期": ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "其他"],
        "是否": ["是", "否"],
        "数据类型": ["字符型C", "数值型N", "货币型Y", "日期型D", "日期时间型T", "逻辑型L"],
    }
    for col, (title, options) in enumerate(lists.items(), start=1):
        sheet.put(1, col, title, boxed=False)
        for row, option in enumerate(options, start=2):
            sheet.put(row, col, option, boxed=False)
    rule = DataValidation(type="list", formula1="'代码表'!$A$2:$A$4", allow_blank=True)
    letter = get_column_letter(share_col)
    rule.add(f"{letter}{rows.start}:{letter}{rows.stop - 1}")
    data.ws.add_data_validation(rule)
    return sheet


def two_sheet_book(
    res_columns: Sequence[Column], resources: list[Res], extra: list[tuple[bool, dict[str, Any]]]
) -> Built:
    """Sheets 信息资源 (one resource per row) and 信息项 (items linked by resource code)."""
    wb = new_book()
    res_sheet = Recorder(wb.create_sheet("信息资源"))
    item_sheet = Recorder(wb.create_sheet("信息项"))
    item_columns = [Column("信息资源代码"), *(Column(k) for k in ITEM_KEYS)]
    write_header(res_sheet, 1, res_columns, two_rows=False)
    write_header(item_sheet, 1, item_columns, two_rows=False)
    res_by_key = {c.key: (i + 1, c) for i, c in enumerate(res_columns)}
    item_by_key = {c.key: (i + 1, c) for i, c in enumerate(item_columns)}
    found = list(extra)
    item_row = 2
    for row, res in enumerate(resources, start=2):
        for key, (col, _) in res_by_key.items():
            res_sheet.put(row, col, res.values[key])
        first_item_row = item_row
        for values in res.items:
            linked = {"信息资源代码": res.values["信息资源代码"], **values}
            for key, (col, _) in item_by_key.items():
                item_sheet.put(item_row, col, linked.get(key))
            item_row += 1
        for exp in res.expect:
            if exp.item is None:
                where = ("信息资源", row, res_by_key[exp.key][1].text)
            else:
                where = ("信息项", first_item_row + exp.item, item_by_key[exp.key][1].text)
            found.append((exp.warning, finding(*where, exp.code)))
    return Built(
        wb,
        {"信息资源": res_sheet, "信息项": item_sheet},
        set(),
        entry("two_sheet", resources, found),
    )
