"""A workbook read ahead on its own thread reads as `open_workbook` reads it, refuses what
it refuses with the same error, and lets the file go whether or not it was taken."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.excel.read_ahead import ReadAhead
from govshare_desktop.excel.workbook import open_workbook

LO = Path(__file__).resolve().parents[2] / "data" / "excel" / "lo"


def _reading() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "govshare-read-ahead"]


@pytest.mark.parametrize("name", ["two_sheet_clean.xlsx", "merged_clean.xls", "merged_clean.ods"])
def test_sheets_read_ahead_are_the_sheets_read_in_turn(name: str) -> None:
    with open_workbook(LO / name) as workbook:
        expected = {n: workbook.sheet(n) for n in workbook.sheet_names}
        hidden = workbook.hidden_names
    with ReadAhead(LO / name).take() as workbook:
        assert workbook.hidden_names == hidden
        assert {n: workbook.sheet(n) for n in workbook.sheet_names} == expected
        # handed out once: asked again, a sheet is read again, the same
        assert {n: workbook.sheet(n) for n in workbook.sheet_names} == expected
    assert _reading() == []


def test_a_file_refused_is_refused_by_the_one_who_takes_it(tmp_path: Path) -> None:
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    ahead = ReadAhead(bad)  # nothing raised here: the thread keeps the error
    with pytest.raises(KnownError) as caught:
        ahead.take()
    assert caught.value.code is ErrorCode.WORKBOOK_NOT_SPREADSHEET
    with pytest.raises(KnownError) as direct:
        open_workbook(bad)
    assert str(caught.value) == str(direct.value)


def test_a_workbook_never_taken_is_closed_by_discard() -> None:
    ahead = ReadAhead(LO / "merged_clean.xlsx")
    ahead.discard()
    assert _reading() == []
    with pytest.raises(RuntimeError):
        ahead.take()
