"""The template and the catalog export: layout, drop-downs, round trip, and formula injection."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, range_boundaries

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import CatalogProfile, load_profile
from govshare_desktop.excel import values
from govshare_desktop.excel.catalog_reader import CatalogReader
from govshare_desktop.excel.columns import HeaderMatcher, item_columns, resource_columns
from govshare_desktop.excel.template_writer import (
    CODES_SHEET,
    ITEM_SHEET,
    NOTES_SHEET,
    RESOURCE_SHEET,
    write_template,
)
from govshare_desktop.excel.workbook import open_workbook

INJECTIONS = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    "#N/A",
]


@pytest.fixture(scope="module")
def profile() -> CatalogProfile:
    return load_profile(profile_path("national-2017"))


def resource(**changes: Any) -> Resource:
    base: dict[str, Any] = {
        "name": "企业登记信息", "unit_code": "130000-SCJ",
        "classification": Classification("3", "01", "001", ""), "code": "301001/000001",
        "provider_name": "河北省市场监督管理局", "provider_code": "91350100M000100Y43",
        "abstract": "企业登记的基本信息", "format_category": "database",
        "format_detail": "MySQL", "share_type": "conditional", "share_conditions": "限于监管用途",
        "share_method": "platform_interface", "open_to_society": True,
        "open_conditions": "依申请", "update_cycle": "monthly",
        "published_on": date(2025, 6, 1), "related_codes": ("301001/000002", "301001/000003"),
        "data_items": (
            DataItem("统一社会信用代码", "C", 18, description="18位", extra={"required": True}),
            DataItem("注册资本", "Y", None, extra={"required": False}),
        ),
    }  # fmt: skip
    base.update(changes)
    return Resource(**base)


def grid(path: Path, sheet: str) -> list[list[Any]]:
    """The sheet as python-calamine reads it (what the import sees)."""
    with open_workbook(path) as workbook:
        return workbook.sheet(sheet).rows


def keyed(path: Path, sheet: str, profile: CatalogProfile) -> list[dict[str, Any]]:
    """Each data row of a sheet as {column key: value}, headers mapped by the shared matcher."""
    rows = grid(path, sheet)
    matcher = HeaderMatcher(resource_columns(profile) + item_columns(profile))
    keys = [matcher.match(header) for header in rows[0]]
    assert None not in keys, rows[0]
    return [{k.key: v for k, v in zip(keys, row, strict=True) if k} for row in rows[1:]]


@pytest.fixture
def template(tmp_path: Path, profile: CatalogProfile) -> Path:
    path = tmp_path / "template.xlsx"
    write_template(path, profile)
    return path


def validation_for(sheet: Any, column: int) -> Any:
    """The one data validation covering row 2 of `column` (there must be exactly one)."""
    found = [
        dv
        for dv in sheet.data_validations.dataValidation
        for cells in dv.sqref.ranges
        if cells.min_col <= column <= cells.max_col and cells.min_row <= 2 <= cells.max_row
    ]
    assert len(found) == 1, (sheet.title, column, found)
    return found[0]


def list_values(book: Any, formula: str) -> list[str]:
    sheet_name, _, cells = formula.partition("!")
    assert sheet_name.strip("'") == CODES_SHEET
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    codes = book[CODES_SHEET]
    assert min_col == max_col
    return [codes.cell(row=r, column=min_col).value for r in range(min_row, max_row + 1)]


# -- the template ----------------------------------------------------------------------------


def test_template_sheets_and_the_hidden_code_table(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [RESOURCE_SHEET, ITEM_SHEET, NOTES_SHEET, CODES_SHEET]
    assert book[CODES_SHEET].sheet_state == "hidden"
    assert book.active.title == RESOURCE_SHEET
    with open_workbook(template) as workbook:
        assert workbook.sheet_names == [RESOURCE_SHEET, ITEM_SHEET, NOTES_SHEET]
        assert workbook.hidden_names == [CODES_SHEET]


def test_every_header_is_the_shared_column_model(template: Path, profile: CatalogProfile) -> None:
    matcher = HeaderMatcher(resource_columns(profile) + item_columns(profile))
    resource_headers = grid(template, RESOURCE_SHEET)[0]
    item_headers = grid(template, ITEM_SHEET)[0]
    assert [matcher.match(h) for h in resource_headers] == list(resource_columns(profile))
    matched_items = [matcher.match(h) for h in item_headers]
    assert [c.key for c in matched_items if c] == ["code"] + [c.key for c in item_columns(profile)]
    assert len(matched_items) == len(item_columns(profile)) + 1


def test_required_headers_are_starred_red_and_bold(template: Path, profile: CatalogProfile) -> None:
    sheet = openpyxl.load_workbook(template)[RESOURCE_SHEET]
    for index, column in enumerate(resource_columns(profile), start=1):
        cell = sheet.cell(row=1, column=index)
        assert cell.value.startswith("*") is column.required, cell.value
        assert cell.font.b
        assert cell.alignment.wrap_text
        assert (cell.font.color is not None and cell.font.color.rgb.endswith("C00000")) is (
            column.required
        )
    assert sheet.cell(row=1, column=2).value == "*信息资源分类（类）"
    assert sheet.row_dimensions[1].height >= 4 * 15  # that label wraps to 4 lines at width 6


def test_layout_freezes_the_header_and_keeps_codes_as_text(
    template: Path, profile: CatalogProfile
) -> None:
    book = openpyxl.load_workbook(template)
    for title in (RESOURCE_SHEET, ITEM_SHEET):
        assert book[title].freeze_panes == "A2"
    sheet = book[RESOURCE_SHEET]
    for index, column in enumerate(resource_columns(profile), start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        assert dimension.width == column.width
        is_text = column.type in {"code", "date"}
        assert (dimension.number_format == "@") is is_text, column.key
    text_keys = {c.key for c in resource_columns(profile) if c.type in {"code", "date"}}
    assert {"code", "provider_code", "class_item", "published_on"} <= text_keys


def test_drop_downs_come_from_the_code_table(template: Path, profile: CatalogProfile) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book[RESOURCE_SHEET]
    position = {c.key: i for i, c in enumerate(resource_columns(profile), start=1)}
    expected = {
        "share_type": (["无条件共享", "有条件共享", "不予共享"], "stop"),
        "format_category": (
            [
                "电子文件",
                "电子表格",
                "数据库",
                "图形图像",
                "流媒体",
                "自描述格式",
                "服务接口",
                "其他",
            ],
            "information",
        ),
        "share_method": (
            ["共享平台/数据库", "共享平台/接口", "共享平台/文件", "邮件或介质"],
            "information",
        ),
        "update_cycle": (
            ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "其他"],
            "stop",
        ),
        "open_to_society": (["是", "否"], "stop"),
        "secret": (["是", "否"], "stop"),
        "class_category": (["1", "2", "3"], "stop"),
    }
    for key, (listed, style) in expected.items():
        dv = validation_for(sheet, position[key])
        assert dv.type == "list", key
        assert list_values(book, dv.formula1) == listed, key
        assert dv.showErrorMessage
        assert (dv.errorStyle or "stop") == style, key
        assert (
            str(dv.sqref)
            == f"{get_column_letter(position[key])}2:{get_column_letter(position[key])}1001"
        )
    items = book[ITEM_SHEET]
    data_type = validation_for(items, 3)
    assert list_values(book, data_type.formula1)[:2] == ["字符型C", "数值型N"]
    assert list_values(book, validation_for(items, 6).formula1) == ["是", "否"]
    assert validation_for(items, 4).type == "whole"  # 数据长度
    # a free-text column has a hint but no list
    assert validation_for(sheet, position["name"]).type is None


def test_every_column_has_an_input_hint(template: Path, profile: CatalogProfile) -> None:
    book = openpyxl.load_workbook(template)
    for title, count in (
        (RESOURCE_SHEET, len(resource_columns(profile))),
        (ITEM_SHEET, len(item_columns(profile)) + 1),
    ):
        for column in range(1, count + 1):
            dv = validation_for(book[title], column)
            assert dv.showInputMessage and dv.prompt and dv.promptTitle, (title, column)
            assert len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32
    position = [c.key for c in resource_columns(profile)].index("code") + 1
    assert "301001/000001" in validation_for(book[RESOURCE_SHEET], position).prompt


def test_notes_explain_every_column_with_allowed_values(
    template: Path, profile: CatalogProfile
) -> None:
    rows = grid(template, NOTES_SHEET)
    text = "\n".join(" | ".join(str(v) for v in row) for row in rows)
    for column in (*resource_columns(profile), *item_columns(profile)):
        assert column.label in text, column.label
    assert "2025-06-01" in text
    assert "可选值：无条件共享、有条件共享、不予共享" in text
    assert "信息资源代码" in text and "文本" in text
    by_label = {row[0]: row for row in rows if len(row) >= 3}
    assert by_label["信息资源名称"][1] == "是"
    assert by_label["共享条件"][1] == "否"
    assert "数据库/MySQL" in by_label["信息资源格式"][2]


def test_the_template_says_where_the_legal_basis_for_not_sharing_goes(
    template: Path, profile: CatalogProfile
) -> None:
    """In 共享条件, as the national guide has it; the separate column is optional."""
    book = openpyxl.load_workbook(template)
    keys = [c.key for c in resource_columns(profile)]
    conditions = validation_for(book[RESOURCE_SHEET], keys.index("share_conditions") + 1).prompt
    basis = validation_for(book[RESOURCE_SHEET], keys.index("legal_basis") + 1).prompt
    assert "不予共享" in conditions and "依据" in conditions
    assert "可不填" in basis and "共享条件" in basis
    notes = "\n".join(str(row[0]) for row in grid(template, NOTES_SHEET) if row)
    assert "不予共享须在“共享条件”中注明" in notes
    by_label = {row[0]: row for row in grid(template, NOTES_SHEET) if len(row) >= 3}
    assert by_label["不予共享依据"][1] == "否"


# -- the catalog export ----------------------------------------------------------------------


def test_export_reads_back_as_written(tmp_path: Path, profile: CatalogProfile) -> None:
    path = tmp_path / "catalog.xlsx"
    secret = resource(name="涉密名单", code="301001/000009", secret=True, data_items=())
    write_template(path, profile, [resource(), secret])
    first, second = keyed(path, RESOURCE_SHEET, profile)
    assert first == {
        "sequence_no": 1.0, "class_category": "3", "class_item": "01", "class_subject": "001",
        "class_detail": "", "name": "企业登记信息", "code": "301001/000001",
        "provider_name": "河北省市场监督管理局", "provider_code": "91350100M000100Y43",
        "abstract": "企业登记的基本信息", "format_category": "数据库/MySQL",
        "share_type": "有条件共享", "share_conditions": "限于监管用途",
        "share_method": "共享平台/接口", "legal_basis": "", "open_to_society": "是",
        "open_conditions": "依申请", "update_cycle": "每月", "published_on": "2025-06-01",
        "related_codes": "301001/000002；301001/000003", "secret": "否",
    }  # fmt: skip
    assert second["secret"] == "是"  # noqa: S105 - 是否涉密, not a password
    assert second["published_on"] == "2025-06-01"
    items = grid(path, ITEM_SHEET)[1:]
    assert items == [
        ["301001/000001", "统一社会信用代码", "字符型C", 18.0, "18位", "是"],
        ["301001/000001", "注册资本", "货币型Y", "", "", "否"],
    ]
    sheet = openpyxl.load_workbook(path)[RESOURCE_SHEET]
    assert sheet["C2"].number_format == "@" and sheet["C2"].data_type == "s"


def test_export_values_map_back_to_the_same_codes(tmp_path: Path, profile: CatalogProfile) -> None:
    """Each cell through the reader's own value functions gives the domain value back."""
    path = tmp_path / "catalog.xlsx"
    cases = [
        resource(),
        resource(format_category="spreadsheet", format_detail="", share_type="not_shared",
                 legal_basis="法规", share_method="mail_or_media", open_to_society=False,
                 update_cycle="half_yearly", published_on=None, related_codes=()),
    ]  # fmt: skip
    write_template(path, profile, cases)
    enums = values.EnumReader(profile)
    for original, row in zip(cases, keyed(path, RESOURCE_SHEET, profile), strict=True):
        assert enums.composite("resource_format", row["format_category"]) == (
            original.format_category,
            original.format_detail,
        )
        assert enums.code("share_type", row["share_type"]) == original.share_type
        assert enums.split_method(row["share_method"]) == original.share_method
        assert enums.code("update_cycle", row["update_cycle"]) == original.update_cycle
        assert values.boolean(row["open_to_society"]) == (original.open_to_society, None)
        assert values.day(row["published_on"]) == (original.published_on, None)
    for item_row, item in zip(grid(path, ITEM_SHEET)[1:], cases[0].data_items, strict=False):
        assert enums.code("data_type", item_row[2]) == item.data_type


