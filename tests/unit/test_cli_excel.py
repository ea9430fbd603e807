"""`govshare import-catalog | export-template | export-catalog` as scripts use them: exit codes,
the --json object, a dry run that stores nothing, the marked report, and the round trip."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from govshare_desktop.app.context import AppContext
from govshare_desktop.cli import main
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.resource_content import resource_content

LO = Path(__file__).resolve().parents[1] / "data" / "excel" / "lo"


def run(capsys, *args: str) -> tuple[int, dict[str, Any]]:
    code = main(list(args))
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_clean_workbook_imports_with_exit_0(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    code, reply = run(
        capsys, "import-catalog", str(LO / "merged_clean.xls"), "--home", str(home), "--json"
    )
    assert code == 0
    assert (reply["ok"], reply["resources"], reply["data_items"], reply["stored"]) == (
        True,
        4,
        12,
        True,
    )
    assert reply["errors"] == [] and reply["warnings"] == []
    code, again = run(
        capsys, "import-catalog", str(LO / "merged_clean.xls"), "--home", str(home), "--json"
    )
    assert (code, again["unchanged"], again["new"]) == (0, 4, 0)
    assert again["imported_before"] is not None


def test_errors_give_exit_1_the_json_findings_and_nothing_stored(
    capsys, home: Path, tmp_path: Path
) -> None:
    report = tmp_path / "marked.xlsx"
    code, reply = run(capsys, "import-catalog", str(LO / "two_sheet_defects.ods"), "--home", str(home),
                      "--json", "--report", str(report))  # fmt: skip
    assert code == 1 and reply["ok"] is False and reply["stored"] is False
    assert (reply["resources"], reply["data_items"]) == (3, 6)
    orphan = next(e for e in reply["errors"] if e["code"] == "orphan_item")
    assert set(orphan) == {"sheet", "row", "column", "cell", "code", "message"}
    assert (orphan["sheet"], orphan["row"], orphan["column"]) == ("信息项", 3, "信息资源代码")
    assert "信息资源" in orphan["message"]  # the Chinese sentence
    assert "检查结果" in load_workbook(report).sheetnames
    code, listing = run(capsys, "catalog", "list", "--home", str(home), "--json")
    assert listing["resources"] == []


def test_dry_run_of_a_clean_workbook_exits_0_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, reply = run(capsys, "import-catalog", str(LO / "two_sheet_clean.xlsx"), "--home", str(home),
                      "--dry-run", "--json")  # fmt: skip
    assert (code, reply["ok"], reply["dry_run"], reply["stored"], reply["new"]) == (
        0,
        True,
        True,
        False,
        5,
    )
    _code, listing = run(capsys, "catalog", "list", "--home", str(home), "--json")
    assert listing["resources"] == []


def test_an_unusable_file_exits_2_with_one_json_object(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    code, reply = run(capsys, "import-catalog", str(bad), "--home", str(home), "--json")
    assert code == 2
    assert (reply["ok"], reply["error"]) == (False, "workbook_not_spreadsheet")


def catalog(home: Path) -> dict[str, dict[str, Any]]:
    """Everything the data directory holds of each resource, by code, as the platform gets it."""
    ctx = AppContext.open(home)
    try:
        return {r.code: resource_content(r) for r in ctx.services.catalog.list_resources(None)}
    finally:
        ctx.close()


@pytest.mark.parametrize(
    "book",
    ["two_sheet_clean.xlsx", "merged_clean.xlsx", "tolerant.xlsx", "guide_conformant.xlsx",
     "merged_clean.xls", "two_sheet_clean.ods"],
)  # fmt: skip
def test_exported_catalog_imports_unchanged(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, book: str
) -> None:
    """Import a workbook LibreOffice wrote, export the catalog, import the export: nothing
    changes, field for field."""
    code, first = run(capsys, "import-catalog", str(LO / book), "--home", str(home), "--json")
    assert (code, first["stored"]) == (0, True), first
    before = catalog(home)
    out = tmp_path / "catalog.xlsx"
    code, exported = run(capsys, "export-catalog", str(out), "--home", str(home), "--json")
    assert (code, exported["resources"]) == (0, first["resources"])
    code, reply = run(capsys, "import-catalog", str(out), "--home", str(home), "--json")
    assert (code, reply["new"], reply["changed"], reply["unchanged"]) == (
        0, 0, 0, first["resources"]
    )  # fmt: skip
    assert reply["errors"] == [] and reply["warnings"] == []
    assert catalog(home) == before


def _save(home: Path, **changes: object) -> None:
    ctx = AppContext.open(home)
    try:
        fields: dict[str, Any] = {
            "name": "企业登记信息", "unit_code": "", "classification": Classification("3", "01", "001"),
            "code": "301001/000001", "provider_name": "河北省市场监督管理局",
            "provider_code": "91350100M000100Y43", "abstract": "全省企业登记基本信息",
            "format_category": "database", "share_type": "unconditional",
            "open_to_society": False, "update_cycle": "daily",
            "data_items": (DataItem("统一社会信用代码", "C", 18),),
        }  # fmt: skip
        ctx.services.catalog.save(Resource(**{**fields, **changes}))
    finally:
        ctx.close()


def test_text_that_xml_cannot_carry_survives_the_round_trip(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    """Windows line ends, tabs and literal "_x0041_" (which Excel reads as an escape) come back
    exactly; before, the CR was turned into LF and "_x0041_" into "A"."""
    _save(
        home,
        name="编号 _x0041_ 信息",
        abstract="第一行\r\n第二行\t备注\r第三行",
        data_items=(DataItem("统一社会信用代码", "C", 18, description="说明\r\n_x000D_"),),
    )
    before = catalog(home)
    out = tmp_path / "catalog.xlsx"
    assert run(capsys, "export-catalog", str(out), "--home", str(home), "--json")[0] == 0
    code, reply = run(capsys, "import-catalog", str(out), "--home", str(home), "--json")
    assert (code, reply["changed"], reply["unchanged"]) == (0, 0, 1), reply
    assert catalog(home) == before


def test_control_characters_are_exported_then_refused_at_their_cell(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    """A catalog that holds a control character (stored before this check existed) exports
    it as it is, not silently without it; importing the export names the cell."""
    _save(home, name="企业\x1b[2J登记信息", abstract="全省企业\x00登记基本信息")
    out = tmp_path / "catalog.xlsx"
    assert run(capsys, "export-catalog", str(out), "--home", str(home), "--json")[0] == 0
    code, reply = run(capsys, "import-catalog", str(out), "--home", str(home), "--json")
    assert (code, reply["stored"]) == (1, False)
    found = {(e["cell"], e["code"]) for e in reply["errors"]}
    assert found == {("F2", "control_character"), ("J2", "control_character")}
    messages = " ".join(e["message"] for e in reply["errors"])
    assert "U+001B" in messages and "U+0000" in messages and "控制字符" in messages
    assert "\x1b" not in messages and "\x00" not in messages


@pytest.mark.parametrize("ext", ["xlsx", "xls"])
def test_control_characters_in_a_libreoffice_workbook_are_errors_at_their_cells(
    capsys: pytest.CaptureFixture[str], home: Path, ext: str
) -> None:
    """LibreOffice (as Excel) writes them as _x001B_; calamine decodes them; the rules
    reject them, naming the cell and the character; nothing is stored."""
    book = LO / f"control_characters.{ext}"
    code, reply = run(capsys, "import-catalog", str(book), "--home", str(home), "--json")
    assert (code, reply["stored"]) == (1, False)
    where = {(e["sheet"], e["cell"]): e["message"] for e in reply["errors"]}
    assert set(where) == {("信息资源", "F2"), ("信息资源", "J3"), ("信息资源", "F5"),
                          ("信息项", "B5")}  # fmt: skip
    assert "U+001B" in where["信息资源", "F2"]
    assert "U+0000" in where["信息资源", "J3"]
    assert "U+000A" in where["信息资源", "F5"]  # a line break in a one-line name
    assert "U+0001" in where["信息项", "B5"]
    assert catalog(home) == {}


def test_the_guide_s_table_with_the_legal_basis_in_the_share_conditions_imports(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """The 2017 guide has 不予共享 resources name their basis in 共享条件 (no 不予共享依据
    column): no legal_basis_required finding, the basis stored where it was written."""
    book = LO / "guide_conformant.xlsx"
    code, reply = run(capsys, "import-catalog", str(book), "--home", str(home), "--json")
    assert (code, reply["stored"], reply["errors"]) == (0, True, []), reply
    stored = catalog(home)
    not_shared = {c: p for c, p in stored.items() if p["share_type"] == "not_shared"}
    assert set(not_shared) == {"301001/000002", "301001/000003"}
    assert "《中华人民共和国保守国家秘密法》" in not_shared["301001/000003"]["share_conditions"]
    assert all(p["legal_basis"] == "" for p in not_shared.values())


def test_export_template(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    code, _reply = run(capsys, "export-template", str(template), "--home", str(home), "--json")
    assert code == 0 and "代码表" in load_workbook(template).sheetnames


def test_a_row_that_would_overwrite_a_resource_is_code_taken_exit_1_nothing_stored(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """The officer typed 农村特困人员供养信息 (the first free code, 301001/000001); a workbook
    LibreOffice wrote holds 企业登记基本信息 under that code. Without --update-existing the
    row is an error at its code cell, naming both; nothing is stored."""
    _save(home, name="农村特困人员供养信息", update_cycle="monthly")
    before = catalog(home)
    book = str(LO / "merged_clean.xls")
    code, reply = run(capsys, "import-catalog", book, "--home", str(home), "--json")
    assert (code, reply["ok"], reply["stored"], reply["import_id"]) == (1, False, False, None)
    (taken,) = reply["errors"]
    assert (taken["code"], taken["sheet"], taken["cell"]) == ("code_taken", "信息资源目录", "G5")
    assert "301001/000001" in taken["message"] and "农村特困人员供养信息" in taken["message"]
    (change,) = reply["changes"]
    assert (change["name_before"], change["name_after"], change["renamed"]) == (
        "农村特困人员供养信息", "企业登记基本信息", True
    )  # fmt: skip
    assert {"field": "update_cycle", "old": "monthly", "new": "daily"} in change["fields"]
    assert catalog(home) == before  # the other three rows were not stored either

    # the human output lists the change in words, flags the other name, says what to do
    assert main(["import-catalog", book, "--home", str(home), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "农村特困人员供养信息 → 企业登记基本信息" in out
    assert "更新周期: 每月 → 每日" in out
    assert "--update-existing" in out
    assert catalog(home) == before


def test_update_existing_updates_and_undo_import_takes_it_back(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    _save(home, name="农村特困人员供养信息")
    before = catalog(home)
    book = str(LO / "merged_clean.xlsx")
    args = ("import-catalog", book, "--home", str(home), "--json", "--update-existing")
    code, dry = run(capsys, *args, "--dry-run")
    assert (code, dry["ok"], dry["stored"], len(dry["changes"])) == (0, True, False, 1)
    assert catalog(home) == before
    code, reply = run(capsys, *args)
    assert (code, reply["stored"], reply["new"], reply["changed"]) == (0, True, 3, 1)
    assert reply["import_id"]
    stored = catalog(home)
    assert stored["301001/000001"]["name"] == "企业登记基本信息"
    assert len(stored) == 4

    code, undone = run(capsys, "undo-import", "--home", str(home), "--json")
    assert (code, undone["ok"], undone["deleted"], undone["restored"]) == (0, True, 3, 1)
    assert catalog(home) == before
    code, again = run(capsys, "undo-import", "--home", str(home), "--json")
    assert (code, again["ok"], again["error"]) == (1, False, "import_undo_gone")


def test_an_import_into_a_new_data_directory_loads_neither_openpyxl_nor_alembic(
    home: Path,
) -> None:
    """DESIGN §6 counts the whole process: openpyxl only writes workbooks (a report, the
    exports), and a new DB is made without replaying the migrations."""
    code = (
        "import json, sys; from govshare_desktop.cli import main; "
        f"rc = main(['import-catalog', {str(LO / 'merged_clean.xlsx')!r}, '--home', "
        f"{str(home)!r}, '--json']); "
        "print(json.dumps([rc, 'openpyxl' in sys.modules, 'alembic' in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [0, False, False]


def _reading_ahead() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "govshare-read-ahead"]


def test_the_workbook_read_ahead_is_let_go_when_the_import_never_starts(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """import-catalog starts reading its workbook before the store loads; a data directory
    behind this build's schema ends the command before the import: the read is waited
    for and its file let go, and the command says what it always said."""
    fixture = Path(__file__).resolve().parents[1] / "data" / "db" / "schema-0001.db"
    shutil.copyfile(fixture, home / "govshare.db")
    assert main(["import-catalog", str(LO / "merged_clean.xlsx"), "--home", str(home)]) == 2
    assert "govshare db upgrade" in capsys.readouterr().err
    assert _reading_ahead() == []


def test_an_import_read_ahead_leaves_no_thread(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, reply = run(capsys, "import-catalog", str(LO / "two_sheet_clean.xlsx"), "--home",
                      str(home), "--json")  # fmt: skip
    assert (code, reply["stored"]) == (0, True)
    assert _reading_ahead() == []
