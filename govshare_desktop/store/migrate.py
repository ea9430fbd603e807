"""Bringing a DB file to the schema this build knows: back up, upgrade atomically, refuse too new.

Run before any window opens (and by `govshare db upgrade`). A new, empty file is made at
head in one step by `store.schema_create` (proven identical to migrating it); every file
that already holds a schema is upgraded by the migrations here.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.store.errors import classify, translate_db_errors
from govshare_desktop.store.schema_version import UpgradeResult

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 5


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise RuntimeError("no migrations shipped")
    return head


def known_revisions() -> list[str]:
    """Every revision this build knows, oldest first."""
    return [s.revision for s in reversed(list(script_directory().walk_revisions()))]


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def at_head(self) -> bool:
        return self.current == self.head

    @property
    def known(self) -> bool:
        return self.current is None or self.current in known_revisions()


def schema_state(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        connection.rollback()
    return SchemaState(current=current, head=head_revision())


def backup_file(db_path: Path, backups: Path, label: str) -> Path:
    """A consistent copy of the live DB (SQLite online backup); keeps the newest few."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"govshare-{label}-{stamp}.db"
    source = sqlite3.connect(db_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    for old in sorted(backups.glob("govshare-*.db"))[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def _set_foreign_keys(connection: Connection, on: bool) -> None:
    """Through the driver, outside any transaction: SQLite ignores this pragma inside one."""
    raw = connection.connection.driver_connection
    if raw is None:  # pragma: no cover - a pooled connection always has its driver connection
        raise RuntimeError("connection already closed")
    raw.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def run_upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to `target` in one transaction, foreign keys checked at the end."""
    with engine.connect() as connection:
        _set_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if broken:
                    raise RuntimeError(f"foreign keys broken by the upgrade: {broken[:5]}")
        finally:
            _set_foreign_keys(connection, on=True)


def refuse_unknown_schema(engine: Engine, db_path: Path) -> None:
    """Raise `KnownError(DB_TOO_NEW)` when the DB carries a revision this build lacks."""
    state = schema_state(engine)
    if not state.known:
        raise KnownError(
            ErrorCode.DB_TOO_NEW, path=str(db_path), found=state.current, known=state.head
        )


def upgrade_database(
    engine: Engine, db_path: Path, backups: Path, progress: Progress | None = None
) -> UpgradeResult:
    """Bring `db_path` to head; back it up first when it holds an older schema.

    Raises `KnownError(DB_TOO_NEW)` without touching a DB from a newer build, and
    `KnownError(DB_UPGRADE_FAILED)` after rolling back a failed upgrade.
    """
    progress = progress or Progress.silent()
    with translate_db_errors(str(db_path), str(backups)):
        refuse_unknown_schema(engine, db_path)
        state = schema_state(engine)
    if state.at_head:
        return UpgradeResult(state.current, state.head, None)
    backup = None
    if state.current is not None:
        progress.report(0, 2, "backup")
        backup = backup_file(db_path, backups, state.current)
        log.info("backed up %s (schema %s) to %s", db_path, state.current, backup)
    progress.report(1, 2, "upgrade")
    try:
        run_upgrade(engine)
    except Exception as exc:
        known = classify(exc, str(db_path), str(backups))
        if known is not None:
            raise known from exc
        log.exception("upgrade of %s from %s failed", db_path, state.current)
        raise KnownError(
            ErrorCode.DB_UPGRADE_FAILED, reason=str(exc), backup=str(backup or "")
        ) from exc
    log.info("schema of %s upgraded from %s to %s", db_path, state.current, state.head)
    progress.report(2, 2, "done")
    return UpgradeResult(state.current, state.head, backup)


def integrity_problems(engine: Engine) -> list[str]:
    """What `PRAGMA integrity_check` and `foreign_key_check` report; empty when sound."""
    with engine.connect() as connection:
        rows = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA integrity_check")]
        problems = [r for r in rows if r != "ok"]
        problems += [
            f"foreign key: {tuple(r)}"
            for r in connection.exec_driver_sql("PRAGMA foreign_key_check")
        ]
        connection.rollback()
    return problems


def inspect_database(engine: Engine) -> tuple[str | None, list[str]]:
    """(schema revision, integrity problems); a file too damaged to read is itself the problem."""
    try:
        return schema_state(engine).current, integrity_problems(engine)
    except DatabaseError as exc:
        return None, [str(exc.orig or exc)]
