"""No control character a catalog holds reaches the terminal raw (issue 10, item 4).

A workbook can carry ESC (`_x001B_`), NUL or a bidi override into a name; `govshare`
writes such a character visibly (␛, ␀, \\u202e) in its human output, and as a JSON escape
in `--json`, where the value still reads back exactly.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.cli.terminal import json_safe, terminal_safe
from govshare_desktop.domain.entities import Classification, DataItem, Resource

CLS = Classification("3", "01", "001")
# clears the screen, retitles the window, rings the bell; NUL, SOH, an 8-bit CSI, an RLO
NAME = "企业\x1b[2J\x1b]0;pwned\x07登记\x00信息\x01"
ABSTRACT = "第一行\r\n第二行\x1b[31m红\x9b0m\u202e反"
ITEM = "统一社会\x1b[1m信用代码"
# what a terminal acts on: C0 but line feed and tab (the CLI's own layout), DEL, C1, and
# the bidirectional and line-separator characters
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def govshare(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture
def hostile(home: Path) -> Path:
    """A filed catalog whose working copy then took control characters in every text."""
    ctx = AppContext.open(home)
    try:
        saved = ctx.services.catalog.save(
            Resource(
                name="企业登记信息", unit_code="U1", classification=CLS, code="301001/000001",
                provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
                abstract="全省企业登记基本信息", format_category="database",
                share_type="unconditional", open_to_society=False, update_cycle="daily",
                data_items=(DataItem("统一社会信用代码", "C", 18),),
            )
        )  # fmt: skip
        ctx.services.filing.submit("U1", "首次\x1b[7m备案")
        ctx.services.catalog.edit(
            saved.id,
            {"name": NAME, "abstract": ABSTRACT, "data_items": (DataItem(ITEM, "C", 18),)},
        )
        ctx.services.catalog.save(
            Resource(name="纳税人\x1b[5m登记信息", unit_code="U2", classification=CLS,
                     provider_code="91440300708461136T", provider_name="单位\x1bU2",
                     data_items=(DataItem(ITEM, "C", 18),))
        )  # fmt: skip
    finally:
        ctx.close()
    return home


HUMAN = (
    ("catalog", "list"),
    ("catalog", "show", "301001/000001"),
    ("catalog", "search", "企业"),
    ("catalog", "validate"),
    ("catalog", "one-source"),
    ("catalog", "versions", "--unit", "U1"),
    ("catalog", "diff", "1", "draft", "--unit", "U1"),
    ("catalog", "show", "\x1b[2J无此代码"),
)


@pytest.mark.parametrize("command", HUMAN, ids=" ".join)
def test_human_output_shows_control_characters_visibly(
    hostile: Path, command: tuple[str, ...]
) -> None:
    result = govshare(*command, "--home", str(hostile))
    assert result.returncode in (0, 1), result.stderr
    assert not RAW.findall(result.stdout), result.stdout
    assert not RAW.findall(result.stderr), result.stderr
    assert "␛" in result.stdout


def test_show_keeps_a_multi_line_abstract_readable(hostile: Path) -> None:
    shown = govshare("catalog", "show", "301001/000001", "--home", str(hostile)).stdout
    assert "企业␛[2J␛]0;pwned␇登记␀信息␁" in shown
    assert "第一行\n    第二行␛[31m红\\x9b0m\\u202e反" in shown  # CR LF is one line break
    assert f"  {terminal_safe(ITEM)}\t" in shown


@pytest.mark.parametrize(
    ("command", "path"),
    [
        (("catalog", "show", "301001/000001"), ("name",)),
        (("catalog", "list"), ("resources", 0, "name")),
        (("catalog", "diff", "1", "draft", "--unit", "U1"), ("changed", 0, "name")),
    ],
    ids=lambda v: " ".join(map(str, v)),
)
def test_json_escapes_them_and_keeps_the_value(
    hostile: Path, command: tuple[str, ...], path: tuple[str | int, ...]
) -> None:
    result = govshare(*command, "--home", str(hostile), "--json")
    assert result.returncode == 0, result.stderr
    assert not RAW.findall(result.stdout)
    value = json.loads(result.stdout)
    for key in path:
        value = value[key]
    assert value == NAME
    shown = json.loads(govshare("catalog", "show", "301001/000001", "--home", str(hostile),
                                "--json").stdout)  # fmt: skip
    assert shown["abstract"] == ABSTRACT


def test_an_error_message_naming_a_hostile_path_is_shown_visibly(tmp_path: Path) -> None:
    blocker = tmp_path / "file\x1b[2J"
    blocker.write_text("not a directory")
    result = govshare("info", "--home", str(blocker / "home"))
    assert result.returncode == 2
    assert not RAW.findall(result.stderr)
    assert "fileU+001B[2J" in result.stderr  # as every message names a character
    assert "command failed" not in result.stderr  # the sentence, not a log record


def test_every_control_character_has_a_visible_form() -> None:
    controls = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x202E, 0x2066]))
    assert not RAW.findall(terminal_safe(controls))
    assert "\n" not in terminal_safe("a\nb") and "\t" not in terminal_safe("a\tb")
    assert terminal_safe("a\r\nb\tc\rd", multiline=True) == "a\nb\tc␍d"
    assert terminal_safe("\x1b[31m\x00\x7f") == "␛[31m␀␡"
    assert terminal_safe("\x85\u202e") == "\\x85\\u202e"
    text = json.dumps({"v": controls}, ensure_ascii=False)
    assert not RAW.findall(json_safe(text))
    assert json.loads(json_safe(text)) == {"v": controls}
