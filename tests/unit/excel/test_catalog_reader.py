"""The reader against workbooks LibreOffice wrote (tests/data/excel), and hand-made edge cases.

`expected.json` was written from the rules, independently of the reader; every finding of
every fixture must match it exactly, in each of the three formats.
"""

from __future__ import annotations

import functools
import json
import operator
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import CatalogProfile, load_profile
from govshare_desktop.excel.catalog_reader import CatalogReader, ParsedCatalog
from govshare_desktop.excel.workbook import open_workbook
from govshare_desktop.services.catalog.importing import judge
from tests.xlsb_book import write_grids

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "excel"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def profile() -> CatalogProfile:
    return load_profile(profile_path("national-2017"))


def read(path: Path, profile: CatalogProfile) -> ParsedCatalog:
    with open_workbook(path) as workbook:
        return CatalogReader(profile).read(workbook)


def _where(findings: list[dict[str, object]]) -> Counter[tuple[object, ...]]:
    return Counter((f["sheet"], f["row"], f["column"], f["code"]) for f in findings)


# (fixture, format): every fixture in xlsx, xls and ods unless it names fewer formats
BOOKS = [
    (name, ext)
    for name in sorted(EXPECTED)
    for ext in EXPECTED[name].get("formats", ["xlsx", "xls", "ods"])
]


@pytest.mark.parametrize(("name", "ext"), BOOKS)
def test_fixture_reads_as_expected(name: str, ext: str, profile: CatalogProfile) -> None:
    _assert_as_expected(read(FIXTURES / "lo" / f"{name}.{ext}", profile), name, profile)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_as_xlsb_reads_as_expected(
    name: str, profile: CatalogProfile, tmp_path: Path
) -> None:
    """No program at hand writes xlsb (LibreOffice only reads it): the visible sheets of
    LibreOffice's xlsx are written again as xlsb records (tests/xlsb_book.py), without
    merged cells or number formats, and must read the same."""
    with open_workbook(FIXTURES / "lo" / f"{name}.xlsx") as source:
        grids = {sheet: source.sheet(sheet).rows for sheet in source.sheet_names}
    path = write_grids(tmp_path / f"{name}.xlsb", grids)
    _assert_as_expected(read(path, profile), name, profile)


def _assert_as_expected(parsed: ParsedCatalog, name: str, profile: CatalogProfile) -> None:
    expected = EXPECTED[name]
    findings = judge(parsed, profile)
    errors = [_as_dict(f) for f in findings if f.severity is Severity.ERROR]
    warnings = [_as_dict(f) for f in findings if f.severity is not Severity.ERROR]
    assert parsed.layout == expected["layout"]
    assert len(parsed.resources) == expected["resources"]
    assert parsed.data_items + parsed.orphan_items == expected["data_items"]
    assert _where(errors) == _where(expected["errors"])
    assert _where(warnings) == _where(expected["warnings"])


def _as_dict(finding: object) -> dict[str, object]:
    return {name: getattr(finding, name) for name in ("sheet", "row", "column", "code")}


def test_merged_clean_values(profile: CatalogProfile) -> None:
    """Template spellings become the domain's codes: 数据库/MySQL, 共享平台/接口, 字符型C, Y/N."""
    parsed = read(FIXTURES / "lo" / "merged_clean.xls", profile)
    first = parsed.resources[0].resource
    assert first.code.startswith(first.classification.code + "/")
    assert first.format_category in profile.enum_codes("resource_format")
    assert first.share_method in profile.enum_codes("share_method")
    assert all(i.data_type in profile.enum_codes("data_type") for p in parsed.resources
               for i in p.resource.data_items)  # fmt: skip
    rows = [p.item_rows for p in parsed.resources]
    assert all(
        len(r) == len(p.resource.data_items) for r, p in zip(rows, parsed.resources, strict=True)
    )
    assert sorted(functools.reduce(operator.iadd, rows, [])) == functools.reduce(
        operator.iadd, rows, []
    )  # blocks follow each other, row by row


