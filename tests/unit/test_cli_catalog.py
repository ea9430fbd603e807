"""`govshare catalog …` as a script would use it: real processes, JSON and Chinese text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource

CLS = Classification("3", "01", "001")


def govshare(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture
def filled(home: Path) -> Path:
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=CLS, code="301001/000001",
                provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
                abstract="全省企业登记基本信息", format_category="database",
                share_type="unconditional", open_to_society=False, update_cycle="daily",
                data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("企业名称", "C", 200)),
            )
        )  # fmt: skip
        ctx.services.catalog.save(
            Resource(
                name="涉密人员名录", unit_code="U1", classification=CLS, code="301001/000002",
                share_type="not_shared", secret=True, data_items=(DataItem("姓名", "X"),),
            )
        )  # fmt: skip
    finally:
        ctx.close()
    return home


def test_list_and_search(filled: Path) -> None:
    listing = json.loads(govshare("catalog", "list", "--home", str(filled), "--json").stdout)
    assert [r["code"] for r in listing["resources"]] == ["301001/000001", "301001/000002"]
    assert listing["resources"][1]["secret"] is True
    assert listing["unit"] is None  # nobody signed in yet: no unit
    text = govshare("catalog", "list", "--home", str(filled)).stdout
    assert "此数据目录尚未归属任何单位" in text
    assert "共 2 条信息资源" in text
    assert "无条件共享" in text
    found = json.loads(
        govshare("catalog", "search", "企业登记", "--home", str(filled), "--json").stdout
    )
    assert [r["name"] for r in found["resources"]] == ["企业登记信息"]
    short = json.loads(govshare("catalog", "search", "姓", "--home", str(filled), "--json").stdout)
    assert [r["name"] for r in short["resources"]] == ["涉密人员名录"]


def test_show_by_code_and_unknown_key(filled: Path) -> None:
    shown = govshare("catalog", "show", "301001/000001", "--home", str(filled))
    assert shown.returncode == 0
    assert "信息资源名称: 企业登记信息" in shown.stdout
    assert "统一社会信用代码" in shown.stdout
    data = json.loads(
        govshare("catalog", "show", "301001/000001", "--home", str(filled), "--json").stdout
    )
    assert data["provider_code"] == "91350100M000100Y43"
    assert len(data["data_items"]) == 2
    missing = govshare("catalog", "show", "999999/000001", "--home", str(filled))
    assert missing.returncode == 1
    assert "没有代码或标识为 999999/000001 的信息资源" in missing.stdout


def test_validate_reports_findings_in_chinese_and_exits_1(filled: Path) -> None:
    result = govshare("catalog", "validate", "--home", str(filled))
    assert result.returncode == 1
    assert "信息资源代码" not in result.stderr
    assert "不予共享的信息资源须注明依据" in result.stdout
    assert "第 1 个信息项" in result.stdout
    report = json.loads(govshare("catalog", "validate", "--home", str(filled), "--json").stdout)
    assert report["ok"] is False
    assert report["resources"] == 2
    by_resource = {f["resource_code"] for f in report["findings"]}
    assert by_resource == {"301001/000002"}  # the complete resource has no findings
    assert {f["finding"] for f in report["findings"]} >= {"legal_basis_required", "not_in_enum"}


def test_validate_names_control_characters(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=CLS, code="301001/000001",
                provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
                abstract="全省企业\x1b[2J登记\x00信息", format_category="database",
                share_type="unconditional", open_to_society=False, update_cycle="daily",
                data_items=(DataItem("统一社会信用代码", "C", 18),),
            )
        )  # fmt: skip
    finally:
        ctx.close()
    result = govshare("catalog", "validate", "--home", str(home))
    assert result.returncode == 1
    assert "信息资源摘要" in result.stdout and "控制字符 U+001B U+0000" in result.stdout
    assert "\x1b" not in result.stdout and "\x00" not in result.stdout
    report = json.loads(govshare("catalog", "validate", "--home", str(home), "--json").stdout)
    assert [(f["field"], f["finding"]) for f in report["findings"]] == [
        ("abstract", "control_character")
    ]


def test_validate_exits_0_on_a_valid_catalog(filled: Path) -> None:
    result = govshare("catalog", "validate", "--home", str(filled), "--unit", "U2")
    assert result.returncode == 0
    assert "全部 0 条信息资源校验通过" in result.stdout


def test_catalog_commands_refuse_an_older_database(home: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "data" / "db" / "schema-0001.db"
    shutil.copyfile(fixture, home / "govshare.db")
    result = govshare("catalog", "list", "--home", str(home))
    assert result.returncode == 2
    assert "govshare db upgrade" in result.stderr


def test_export_dcat_writes_only_open_resources(filled: Path, tmp_path: Path) -> None:
    ctx = AppContext.open(filled)
    try:
        opened = ctx.services.catalog.find("301001/000001")
        assert opened is not None
        ctx.services.catalog.edit(
            opened.id, {"open_to_society": True, "open_conditions": "注明来源"}
        )
        secret = ctx.services.catalog.find("301001/000002")
        assert secret is not None
        ctx.services.catalog.edit(secret.id, {"open_to_society": True})
    finally:
        ctx.close()
    out = tmp_path / "open.jsonld"
    result = govshare("catalog", "export-dcat", str(out), "--home", str(filled))
    assert result.returncode == 0, result.stderr
    assert "已将 1 条向社会开放的信息资源导出到" in result.stdout
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [d["dct:identifier"] for d in document["dcat:dataset"]] == ["301001/000001"]
    assert "涉密人员名录" not in out.read_text(encoding="utf-8")


def test_file_versions_and_diff(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=CLS, code="301001/000001",
                provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
                abstract="全省企业登记基本信息", format_category="database",
                share_type="unconditional", open_to_society=False, update_cycle="daily",
                data_items=(DataItem("统一社会信用代码", "C", 18),),
            )
        )  # fmt: skip
    finally:
        ctx.close()
    filed = govshare("catalog", "file", "--unit", "U1", "--home", str(home))
    assert filed.returncode == 0, filed.stderr
    assert "第 1 版目录已冻结并提交备案" in filed.stdout
    again = govshare("catalog", "file", "--unit", "U1", "--home", str(home))
    assert again.returncode == 2
    assert "正在信息共享主管部门备案中" in again.stderr
    versions = govshare("catalog", "versions", "--unit", "U1", "--home", str(home))
    assert "v1\t报备中" in versions.stdout
    ctx = AppContext.open(home)
    try:
        resource = ctx.services.catalog.find("301001/000001")
        assert resource is not None
        ctx.services.catalog.edit(resource.id, {"name": "市场主体登记信息"})
    finally:
        ctx.close()
    diff = govshare("catalog", "diff", "v1", "draft", "--unit", "U1", "--home", str(home))
    assert diff.returncode == 0, diff.stderr
    assert "信息资源名称: 企业登记信息 → 市场主体登记信息" in diff.stdout
    assert "新增 0 条，删除 0 条，修改 1 条，未变 0 条。" in diff.stdout
    data = json.loads(
        govshare(
            "catalog", "diff", "1", "draft", "--unit", "U1", "--home", str(home), "--json"
        ).stdout
    )
    assert data["changed"][0]["fields"][0]["new"] == "市场主体登记信息"


def test_diff_shows_labels_in_the_ui_language(home: Path) -> None:
    """更新周期 每日 → 每周, not daily → weekly; English labels when the UI is English."""
    ctx = AppContext.open(home)
    try:
        saved = ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=CLS, code="301001/000001",
                provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
                abstract="全省企业登记基本信息", format_category="database",
                share_type="unconditional", open_to_society=False, update_cycle="daily",
                data_items=(DataItem("统一社会信用代码", "C", 18),),
            )
        )  # fmt: skip
        ctx.services.filing.submit("U1")
        ctx.services.catalog.edit(
            saved.id,
            {"update_cycle": "weekly", "share_type": "conditional", "share_conditions": "审批用",
             "open_to_society": True, "format_category": "service_interface"},
        )  # fmt: skip
    finally:
        ctx.close()
    diff = govshare("catalog", "diff", "v1", "draft", "--unit", "U1", "--home", str(home))
    assert diff.returncode == 0, diff.stderr
    for line in ("更新周期: 每日 → 每周", "共享类型: 无条件共享 → 有条件共享",
                 "共享条件: — → 审批用", "是否向社会开放: 否 → 是",
                 "信息资源格式: 数据库 → 服务接口"):  # fmt: skip
        assert line in diff.stdout, diff.stdout
    for code in ("daily", "weekly", "conditional", "False", "True", "database"):
        assert code not in diff.stdout
    data = json.loads(
        govshare(
            "catalog", "diff", "1", "draft", "--unit", "U1", "--home", str(home), "--json"
        ).stdout
    )
    changes = {f["field"]: (f["old"], f["new"]) for f in data["changed"][0]["fields"]}
    assert changes["update_cycle"] == ("daily", "weekly")  # scripts keep the codes

    ctx = AppContext.open(home)
    try:
        ctx.settings.update({"ui.language": "en"})
    finally:
        ctx.close()
    english = govshare("catalog", "diff", "v1", "draft", "--unit", "U1", "--home", str(home))
    assert english.returncode == 0, english.stderr
    for line in ("Update cycle: Daily → Weekly", "Share type: Unconditional → Conditional",
                 "Share conditions: — → 审批用", "Open to society: no → yes",
                 "Format: Database → Service interface"):  # fmt: skip
        assert line in english.stdout, english.stdout
    shown = govshare("catalog", "show", "301001/000001", "--home", str(home)).stdout
    assert "Update cycle: Weekly" in shown and "Character" in shown


def test_one_source_report(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        for unit, credit, name in (
            ("U1", "91350100M000100Y43", "企业登记信息"),
            ("U2", "91440300708461136T", "纳税人登记信息"),
        ):
            ctx.services.catalog.save(
                Resource(name=name, unit_code=unit, classification=CLS, provider_code=credit,
                         provider_name=f"单位{unit}", data_items=(DataItem("统一社会信用代码", "C", 18),))
            )  # fmt: skip
    finally:
        ctx.close()
    result = govshare("catalog", "one-source", "--home", str(home))
    assert result.returncode == 0, result.stderr
    assert "信息项由多个提供方提供\t统一社会信用代码" in result.stdout
    assert "共 1 处重复，其中 1 处尚待处理或说明" in result.stdout
    data = json.loads(govshare("catalog", "one-source", "--home", str(home), "--json").stdout)
    assert data["overlaps"][0]["justified"] is False
    assert {h["provider"] for h in data["overlaps"][0]["holders"]} == {
        "91350100M000100Y43",
        "91440300708461136T",
    }
