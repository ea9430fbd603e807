"""Refresh i18n/*.ts from the sources with pyside6-lupdate (run after changing any UI string).

    python packaging/update_translations.py          # rewrite the .ts files
    python packaging/update_translations.py --check  # exit 1 if they are out of date

Locations are left out so the files change only when a string does; obsolete entries are
dropped. New strings arrive as unfinished: give their Simplified Chinese text (Qt Linguist,
or any editor) before committing — tests/test_i18n.py fails on unfinished zh_CN entries.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh_CN", "en")


def sources() -> list[Path]:
    return sorted(
        p for p in (ROOT / "govshare_desktop").rglob("*.py") if "migrations" not in p.parts
    )


def lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found; install the project first (pip install -e .)")
    return found


def update(ts_file: Path, language: str) -> None:
    args = [lupdate(), *map(str, sources()), "-locations", "none", "-no-obsolete"]
    args += ["-source-language", "en", "-target-language", language, "-ts", str(ts_file)]
    subprocess.run(args, check=True, capture_output=True, text=True)  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--check", action="store_true", help="only report whether an update is needed"
    )
    args = parser.parse_args()
    stale: list[str] = []
    for language in LANGUAGES:
        committed = ROOT / "i18n" / f"govshare_{language}.ts"
        if not args.check:
            update(committed, language)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / committed.name
            if committed.exists():
                shutil.copyfile(committed, copy)
            update(copy, language)
            if not committed.exists() or not filecmp.cmp(copy, committed, shallow=False):
                stale.append(committed.name)
    if stale:
        print(
            "out of date with the sources: "
            + ", ".join(stale)
            + " (run packaging/update_translations.py)"
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