def _write(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    book.save(path)
    return path


HEADER = ["信息资源分类", "信息资源名称", "信息资源代码", "信息资源提供方", "信息资源提供方代码",
          "信息资源摘要", "信息资源格式", "信息项名称", "数据类型", "数据长度", "共享类型",
          "共享方式", "是否向社会开放", "更新周期", "发布日期"]  # fmt: skip
ROW = ["3-01-001", "人口信息", "301001/000001", "某局", "91350100M000100Y43", "摘要",
       "数据库/MySQL", "姓名", "字符型(C)", 20, "无条件", "接口", "N", "每月", "2025/6/1"]  # fmt: skip


def test_single_classification_column_and_repeated_rows(
    tmp_path: Path, profile: CatalogProfile
) -> None:
    """A flat sheet repeating the resource on each item row is one resource, not three."""
    second = [*ROW[:7], "身份证号", "C", 18, *ROW[10:]]
    third = [*ROW[:7], "住址", "字符型", 200, *ROW[10:]]
    path = _write(tmp_path / "flat.xlsx", [HEADER, ROW, second, third])
    parsed = read(path, profile)
    assert len(parsed.resources) == 1
    resource = parsed.resources[0].resource
    assert resource.classification.code == "301001"
    assert [i.name for i in resource.data_items] == ["姓名", "身份证号", "住址"]
    assert (resource.share_type, resource.share_method) == ("unconditional", "platform_interface")
    assert str(resource.published_on) == "2025-06-01"
    assert judge(parsed, profile) == []


def test_a_value_repeated_row_after_row_is_judged_at_each_cell(
    tmp_path: Path, profile: CatalogProfile
) -> None:
    """Flag, date and enumeration cells are converted once per value (templates repeat
    them): a bad value written on three rows is still three findings, one at each cell."""
    rows = [[*ROW[:2], f"301001/00000{n}", *ROW[3:12], "也许", "每月", "明年"] for n in (1, 2, 3)]
    rows.append([*ROW[:2], "301001/000004", *ROW[3:]])
    parsed = read(_write(tmp_path / "r.xlsx", [HEADER, *rows]), profile)
    assert sorted((f.code, f.cell) for f in parsed.findings) == [
        ("bad_bool", "M2"), ("bad_bool", "M3"), ("bad_bool", "M4"),
        ("bad_date", "O2"), ("bad_date", "O3"), ("bad_date", "O4"),
    ]  # fmt: skip
    assert [p.resource.update_cycle for p in parsed.resources] == ["monthly"] * 4
    assert str(parsed.resources[3].resource.published_on) == "2025-06-01"
    first, second = parsed.findings[0], parsed.findings[2]
    assert first.params == second.params and first.params is not second.params


def test_numeric_resource_code_is_recovered_with_a_warning(
    tmp_path: Path, profile: CatalogProfile
) -> None:
    row = [*ROW[:2], 301001000001, *ROW[3:]]
    parsed = read(_write(tmp_path / "n.xlsx", [HEADER, row]), profile)
    assert parsed.resources[0].resource.code == "301001/000001"
    [warning] = parsed.findings
    assert (warning.code, warning.cell, warning.severity) == (
        "numeric_code_recovered",
        "C2",
        "warning",
    )


def test_hidden_sheet_is_never_read(tmp_path: Path, profile: CatalogProfile) -> None:
    book = Workbook()
    hidden = book.active
    hidden.title = "旧目录"
    hidden.append(HEADER)
    hidden.append(ROW)
    hidden.sheet_state = "hidden"
    book.create_sheet("说明").append(["本表没有目录"])
    book.save(tmp_path / "h.xlsx")
    with pytest.raises(KnownError) as caught:
        read(tmp_path / "h.xlsx", profile)
    assert caught.value.code is ErrorCode.WORKBOOK_NO_TABLE


def test_column_override_maps_an_unknown_header(tmp_path: Path, profile: CatalogProfile) -> None:
    header = ["分类号" if h == "信息资源分类" else h for h in HEADER]
    path = _write(tmp_path / "o.xlsx", [header, ROW])
    parsed = read(path, profile)
    assert Counter(f.code for f in parsed.findings) == {"unknown_column": 1, "missing_column": 3}
    with open_workbook(path) as workbook:
        fixed = CatalogReader(profile).read(workbook, {"Sheet": {0: "classification"}})
    assert fixed.findings == []
    assert fixed.resources[0].resource.classification.code == "301001"
