"""kill -9 part-way through an Excel import: the DB is exactly as it was before the import.

A real `govshare import-catalog` process imports a workbook of thousands of resources into a
data directory that already holds a catalog; the test waits until the log says the import
reached the phase named, then SIGKILLs it. After SQLite's recovery every table must dump
to the same SQL as before: an import is one transaction, stored whole or not at all.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.credit_code import check_character

LO = Path(__file__).resolve().parents[1] / "data" / "excel" / "lo"
HEADER = ["信息资源分类", "信息资源名称", "信息资源代码", "信息资源提供方", "信息资源提供方代码",
          "信息资源摘要", "信息资源格式", "共享类型", "共享条件", "是否向社会开放", "开放条件",
          "更新周期", "信息项名称", "数据类型", "数据长度"]  # fmt: skip
PROVIDER = "11130000000000001" + check_character("11130000000000001")


def big_workbook(path: Path, resources: int, items: int) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("目录")
    sheet.append(HEADER)
    for i in range(resources):
        head = ["3-02-001", f"资源{i}", f"302001/{i + 1:06d}", "某厅", PROVIDER, f"摘要{i}",
                "数据库/MySQL", "有条件共享", "依申请", "否", "", "每月"]  # fmt: skip
        for j in range(items):
            sheet.append([*(head if j == 0 else [None] * len(head)), f"项{j}", "C", 20])
    book.save(path)
    return path


def dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return list(connection.iterdump())


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_workbook(tmp_path_factory.mktemp("kill") / "big.xlsx", 6000, 10)


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["read", "check", "store"])
def test_kill_during_import_leaves_the_db_as_it_was(phase: str, home: Path, workbook: Path) -> None:
    ctx = AppContext.open(home)
    assert ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx").stored
    log, db = ctx.paths.log_file, ctx.paths.db
    ctx.close()
    before = dump(db)
    logged = log.stat().st_size
    child = subprocess.Popen(
        [sys.executable, "-m", "govshare_desktop.cli", "import-catalog", str(workbook),
         "--home", str(home)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    marker = f"import {phase} ".encode()
    while marker not in log.read_bytes()[logged:]:
        assert child.poll() is None, "the import finished before the phase was reached"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    assert dump(db) == before
    ctx = AppContext.open(home)
    try:
        assert ctx.services.catalog.count() == 5
        assert ctx.services.database.check().ok
    finally:
        ctx.close()
