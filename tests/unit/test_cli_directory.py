"""`govshare directory`: the cached shared directory, listed and searched, offline."""

from __future__ import annotations

import json
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.store.repositories.directory import DirectoryRepository
from tests.gui.test_directory_page import ENTRIES
from tests.unit.test_cli import govshare


def test_an_empty_directory_says_how_to_fill_it(tmp_path: Path) -> None:
    result = govshare("directory", "--home", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "govshare login" in result.stdout and "同步" in result.stdout


def test_the_directory_listed_and_searched_in_chinese_and_json(tmp_path: Path) -> None:
    ctx = AppContext.open(tmp_path)
    with ctx.database.write() as session:
        for entry in ENTRIES:
            DirectoryRepository(session).put(entry)
    ctx.close()
    listed = govshare("directory", "--home", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split("\t") == ["单位", "代码", "名称", "共享类型"]
    assert "石家庄市人民政府 （上级单位）\t101001/000001\t人口基础信息\t有条件共享" in lines
    assert "石家庄市公安局\t101001/000001\t常住人口信息\t有条件共享" in lines
    assert lines[-1] == "共享目录共 3 个条目。"
    found = json.loads(govshare("directory", "--search", "户籍", "--json", "--home",
                                str(tmp_path)).stdout)  # fmt: skip
    assert [e["name"] for e in found["entries"]] == ["常住人口信息"]
    assert found["entries"][0]["unit_name"] == "石家庄市公安局"
