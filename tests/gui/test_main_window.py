"""User scripts for the main window: navigate, settings kept, language switch, policy lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.ui.main_window import PAGE_KEYS
from govshare_desktop.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import OpenShell, restart

CHINESE_TITLES = ["概览", "目录编制", "共享目录", "共享申请", "授权数据", "同步"]
ENGLISH_TITLES = [
    "Overview", "Catalog", "Shared directory", "Share requests", "Authorized data", "Sync",
]  # fmt: skip


def nav_titles(shell: Shell) -> list[str]:
    nav = shell.window.nav
    return [nav.item(i).text() for i in range(nav.count())]


def click_nav(qtbot: QtBot, shell: Shell, row: int) -> None:
    nav = shell.window.nav
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_window_opens_in_chinese_with_six_pages(shell: Shell) -> None:
    assert shell.window.windowTitle() == "政务信息资源共享桌面端"
    assert nav_titles(shell) == CHINESE_TITLES
    assert shell.window.status.connection_label.text().endswith("未设置平台地址")
    assert "0 项修改待发送" in shell.window.status.pending_label.text()


def test_navigate_every_page_by_mouse_and_keyboard(qtbot: QtBot, shell: Shell) -> None:
    window = shell.window
    for row, key in enumerate(PAGE_KEYS):
        click_nav(qtbot, shell, row)
        assert window.stack.currentWidget().objectName() == f"page:{key}"
        assert window.stack.currentWidget().isVisible()
    window.activateWindow()
    for row, key in enumerate(PAGE_KEYS):
        window.page_actions[row].trigger()
        assert window.current_page_key() == key
        assert window.page_actions[row].shortcut().toString() == f"Ctrl+{row + 1}"


def test_geometry_is_kept_after_restart_and_the_window_opens_on_the_overview(
    start_shell: OpenShell,
) -> None:
    shell = start_shell()
    assert shell.window.current_page_key() == "overview"  # the landing page (issue 16)
    shell.window.show_page("sync")
    shell.window.resize(780, 560)  # within the offscreen screen (800×600), which clamps
    shell = restart(shell, start_shell)
    assert shell.window.current_page_key() == "overview"  # what needs doing today, first
    assert (shell.window.width(), shell.window.height()) == (780, 560)


def open_settings(shell: Shell) -> SettingsDialog:
    """Through the menu action, as the officer does; returns the dialog that opened."""
    before = set(shell.window.findChildren(SettingsDialog))
    shell.window.settings_action.trigger()
    (dialog,) = set(shell.window.findChildren(SettingsDialog)) - before
    assert dialog.isVisible()
    return dialog


def press_ok(qtbot: QtBot, dialog: SettingsDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_settings_are_kept_after_restart(qtbot: QtBot, start_shell: OpenShell) -> None:
    shell = start_shell()
    dialog = open_settings(shell)
    url = dialog.editors["platform.url"]
    assert isinstance(url, QLineEdit)
    qtbot.keyClicks(url, "https://platform.hebei.example.gov")
    minutes = dialog.editors["security.auto_lock_minutes"]
    assert isinstance(minutes, QSpinBox)
    minutes.setValue(30)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: shell.window.status.connection_label.text().endswith("离线"))
    shell = restart(shell, start_shell)
    dialog = open_settings(shell)
    assert dialog.editors["platform.url"].text() == "https://platform.hebei.example.gov"  # type: ignore[union-attr]
    assert dialog.editors["security.auto_lock_minutes"].value() == 30  # type: ignore[union-attr]
    dialog.reject()


def test_an_invalid_value_is_explained_and_nothing_is_saved(
    qtbot: QtBot, shell: Shell, home: Path
) -> None:
    dialog = open_settings(shell)
    qtbot.keyClicks(dialog.editors["platform.url"], "platform without scheme")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "无效" in dialog.error_label.text()
    assert not (home / "settings.json").exists()
    dialog.reject()


def choose_language(qtbot: QtBot, shell: Shell, language: str) -> None:
    dialog = open_settings(shell)
    combo = dialog.editors["ui.language"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(language))
    press_ok(qtbot, dialog)


def test_switch_to_english_and_back_without_losing_work(qtbot: QtBot, shell: Shell) -> None:
    window = shell.window
    window.show_page("overview")
    dialog_before = open_settings(shell)
    qtbot.keyClicks(dialog_before.editors["network.proxy"], "http://proxy:8080")  # unsaved typing
    dialog_before.hide()

    choose_language(qtbot, shell, "en")
    qtbot.waitUntil(lambda: nav_titles(shell) == ENGLISH_TITLES)
    assert window.windowTitle() == "GovShare Desktop"
    assert window.file_menu.title() == "&File"
    assert window.status.connection_label.text().endswith("No platform address set")
    assert window.current_page_key() == "overview"
    assert dialog_before.editors["network.proxy"].text() == "http://proxy:8080"  # type: ignore[union-attr]
    assert dialog_before.windowTitle() == "Settings"

    choose_language(qtbot, shell, "zh_CN")
    qtbot.waitUntil(lambda: nav_titles(shell) == CHINESE_TITLES)
    assert window.file_menu.title() == "文件(&F)"
    assert dialog_before.windowTitle() == "设置"
    assert window is shell.window
    dialog_before.reject()


def test_a_policy_locked_setting_is_read_only(
    qtbot: QtBot, start_shell: OpenShell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(
        json.dumps(
            {
                "enforced": {"platform.url": "https://gpo.hebei.example.gov"},
                "defaults": {"network.proxy": "http://proxy.hebei.example.gov:8080"},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("GOVSHARE_POLICY", str(policy))
    shell = start_shell()
    dialog = open_settings(shell)
    url = dialog.editors["platform.url"]
    assert not url.isEnabled()
    assert url.text() == "https://gpo.hebei.example.gov"  # type: ignore[union-attr]
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("管理员通过本机策略设定" in n for n in notes)
    assert any("管理员提供的默认值" in n for n in notes)
    proxy = dialog.editors["network.proxy"]
    assert proxy.isEnabled()
    assert proxy.text() == "http://proxy.hebei.example.gov:8080"  # type: ignore[union-attr]
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert shell.ctx.settings.get("platform.url") == "https://gpo.hebei.example.gov"


def test_about_shows_version_and_data_paths(shell: Shell, home: Path) -> None:
    shell.window.about_action.trigger()
    dialog = QApplication.activeModalWidget() or shell.window.findChild(QLabel).window()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(home / "govshare.db") in texts
    assert str(home / "logs" / "govshare.log") in texts
    assert shell.ctx.version in texts
    dialog.close()


def test_standard_shortcuts(shell: Shell) -> None:
    window = shell.window
    assert "Ctrl+Q" in [s.toString() for s in window.quit_action.shortcuts()]
    assert "Ctrl+," in [s.toString() for s in window.settings_action.shortcuts()]
    window.quit_action.trigger()
    assert not window.isVisible()
