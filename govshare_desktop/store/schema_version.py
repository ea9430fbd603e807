"""The schema revision this build writes, and a cheap read of a DB file's revision.

Start-up reads the file's revision with the standard library and imports Alembic only when
an upgrade (or a refusal) is due, which keeps Alembic's import off every ordinary start.
`HEAD_REVISION` must name the newest migration; a test fails when a migration is added
without updating it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

HEAD_REVISION = "0012"


def read_revision(db_path: Path) -> str | None:
    """The Alembic revision stamped in `db_path`; None for a file that has none yet."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
        return str(row[0]) if row else None
    finally:
        connection.close()


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What opening the DB did to its schema: created (from None), upgraded, or nothing."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision
