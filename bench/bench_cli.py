"""`govshare` answers as whole processes against a bare Python start, in the same run.

    python bench/bench_cli.py [--runs 15]

Budget (DESIGN §6): `govshare info` ≤ 6× `python -c "import sqlite3, json"`. Each command
runs as IT staff run it — the installed `govshare` script, a new process each time, `.pyc`
files present (one unmeasured warm-up run each) — on a data directory whose database is
already at this build's schema. Commands and the baseline take turns, so a machine that
slows down during the run slows both. Prints medians and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = [sys.executable, "-c", "import sqlite3, json"]


def govshare_command() -> list[str]:
    """The console script next to this interpreter, as `pip install` made it."""
    script = Path(sys.executable).with_name("govshare")
    if script.exists():
        return [str(script)]
    found = shutil.which("govshare")
    return [found] if found else [sys.executable, "-m", "govshare_desktop.cli"]


# Compiled modules are kept, as an installed app keeps them (see bench_import.py).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=CHILD_ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    govshare = govshare_command()
    subprocess.run([*govshare, "db", "upgrade", "--home", str(home)], check=True,
                   capture_output=True)  # fmt: skip
    commands = {
        "govshare info": [*govshare, "info", "--home", str(home)],
        "govshare info --json": [*govshare, "info", "--home", str(home), "--json"],
        "govshare catalog list": [*govshare, "catalog", "list", "--home", str(home)],
        "govshare --help": [*govshare, "--help"],
    }
    for command in [BASELINE, *commands.values()]:
        timed(command)  # warm-up: .pyc files written, caches warm
    times: dict[str, list[float]] = {name: [] for name in ["baseline", *commands]}
    for _ in range(args.runs):
        times["baseline"].append(timed(BASELINE))
        for name, command in commands.items():
            times[name].append(timed(command))
    base = statistics.median(times["baseline"])
    print(f'python -c "import sqlite3, json": median {base * 1000:.0f} ms ({args.runs} runs)')
    for name in commands:
        median = statistics.median(times[name])
        budget = " (budget 6×)" if name == "govshare info" else ""
        print(f"{name}: median {median * 1000:.0f} ms, {median / base:.1f}× the baseline{budget}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
