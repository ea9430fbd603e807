"""`govshare import-catalog | export-template | export-catalog` as scripts use them: exit codes,
the --json object, a dry run that stores nothing, the marked report, and the round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from govshare_desktop.cli import main

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


def test_exported_catalog_imports_unchanged(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    run(capsys, "import-catalog", str(LO / "two_sheet_clean.xlsx"), "--home", str(home), "--json")
    out = tmp_path / "catalog.xlsx"
    code, exported = run(capsys, "export-catalog", str(out), "--home", str(home), "--json")
    assert (code, exported["resources"]) == (0, 5)
    code, reply = run(capsys, "import-catalog", str(out), "--home", str(home), "--json")
    assert (code, reply["new"], reply["changed"], reply["unchanged"]) == (0, 0, 0, 5)
    template = tmp_path / "template.xlsx"
    code, _reply = run(capsys, "export-template", str(template), "--home", str(home), "--json")
    assert code == 0 and "代码表" in load_workbook(template).sheetnames
