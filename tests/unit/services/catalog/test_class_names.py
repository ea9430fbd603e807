"""The names a unit gives its own classes (项 / 目): kept per unit, cleared by a blank name,
announced on the change bus, audited, and kept by a database upgraded from schema 0003."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind
from govshare_desktop.store.schema_version import HEAD_REVISION

FIXTURES = Path(__file__).resolve().parents[3] / "data" / "db"


def test_names_are_kept_per_unit_and_a_blank_clears_one(home: Path) -> None:
    ctx = AppContext.open(home)
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    names = ctx.services.class_names
    try:
        assert names.name("U1", "301", "  市场  监管 ") == ""  # no name before
        assert names.name("U1", "301001", "企业登记") == ""
        assert names.name("U2", "301", "税务") == ""
        assert names.names("U1") == {"301": "市场 监管", "301001": "企业登记"}
        assert names.name("U1", "301", "市场监管") == "市场 监管"  # the old name comes back
        assert names.name("U1", "301001", "") == "企业登记"
        assert names.names("U1") == {"301": "市场监管"}
        assert names.names("U2") == {"301": "税务"}
        actions = [(c.kind, c.id, c.action) for s in seen for c in s.changes]
        assert actions[0] == (EntityKind.CLASS_NAME, "U1/301", ChangeAction.CREATED)
        assert actions[-1] == (EntityKind.CLASS_NAME, "U1/301001", ChangeAction.DELETED)
        assert ctx.services.status.snapshot().pending_changes == 0  # local only: nothing sent
    finally:
        ctx.close()
    with sqlite3.connect(home / "govshare.db") as db:
        audited = db.execute(
            "SELECT count(*) FROM audit_events WHERE action = 'class.name'"
        ).fetchone()[0]
    assert audited == 5


def test_a_database_of_schema_0003_takes_class_names_after_its_upgrade(home: Path) -> None:
    shutil.copyfile(FIXTURES / "schema-0003.db", home / "govshare.db")
    ctx = AppContext.open(home)  # backs up and upgrades to the head schema
    try:
        assert ctx.services.database.schema_revision() == HEAD_REVISION
        assert ctx.services.class_names.names("130000-SCJ") == {}
        ctx.services.class_names.name("130000-SCJ", "301", "市场监管")
    finally:
        ctx.close()
    ctx = AppContext.open(home)
    try:
        assert ctx.services.class_names.names("130000-SCJ") == {"301": "市场监管"}
        assert ctx.services.catalog.get("r-1") is not None  # the fixture's resource is there
    finally:
        ctx.close()
