"""The README's "Using it" lists every `govshare` command, each once (issue 10, item 17).

The list is compared with the CLI's own parser, so a command added without a README line
(or a line left for a command removed) fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from govshare_desktop.app.qt_libraries import XCB_LIBRARIES
from govshare_desktop.cli.parser import command_paths

README = Path(__file__).resolve().parents[2] / "README.md"
COMMAND_LINE = re.compile(r"^- `govshare ((?:[a-z][a-z-]* ?)+)")


def using_it() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("\n## Using it\n", 1)[1].split("\n## ", 1)[0]


def test_every_command_has_one_line_in_the_readme() -> None:
    listed = Counter(
        match.group(1).strip()
        for line in using_it().splitlines()
        if (match := COMMAND_LINE.match(line))
    )
    assert set(listed) == set(command_paths())
    assert [path for path, count in listed.items() if count > 1] == []


def test_the_readme_names_the_packages_of_qts_xcb_libraries() -> None:
    text = README.read_text(encoding="utf-8")
    assert [p for p in XCB_LIBRARIES.values() if p not in text] == []
