"""提出异议… from the data viewer (Art. 16): the objection names the selected column's data
item and the selected rows by their first column, the officer completes it, and it is queued
for the provider — offline, from the encrypted copy on this PC."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.enums import ObjectionAspect
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.objections import ObjectionDirection
from govshare_desktop.ui.share_requests.objection_dialogs import RaiseDialog
from tests.gui.grant_support import open_cached_grant
from tests.gui.objection_support import grant
from tests.gui.test_share_requests_page import ME

WAIT = 10_000
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_an_objection_about_selected_rows_is_queued_from_the_viewer(
    qtbot: QtBot, shell: Shell, file_keyring: Path
) -> None:
    officer = Identity("mz", "陈晨", ME, "石家庄市民政局", frozenset({"requester"}))
    held = replace(grant("101001"), allow_offline_cache=True)
    rows = [[f"1301{n:06d}", f"姓名{n}", f"地址{n}"] for n in range(1, 51)]
    _page, viewer = open_cached_grant(qtbot, shell, officer, held, rows)
    qtbot.waitUntil(lambda: viewer.model.cell(11, 1) is not None, timeout=WAIT)
    selection = viewer.table.selectionModel()
    for row in (4, 11):  # two cells of the 姓名 column
        selection.select(viewer.model.index(row, 1), QItemSelectionModel.SelectionFlag.Select)
    assert viewer.objection_draft() == ("姓名", "公民身份号码为 1301000005、1301000012 的行：")

    viewer.resize(1366, 768)
    viewer.objection_button.click()
    dialog = viewer.findChild(RaiseDialog)
    assert isinstance(dialog, RaiseDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    chosen = dialog.selected_grant()
    assert chosen is not None and chosen.id == held.id
    assert dialog.item.currentData() == "姓名"
    assert dialog.description.toPlainText() == "公民身份号码为 1301000005、1301000012 的行："
    SHOTS.mkdir(parents=True, exist_ok=True)
    viewer.grab().save(str(SHOTS / "grant-viewer-objection-zh_CN.png"))
    dialog.grab().save(str(SHOTS / "grant-viewer-objection-dialog-zh_CN.png"))
    dialog.choose(ObjectionAspect.ACCURACY, "姓名")
    dialog.description.insertPlainText("姓名与户籍登记不符。")
    dialog.confirm()
    qtbot.waitUntil(lambda: "异议已排队" in viewer.message.text(), timeout=WAIT)

    (raised,) = shell.ctx.services.objections.objections(ObjectionDirection.OUTGOING)
    assert raised.objection.grant_id == held.id
    assert raised.objection.data_item_name == "姓名"
    assert raised.objection.description == (
        "公民身份号码为 1301000005、1301000012 的行：姓名与户籍登记不符。"
    )
    viewer.close()
