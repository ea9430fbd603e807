"""`govshare validate-data` as a script uses it: exit codes 0/1/2, the JSON shape, the lines."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.cli import main
from govshare_desktop.domain.entities import Classification, DataItem, Resource

CODE = "301001/000001"
HEADER = "统一社会信用代码,企业名称,注册资本,成立日期"
GOOD = "91130100MA0000001X,河北某某科技有限公司,500,2020-01-15"


@pytest.fixture
def home(home: Path) -> Path:
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=Classification("3", "01", "001"),
                code=CODE, share_type="unconditional",
                data_items=(DataItem("统一社会信用代码", "C", 18, extra={"required": True}),
                            DataItem("企业名称", "C", 50, extra={"required": True}),
                            DataItem("注册资本", "N", 8), DataItem("成立日期", "D"),
                            DataItem("是否存续", "L")),
            )
        )  # fmt: skip
        ctx.services.catalog.save(Resource(name="无信息项", unit_code="U1", code="301001/000002"))
    finally:
        ctx.close()
    return home


def csv_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "企业.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def run(
    capsys: pytest.CaptureFixture[str], home: Path, path: Path, *extra: str
) -> tuple[int, str, str]:
    code = main(["validate-data", str(path), "--resource", CODE, "--home", str(home), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_file_exits_0_with_warnings_for_optional_items(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, home, csv_file(tmp_path, HEADER, GOOD, GOOD), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["ok"] is True
    assert data["resource"] == CODE
    assert data["rows"] == 2
    assert data["errors"] == []
    assert data["truncated"] == 0
    assert [w["column"] for w in data["warnings"]] == ["是否存续"]
    assert data["warnings"][0]["code"] == "missing_item_column"
    assert "是否存续" in data["warnings"][0]["message"]
    assert (data["sheet"], data["header_row"]) == ("企业", 1)


def test_errors_exit_1_with_each_finding_located(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, HEADER, GOOD, ",某公司,123456789,2020-02-30")
    code, out, _ = run(capsys, home, path, "--json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    assert data["error_count"] == 3
    assert [(e["cell"], e["code"]) for e in data["errors"]] == [
        ("A3", "value_required"),
        ("C3", "too_many_digits"),
        ("D3", "bad_value_type"),
    ]
    first = data["errors"][0]
    assert set(first) == {"sheet", "row", "column", "cell", "code", "message"}
    assert (first["sheet"], first["row"], first["column"]) == ("企业", 3, "统一社会信用代码")
    assert "2020-02-30" in data["errors"][2]["message"]
    code, out, _ = run(capsys, home, path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("企业 ")  # the header row: no column for 是否存续
    assert "是否存续: 警告: " in lines[0]
    assert lines[1].startswith("企业!A3 统一社会信用代码: ")
    assert lines[3].startswith("企业!D3 成立日期: ")
    assert "3" in lines[-1]


def test_an_unreadable_file_or_unknown_resource_exits_2(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "data.xlsx"
    binary.write_bytes(b"\x00not a workbook" * 50)
    code, out, err = run(capsys, home, binary)
    assert (code, out) == (2, "")
    assert "data.xlsx" in err
    code, _, err = run(capsys, home, csv_file(tmp_path, "a,b", "1,2"))
    assert code == 2
    assert err.strip()
    code = main(["validate-data", str(binary), "--resource", "999999/000009", "--home", str(home)])
    assert code == 2
    assert "999999/000009" in capsys.readouterr().err
    empty = main(["validate-data", str(binary), "--resource", "301001/000002", "--home", str(home)])
    assert empty == 2


def test_usage_needs_a_resource(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate-data", str(tmp_path / "x.csv")])
    assert caught.value.code == 2
    assert "--resource" in capsys.readouterr().err


def test_as_a_real_process(home: Path, tmp_path: Path) -> None:
    path = csv_file(tmp_path, HEADER, GOOD)
    done = subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", "validate-data", str(path),
         "--resource", CODE, "--home", str(home), "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == 1


@pytest.mark.skipif(
    importlib.util.find_spec("govshare_desktop.excel.report_writer") is None,
    reason="excel.report_writer is not written yet",
)
def test_report_workbook(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> None:
    import openpyxl  # noqa: PLC0415

    path = csv_file(tmp_path, HEADER, GOOD, ",某公司,x,2020-01-15")
    out = tmp_path / "report.xlsx"
    code, _, _ = run(capsys, home, path, "--report", str(out))
    assert code == 1
    book = openpyxl.load_workbook(out)
    text = "\n".join(
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
    )
    assert "统一社会信用代码" in text
