"""Use cases about the local database itself: where it is, its schema, its health, its upgrade."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govshare_desktop.domain.progress import Progress
from govshare_desktop.store.migrate import (
    UpgradeResult,
    head_revision,
    inspect_database,
    schema_state,
    upgrade_database,
)
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
        return schema_state(self._db.engine).current

    def upgrade(self, progress: Progress | None = None) -> UpgradeResult:
        return upgrade_database(self._db.engine, self._path, self._backups, progress)

    def check(self) -> CheckReport:
        """Never raises for a damaged file: the damage is what the report is for."""
        current, problems = inspect_database(self._db.engine)
        return CheckReport(current, head_revision(), tuple(problems))
