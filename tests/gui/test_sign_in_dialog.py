"""登录 and 退出登录 as an officer meets them: the File menu and the status bar, a real
reference platform on 127.0.0.1, the keyring named for the test, Chinese sentences."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification
from govshare_desktop.ui.sync.sign_in_dialog import SignInDialog
from tests.platform.conftest import Platform, assert_clean_log, seed, start_platform
from tests.support.servers import refused_port

OpenShell = Callable[[], Shell]


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    directory = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{directory / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(directory, "--enable-faults", db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


def set_platform(home: Path, url: str) -> None:
    """The address as IT's MSI or the officer's settings left it."""
    document = {"format": 1, "values": {"platform.url": url}}
    (home / "settings.json").write_text(json.dumps(document), encoding="utf-8")


def identity_text(shell: Shell) -> str:
    return shell.window.status.identity_button.text()


def open_dialog(qtbot: QtBot, shell: Shell) -> SignInDialog:
    qtbot.waitUntil(shell.window.sign_in_action.isEnabled, timeout=5000)
    shell.window.sign_in_action.trigger()  # 文件 → 登录…
    dialog = shell.window.findChild(SignInDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def attempt(qtbot: QtBot, dialog: SignInDialog, user: str, password: str) -> str:
    """Type and press 登录; the sentence the dialog shows, or "" once it closed."""
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    return dialog.message.text() if dialog.isVisible() else ""


def test_sign_in_from_the_file_menu_shows_the_officer_and_unit(
    qtbot: QtBot, start_shell: OpenShell, home: Path, platform: Platform, file_keyring: Path
) -> None:
    set_platform(home, platform.root)
    shell = start_shell()
    qtbot.waitUntil(lambda: identity_text(shell) == "未登录", timeout=5000)
    assert not shell.window.sign_out_action.isEnabled()
    assert shell.window.catalog_page.heading.text() == "目录编制"  # no unit yet
    dialog = open_dialog(qtbot, shell)
    assert dialog.address.text() == platform.root  # prefilled from the settings
    assert "用户名或密码不正确" in attempt(qtbot, dialog, "ga-compiler", "wrong")
    assert dialog.isVisible()
    password = platform.officers["ga-compiler"]["password"]
    with qtbot.waitSignal(dialog.signed_in, timeout=30000):
        attempt(qtbot, dialog, "ga-compiler", password)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: identity_text(shell) == "孙丽 · 石家庄市公安局", timeout=5000)
    assert shell.window.sign_out_action.isEnabled()
    assert shell.ctx.services.sign_in.state().identity.unit_code == "SJZ-GA"
    heading = shell.window.catalog_page.heading
    qtbot.waitUntil(lambda: heading.text() == "目录编制 — 石家庄市公安局", timeout=5000)
    # a new resource names the unit as its provider
    page = shell.window.catalog_page
    page.new_resource()
    qtbot.waitUntil(lambda: page.form is not None and page.form.resource is not None, timeout=5000)
    (created,) = shell.ctx.services.catalog.list_resources("SJZ-GA")
    assert created.provider_name == "石家庄市公安局"
    assert created.provider_code == shell.ctx.services.sign_in.state().identity.unit_credit_code

    shell.window.close()  # leaves ui-state.ini behind
    shell.close()
    secrets = {password, *json.loads(file_keyring.read_text(encoding="utf-8")).values()}
    assert len(secrets) == 4  # the password, two tokens, the audit chain's key
    files = {p.name: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    assert {"govshare.db", "settings.json", "ui-state.ini", "govshare.log"} <= set(files)
    leaks = [(name, s[:4]) for name, data in files.items() for s in secrets if s.encode() in data]
    assert leaks == []


def test_the_dialog_explains_each_failure_in_chinese(
    qtbot: QtBot, start_shell: OpenShell, home: Path, faults_platform: Platform, file_keyring: Path
) -> None:
    platform = faults_platform
    set_platform(home, f"http://127.0.0.1:{refused_port()}")
    shell = start_shell()
    dialog = open_dialog(qtbot, shell)
    password = platform.officers["mz-compiler"]["password"]
    offline = attempt(qtbot, dialog, "mz-compiler", password)
    assert "无法连接共享平台" in offline
    assert "可以继续离线工作" in offline

    dialog.address.setText(platform.root)
    platform.fault(action="status", path="/api/v1/auth/token", status=429, retry_after=120)
    busy = attempt(qtbot, dialog, "mz-compiler", password)
    assert "120 秒" in busy
    platform.fault(action="portal", path="/api/v1/auth/token")
    assert "登录页" in attempt(qtbot, dialog, "mz-compiler", password)
    assert "石家庄市民政局" not in identity_text(shell)  # nothing kept from any of them


def test_without_a_keyring_the_dialog_says_so_and_keeps_nothing(
    qtbot: QtBot, start_shell: OpenShell, home: Path, platform: Platform
) -> None:
    set_platform(home, platform.root)
    shell = start_shell()
    dialog = open_dialog(qtbot, shell)
    password = platform.officers["ga-compiler"]["password"]
    assert "没有可用的系统凭据存储" in attempt(qtbot, dialog, "ga-compiler", password)
    assert not shell.ctx.services.sign_in.state().identity.signed_in


def test_sign_out_asks_first_when_changes_wait(
    qtbot: QtBot, start_shell: OpenShell, home: Path, platform: Platform, file_keyring: Path
) -> None:
    set_platform(home, platform.root)
    shell = start_shell()
    shell.ctx.services.sign_in.sign_in(
        "", "ga-reviewer", platform.officers["ga-reviewer"]["password"]
    )
    catalog = shell.ctx.services.catalog
    catalog.save(catalog.new_resource("待发送", Classification("3", "01", "001")))
    window = shell.window
    window.refresh()
    qtbot.waitUntil(window.sign_out_action.isEnabled, timeout=5000)
    asked: list[str] = []
    answer = [False]

    def confirm(why: str) -> bool:
        asked.append(why)
        return answer[0]

    window.confirm_sign_out = confirm  # type: ignore[method-assign]  # the officer's answer
    window.sign_out_action.trigger()  # 文件 → 退出登录
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert "1 项更改尚未发送到共享平台" in asked[0]
    assert shell.ctx.services.sign_in.state().signed_in  # "No": still signed in
    answer[0] = True
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: identity_text(shell) == "石家庄市公安局 · 未登录", timeout=5000)
    assert not window.sign_out_action.isEnabled()
    held = json.loads(file_keyring.read_text(encoding="utf-8"))
    assert [entry for entry in held if "secret:" not in entry] == []  # no token is left
    assert shell.ctx.services.sign_in.unsent() == 1  # the change still waits


@pytest.fixture
def faults_platform(platform: Platform) -> Iterator[Platform]:
    yield platform
    platform.clear_faults()