def test_export_imports_as_the_same_catalog(tmp_path: Path, profile: CatalogProfile) -> None:
    """The whole round trip through the import's reader: what we write is what it reads."""
    path = tmp_path / "catalog.xlsx"
    originals = [resource(), resource(name="涉密名单", code="301001/000002", secret=True)]
    write_template(path, profile, originals)
    with open_workbook(path) as workbook:
        parsed = CatalogReader(profile, "130000-SCJ").read(workbook)
    assert parsed.findings == []
    fields = ("name", "classification", "code", "provider_code", "format_category",
              "format_detail", "share_type", "share_method", "open_to_society",
              "update_cycle", "published_on", "related_codes", "secret")  # fmt: skip
    for original, read in zip(originals, parsed.resources, strict=True):
        for name in fields:
            assert getattr(read.resource, name) == getattr(original, name), name
        assert [
            (i.name, i.data_type, i.length, i.description) for i in read.resource.data_items
        ] == [(i.name, i.data_type, i.length, i.description) for i in original.data_items]


def test_an_unknown_code_is_written_as_is(tmp_path: Path, profile: CatalogProfile) -> None:
    path = tmp_path / "catalog.xlsx"
    odd = resource(share_type="sometimes", data_items=(DataItem("x", "Q"),))
    write_template(path, profile, [odd])
    assert keyed(path, RESOURCE_SHEET, profile)[0]["share_type"] == "sometimes"
    assert grid(path, ITEM_SHEET)[1][2] == "Q"


