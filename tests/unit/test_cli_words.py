"""Human output speaks Chinese words and local time, `--json` machine values (issue 10, item 11).

Every command family's human output is read for Python's spelling of values (`False`,
`None`, `()`) and ISO's "T" between date and time; the values that used to leak come out as
是/否, "—", the profile's labels and the officer's local clock instead.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.assets import DEFAULT_PROFILE, profile_path
from govshare_desktop.cli.words import EMPTY, Words
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.profile import load_profile

CLS = Classification("3", "01", "001")
CODE = "301001/000001"
LO = Path(__file__).resolve().parents[1] / "data" / "excel" / "lo"
PYTHONISH = re.compile(r"\b(True|False|None)\b|\(\)|\[\]|\{\}|\d{4}-\d\d-\d\dT\d\d:")
LOCAL = "CST-8"  # a POSIX TZ string (China Standard Time) that needs no tz database


def govshare(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "TZ": LOCAL},
    )  # fmt: skip


def human(*args: str) -> str:
    """The command's human output, checked for Python's and ISO's spellings on the way."""
    result = govshare(*args)
    assert result.returncode in (0, 1), result.stderr
    assert not PYTHONISH.findall(result.stdout), result.stdout
    assert not PYTHONISH.findall(result.stderr), result.stderr
    return result.stdout


@pytest.fixture
def filed(home: Path) -> Path:
    """Version 1 filed with a resource closed to society; the working copy opens it."""
    ctx = AppContext.open(home)
    try:
        saved = ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=CLS, code=CODE,
                provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
                abstract="全省企业登记基本信息", format_category="database",
                share_type="unconditional", share_method="platform_interface",
                open_to_society=False, update_cycle="daily",
                data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("成立日期", "D")),
            )
        )  # fmt: skip
        ctx.services.catalog.save(
            Resource(name="纳税人登记信息", unit_code="U2", classification=CLS,
                     provider_code="91440300708461136T", provider_name="税务局",
                     data_items=(DataItem("统一社会信用代码", "C", 18),))
        )  # fmt: skip
    finally:
        ctx.close()
    assert govshare("catalog", "file", "--unit", "U1", "--home", str(home)).returncode == 0
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.edit(saved.id, {"open_to_society": True, "open_conditions": "注明来源",
                                    "update_cycle": "weekly", "related_codes": ("301001/000009",)})  # fmt: skip
    finally:
        ctx.close()
    return home


def test_info_and_db(filed: Path) -> None:
    for command in (("info",), ("db", "check"), ("db", "upgrade")):
        human(*command, "--home", str(filed))


def test_catalog_reading_commands(filed: Path) -> None:
    home = ("--home", str(filed))
    assert "无条件共享" in human("catalog", "list", *home)
    human("catalog", "search", "企业", *home)
    human("catalog", "validate", *home)
    human("catalog", "one-source", *home)
    shown = human("catalog", "show", CODE, *home)
    assert "是否向社会开放: 是" in shown
    assert "更新周期: 每周" in shown
    assert "共享方式: 共享平台/接口" in shown
    assert "信息资源分类: 301001 部门信息资源类" in shown
    assert f"发布日期: {EMPTY}" in shown
    assert "关联资源代码: 301001/000009" in shown
    assert "  成立日期\t日期型\t—" in shown


def test_versions_show_the_local_clock(filed: Path) -> None:
    ctx = AppContext.open(filed)
    try:
        frozen = ctx.services.filing.versions("U1")[0].frozen_at
    finally:
        ctx.close()
    assert frozen is not None and frozen.tzinfo is None  # stored as UTC
    local = (frozen + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    assert f"v1\t报备中\t{local}\t{EMPTY}" in human("catalog", "versions", "--unit", "U1",
                                                 "--home", str(filed))  # fmt: skip
    reply = json.loads(govshare("catalog", "versions", "--unit", "U1", "--home", str(filed),
                                "--json").stdout)  # fmt: skip
    assert reply["versions"][0]["frozen_at"] == frozen.isoformat()  # machines read ISO 8601


def test_diff_in_labels_and_words(filed: Path) -> None:
    diff = human("catalog", "diff", "1", "draft", "--unit", "U1", "--home", str(filed))
    assert "是否向社会开放: 否 → 是" in diff
    assert "更新周期: 每日 → 每周" in diff
    assert f"开放条件: {EMPTY} → 注明来源" in diff
    assert f"关联资源代码: {EMPTY} → 301001/000009" in diff
    reply = json.loads(govshare("catalog", "diff", "1", "draft", "--unit", "U1", "--home",
                                str(filed), "--json").stdout)  # fmt: skip
    changes = {f["field"]: (f["old"], f["new"]) for f in reply["changed"][0]["fields"]}
    assert changes["open_to_society"] == (False, True)
    assert changes["update_cycle"] == ("daily", "weekly")
    assert changes["related_codes"] == ([], ["301001/000009"])


def test_exchange_file_superior_and_derive(filed: Path, tmp_path: Path) -> None:
    exchange = tmp_path / "U1.json"
    human("catalog", "export-json", str(exchange), "--unit", "U1", "--home", str(filed))
    human("catalog", "export-dcat", str(tmp_path / "open.jsonld"), "--home", str(filed))
    county = tmp_path / "county"
    human("catalog", "load-superior", str(exchange), "--home", str(county))
    human("catalog", "derive", CODE, "--unit", "U9", "--home", str(county))


def test_workbooks_and_data_files(filed: Path, tmp_path: Path) -> None:
    home = ("--home", str(filed))
    # its row 301001/000001 replaces the filed resource: listed field by field, in words
    first = human("import-catalog", str(LO / "merged_clean.xls"), "--update-existing", *home)
    assert "企业登记信息 → 企业登记基本信息" in first, first
    again = human("import-catalog", str(LO / "merged_clean.xls"), *home)
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", again), again
    human("export-template", str(tmp_path / "t.xlsx"), *home)
    human("export-catalog", str(tmp_path / "c.xlsx"), *home)
    data = tmp_path / "企业.csv"
    data.write_text("统一社会信用代码,成立日期\n91130100MA0000001X,2020-01-15\n", encoding="utf-8")
    human("validate-data", str(data), "--resource", CODE, *home)


def test_english_uses_the_profiles_english_labels() -> None:
    words = Words(lambda _c, text: text, load_profile(profile_path(DEFAULT_PROFILE)), english=True)
    assert words.field("update_cycle", "monthly") == "Monthly"
    assert words.value(False) == "no"
    assert words.value(()) == EMPTY
    assert words.label("share_type") == "Share type"
