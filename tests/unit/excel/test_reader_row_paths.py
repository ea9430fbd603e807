"""The reader's quick paths (an ASCII code on a plain row; whole-float lengths; text-only
names) against the rows that must take the long way: numeric, padded, full-width and blank
codes, notes under the item table, odd lengths and names, the required flag.

Each row's outcome is written out here from the reading rules, not from the reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.profile import CatalogProfile, load_profile
from govshare_desktop.excel.catalog_reader import CatalogReader, ParsedCatalog
from govshare_desktop.excel.workbook import open_workbook

RESOURCE_HEADER = ["信息资源分类", "信息资源名称", "信息资源代码", "信息资源提供方",
                   "信息资源提供方代码", "信息资源摘要", "信息资源格式", "共享类型", "共享方式",
                   "是否向社会开放", "更新周期", "发布日期"]  # fmt: skip


def _resource(code: str, name: str) -> list[object]:
    return ["3-01-001", name, code, "某局", "91350100M000100Y43", "摘要", "数据库/MySQL",
            "无条件", "接口", "N", "每月", "2025/6/1"]  # fmt: skip


@pytest.fixture(scope="module")
def profile() -> CatalogProfile:
    return load_profile(profile_path("national-2017"))


def _read(path: Path, items: list[list[object]], profile: CatalogProfile) -> ParsedCatalog:
    book = Workbook()
    resources = book.active
    resources.title = "信息资源"
    for row in [
        RESOURCE_HEADER,
        _resource("301001/000001", "甲"),
        _resource("301001/000002", "乙"),
    ]:
        resources.append(row)
    sheet = book.create_sheet("信息项")
    for row in items:
        sheet.append(row)
    book.save(path)
    with open_workbook(path) as workbook:
        return CatalogReader(profile).read(workbook)


def test_item_rows_quick_and_long_ways(tmp_path: Path, profile: CatalogProfile) -> None:
    items = [
        ["信息资源代码", "信息项名称", "数据类型", "数据长度", "信息项说明", "是否必填"],
        ["301001/000001", "姓名", "字符型(C)", 20, "", ""],  # quick: ASCII code, whole length
        ["  301001/000002 ", " 住址 ", "C", None, "说明", "是"],  # padded code, blank length
        ["３０１００１/０００００１", "性别", "C", "18", None, "否"],  # full-width code (NFKC)
        [None, None, None, None, None, None],  # blank: skipped
        ["   ", None, None, None, None, None],  # spaces only: blank too
        ["301001/000009", "无主", "C", 10, None, None],  # names no resource: an orphan
        ["301001/000002", 2025, "N", 8.5, None, "也许"],  # a number as name, odd length, flag
        ["301001/000001", "民族", "C", "十", None, None],  # a length that is no number
        ["注：1. 带*号的为必填项。", None, None, None, None, None],  # the note ends the table
        ["301001/000001", "不读", "C", 1, None, None],  # under the note: never read
    ]
    parsed = _read(tmp_path / "two.xlsx", items, profile)
    first, second = (p.resource for p in parsed.resources)
    assert [(i.name, i.data_type, i.length, i.description, i.extra) for i in first.data_items] == [
        ("姓名", "C", 20, "", {}),
        ("性别", "C", 18, "", {}),
        ("民族", "C", None, "", {}),
    ]
    assert [(i.name, i.data_type, i.length, i.description, i.extra) for i in second.data_items] == [
        ("住址", "C", None, "说明", {"required": True}),
        ("2025", "N", None, "", {}),
    ]
    assert [p.item_rows for p in parsed.resources] == [[2, 4, 9], [3, 8]]
    # the orphan as the rows are gathered, then each resource's items in turn
    assert [(f.code, f.cell) for f in parsed.findings if f.sheet == "信息项"] == [
        ("orphan_item", "A7"),
        ("bad_number", "D9"),
        ("bad_number", "D8"),
        ("bad_bool", "F8"),
    ]
    assert parsed.orphan_items == 1
    ids = [i.id for p in parsed.resources for i in p.resource.data_items]
    assert len(set(ids)) == len(ids) == 5


def test_a_numeric_code_on_the_item_sheet_is_recovered(
    tmp_path: Path, profile: CatalogProfile
) -> None:
    """A code Excel made a number takes the long way, and still finds its resource."""
    items = [["信息资源代码", "信息项名称", "数据类型"], [301001000002, "编号", "C"]]
    parsed = _read(tmp_path / "n.xlsx", items, profile)
    assert [i.name for i in parsed.resources[1].resource.data_items] == ["编号"]
    assert [(f.code, f.cell) for f in parsed.findings] == [("numeric_code_recovered", "A2")]


def test_a_note_with_a_code_like_second_cell_still_ends_the_table(
    tmp_path: Path, profile: CatalogProfile
) -> None:
    """The quick path needs a first cell no note opens with: a note in the first column
    with an ASCII value beside it is still a note (two values at most)."""
    items = [
        ["信息项名称", "信息资源代码", "数据类型"],
        ["姓名", "301001/000001", "C"],
        ["说明", "301001/000001", None],
        ["不读", "301001/000001", "C"],
    ]
    parsed = _read(tmp_path / "note.xlsx", items, profile)
    assert [i.name for i in parsed.resources[0].resource.data_items] == ["姓名"]


MERGED_HEADER = ["信息资源分类", "信息资源名称", "信息资源代码", "信息资源提供方",
                 "信息资源提供方代码", "信息资源摘要", "信息资源格式", "信息项名称", "数据类型",
                 "数据长度", "共享类型", "共享方式", "是否向社会开放", "更新周期", "发布日期"]  # fmt: skip


def test_merged_item_rows_quick_and_long_ways(tmp_path: Path, profile: CatalogProfile) -> None:
    """An item row is told by text in its first item column, or the long way: a blank
    name with a type beside it, spaces only, a number as name; before any block an orphan."""
    head = _resource("301001/000001", "甲")
    block = [*head[:7], "姓名", "C", 20, *head[7:]]
    gap = [None] * 7
    rows = [
        MERGED_HEADER,
        [*gap, "孤项", "C", 5],  # before any resource: an orphan
        block,
        [*gap, "性别", "C", 2],  # quick
        [*gap, None, "N", 8],  # no name, but a type: an item (its name is required)
        [*gap, "   ", None, None],  # spaces only: no item
        [*gap, 42, "C", 3],  # a number as name: the long way, still an item
    ]
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "m.xlsx")
    with open_workbook(tmp_path / "m.xlsx") as workbook:
        parsed = CatalogReader(profile).read(workbook)
    [only] = parsed.resources
    assert [(i.name, i.data_type, i.length) for i in only.resource.data_items] == [
        ("姓名", "C", 20), ("性别", "C", 2), ("", "N", 8), ("42", "C", 3),
    ]  # fmt: skip
    assert only.item_rows == [3, 4, 5, 7]
    assert [(f.code, f.cell) for f in parsed.findings] == [("orphan_item", "H2")]
