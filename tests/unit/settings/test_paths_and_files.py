from __future__ import annotations

import json
from pathlib import Path

import pytest

from govshare_desktop.settings.paths import DataPaths
from govshare_desktop.settings.user_file import atomic_write_text, read_user_settings


def test_home_argument_wins_over_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVSHARE_HOME", str(tmp_path / "env"))
    assert DataPaths.resolve(tmp_path / "arg").home == tmp_path / "arg"
    assert DataPaths.resolve().home == tmp_path / "env"


def test_default_is_the_per_user_data_directory(tmp_path: Path) -> None:
    paths = DataPaths.resolve()
    assert str(paths.home).startswith(str(tmp_path))  # conftest redirected XDG_DATA_HOME
    assert paths.home.name == "GovShareDesktop"
    assert paths.db.name == "govshare.db"
    assert paths.log_file.parent == paths.logs


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "data" / "settings.json"
    atomic_write_text(target, json.dumps({"format": 1, "values": {"ui.language": "en"}}))
    atomic_write_text(target, json.dumps({"format": 1, "values": {"ui.language": "zh_CN"}}))
    assert read_user_settings(target) == {"ui.language": "zh_CN"}
    assert [p.name for p in target.parent.iterdir()] == ["settings.json"]
