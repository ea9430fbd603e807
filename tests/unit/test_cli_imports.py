"""`govshare` imports only what the command it runs needs (issue 10, item 13).

The speed itself is measured by `bench/bench_cli.py` (a ratio, not a timed test); what a
test can hold exactly is the cause of the slowness: the modules a command imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from govshare_desktop.cli.parser import DRAFT
from govshare_desktop.services.catalog.filing import DRAFT as FILING_DRAFT

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "python_calamine", "requests", "keyring",
         "govshare_desktop.services", "govshare_desktop.app.context")  # fmt: skip

PROBE = """
import json, sys
from govshare_desktop.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def imported_by(*args: str) -> tuple[int, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    reply = json.loads(result.stderr.strip().splitlines()[-1])
    return reply["code"], set(reply["modules"])


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.startswith(HEAVY)}


def test_info_on_a_database_at_head_imports_no_store_and_no_services(tmp_path: Path) -> None:
    code, _ = imported_by("db", "upgrade", "--home", str(tmp_path))
    assert code == 0
    code, modules = imported_by("info", "--home", str(tmp_path))
    assert code == 0
    assert heavy(modules) == set()


def test_help_imports_no_command() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from govshare_desktop.cli.parser import build_parser; "
         "build_parser(); print(sorted(sys.modules))"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert not [m for m in HEAVY if f"'{m}" in result.stdout]
    assert "govshare_desktop.cli.catalog" not in result.stdout


def test_info_still_creates_a_missing_database_at_head(tmp_path: Path) -> None:
    code, modules = imported_by("info", "--home", str(tmp_path / "new"), "--json")
    assert code == 0
    assert (tmp_path / "new" / "govshare.db").exists()
    assert "sqlalchemy" in modules  # creating it needs the migrations: the slow path, once


def test_offline_commands_never_import_the_platform_client(tmp_path: Path) -> None:
    """The HTTP client and the keyring are built on first use (app/platform_access.py)."""
    code, modules = imported_by("catalog", "list", "--home", str(tmp_path))
    assert code == 0
    network = (
        "requests",
        "urllib3",
        "truststore",
        "pypac",
        "keyring",
        "govshare_desktop.platform.client",
    )
    assert {m for m in modules if m.startswith(network)} == set()


def test_the_parser_names_the_working_copy_as_the_filing_service_does() -> None:
    assert DRAFT == FILING_DRAFT


def test_what_a_store_command_loaded_is_left_out_of_later_collections(tmp_path: Path) -> None:
    """The store's few hundred thousand long-lived objects are frozen once loaded (an
    import-catalog spent about a tenth of a second collecting them), and the collector
    runs again afterwards."""
    probe = (
        "import gc, json, sys; from govshare_desktop.cli import main; "
        "code = main(sys.argv[1:]); "
        "print(json.dumps([code, gc.isenabled(), gc.get_freeze_count()]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "catalog", "list", "--home", str(tmp_path), "--json"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    code, enabled, frozen = json.loads(result.stdout.strip().splitlines()[-1])
    assert (code, enabled) == (0, True)
    assert frozen > 50_000
