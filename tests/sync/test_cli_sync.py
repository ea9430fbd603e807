"""`govshare sync --once` as an officer's script runs it: real processes, the real reference
platform, the keyring named by PYTHON_KEYRING_BACKEND, and the exit codes a script acts on
(0 done, 1 refused, 2 no address, 3 unreachable or busy, 4 conflicts, 5 sign in)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification
from tests.platform.conftest import Platform
from tests.sync.test_engine import LO, server_resources


def govshare(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        input=None if stdin is None else stdin + "\n",
        capture_output=True, text=True, timeout=180, check=False, env=os.environ.copy(),
    )  # fmt: skip


def login(platform: Platform, home: Path, user: str = "ga-compiler") -> None:
    secret = platform.officers[user]["password"]
    done = govshare(
        "login", "--platform", platform.root, "--user", user, "--home", str(home), stdin=secret
    )
    assert done.returncode == 0, done.stderr


def sync(home: Path) -> tuple[int, dict[str, Any]]:
    done = govshare("sync", "--once", "--home", str(home), "--json")
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def test_an_officers_day_offline_import_then_sync_with_its_exit_codes(
    platform: Platform, tmp_path: Path, file_keyring: Path
) -> None:
    home = tmp_path / "pc"
    home.mkdir()
    code, reply = sync(home)  # a new data directory: no address yet
    assert (code, reply["outcome"], reply["error"]) == (
        2,
        "not_configured",
        "platform_not_configured",
    )

    login(platform, home)
    listed = govshare("catalog", "list", "--home", str(home))
    assert "石家庄市公安局（SJZ-GA）的目录，统一社会信用代码 " in listed.stdout
    imported = govshare("import-catalog", str(LO / "merged_clean.xlsx"), "--home", str(home))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    ctx = AppContext.open(home)
    try:
        listed = ctx.services.catalog.list_resources("SJZ-GA")  # what the import stored
    finally:
        ctx.close()
    code, reply = sync(home)
    assert (code, reply["outcome"], reply["pending"], reply["conflicts"]) == (0, "done", 0, 0)
    mine = {r.id: r.name for r in listed if not r.secret}
    assert (len(listed), len(mine), reply["sent"]) == (4, 3, 3)  # a 涉密 one is never sent
    held = server_resources(platform)
    assert {rid: held[rid]["name"] for rid in mine} == mine
    assert not {r.id for r in listed if r.secret} & held.keys()

    code, reply = sync(home)  # nothing to do
    assert (code, reply["sent"], reply["applied"]) == (0, 0, 0)

    # the platform asks to come back later: exit 3, the change waits
    ctx = AppContext.open(home)
    try:
        rid = next(iter(mine))
        ctx.services.catalog.edit(rid, {"abstract": "忙时改的摘要"})
    finally:
        ctx.close()
    platform.fault(action="status", path="/api/v1/catalog/resources/*", status=503, retry_after=7)
    try:
        code, reply = sync(home)
    finally:
        platform.clear_faults()
    assert (code, reply["outcome"], reply["error"], reply["pending"]) == (
        3, "busy", "platform_throttled", 1
    )  # fmt: skip
    assert "7" in reply["message"] and reply["retry_after"] >= 7

    # signed out with the change waiting: exit 5, and it stays queued
    assert govshare("logout", "--force", "--home", str(home)).returncode == 0
    human = govshare("sync", "--once", "--home", str(home))
    assert human.returncode == 5
    assert "重新登录" in human.stderr and "1 项更改仍在等待发送" in human.stdout
    login(platform, home)
    code, reply = sync(home)
    assert (code, reply["sent"], reply["pending"]) == (0, 1, 0)
    assert server_resources(platform)[rid]["abstract"] == "忙时改的摘要"


def test_an_unreachable_platform_is_exit_3_and_the_same_field_on_two_pcs_is_exit_4(
    platform: Platform, tmp_path: Path, file_keyring: Path
) -> None:
    homes = [tmp_path / "pc1", tmp_path / "pc2"]
    for home in homes:
        home.mkdir()
        login(platform, home)
    ctx = AppContext.open(homes[0])
    try:
        catalog = ctx.services.catalog
        fresh = catalog.new_resource("两台电脑都改的资源", Classification("3", "01", "001"))
        rid = catalog.save(fresh).id
    finally:
        ctx.close()
    assert sync(homes[0])[0] == 0 and sync(homes[1])[0] == 0
    for home, text in zip(homes, ("第一台的摘要", "第二台的摘要"), strict=True):
        ctx = AppContext.open(home)
        try:
            ctx.services.catalog.edit(rid, {"abstract": text})
        finally:
            ctx.close()
    assert sync(homes[0])[0] == 0
    code, reply = sync(homes[1])
    assert (code, reply["outcome"], reply["conflicts"]) == (4, "done", 1)
    human = govshare("sync", "--once", "--home", str(homes[1]))
    assert human.returncode == 4 and "1 个冲突等待您处理" in human.stdout

    # the connection drops before any answer: exit 3, and the change stays queued
    ctx = AppContext.open(homes[0])
    try:
        ctx.services.catalog.edit(rid, {"update_cycle": "monthly"})
    finally:
        ctx.close()
    platform.fault(action="drop", path="/api/v1/catalog/resources/*")
    try:
        code, reply = sync(homes[0])
    finally:
        platform.clear_faults()
    assert (code, reply["outcome"], reply["error"], reply["pending"]) == (
        3, "offline", "platform_unreachable", 1
    )  # fmt: skip
    assert sync(homes[0])[0] == 0
    assert server_resources(platform)[rid]["update_cycle"] == "monthly"