# -- formula injection -------------------------------------------------------------------------


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_like_text_stays_text(tmp_path: Path, profile: CatalogProfile, text: str) -> None:
    path = tmp_path / "catalog.xlsx"
    hostile = DataItem(text, "C", description=text)
    write_template(path, profile, [resource(name=text, abstract=text, data_items=(hostile,))])
    row = keyed(path, RESOURCE_SHEET, profile)[0]
    assert row["name"] == text  # as python-calamine reads it: a CR too (written as _x000D_)
    stored = text.replace("\r", "_x000D_")  # openpyxl shows the cell's escapes undecoded
    book = openpyxl.load_workbook(path)
    for cell in (book[RESOURCE_SHEET]["F2"], book[RESOURCE_SHEET]["J2"], book[ITEM_SHEET]["B2"]):
        assert cell.value == stored and cell.data_type == "s"
        assert cell.quotePrefix is text.startswith(("=", "+", "-", "@", "\t", "\r"))
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)


def test_calamine_reads_injected_text_exactly(tmp_path: Path, profile: CatalogProfile) -> None:
    path = tmp_path / "catalog.xlsx"
    write_template(path, profile, [resource(name='=HYPERLINK("http://x","y")', abstract="+1+1")])
    first = grid(path, RESOURCE_SHEET)[1]
    assert first[5] == '=HYPERLINK("http://x","y")'
    assert first[9] == "+1+1"


