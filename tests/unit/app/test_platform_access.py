"""The composition root's platform access: the address as policy allows it, and one session
per address that outlives a change of network settings (tests/unit/test_cli_imports.py holds
that nothing is built before it is used)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govshare_desktop.app.platform_access import SettingsPlatformAccess
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.settings.policy import MachinePolicy
from govshare_desktop.settings.resolver import Settings


def access(tmp_path: Path, enforced: dict[str, object] | None = None) -> SettingsPlatformAccess:
    settings = Settings(tmp_path / "settings.json", MachinePolicy({}, enforced or {}))
    return SettingsPlatformAccess(settings, tmp_path)


def test_an_address_is_checked_and_normalised(tmp_path: Path) -> None:
    platform = access(tmp_path)
    assert platform.url == ""
    with pytest.raises(KnownError) as caught:
        platform.check_url("  ")
    assert caught.value.code is ErrorCode.PLATFORM_NOT_CONFIGURED
    with pytest.raises(KnownError) as caught:
        platform.check_url("platform.example.gov")
    assert caught.value.code is ErrorCode.SETTING_INVALID
    assert platform.check_url("HTTPS://Platform.Example.gov/api/v1/") == (
        "https://platform.example.gov"
    )


def test_an_address_set_by_policy_cannot_be_replaced(tmp_path: Path) -> None:
    platform = access(tmp_path, {"platform.url": "https://platform.example.gov"})
    assert platform.check_url("https://platform.example.gov/") == "https://platform.example.gov"
    with pytest.raises(KnownError) as caught:
        platform.check_url("https://elsewhere.example.gov")
    assert caught.value.code is ErrorCode.SETTING_LOCKED


def test_a_new_address_is_remembered_as_the_users_setting(tmp_path: Path) -> None:
    platform = access(tmp_path)
    platform.remember_url("https://platform.example.gov")
    stored = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert stored["values"]["platform.url"] == "https://platform.example.gov"
    assert platform.url == "https://platform.example.gov"


def test_a_network_setting_change_keeps_the_session_and_its_tokens(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json", MachinePolicy())
    platform = SettingsPlatformAccess(settings, tmp_path)
    platform.remember_url("https://platform.example.gov")
    session = platform.session()
    client = session.client
    assert session.store is platform.store("https://platform.example.gov/")
    assert platform.session() is session and session.client is client
    settings.update({"network.proxy": "http://proxy.example.gov:8080"})
    assert platform.session() is session
    assert session.client is not client
    assert session.client.config.proxy == "http://proxy.example.gov:8080"
