"""`govshare login | logout` as an officer's script runs them: real processes, the password
on stdin, the keyring named by PYTHON_KEYRING_BACKEND, Chinese words and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification
from tests.platform.conftest import Platform


def tokens(keyring: Path) -> dict[str, str]:
    """The keyring's sign-in entries: the install's own secrets (the audit key,
    security/install_secrets.py) stay across sign-outs, as they must."""
    held: dict[str, str] = json.loads(keyring.read_text(encoding="utf-8"))
    return {name: value for name, value in held.items() if "\nsecret:" not in name}


def govshare(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        input=None if stdin is None else stdin + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=os.environ.copy(),
    )


def login(
    platform: Platform, home: Path, user: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    secret = platform.officers[user]["password"]
    return govshare("login", "--user", user, "--home", str(home), *extra, stdin=secret)


def test_login_with_the_password_on_stdin_then_logout(
    platform: Platform, home: Path, file_keyring: Path
) -> None:
    result = login(platform, home, "ga-compiler", "--platform", platform.root)
    assert result.returncode == 0, result.stderr
    assert "已登录：孙丽（ga-compiler），石家庄市公安局（SJZ-GA）" in result.stdout
    assert platform.officers["ga-compiler"]["password"] not in result.stdout + result.stderr
    assert len(tokens(file_keyring)) == 2  # access, refresh
    settings = json.loads((home / "settings.json").read_text(encoding="utf-8"))["values"]
    assert settings["platform.url"] == platform.root

    again = login(platform, home, "ga-reviewer", "--json")  # the address is the setting now
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert (data["officer"], data["unit_code"], data["roles"]) == (
        "ga-reviewer",
        "SJZ-GA",
        ["reviewer"],
    )
    assert len(data["unit_credit_code"]) == 18

    out = govshare("logout", "--home", str(home))
    assert out.returncode == 0, out.stderr
    assert "已退出登录" in out.stdout
    assert tokens(file_keyring) == {}


def test_logout_is_refused_while_changes_wait(
    platform: Platform, home: Path, file_keyring: Path
) -> None:
    assert login(platform, home, "ga-compiler", "--platform", platform.root).returncode == 0
    ctx = AppContext.open(home)
    try:
        catalog = ctx.services.catalog
        catalog.save(catalog.new_resource("待发送的资源", Classification("3", "01", "001")))
    finally:
        ctx.close()
    refused = govshare("logout", "--home", str(home))
    assert refused.returncode == 1
    assert "1 项更改尚未发送到共享平台" in refused.stderr
    assert "govshare logout --force" in refused.stderr
    assert json.loads(file_keyring.read_text(encoding="utf-8"))  # still signed in
    refused_json = govshare("logout", "--home", str(home), "--json")
    assert refused_json.returncode == 1
    assert json.loads(refused_json.stdout)["unsent"] == 1

    forced = govshare("logout", "--force", "--home", str(home))
    assert forced.returncode == 0, forced.stderr
    assert "1 项更改" in forced.stdout  # still waiting, said so
    assert tokens(file_keyring) == {}


def test_a_wrong_password_and_another_unit_are_explained(
    platform: Platform, home: Path, file_keyring: Path
) -> None:
    wrong = govshare(
        "login", "--platform", platform.root, "--user", "ga-compiler", "--home", str(home),
        stdin="not-it",
    )  # fmt: skip
    assert wrong.returncode == 2
    assert "用户名或密码不正确" in wrong.stderr
    assert login(platform, home, "ga-compiler", "--platform", platform.root).returncode == 0
    other = login(platform, home, "mz-compiler")
    assert other.returncode == 2
    assert "石家庄市公安局" in other.stderr and "石家庄市民政局" in other.stderr
    assert "一个数据目录只保存一个单位的目录" in other.stderr


def test_login_without_a_keyring_keeps_nothing(platform: Platform, home: Path) -> None:
    """keyring resolves to its fail backend here (tests/conftest.py names it)."""
    result = login(platform, home, "ga-compiler", "--platform", platform.root, "--json")
    assert result.returncode == 2
    assert "没有可用的系统凭据存储" in result.stderr
    assert json.loads(result.stdout)["error"] == "keyring_unavailable"
    assert not (home / "settings.json").exists()


def test_login_without_a_platform_address_says_where_to_set_it(home: Path) -> None:
    result = govshare("login", "--user", "ga-compiler", "--home", str(home), stdin="x")
    assert result.returncode == 2
    assert "共享平台地址" in result.stderr