# Text that a plain XML string cannot carry as itself: controls (NUL, BEL, ESC, DEL, C1), a
# CR (XML readers make it LF), Windows line ends, and literal OOXML escapes.
VERBATIM = [
    "名称\x00\x07有\t控制符\x1b[31m",
    "第一行\r\n第二行\r第三行\n第四行",
    "代码形如 _x0041_ 与 _X001b_ 的文字",
    "末尾的下划线_x004",
    "删除符\x7f与\x85下一行",
]


@pytest.mark.parametrize("text", VERBATIM)
def test_every_character_is_written_and_read_back_exactly(
    tmp_path: Path, profile: CatalogProfile, text: str
) -> None:
    """Nothing is dropped or changed: what the catalog holds, the workbook gives back (and
    the import then reports what the rules do not allow, at its cell)."""
    path = tmp_path / "catalog.xlsx"
    item = DataItem(text, "C", 18, description=text)
    write_template(path, profile, [resource(name=text, abstract=text, data_items=(item,))])
    row = keyed(path, RESOURCE_SHEET, profile)[0]
    assert (row["name"], row["abstract"]) == (text, text)
    assert grid(path, ITEM_SHEET)[1][1] == text
    assert grid(path, ITEM_SHEET)[1][4] == text


@pytest.mark.parametrize(
    ("changes", "code", "wanted"),
    [
        ({"abstract": "长" * 32_768}, ErrorCode.EXPORT_TEXT_TOO_LONG, {"length": 32_768}),
        ({"share_conditions": "无\ufffe"}, ErrorCode.EXPORT_BAD_CHARACTERS, {"char": "U+FFFE"}),
        ({"name": "名\ud800称"}, ErrorCode.EXPORT_BAD_CHARACTERS, {"char": "U+D800"}),
    ],
)
def test_text_no_cell_can_hold_refuses_the_export(
    tmp_path: Path, profile: CatalogProfile, changes: dict[str, str], code: ErrorCode,
    wanted: dict[str, object],
) -> None:  # fmt: skip
    """Rather than cut or drop it silently: nothing is written, the error names the
    resource and the field."""
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(b"the previous export")
    fine, bad = resource(), resource(**{"code": "301001/000002", "name": "第二条", **changes})
    with pytest.raises(KnownError) as caught:
        write_template(path, profile, [fine, bad])
    assert caught.value.code is code
    assert caught.value.params["resource"].startswith("301001/000002")
    assert caught.value.params["field"] == profile.field(next(iter(changes))).label  # type: ignore[union-attr]
    assert wanted.items() <= caught.value.params.items()
    assert path.read_bytes() == b"the previous export"


