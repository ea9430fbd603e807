"""Upgrades from every released schema keep every row; newer schemas are refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.store import migrate
from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.migrate import (
    head_revision,
    known_revisions,
    run_upgrade,
    upgrade_database,
)
from govshare_desktop.store.migrations.env_support import include_object
from govshare_desktop.store.models import Base
from govshare_desktop.store.schema_version import HEAD_REVISION
from tests.data.db.make_fixture import FILLERS

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "db"


def table_rows(path: Path) -> dict[str, list[dict[str, object]]]:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            )
        ]
        return {t: [dict(r) for r in db.execute(f'SELECT * FROM "{t}"')] for t in tables}
    finally:
        db.close()


def assert_nothing_lost(before: dict[str, list[dict[str, object]]], after_path: Path) -> None:
    after = table_rows(after_path)
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared"
        for row in rows:
            kept = [{k: r.get(k) for k in row} for r in after[table]]
            assert row in kept, f"{table} lost {row}"


def test_every_known_revision_has_a_fixture_db() -> None:
    missing = [rev for rev in known_revisions() if not (FIXTURES / f"schema-{rev}.db").exists()]
    assert not missing, f"run tests/data/db/make_fixture.py for {missing}"
    assert set(FILLERS) == set(known_revisions())


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.stem)
def test_upgrading_a_released_schema_loses_nothing(fixture: Path, home: Path) -> None:
    before = table_rows(fixture)
    assert all(before.values()), "the fixture must fill every table"
    shutil.copyfile(fixture, home / "govshare.db")
    ctx = AppContext.open(home)
    try:
        assert ctx.services.database.check().ok
    finally:
        ctx.close()
    assert_nothing_lost(before, home / "govshare.db")


def test_first_revision_filled_then_upgraded_to_head(tmp_path: Path) -> None:
    first = known_revisions()[0]
    path = tmp_path / "first.db"
    engine = make_engine(path)
    run_upgrade(engine, first)
    with sqlite3.connect(path) as db:
        FILLERS[first](db)
    before = table_rows(path)
    result = upgrade_database(engine, path, tmp_path / "backups")
    engine.dispose()
    assert result.to_revision == head_revision()
    assert_nothing_lost(before, path)


def test_fresh_database_is_created_at_head_without_backup(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        assert ctx.upgrade is not None
        assert ctx.upgrade.from_revision is None
        assert ctx.upgrade.backup is None
        assert ctx.services.database.schema_revision() == head_revision()
    finally:
        ctx.close()


def dump(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return "\n".join(db.iterdump())
    finally:
        db.close()


def stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_a_newer_schema_is_refused_and_left_untouched(home: Path) -> None:
    AppContext.open(home).close()
    db_path = home / "govshare.db"
    stamp(db_path, "9999_from_the_future")
    before = dump(db_path)
    with pytest.raises(KnownError) as caught:
        AppContext.open(home)
    assert caught.value.code is ErrorCode.DB_TOO_NEW
    assert caught.value.params["found"] == "9999_from_the_future"
    # Compared as SQL, not bytes: a checkpoint may move committed pages from the WAL into
    # the main file without changing a thing.
    assert dump(db_path) == before
    assert not list((home / "backups").iterdir())


def test_an_older_schema_is_backed_up_before_upgrade(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(FIXTURES / f"schema-{known_revisions()[0]}.db", home / "govshare.db")
    # Pretend this build knows one revision more, so the fixture is "older" and must be upgraded.
    monkeypatch.setattr(migrate, "head_revision", lambda: "next")
    monkeypatch.setattr(migrate, "known_revisions", lambda: [*known_revisions(), "next"])
    upgrades: list[str] = []
    monkeypatch.setattr(
        migrate, "run_upgrade", lambda engine, target="head": upgrades.append(target)
    )
    engine = make_engine(home / "govshare.db")
    result = upgrade_database(engine, home / "govshare.db", home / "backups")
    engine.dispose()
    assert upgrades == ["head"]
    assert result.backup is not None
    assert table_rows(result.backup) == table_rows(FIXTURES / f"schema-{known_revisions()[0]}.db")


@pytest.mark.allow_error_logs
def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DDL runs in one transaction: a failure after the tables were created rolls them back."""
    path = tmp_path / "fail.db"
    engine = make_engine(path)
    real_upgrade = migrate.command.upgrade

    def upgrade_then_fail(config: object, target: str) -> None:
        real_upgrade(config, target)  # type: ignore[arg-type]
        raise RuntimeError("disk pulled out mid-upgrade")

    monkeypatch.setattr(migrate.command, "upgrade", upgrade_then_fail)
    with pytest.raises(KnownError) as caught:
        upgrade_database(engine, path, tmp_path / "backups")
    assert caught.value.code is ErrorCode.DB_UPGRADE_FAILED
    with engine.connect() as connection:
        names = (
            connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            .scalars()
            .all()
        )
    engine.dispose()
    assert names == []


def test_the_quick_head_constant_names_the_newest_migration() -> None:
    """Start-up trusts HEAD_REVISION to skip Alembic; it must follow every new migration."""
    assert head_revision() == HEAD_REVISION


def test_an_ordinary_start_does_not_import_alembic(home: Path) -> None:
    AppContext.open(home).close()
    code = (
        "import sys; from govshare_desktop.app.context import AppContext; "
        f"AppContext.open({str(home)!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_models_and_the_migrations_agree(tmp_path: Path) -> None:
    """A model change without its migration (or the reverse) shows up as autogenerate ops."""
    engine = make_engine(tmp_path / "t.db")
    run_upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_an_upgrade_builds_the_search_index_from_existing_resources(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", path)
    engine = make_engine(path)
    upgrade_database(engine, path, tmp_path / "backups")
    with engine.connect() as connection:
        hits = (
            connection.execute(
                text(
                    "SELECT resource_id FROM resource_search WHERE resource_search MATCH '\"注册资本\"'"
                )
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert hits == ["r-1"]


def test_an_upgrade_links_every_queued_op_to_its_entities(tmp_path: Path) -> None:
    """0003: an ordinary op speaks for its entity, an import batch for each resource its
    payload listed; the status bar then counts one change per link."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema-0002.db", path)
    engine = make_engine(path)
    upgrade_database(engine, path, tmp_path / "backups")
    with engine.connect() as connection:
        links = connection.execute(
            text("SELECT seq, entity_id FROM sync_outbox_entities ORDER BY seq, entity_id")
        ).all()
    engine.dispose()
    assert [tuple(r) for r in links] == [(1, "r-1"), (2, "r-1"), (2, "r-3")]
