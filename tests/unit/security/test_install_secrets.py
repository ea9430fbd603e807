"""Per-install secrets: made once, kept in the keyring only, distinct per data directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.security.install_secrets import SECRET_BYTES, InstallSecrets


def test_a_secret_is_made_once_and_read_back_by_another_process_view(
    file_keyring: Path, tmp_path: Path
) -> None:
    first = InstallSecrets(tmp_path / "a").get("cache")
    assert len(first) == SECRET_BYTES
    assert InstallSecrets(tmp_path / "a").get("cache") == first  # a fresh object reads it
    stored = json.loads(file_keyring.read_text(encoding="utf-8"))
    assert len(stored) == 1  # the keyring holds it, encoded, under one entry


def test_names_and_data_directories_never_share_a_secret(
    file_keyring: Path, tmp_path: Path
) -> None:
    a, b = InstallSecrets(tmp_path / "a"), InstallSecrets(tmp_path / "b")
    values = {a.get("cache"), a.get("audit"), b.get("cache"), b.get("audit")}
    assert len(values) == 4


def test_forget_makes_a_new_secret_next_time(file_keyring: Path, tmp_path: Path) -> None:
    secrets = InstallSecrets(tmp_path / "a")
    old = secrets.get("cache")
    assert secrets.exists("cache")
    secrets.forget("cache")
    assert not secrets.exists("cache")
    assert InstallSecrets(tmp_path / "a").get("cache") != old


def test_without_a_keyring_there_is_no_secret_and_no_fallback(tmp_path: Path) -> None:
    home = tmp_path / "a"
    home.mkdir()
    with pytest.raises(KnownError) as caught:
        InstallSecrets(home).get("cache")
    assert caught.value.code is ErrorCode.KEYRING_UNAVAILABLE
    assert not InstallSecrets(home).exists("cache")
    assert list(home.iterdir()) == []  # nothing written beside the data either
