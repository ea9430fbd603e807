"""Export from the viewer where the grant allows it (offline, from the encrypted copy):
the officer's filter applies, the file starts with the Art. 15 notice naming officer, unit
and time, the rows stream out, and the export is audited."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.grant_data import RowFilter, RowQuery
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.models import AuditEventRow
from tests.gui.grant_support import open_cached_grant
from tests.gui.objection_support import grant
from tests.gui.test_share_requests_page import ME

WAIT = 10_000


def test_export_where_allowed_writes_the_notice_and_the_filtered_rows(
    qtbot: QtBot, shell: Shell, file_keyring: Path, tmp_path: Path
) -> None:
    officer = Identity("mz", "陈晨", ME, "石家庄市民政局")
    held = replace(grant("101001"), allow_offline_cache=True, allow_export=True)
    rows = [[f"1301{n:06d}", f"姓名{n}", f"地址{n % 4}"] for n in range(1, 1001)]
    _page, viewer = open_cached_grant(qtbot, shell, officer, held, rows)
    qtbot.waitUntil(lambda: viewer.model.rowCount() == 1000, timeout=WAIT)
    assert viewer.export_button.isEnabled() and not viewer.export_reason.text()
    viewer.column_box.setCurrentIndex(2)
    viewer.value_edit.setText("地址2")
    viewer.apply_filter()
    qtbot.waitUntil(lambda: viewer.model.source is not None
                    and viewer.model.source.query == RowQuery((RowFilter(held.data_items[2].id,
                                                                         "地址2"),)),
                    timeout=WAIT)  # fmt: skip
    target = tmp_path / "导出.csv"
    viewer.export_to(target)
    qtbot.waitUntil(lambda: "250" in viewer.message.text(), timeout=WAIT)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert "陈晨（mz）" in lines[0][0] and "石家庄市民政局" in lines[0][0]
    assert "第十五条" in lines[0][0] and held.id in lines[0][0]
    assert lines[1] == list(held.data_item_names)
    assert len(lines) == 2 + 250 and {r[2] for r in lines[2:]} == {"地址2"}
    viewer.close()
    shell.ctx.executor.write(lambda: None)
    with shell.ctx.database.read() as session:
        actions = list(session.scalars(select(AuditEventRow.action)
                                       .where(AuditEventRow.subject_id == held.id)))  # fmt: skip
    assert actions == ["grant.view", "grant.query", "grant.export"]
