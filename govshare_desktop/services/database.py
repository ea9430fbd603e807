"""Use cases about the local database itself: where it is, its schema, its health, its upgrade.

`store.migrate` (and with it Alembic) is imported only when a method needs it, so an
ordinary start that finds the DB at the current schema never pays for importing Alembic,
and neither does a new data directory (its DB is made by `store.schema_create`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govshare_desktop.domain.progress import Progress
from govshare_desktop.store.errors import translate_db_errors
from govshare_desktop.store.schema_create import create_at_head
from govshare_desktop.store.schema_version import HEAD_REVISION, UpgradeResult, read_revision
from govshare_desktop.store.session import Database


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `govshare db check` prints; `ok` only when the file is sound and at head."""

    schema: str | None
    head: str
    problems: tuple[str, ...]

    @property
    def at_head(self) -> bool:
        return self.schema == self.head

    @property
    def ok(self) -> bool:
        return self.at_head and not self.problems


class DatabaseService:
    def __init__(self, database: Database, db_path: Path, backups: Path) -> None:
        self._db = database
        self._path = db_path
        self._backups = backups

    def schema_revision(self) -> str | None:
        with translate_db_errors(str(self._path), str(self._backups)):
            return read_revision(self._path) if self._path.exists() else None

    def needs_migration(self) -> bool:
        """True for a missing, older, newer or foreign DB: anything but this build's schema."""
        return not self._path.exists() or self.schema_revision() != HEAD_REVISION

    def upgrade(self, progress: Progress | None = None) -> UpgradeResult:
        """Create a new DB at head in one step (`store.schema_create`), or back up and
        upgrade an existing one; refuses a newer DB. See `store.migrate`."""
        with translate_db_errors(str(self._path), str(self._backups)):
            if create_at_head(self._db.engine):
                return UpgradeResult(None, HEAD_REVISION, None)
        from govshare_desktop.store.migrate import upgrade_database  # noqa: PLC0415

        return upgrade_database(self._db.engine, self._path, self._backups, progress)

    def refuse_if_too_new(self) -> None:
        """Raise `KnownError(DB_TOO_NEW)` for a schema this build does not know; change nothing."""
        from govshare_desktop.store.migrate import refuse_unknown_schema  # noqa: PLC0415

        with translate_db_errors(str(self._path), str(self._backups)):
            refuse_unknown_schema(self._db.engine, self._path)

    def check(self) -> CheckReport:
        """Never raises for a damaged file: the damage is what the report is for."""
        from govshare_desktop.store.migrate import inspect_database  # noqa: PLC0415

        current, problems = inspect_database(self._db.engine)
        return CheckReport(current, HEAD_REVISION, tuple(problems))
