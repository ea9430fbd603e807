"""Quality gates: lint, format, layers, types, and where QtWidgets may be imported."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "govshare_desktop"
PACKAGES = (PACKAGE, ROOT / "reference_platform")


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; install the test extra: pip install -e '.[test]'")
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)


def test_ruff_lint() -> None:
    result = run(tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(tool("ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_layers() -> None:
    result = run(tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_whole_package() -> None:
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_ui_and_app_import_qtwidgets() -> None:
    """import-linter cannot forbid a subpackage of an external package, so this does."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in {"ui", "app"}
        and any(m.startswith("PySide6.QtWidgets") for m in imported_modules(path))
    ]
    assert offenders == []


def test_modules_stay_small() -> None:
    """STYLE habit 10: split a module before it reaches 800 lines."""
    big = [
        f"{path.relative_to(ROOT)} ({n})"
        for package in PACKAGES
        for path in package.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 800
    ]
    assert big == []


def test_every_module_says_what_it_is_for() -> None:
    missing = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in package.rglob("*.py")
        if "versions" not in path.parts
        and not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert missing == []


def test_a_ui_module_importing_the_store_breaks_a_layer_contract(tmp_path: Path) -> None:
    """A `layers` contract lets an upper layer skip down, so `ui -> store` needs its own
    forbidden contract: on a copy of the package with such an import added, lint-imports
    must fail and name it."""
    shutil.copytree(PACKAGE, tmp_path / "govshare_desktop", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    status_bar = tmp_path / "govshare_desktop" / "ui" / "status_bar.py"
    status_bar.write_text(
        status_bar.read_text(encoding="utf-8")
        + "\nfrom govshare_desktop.store.session import Database  # noqa: E402, F401\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [tool("lint-imports"), "--no-cache"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode != 0, result.stdout
    assert "ui and tasks never import the adapters" in result.stdout
    assert "govshare_desktop.ui.status_bar -> govshare_desktop.store.session" in result.stdout
