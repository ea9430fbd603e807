"""Machine policy from the Windows registry, read through a stand-in `winreg` on any OS.

The stand-in holds the two keys as IT staff would fill them: the MSI's key with machine
defaults, and the Group Policy key whose values are enforced.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from govshare_desktop.settings import policy
from govshare_desktop.settings.resolver import Settings, Source

HKLM = object()


def fake_winreg(keys: dict[str, dict[str, object]]) -> types.ModuleType:
    module = types.ModuleType("winreg")

    class Handle:
        def __init__(self, values: dict[str, object]) -> None:
            self.values = list(values.items())

        def __enter__(self) -> Handle:
            return self

        def __exit__(self, *_exc: object) -> None:
            return None

    def open_key(root: object, subkey: str, reserved: int, access: int) -> Handle:
        assert root is HKLM
        assert access & module.KEY_WOW64_64KEY  # the 64-bit view, whatever the process
        if subkey not in keys:
            raise OSError(2, "not found")
        return Handle(keys[subkey])

    def enum_value(handle: Handle, index: int) -> tuple[str, object, int]:
        if index >= len(handle.values):
            raise OSError(259, "no more data")
        name, value = handle.values[index]
        return name, value, 1

    module.HKEY_LOCAL_MACHINE = HKLM  # type: ignore[attr-defined]
    module.KEY_READ = 0x20019  # type: ignore[attr-defined]
    module.KEY_WOW64_64KEY = 0x0100  # type: ignore[attr-defined]
    module.OpenKey = open_key  # type: ignore[attr-defined]
    module.EnumValue = enum_value  # type: ignore[attr-defined]
    return module


@pytest.fixture
def on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")


def test_installer_values_are_defaults_and_group_policy_is_enforced(
    on_windows: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(
        sys.modules,
        "winreg",
        fake_winreg(
            {
                r"Software\GovShare\Desktop": {
                    "PlatformUrl": "https://msi.hebei.example.gov",
                    "ProxyUrl": "",  # the MSI writes empty properties: unset
                    "InstallDir": r"C:\Program Files\GovShare\Desktop",  # not a setting
                },
                r"Software\Policies\GovShare\Desktop": {
                    "platformurl": "https://gpo.hebei.example.gov",  # names are case-insensitive
                    "AutoLockMinutes": 5,  # a REG_DWORD
                },
            }
        ),
    )
    machine = policy.read_machine_policy()
    assert dict(machine.defaults) == {"platform.url": "https://msi.hebei.example.gov"}
    assert dict(machine.enforced) == {
        "platform.url": "https://gpo.hebei.example.gov",
        "security.auto_lock_minutes": 5,
    }
    settings = Settings(tmp_path / "s.json", machine)
    assert settings.get("platform.url") == "https://gpo.hebei.example.gov"
    assert settings.effective("platform.url").locked
    assert settings.get("security.auto_lock_minutes") == 5


def test_no_keys_means_built_in_defaults(
    on_windows: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "winreg", fake_winreg({}))
    machine = policy.read_machine_policy()
    assert not machine.defaults
    assert not machine.enforced
    assert Settings(tmp_path / "s.json", machine).effective("platform.url").source is Source.DEFAULT


def test_the_json_file_overrides_the_registry_for_tests_and_training(
    on_windows: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(
        sys.modules, "winreg", fake_winreg({r"Software\GovShare\Desktop": {"Language": "en"}})
    )
    path = tmp_path / "policy.json"
    path.write_text('{"defaults": {"ui.language": "zh_CN"}}', encoding="utf-8")
    monkeypatch.setenv("GOVSHARE_POLICY", str(path))
    assert dict(policy.read_machine_policy().defaults) == {"ui.language": "zh_CN"}


def test_the_msi_lock_enforces_the_installed_platform_address_unless_group_policy_sets_one(
    on_windows: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    install = {
        "PlatformUrl": "https://msi.hebei.example.gov",
        "ProxyUrl": "http://proxy.example.gov:8080",
        "LockPlatformUrl": "1",  # msiexec ... LOCK_PLATFORM_URL=1
    }
    monkeypatch.setitem(sys.modules, "winreg", fake_winreg({r"Software\GovShare\Desktop": install}))
    machine = policy.read_machine_policy()
    assert dict(machine.enforced) == {"platform.url": "https://msi.hebei.example.gov"}
    settings = Settings(tmp_path / "s.json", machine)
    assert settings.effective("platform.url").locked
    assert not settings.effective("network.proxy").locked  # only the address is locked

    gpo = {r"Software\Policies\GovShare\Desktop": {"PlatformUrl": "https://gpo.example.gov"}}
    monkeypatch.setitem(
        sys.modules, "winreg", fake_winreg({r"Software\GovShare\Desktop": install, **gpo})
    )
    assert policy.read_machine_policy().enforced["platform.url"] == "https://gpo.example.gov"


@pytest.mark.parametrize("lock", ["", "0"])
def test_without_the_lock_the_installed_address_is_a_default_the_officer_may_change(
    on_windows: None, monkeypatch: pytest.MonkeyPatch, lock: str
) -> None:
    install = {"PlatformUrl": "https://msi.hebei.example.gov", "LockPlatformUrl": lock}
    monkeypatch.setitem(sys.modules, "winreg", fake_winreg({r"Software\GovShare\Desktop": install}))
    machine = policy.read_machine_policy()
    assert dict(machine.defaults) == {"platform.url": "https://msi.hebei.example.gov"}
    assert not machine.enforced