def _libreoffice_csv(source: Path, out: Path, profile_dir: Path) -> list[list[str]]:
    soffice = shutil.which("soffice")
    assert soffice is not None
    subprocess.run(
        [soffice, "--headless", "--norestore",
         f"-env:UserInstallation={profile_dir.as_uri()}",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with (out / f"{source.stem}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.usefixtures("soffice")
def test_libreoffice_shows_the_text_not_a_computed_value(
    tmp_path: Path, profile: CatalogProfile
) -> None:
    # the control: a real formula cell, which LibreOffice does compute on conversion
    control = tmp_path / "control.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "=1+1"
    book.save(control)
    export = tmp_path / "export.xlsx"
    write_template(export, profile, [resource(name='=HYPERLINK("http://x","y")', abstract="+1+1")])
    lo_profile = tmp_path / "lo-profile"
    assert _libreoffice_csv(control, tmp_path / "out", lo_profile)[0][0] == "2"
    rows = _libreoffice_csv(export, tmp_path / "out", lo_profile)
    assert rows[1][5] == '=HYPERLINK("http://x","y")'
    assert rows[1][9] == "+1+1"
    assert rows[1][2] == "01"  # a code keeps its leading zero


@pytest.mark.usefixtures("soffice")
def test_libreoffice_reads_escaped_text_as_written(tmp_path: Path, profile: CatalogProfile) -> None:
    """Another program decodes our escapes the same way: control characters come back,
    a literal "_x0041_" stays text."""
    export = tmp_path / "export.xlsx"
    write_template(export, profile, [resource(name="甲\x1b乙\x01丙", abstract="代码 _x0041_ 文字")])
    rows = _libreoffice_csv(export, tmp_path / "out", tmp_path / "lo-profile")
    assert rows[1][5] == "甲\x1b乙\x01丙"
    assert rows[1][9] == "代码 _x0041_ 文字"


# -- writing -----------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, profile: CatalogProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "catalog.xlsx"
    write_template(path, profile)
    before = path.read_bytes()

    def broken_save(self: Any, target: Any) -> None:
        target.write(b"PK half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(KnownError) as caught:
        write_template(path, profile, [resource()])
    assert caught.value.code is ErrorCode.FILE_UNWRITABLE
    assert caught.value.params["reason"] == "No space left on device"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.xlsx", "user"]
