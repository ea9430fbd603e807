"""Translations: the .ts files match the sources, zh_CN is complete, placeholders survive."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ZH_CN = ROOT / "i18n" / "govshare_zh_CN.ts"
EN = ROOT / "i18n" / "govshare_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|&\w")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own file
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_ts_files_are_up_to_date_with_the_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_zh_cn_entry_is_finished() -> None:
    unfinished = [
        f"{context}: {source}"
        for context, source, message in messages(ZH_CN)
        if (translation := message.find("translation")) is None
        or translation.get("type") == "unfinished"
        or not ("".join(translation.itertext()).strip())
    ]
    assert unfinished == []


def test_both_languages_carry_the_same_messages() -> None:
    assert [(c, s) for c, s, _ in messages(ZH_CN)] == [(c, s) for c, s, _ in messages(EN)]


@pytest.mark.parametrize("entry", messages(ZH_CN), ids=lambda e: f"{e[0]}:{e[1][:30]}")
def test_placeholders_survive_translation(entry: tuple[str, str, ET.Element]) -> None:
    _context, source, message = entry
    translation = "".join(message.find("translation").itertext())  # type: ignore[union-attr]
    wanted = {p for p in PLACEHOLDER.findall(source) if p.startswith(("{", "%"))}
    got = {p for p in PLACEHOLDER.findall(translation) if p.startswith(("{", "%"))}
    assert wanted == got
    if "&" in source and not source.startswith("<"):
        assert "&" in translation, "a menu mnemonic was lost"
