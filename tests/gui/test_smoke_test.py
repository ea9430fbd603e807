"""`--smoke-test` as a build, an installer and CI run it: no display, no data directory given."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from govshare_desktop.app import smoke
from govshare_desktop.app.context import AppContext
from govshare_desktop.store.schema_version import HEAD_REVISION


def run_app(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    """The real program, with a private temp folder and no platform named."""
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "GOVSHARE_HOME"}}
    env |= {"TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop", *args],
        env=env, capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip


def test_the_smoke_test_creates_a_db_in_a_temporary_home_offscreen_and_cleans_up(
    tmp_path: Path,
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_app("--smoke-test", tmp=temp)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed: govshare-desktop" in result.stdout
    assert f"schema {HEAD_REVISION}" in result.stdout
    assert "Qt platform offscreen" in result.stdout
    assert "language zh_CN (2 catalogs)" in result.stdout
    assert list(temp.iterdir()) == []  # the temporary data directory is gone


def test_a_refused_start_fails_the_smoke_test_with_its_reason_instead_of_a_dialog(
    tmp_path: Path, home: Path
) -> None:
    AppContext.open(home).close()
    with sqlite3.connect(home / "govshare.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    result = run_app("--smoke-test", "--home", str(home), tmp=tmp_path)
    assert result.returncode == 2
    assert "smoke test failed" in result.stderr
    assert "9999" in result.stderr


def seen(**changes: object) -> smoke.Seen:
    values: dict[str, object] = {
        "exit_code": 0, "schema": "0008", "crashes": 0, "platform_name": "offscreen",
        "language": "zh_CN", "translations": 2,
    }  # fmt: skip
    return smoke.Seen(**(values | changes))  # type: ignore[arg-type]


def test_the_verdict_names_what_went_wrong() -> None:
    assert smoke.verdict(seen(), "0008")[0] == 0
    assert smoke.verdict(seen(exit_code=2), "0008") == (
        2,
        "the application ended with exit code 2",
    )
    code, line = smoke.verdict(seen(schema="0007"), "0008")
    assert code == 1
    assert "0007" in line
    assert smoke.verdict(seen(crashes=1), "0008")[0] == 1
    code, line = smoke.verdict(seen(translations=1), "0008")  # a .qm missing from a build
    assert code == 1
    assert "qtbase" in line
    assert smoke.verdict(seen(language="en", translations=0), "0008")[0] == 0


def test_a_frozen_windows_build_must_resolve_the_credential_manager() -> None:
    assert smoke.keyring_problem(frozen=False, platform="win32") is None
    assert smoke.keyring_problem(frozen=True, platform="linux") is None
    problem = smoke.keyring_problem(frozen=True, platform="win32")  # here: not WinVault
    assert problem is not None
    assert smoke.WINDOWS_KEYRING in problem
