"""Build the Excel import fixtures: `.venv/bin/python tests/data/excel/make_fixtures.py`.

Why LibreOffice: a workbook written by our own openpyxl code only proves that we read what we
write. Officers send files saved by office suites, so each fixture is built here as an openpyxl
SOURCE (in a temporary directory, never committed), converted by LibreOffice headless into
xlsx, xls and ods, read back with python-calamine and compared cell by cell with the model it
was built from; only then are the files copied to `lo/<name>.<ext>` and `expected.json`
rewritten. `--verify-only` skips LibreOffice and checks the committed `lo/` files against the
model (handy after a LibreOffice or calamine upgrade).

The expected findings are written by hand next to each defect below (a finding names its
resource, and for a data item the item's index); this script only turns them into sheet, row
and column as the file shows them, so `expected.json` cannot drift from the layout.

What LibreOffice 7.4 does to these files, as calamine 0.9 reads them back (checked on every run):

- Text stays text: "01", "001", "301001/000001" and line breaks inside cells survive in all
  three formats.
- Numbers: xlsx and ods give floats (序号 1.0); xls gives ints for integral numbers (序号 1,
  数据长度 18) because BIFF stores them as RK integers.
- The 18-digit provider code stored as a number (111301001234567852): xlsx and ods come back
  rounded to 15 significant digits (1.11301001234568e+17), xls to 16 (1.113010012345679e+17).
  Either way the last digits are gone; only the cell's numeric type tells.
- Dates: a date cell comes back as `datetime.date` in all three formats, whether its number
  format is yyyy-mm-dd or 'yyyy"年"m"月"d"日"'. A serial stored as a plain number (45809) stays
  a number (45809.0, or 45809 from xls): nothing marks it as a date.
- Merged cells survive in all three formats, but calamine exposes them only for xlsx and xls:
  `merged_cell_ranges` is None for ods, so this script reads the spans from the ods
  content.xml itself. In every format the merged value sits in the top-left cell and the
  covered cells read as "".
- Hidden sheets stay hidden (`sheets_metadata[i].visible` is Hidden) in all three formats.
- Empty but bordered cells below the notes do not widen what calamine returns; they read as "".
- tolerant leaves row 1 empty: calamine's default `to_python()` (skip_empty_area=True) drops
  it and every row number shifts by one; read with `skip_empty_area=False`.
- LibreOffice keeps the document dates set here, but the zip entries carry the conversion time,
  so the binaries differ from run to run even when nothing else changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from govshare_desktop.domain.credit_code import check_character

HERE = Path(__file__).resolve().parent
OUT = HERE / "lo"
EXPECTED = HERE / "expected.json"
PROFILE_DIR = "file:///tmp/lo-profile-fixtures"
FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods"}
STAMP = dt.datetime(2025, 6, 1, 9, 0, 0)  # fixed document dates: fewer spurious binary diffs
ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"

Value = str | int | float | dt.date | None
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass(frozen=True)
class Dated:
    """A date cell with its own number format, as templates show 2025年6月1日 from a real date."""

    value: dt.date
    number_format: str


Cell = Value | Dated


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
    name: str, data_type: str = "字符型C", length: Value = 50, note: str = ""
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
        else:
            cell.value = value
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if value is not None:
                self.cells[row, col] = value
        if boxed:
            cell.border = BOX
        if isinstance(value, str) and "\n" in value:
            cell.alignment = Alignment(wrap_text=True)

    def merge(self, row0: int, col0: int, row1: int, col1: int) -> None:
        if (row0, col0) == (row1, col1):
            return
        self.ws.merge_cells(start_row=row0, start_column=col0, end_row=row1, end_column=col1)
        self.merges.add(((row0 - 1, col0 - 1), (row1 - 1, col1 - 1)))  # calamine: 0-based


@dataclass
class Built:
    """A source workbook, its recorded sheets, and the expected.json entry for it."""

    workbook: Workbook
    sheets: dict[str, Recorder]
    hidden: set[str]
    expected: dict[str, Any]


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


# ---------------------------------------------------------------- the fixtures

MERGED_COLUMNS = [
    Column("序号"),
    *(Column(k, group="信息资源分类") for k in ("类", "项", "目", "细目")),
    *(
        Column(k)
        for k in (
            "信息资源名称",
            "信息资源代码",
            "信息资源提供方",
            "信息资源提供方代码",
            "信息资源摘要",
            "信息资源格式",
        )
    ),
    *(Column(k, group="信息项") for k in ("信息项名称", "数据类型", "数据长度")),
    *(Column(k, group="共享属性") for k in ("共享类型", "共享条件", "共享方式")),
    Column("不予共享依据"),
    *(Column(k, group="开放属性") for k in ("是否向社会开放", "开放条件")),
    *(Column(k) for k in ("更新周期", "发布日期", "关联资源代码", "是否涉密")),
]


def merged_book(resources: list[Res], title: str) -> Built:
    """The one-sheet merged layout of merged_clean and merged_defects, with a hidden 代码表."""
    wb = new_book()
    sheet = Recorder(wb.create_sheet("信息资源目录"))
    found = merged_sheet(
        sheet,
        MERGED_COLUMNS,
        resources,
        top=[title, "填报单位：某某局      填报日期：2025年6月1日"],
        two_row_header=True,
        notes=["注：1. 带*号的为必填项。", "填表说明：……"],
    )
    share_col = next(i for i, c in enumerate(MERGED_COLUMNS, 1) if c.key == "共享类型")
    rows = range(5, 5 + sum(max(1, len(r.items)) for r in resources))
    codes = code_sheet(wb, sheet, share_col, rows)
    return Built(
        wb,
        {"信息资源目录": sheet, "代码表": codes},
        {"代码表"},
        entry("merged", resources, found),
    )


def merged_clean() -> Built:
    """Four valid resources, blocks of 4/2/4/2 rows, mixed spellings of types and yes/no."""
    resources = [
        resource(
            1,
            "企业登记基本信息",
            [
                item("统一社会信用代码", "字符型C", 18),
                item("企业名称", "字符型", 200),
                item("成立日期", "日期型D", 8),
                item("注册资本", "数值型N", 16),
            ],
            共享类型="有条件共享",
            共享条件="仅用于行政审批与事中事后监管",
            是否向社会开放="是",
            开放条件="脱敏后向社会开放",
            更新周期="每日",
            关联资源代码="301002/000002",
        ),
        resource(
            2,
            "行政处罚案件办理信息",
            [item("案件编号", "C", 32), item("处罚决定日期", "D", None)],
            目="002",
            信息资源代码="301002/000002",
            信息资源格式="电子文件/PDF",
            共享类型="不予共享",
            共享方式="邮件或介质",
            不予共享依据="《中华人民共和国行政处罚法》第四十八条",
            是否向社会开放="否",
            是否涉密="是",
        ),
        resource(
            3,
            "食品经营许可证信息",
            [
                item("许可证编号", "字符型C", 20),
                item("经营者名称", "字符型", 100),
                item("有效期至", "日期型", None),
                item("是否有效", "L", 1),
            ],
            项="02",
            细目="01",
            信息资源代码="30200101/000003",
            信息资源提供方="某某市数据和政务服务局",
            信息资源提供方代码=SJJ,
            信息资源格式="电子表格/xlsx",
            共享方式="共享平台/文件",
            是否向社会开放="Y",
            开放条件="无",
            更新周期="每周",
        ),
        resource(
            4,
            "特种设备使用登记信息",
            [item("设备代码", "C", 20), item("登记日期", "日期型D", 8)],
            类="2",
            项="05",
            目="003",
            信息资源代码="205003/000004",
            信息资源提供方="某某市统计局",
            信息资源提供方代码=TJJ,
            信息资源格式="数据库/Oracle",
            共享方式="共享平台/数据库",
            是否向社会开放="N",
            更新周期="实时",
            发布日期=Dated(dt.date(2025, 5, 20), 'yyyy"年"m"月"d"日"'),
        ),
    ]
    return merged_book(resources, "某某市某某局政务信息资源目录")


def merged_defects() -> Built:
    """One defect per resource, each resource otherwise valid (see expected.json)."""
    long_name = ("很长的信息资源名称" * 23)[:201]
    ok = [item("统一社会信用代码", "字符型C", 18)]
    two = [item("统一社会信用代码", "字符型C", 18), item("企业名称", "字符型", 200)]
    r = resource
    resources = [
        r(1, "摘要为空", two, 信息资源摘要=None),
        r(2, "更新周期不在枚举中", ok, 更新周期="每两年"),
        r(3, long_name, ok),
        r(4, "类为四", ok, 类="4", 信息资源代码="401001/000004"),
        r(5, "代码与分类不符", ok, 信息资源代码="302001/000009"),
        r(6, "提供方代码校验位错误", ok, 信息资源提供方代码=WRONG_CHECK),
        r(7, "有条件共享缺共享条件", ok, 共享类型="有条件共享"),
        r(8, "不予共享缺依据", ok, 共享类型="不予共享", 共享方式="邮件或介质"),
        r(9, "开放缺开放条件", ok, 是否向社会开放="是"),
        r(10, "信息项重名", [item("企业名称"), item("企业名称", "字符型", 100)]),
        r(11, "没有信息项", []),
        r(12, "数据长度为零", [item("企业名称", "字符型", 100), item("注册号", "C", 0)]),
        r(13, "数据长度非数字", [item("企业名称", "C", "abc"), item("注册号", "C", 15)]),
        r(14, "代码重复甲", ok),
        r(15, "代码重复乙", ok, 信息资源代码="301001/000014"),
        r(16, "发布日期无法识别", two, 发布日期="明年春天"),
        r(17, "是否开放无法识别", ok, 是否向社会开放="可能"),
        r(18, "提供方代码被存成数字", ok, 信息资源提供方代码=int(DIGITS)),
        r(19, "数据类型不在枚举中", [item("企业名称"), item("备注", "文本", 500)]),
    ]
    expects = [
        [Exp("required", "信息资源摘要")],
        [Exp("not_in_enum", "更新周期")],
        [Exp("too_long", "信息资源名称")],
        [Exp("bad_classification", "类")],
        [Exp("code_mismatch", "信息资源代码")],
        [Exp("bad_credit_code", "信息资源提供方代码")],
        [Exp("conditions_required", "共享条件")],
        [Exp("legal_basis_required", "不予共享依据")],
        [Exp("open_conditions_required", "开放条件", warning=True)],
        [Exp("duplicate_item_name", "信息项名称", 0), Exp("duplicate_item_name", "信息项名称", 1)],
        [Exp("no_data_items", "信息项名称", warning=True)],
        [Exp("bad_length", "数据长度", 1)],
        [Exp("bad_number", "数据长度", 0)],
        [Exp("duplicate_code", "信息资源代码")],
        [Exp("duplicate_code", "信息资源代码")],
        [Exp("bad_date", "发布日期")],
        [Exp("bad_bool", "是否向社会开放")],
        [Exp("numeric_code_lost", "信息资源提供方代码")],
        [Exp("not_in_enum", "数据类型", 1)],
    ]
    for res, exp in zip(resources, expects, strict=True):
        res.expect = exp
    return merged_book(resources, "某某市某某局政务信息资源目录（含错误）")


TOLERANT_COLUMNS = [
    Column("序号", "序　号"),
    Column("类", "信息资源分类（类）"),
    Column("项", "信息资源分类（项）"),
    Column("目", "信息资源分类（ 目 ）"),
    Column("细目", "信息资源分类(细目)"),
    Column("信息资源名称", "资源名称"),
    Column("信息资源代码", "信息资源 代码"),
    Column("信息资源提供方", "提供单位"),
    Column("信息资源提供方代码", "信息资源\n提供方代码"),
    Column("信息资源摘要", " 信息资源摘要 "),
    Column("信息资源格式", "信息资源　格式"),
    Column("信息项名称", "信息项\n名称"),
    Column("数据类型"),
    Column("数据长度", "数据\n长度"),
    Column("共享类型"),
    Column("共享条件"),
    Column("共享方式"),
    Column("不予共享依据"),
    Column("是否向社会开放", "是否向社会\n开放"),
    Column("开放条件"),
    Column("更新周期"),
    Column("发布日期", "发布\u3000日期"),
    Column("关联资源代码"),
]


def tolerant() -> Built:
    """Merged data blocks under a one-row header of variant texts; dates three ways."""
    resources = [
        resource(
            1,
            "企业年报信息",
            [item("统一社会信用代码", "字符型C", 18), item("年报年度", "N", 4)],
            项=1,
            目=1,
        ),
        resource(
            2,
            "个体工商户登记信息",
            [item("经营者姓名", "C", 50), item("登记日期", "日期型D", 8)],
            信息资源提供方="某某市数据和政务服务局",
            信息资源提供方代码=SJJ,
            发布日期="2025年6月1日",
        ),
        resource(
            3,
            "广告经营许可信息",
            [item("许可证号", "字符型", 30), item("发证机关", "字符型C", 100)],
            共享类型="有条件共享",
            共享条件="仅限监管部门使用",
            发布日期=45809,
        ),
    ]
    resources[0].expect = [
        Exp("numeric_code_recovered", "项", warning=True),
        Exp("numeric_code_recovered", "目", warning=True),
    ]
    wb = new_book()
    sheet = Recorder(wb.create_sheet("政务信息资源目录"))
    found = merged_sheet(
        sheet,
        TOLERANT_COLUMNS,
        resources,
        top=["", "附件：某某市某某局政务信息资源目录"],
        two_row_header=False,
        notes=["注：发布日期格式不限。"],
    )
    return Built(wb, {"政务信息资源目录": sheet}, set(), entry("merged", resources, found))


TWO_SHEET_COLUMNS = [
    Column(k)
    for k in (
        "序号",
        "类",
        "项",
        "目",
        "细目",
        "信息资源名称",
        "信息资源代码",
        "信息资源提供方",
        "信息资源提供方代码",
        "信息资源摘要",
        "信息资源格式",
        "共享类型",
        "共享条件",
        "共享方式",
        "不予共享依据",
        "是否向社会开放",
        "开放条件",
        "更新周期",
        "发布日期",
        "关联资源代码",
    )
]


def two_sheet_clean() -> Built:
    """Five valid resources on 信息资源, their 2–3 items each on 信息项."""
    resources = [
        resource(
            1,
            "人口基本信息",
            [
                item("公民身份号码", "字符型C", 18, "18位"),
                item("姓名", "C", 50),
                item("出生日期", "D", 8),
            ],
            类="1",
            项="01",
            目="001",
            信息资源代码="101001/000001",
            共享类型="有条件共享",
            共享条件="按需核验，不批量下载",
        ),
        resource(
            2,
            "法人单位基本信息",
            [item("统一社会信用代码", "字符型C", 18), item("单位名称", "字符型", 200)],
            类="1",
            项="02",
            目="001",
            信息资源代码="102001/000002",
            是否向社会开放="是",
            开放条件="公开字段",
        ),
        resource(
            3,
            "市场主体年报信息",
            [
                item("年报年度", "整型I", 4),
                item("从业人数", "I", None),
                item("营业总收入", "货币型Y", 20, "万元"),
            ],
            更新周期="每年",
            关联资源代码="102001/000002",
        ),
        resource(
            4,
            "投诉举报信息",
            [item("投诉编号", "C", 30), item("投诉内容", "备注型M", None)],
            目="003",
            信息资源代码="301003/000004",
            信息资源格式="电子表格/xlsx",
            共享类型="不予共享",
            共享方式=None,
            不予共享依据="涉及个人隐私",
            更新周期="每季度",
        ),
        resource(
            5,
            "抽查检查结果信息",
            [item("检查日期", "日期型D", 8), item("检查结果", "字符型", 100)],
            信息资源格式="电子文件/PDF",
            共享方式="共享平台/文件",
            是否向社会开放="Y",
            开放条件="无",
            更新周期="每半年",
            发布日期=dt.date(2024, 12, 31),
        ),
    ]
    return two_sheet_book(TWO_SHEET_COLUMNS, resources, [])


def two_sheet_defects() -> Built:
    """No 更新周期 column, one resource without a name, one item whose resource is unknown."""
    columns = [c for c in TWO_SHEET_COLUMNS if c.key != "更新周期"]
    orphan = {**item("许可证号", "C", 30), "信息资源代码": "301001/000099"}
    resources = [
        resource(1, "企业登记基本信息", [item("统一社会信用代码", "C", 18), orphan]),
        resource(
            2,
            "企业变更信息",
            [item("企业名称", "字符型", 200), item("住所", "字符型", 200)],
            信息资源名称=None,
        ),
        resource(3, "企业注销信息", [item("注销日期", "日期型D", 8), item("注销原因", "C", 200)]),
    ]
    resources[0].expect = [Exp("orphan_item", "信息资源代码", item=1)]
    resources[1].expect = [Exp("required", "信息资源名称")]
    missing = finding("信息资源", 1, "更新周期", "missing_column")
    return two_sheet_book(columns, resources, [(False, missing)])


FIXTURES: dict[str, Callable[[], Built]] = {
    "merged_clean": merged_clean,
    "merged_defects": merged_defects,
    "tolerant": tolerant,
    "two_sheet_clean": two_sheet_clean,
    "two_sheet_defects": two_sheet_defects,
}


# ---------------------------------------------------------------- conversion and checks


def convert(sources: list[Path], outdir: Path) -> None:
    """Every source into every format, one soffice run per format (it exits when done)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("soffice not found: install LibreOffice Calc (libreoffice-calc-nogui)")
    for filt in FILTERS.values():
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={PROFILE_DIR}",
                "--convert-to",
                filt,
                "--outdir",
                str(outdir),
                *(str(s) for s in sources),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )


