from __future__ import annotations

import json
from pathlib import Path

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.settings.policy import MachinePolicy, read_json_policy, read_machine_policy
from govshare_desktop.settings.resolver import Settings, Source


def test_built_in_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json", MachinePolicy())
    assert settings.get("ui.language") == "zh_CN"
    assert settings.get("security.auto_lock_minutes") == 15
    assert settings.effective("platform.url").source is Source.DEFAULT


def test_layers_in_order(tmp_path: Path) -> None:
    policy = MachinePolicy(
        defaults={"platform.url": "https://install.example.gov", "network.proxy": "http://p:8080"},
        enforced={"security.auto_lock_minutes": 5},
    )
    settings = Settings(tmp_path / "s.json", policy)
    assert settings.effective("platform.url").source is Source.MACHINE
    settings.update({"platform.url": "https://mine.example.gov"})
    assert settings.get("platform.url") == "https://mine.example.gov"
    assert settings.effective("platform.url").source is Source.USER
    assert settings.effective("network.proxy").source is Source.MACHINE
    assert settings.get("security.auto_lock_minutes") == 5
    assert settings.effective("security.auto_lock_minutes").locked


def test_enforced_policy_wins_over_a_stored_user_value(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    Settings(path, MachinePolicy()).update({"platform.url": "https://mine.example.gov"})
    locked = Settings(path, MachinePolicy(enforced={"platform.url": "https://gpo.example.gov"}))
    assert locked.get("platform.url") == "https://gpo.example.gov"
    with pytest.raises(KnownError) as caught:
        locked.update({"platform.url": "https://other.example.gov"})
    assert caught.value.code is ErrorCode.SETTING_LOCKED
    # submitting the enforced value unchanged (as a dialog does) is not an error
    locked.update({"platform.url": "https://gpo.example.gov", "ui.language": "en"})
    assert locked.get("ui.language") == "en"


def test_values_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    Settings(path, MachinePolicy()).update({"ui.language": "en", "security.auto_lock_minutes": 30})
    again = Settings(path, MachinePolicy())
    assert again.get("ui.language") == "en"
    assert again.get("security.auto_lock_minutes") == 30


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("platform.url", "ftp://x"),
        ("platform.url", "not a url"),
        ("ui.language", "fr"),
        ("security.auto_lock_minutes", 999),
        ("security.auto_lock_minutes", "ten"),
        ("no.such.key", "x"),
    ],
)
def test_invalid_values_are_refused_and_nothing_is_stored(
    tmp_path: Path, key: str, value: object
) -> None:
    path = tmp_path / "s.json"
    settings = Settings(path, MachinePolicy())
    with pytest.raises(KnownError) as caught:
        settings.update({"ui.language": "en", key: value})
    assert caught.value.code is ErrorCode.SETTING_INVALID
    assert settings.get("ui.language") == "zh_CN"
    assert not path.exists()


def test_listeners_hear_only_real_changes(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json", MachinePolicy())
    heard: list[set[str]] = []
    settings.subscribe(heard.append)
    settings.update({"ui.language": "zh_CN", "network.proxy": "http://p:3128"})
    assert heard == [{"network.proxy"}]


def test_damaged_or_too_new_user_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("{broken", encoding="utf-8")
    assert Settings(path, MachinePolicy()).get("ui.language") == "zh_CN"
    path.write_text(json.dumps({"format": 99, "values": {"ui.language": "en"}}), encoding="utf-8")
    assert Settings(path, MachinePolicy()).get("ui.language") == "zh_CN"
    path.write_text(json.dumps({"format": 1, "values": {"ui.language": "xx"}}), encoding="utf-8")
    assert Settings(path, MachinePolicy()).get("ui.language") == "zh_CN"


def test_json_policy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "policy.json"
    path.write_text(
        json.dumps(
            {
                "defaults": {"network.proxy": "http://proxy:8080", "platform.url": "  "},
                "enforced": {"platform.url": "https://gpo.example.gov", "unknown.key": "x"},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("GOVSHARE_POLICY", str(path))
    policy = read_machine_policy()
    assert dict(policy.defaults) == {"network.proxy": "http://proxy:8080"}  # empty = unset
    assert dict(policy.enforced) == {"platform.url": "https://gpo.example.gov"}
    assert policy.problems == ()


def test_unreadable_policy_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text("[1, 2]", encoding="utf-8")
    policy = read_json_policy(path)
    assert policy.problems
    assert not policy.enforced
    assert read_json_policy(tmp_path / "absent.json").problems


def test_invalid_policy_value_falls_back(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json", MachinePolicy(enforced={"ui.language": "klingon"}))
    assert settings.get("ui.language") == "zh_CN"
    assert not settings.effective("ui.language").locked


def test_a_ca_bundle_must_be_an_existing_file(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json", MachinePolicy())
    with pytest.raises(KnownError) as caught:
        settings.update({"network.ca_bundle": str(tmp_path / "missing.pem")})
    assert caught.value.code is ErrorCode.SETTING_INVALID
    pem = tmp_path / "org-ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    settings.update({"network.ca_bundle": str(pem)})
    assert settings.get("network.ca_bundle") == str(pem)
    settings.update({"network.ca_bundle": ""})  # empty: back to the system store
    assert settings.get("network.ca_bundle") == ""
