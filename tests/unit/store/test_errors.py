from __future__ import annotations

import errno
import sqlite3

import pytest

from govshare_desktop.domain.errors import ErrorCode
from govshare_desktop.store.errors import classify


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (sqlite3.OperationalError("database or disk is full"), ErrorCode.DISK_FULL),
        (OSError(errno.ENOSPC, "No space left on device"), ErrorCode.DISK_FULL),
        (sqlite3.OperationalError("database is locked"), ErrorCode.DB_LOCKED),
        (sqlite3.DatabaseError("file is not a database"), ErrorCode.DB_CORRUPT),
        (sqlite3.DatabaseError("database disk image is malformed"), ErrorCode.DB_CORRUPT),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            ErrorCode.DATA_DIR_UNWRITABLE,
        ),
    ],
)
def test_environment_failures_become_known_errors(error: BaseException, code: ErrorCode) -> None:
    known = classify(error, "/data/govshare.db")
    assert known is not None
    assert known.code is code


def test_our_bugs_stay_bugs() -> None:
    assert classify(sqlite3.OperationalError("no such column: nmae"), "x") is None
    assert classify(ValueError("boom"), "x") is None


def test_a_wal_index_that_cannot_grow_is_a_full_disk() -> None:
    """SQLite says "disk I/O error" when ENOSPC stops it growing a new -shm file."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"
    known = classify(error, "/data/govshare.db")
    assert known is not None and known.code is ErrorCode.DISK_FULL


def test_other_io_errors_on_a_disk_with_room_stay_bugs(tmp_path) -> None:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorname = "SQLITE_IOERR_READ"
    assert classify(error, str(tmp_path / "govshare.db")) is None
