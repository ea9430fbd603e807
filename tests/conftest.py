"""Test-wide setup: Qt offscreen, every user directory redirected, logged errors fail the test."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("GOVSHARE_HOME", None)
os.environ.pop("GOVSHARE_POLICY", None)

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_error_logs: the test expects ERROR log records")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real per-user data, config or cache directories."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        target = tmp_path / "user" / name.lower()
        target.mkdir(parents=True, exist_ok=True)
        if name == "XDG_RUNTIME_DIR":
            target.chmod(0o700)
        monkeypatch.setenv(name, str(target))
    monkeypatch.delenv("GOVSHARE_HOME", raising=False)
    monkeypatch.delenv("GOVSHARE_POLICY", raising=False)


@pytest.fixture(autouse=True)
def _fail_on_logged_errors(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """STYLE habit 7: an ERROR in the log is a failure unless the test says it expects one."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_error_logs"):
        return
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    if errors:
        pytest.fail("logged errors: " + "; ".join(f"{r.name}: {r.getMessage()}" for r in errors))


def _choose_keyring_again() -> None:
    core = sys.modules.get("keyring.core")
    if core is not None:  # keyring keeps its choice per process: let it read the env again
        core.init_backend()


@pytest.fixture(autouse=True)
def _no_real_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes the developer's keyring: keyring's choice is pinned to its
    fail backend, unless the test asks for `file_keyring`."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("GOVSHARE_TEST_KEYRING", raising=False)
    _choose_keyring_again()
    yield
    _choose_keyring_again()


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keyring's backend named explicitly, as a script would: the test-only file keyring
    (tests/support/file_keyring.py), shared with the CLI processes the test starts."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("GOVSHARE_TEST_KEYRING", str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.file_keyring.FileKeyring")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))
    )
    _choose_keyring_again()
    return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh, empty data directory."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture(scope="session", autouse=True)
def _collect_qt_garbage_while_qt_lives() -> Iterator[None]:
    """Free Qt wrappers while QApplication still exists, not in interpreter finalisation.

    Left to the final garbage collection, PySide wrappers are destroyed in arbitrary order
    after QApplication, which crashed the interpreter at exit (a PySide refcount bug).
    """
    yield
    import gc  # noqa: PLC0415

    from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

    app = QCoreApplication.instance()
    gc.collect()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    gc.collect()


@pytest.fixture
def soffice() -> str:
    """LibreOffice's soffice, for tests that need a workbook written by another program.

    Skipped on a developer machine without it; under CI (.ci/run installs it) a missing
    LibreOffice fails the test instead of silently skipping it.
    """
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set, so LibreOffice must be installed (see .ci/run)")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found
