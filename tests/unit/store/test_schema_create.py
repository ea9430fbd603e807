"""A new DB made from the models is the DB the migrations make; anything else still migrates."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.store import schema_create
from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.migrate import known_revisions, run_upgrade
from govshare_desktop.store.schema_create import create_at_head
from govshare_desktop.store.schema_version import HEAD_REVISION

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "db"


def schema(path: Path) -> dict[str, object]:
    """Everything that makes a DB's schema: each object's exact SQL, the stamp, the rows,
    the header fields SQLite keeps (rootpages differ with creation order and say nothing)."""
    db = sqlite3.connect(path)
    try:
        objects = sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        rows = {t: db.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
        pragmas = {
            p: db.execute(f"PRAGMA {p}").fetchone()
            for p in ("user_version", "application_id", "journal_mode", "auto_vacuum", "encoding")
        }
        return {"objects": objects, "rows": rows, "pragmas": pragmas}
    finally:
        db.close()


def test_a_new_file_made_at_head_is_the_file_the_migrations_make(tmp_path: Path) -> None:
    migrated, created = tmp_path / "migrated.db", tmp_path / "created.db"
    engine = make_engine(migrated)
    run_upgrade(engine)
    engine.dispose()
    engine = make_engine(created)
    assert create_at_head(engine)
    engine.dispose()
    expected, found = schema(migrated), schema(created)
    assert found["rows"]["alembic_version"] == [(HEAD_REVISION,)]  # type: ignore[index]
    assert found == expected


def test_a_file_holding_a_schema_is_left_to_the_migrations(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / f"schema-{known_revisions()[0]}.db", path)
    before = schema(path)
    engine = make_engine(path)
    assert not create_at_head(engine)
    engine.dispose()
    after = schema(path)  # (opening the engine put the file in WAL mode: its header only)
    assert (after["objects"], after["rows"]) == (before["objects"], before["rows"])


def test_a_failed_creation_leaves_the_file_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction: tables made before the failure are gone with it."""
    monkeypatch.setattr(schema_create, "UNMODELLED", ("CREATE VIRTUAL TABLE x USING nowhere()",))
    engine = make_engine(tmp_path / "t.db")
    with pytest.raises(Exception, match="nowhere"):
        create_at_head(engine)
    engine.dispose()
    assert schema(tmp_path / "t.db")["objects"] == []


def test_a_new_data_directory_is_made_without_alembic(home: Path) -> None:
    code = (
        "import sys; from govshare_desktop.app.context import AppContext; "
        f"ctx = AppContext.open({str(home)!r}); "
        "print(ctx.upgrade.from_revision, ctx.upgrade.to_revision, 'alembic' in sys.modules); "
        "ctx.close()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["None", HEAD_REVISION, "False"]
    ctx = AppContext.open(home)  # and it opens as a DB at head: no upgrade, no backup
    try:
        assert ctx.upgrade is None
        assert ctx.services.database.check().ok
    finally:
        ctx.close()
