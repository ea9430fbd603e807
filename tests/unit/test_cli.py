"""`govshare` as IT staff run it: real processes, real exit codes, Chinese output."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.cli.common import EXIT_BROKEN_PIPE
from govshare_desktop.domain.entities import Resource
from govshare_desktop.store.instance_lock import InstanceLock
from govshare_desktop.store.migrate import head_revision


def govshare(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_info_on_an_empty_directory(tmp_path: Path) -> None:
    home = tmp_path / "x"
    result = govshare("info", "--home", str(home))
    assert result.returncode == 0, result.stderr
    assert "数据目录" in result.stdout
    assert str(home) in result.stdout
    assert head_revision() in result.stdout
    assert "national-2017" in result.stdout


def test_info_json(tmp_path: Path) -> None:
    result = govshare("info", "--home", str(tmp_path), "--json")
    data = json.loads(result.stdout)
    assert data["schema"] == head_revision()
    assert data["db"] == str(tmp_path / "govshare.db")


def test_db_check_on_an_empty_directory(tmp_path: Path) -> None:
    result = govshare("db", "check", "--home", str(tmp_path / "x"))
    assert result.returncode == 0, result.stderr
    assert "数据库完好" in result.stdout


def test_db_check_fails_on_a_database_behind_head(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "govshare.db")
    db.execute("CREATE TABLE something_else (x)")  # a DB that never saw our migrations
    db.commit()
    db.close()
    result = govshare("db", "check", "--home", str(tmp_path), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["ok"] is False


def test_db_check_fails_on_a_damaged_file(tmp_path: Path) -> None:
    assert govshare("db", "upgrade", "--home", str(tmp_path)).returncode == 0
    path = tmp_path / "govshare.db"
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 2048] = b"\xff" * 2048  # scribble over the second page
    path.write_bytes(bytes(data))
    result = govshare("db", "check", "--home", str(tmp_path))
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr


def test_upgrade_then_check(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "data" / "db" / "schema-0001.db"
    shutil.copyfile(fixture, tmp_path / "govshare.db")
    upgrade = govshare("db", "upgrade", "--home", str(tmp_path), "--json")
    assert upgrade.returncode == 0, upgrade.stderr
    assert json.loads(upgrade.stdout)["to"] == head_revision()
    assert govshare("db", "check", "--home", str(tmp_path)).returncode == 0


def test_a_newer_database_is_refused_in_chinese(tmp_path: Path) -> None:
    govshare("db", "upgrade", "--home", str(tmp_path))
    with sqlite3.connect(tmp_path / "govshare.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    for args in (("info",), ("db", "check"), ("db", "upgrade")):
        result = govshare(*args, "--home", str(tmp_path))
        assert result.returncode == 2
        assert "更新版本" in result.stderr
        assert "Traceback" not in result.stderr


def test_upgrade_is_refused_while_the_app_holds_the_directory(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "govshare.lock"):
        result = govshare("db", "upgrade", "--home", str(tmp_path))
    assert result.returncode == 2
    assert "已在使用数据目录" in result.stderr


def test_unwritable_home_gets_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = govshare("info", "--home", str(blocker / "home"))
    assert result.returncode == 2
    assert "无法写入数据目录" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert govshare("no-such-command").returncode == 2


def run_into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """`govshare … | head -1` at its worst: the reader is gone before the first line."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(
            [sys.executable, "-m", "govshare_desktop.cli", *args],
            stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60, check=False,
        )  # fmt: skip
    finally:
        os.close(writer)


@pytest.mark.parametrize(
    "command",
    [
        ("catalog", "show", "301001/000001"),
        ("catalog", "list"),
        ("catalog", "list", "--json"),
        ("info",),
    ],
    ids=" ".join,
)
def test_a_reader_that_goes_away_ends_the_command_quietly(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    ctx = AppContext.open(tmp_path)
    try:
        ctx.services.catalog.save(
            Resource(name="企业登记信息", unit_code="U1", code="301001/000001")
        )
    finally:
        ctx.close()
    result = run_into_a_closed_pipe(*command, "--home", str(tmp_path))
    assert result.returncode == EXIT_BROKEN_PIPE == 141  # as a tool killed by SIGPIPE
    assert result.stderr == ""