def ods_merges(path: Path) -> dict[str, set[tuple[tuple[int, int], tuple[int, int]]]]:
    """Merged ranges of each table in an ods, 0-based like calamine's (which gives none)."""
    with zipfile.ZipFile(path) as archive:
        # our own LibreOffice output, not untrusted input
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314
    spans: dict[str, set[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for table in root.iter(f"{ODS_TABLE}table"):
        found = spans.setdefault(table.get(f"{ODS_TABLE}name", ""), set())
        row = 0
        for table_row in table.iter(f"{ODS_TABLE}table-row"):
            col = 0
            for cell in table_row:
                down = int(cell.get(f"{ODS_TABLE}number-rows-spanned", "1"))
                across = int(cell.get(f"{ODS_TABLE}number-columns-spanned", "1"))
                if down > 1 or across > 1:
                    found.add(((row, col), (row + down - 1, col + across - 1)))
                col += int(cell.get(f"{ODS_TABLE}number-columns-repeated", "1"))
            row += int(table_row.get(f"{ODS_TABLE}number-rows-repeated", "1"))
    return spans


def same(want: Value, got: object) -> bool:
    """A converted cell matches the source: numbers by value (the 18-digit one to 15 digits),
    dates by day, text exactly."""
    if want is None:
        return got == ""
    if isinstance(want, dt.date):
        return isinstance(got, dt.date) and dt.date(got.year, got.month, got.day) == want
    if isinstance(want, int | float) and not isinstance(want, bool):
        if not isinstance(got, int | float) or isinstance(got, bool):
            return False
        return abs(float(got) - float(want)) <= abs(float(want)) * 1e-14
    return got == want


def verify(path: Path, built: Built) -> list[str]:
    """What differs between a converted file and its model; an empty list means it survived."""
    problems: list[str] = []
    book = CalamineWorkbook.from_path(str(path))
    visibility = {m.name: str(m.visible) for m in book.sheets_metadata}
    if list(visibility) != list(built.sheets):
        return [f"{path.name}: sheets {list(visibility)} != {list(built.sheets)}"]
    ods = ods_merges(path) if path.suffix == ".ods" else {}
    for name, model in built.sheets.items():
        if ("Hidden" in visibility[name]) != (name in built.hidden):
            problems.append(f"{path.name}/{name}: visibility {visibility[name]}")
        sheet = book.get_sheet_by_name(name)
        grid = sheet.to_python(skip_empty_area=False)
        for r, line in enumerate(grid, start=1):
            for c, got in enumerate(line, start=1):
                if (r, c) not in model.cells and got != "":
                    problems.append(f"{path.name}/{name} R{r}C{c}: stray {got!r}")
        for (r, c), want in model.cells.items():
            got = grid[r - 1][c - 1] if r <= len(grid) and c <= len(grid[r - 1]) else ""
            if not same(want, got):
                problems.append(f"{path.name}/{name} R{r}C{c}: {want!r} came back {got!r}")
        merges = sheet.merged_cell_ranges
        seen = ods.get(name, set()) if merges is None else set(merges)
        if seen != model.merges:
            problems.append(f"{path.name}/{name}: merges differ {seen ^ model.merges}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verify-only", action="store_true", help="check lo/ against the model, no LibreOffice"
    )
    args = parser.parse_args(argv)
    built = {name: make() for name, make in FIXTURES.items()}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="govshare-fixtures-") as tmp:
        source_dir, converted = Path(tmp, "src"), Path(tmp, "out")
        if args.verify_only:
            converted = OUT
        else:
            source_dir.mkdir()
            converted.mkdir()
            sources = []
            for name, fixture in built.items():
                sources.append(source_dir / f"{name}.xlsx")
                fixture.workbook.save(sources[-1])
            convert(sources, converted)
        for name, fixture in built.items():
            for ext in FILTERS:
                path = converted / f"{name}.{ext}"
                problems += verify(path, fixture) if path.exists() else [f"{path} missing"]
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        if not args.verify_only:
            OUT.mkdir(exist_ok=True)
            for path in sorted(converted.iterdir()):
                shutil.copyfile(path, OUT / path.name)
            expected = {name: fixture.expected for name, fixture in built.items()}
            text = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
            EXPECTED.write_text(text, encoding="utf-8")
    print(
        f"{len(built) * len(FILTERS)} files verified" + ("" if args.verify_only else f" in {OUT}")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
