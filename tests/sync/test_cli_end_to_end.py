"""The officer's script, end to end, on a bad day: `govshare login`, `govshare import-catalog`
of a 40-resource workbook of the officer's own unit, then `govshare sync --once` again and
again while the link drops or cuts a third of the answers and the process is killed (-9) at
random moments — until one run says 0. The platform must then hold each of the 40 exactly
once, and the data directory must pass `govshare db check`.

Seeded, so a failure replays: the front's losses and the kills come from one `Random`.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.sync.checkpoints import AFTER_BEGIN, AFTER_REPLY, BEFORE_PAGE, ENV
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.officer import govshare, platform_duplicates, server_resources

SEED = 20250601
RESOURCES = 40
RUNS = 40  # bound on the loop; a seeded day converges in far fewer
LABELS = (AFTER_BEGIN, AFTER_REPLY, BEFORE_PAGE)


def write_catalog(
    path: Path, provider: str, provider_code: str, count: int = RESOURCES
) -> list[str]:
    """A two-sheet workbook (信息资源 + 信息项) of `count` resources of the provider, under
    codes (205001/…) no demo catalog of the reference platform holds."""
    book = Workbook(write_only=True)
    resources, items = book.create_sheet("信息资源"), book.create_sheet("信息项")
    resources.append(["序号", "类", "项", "目", "细目", "信息资源名称", "信息资源代码",
                      "信息资源提供方", "信息资源提供方代码", "信息资源摘要", "信息资源格式",
                      "共享类型", "共享条件", "共享方式", "是否向社会开放", "更新周期"])  # fmt: skip
    items.append(["信息资源代码", "信息项名称", "数据类型", "数据长度"])
    names = []
    for n in range(1, count + 1):
        code, name = f"205001/{n:06d}", f"专题资源{n:02d}号"
        names.append(name)
        resources.append([n, "2", "05", "001", "", name, code, provider, provider_code,
                          f"端到端测试的第{n}个资源", "数据库/MySQL", "无条件共享", "",
                          "共享平台/接口", "否", "每月"])  # fmt: skip
        items.append([code, "统一社会信用代码", "C", 18])
        items.append([code, "名称", "C", 200])
    book.save(path)
    return names


def sync_process(home: Path, rng: random.Random) -> int:
    """One `govshare sync --once`, killed at a random labelled point or a random moment
    (or left alone); its exit code, -9 when killed."""
    env = {k: v for k, v in os.environ.items() if k != ENV}
    fate = rng.random()
    if fate < 0.35:
        env[ENV] = f"{rng.choice(LABELS)}:{rng.randint(1, 12)}"
    process = subprocess.Popen(
        [sys.executable, "-m", "govshare_desktop.cli", "sync", "--once", "--home", str(home),
         "--json"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    if 0.35 <= fate < 0.7:
        try:  # killed after a random short while: start-up, mid-push or mid-pull
            process.wait(timeout=rng.uniform(0.3, 2.5))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=180)
    if process.returncode not in (0, 3, -signal.SIGKILL):
        raise AssertionError(f"sync exited {process.returncode}:\n{out}\n{err}")
    if process.returncode == 0:
        assert json.loads(out)["pending"] == 0, out
    return process.returncode


@pytest.mark.slow
def test_a_scripted_day_of_drops_and_kills_leaves_each_resource_on_the_platform_once(
    platform: Platform, proxy: Proxy, tmp_path: Path, file_keyring: Path
) -> None:
    home, user = tmp_path / "pc", "mz-compiler"
    login = govshare("login", "--platform", proxy.root, "--user", user, "--home", str(home),
                     "--json", stdin=platform.officers[user]["password"])  # fmt: skip
    assert login.returncode == 0, login.stderr
    unit = json.loads(login.stdout)
    workbook = tmp_path / "专题目录.xlsx"
    names = write_catalog(workbook, unit["unit_name"], unit["unit_credit_code"])
    imported = govshare("import-catalog", str(workbook), "--home", str(home))
    assert imported.returncode == 0, imported.stdout + imported.stderr

    rng = random.Random(SEED)
    proxy.chaos(0.3, SEED)
    codes = [sync_process(home, rng) for _ in range(3)]  # at least three bad runs
    while codes[-1] != 0 and len(codes) < RUNS:
        codes.append(sync_process(home, rng))
    assert codes[-1] == 0, codes
    assert -signal.SIGKILL in codes and 3 in codes, codes  # the day was as bad as meant

    proxy.clear()
    final = govshare("sync", "--once", "--home", str(home), "--json")
    assert final.returncode == 0 and json.loads(final.stdout)["sent"] == 0, final.stdout
    held = [r["name"] for r in server_resources(platform, user).values()]
    assert sorted(n for n in held if n in names) == sorted(names)  # each exactly once
    assert platform_duplicates(platform) == []
    checked = govshare("db", "check", "--home", str(home))
    assert checked.returncode == 0, checked.stdout + checked.stderr
