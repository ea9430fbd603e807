"""Turning SQLite's failures into the environment errors an officer can act on.

Standard library only (SQLAlchemy's wrappers are unwrapped through their `orig`), so the
start-up preflight can use it before SQLAlchemy is imported.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govshare_desktop.domain.errors import ErrorCode, KnownError

# SQLite reports ENOSPC as SQLITE_FULL when it writes the database or its journal, but as an
# I/O error when it grows the -shm index of a WAL database it opens for the first time
_FULL = {"SQLITE_FULL", "SQLITE_IOERR_SHMSIZE"}


def no_space_left(path: str | os.PathLike[str]) -> bool:
    """True when the file system holding `path` (or its nearest existing parent) is full."""
    where = Path(path)
    while not where.exists() and where != where.parent:
        where = where.parent
    try:
        return os.statvfs(where).f_bavail == 0
    except (OSError, AttributeError):  # no statvfs on Windows: say nothing rather than guess
        return False


def _disk_full(error: sqlite3.Error, text: str, path: str) -> bool:
    name = getattr(error, "sqlite_errorname", None) or ""
    if name in _FULL or "database or disk is full" in text:
        return True
    # any other failed write ("disk I/O error") while the disk has no block left
    return name.startswith("SQLITE_IOERR") and no_space_left(path)


def classify(exc: BaseException, path: str, backups: str = "") -> KnownError | None:
    """The known error behind `exc`, or None when it is our bug."""
    original = getattr(exc, "orig", None) or exc  # sqlalchemy.exc.DBAPIError wraps the driver's
    if isinstance(original, OSError) and original.errno == errno.ENOSPC:
        return KnownError(ErrorCode.DISK_FULL, path=path)
    if isinstance(original, sqlite3.Error):
        text = str(original).lower()
        if _disk_full(original, text, path):
            return KnownError(ErrorCode.DISK_FULL, path=path)
        if "database is locked" in text or "database is busy" in text:
            return KnownError(ErrorCode.DB_LOCKED, path=path)
        if "malformed" in text or "not a database" in text or "file is encrypted" in text:
            return KnownError(
                ErrorCode.DB_CORRUPT, path=path, reason=str(original), backups=backups
            )
        if "unable to open" in text or "readonly" in text or "read-only" in text:
            return KnownError(ErrorCode.DATA_DIR_UNWRITABLE, path=path, reason=str(original))
    return None


@contextmanager
def translate_db_errors(path: str, backups: str = "") -> Iterator[None]:
    """Re-raise environment failures as `KnownError`; let our bugs through unchanged."""
    try:
        yield
    except Exception as exc:
        known = classify(exc, path, backups)
        if known is None:
            raise
        raise known from exc
