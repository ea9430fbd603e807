"""The first, cheap step of opening a data directory: folders, log, lock, settings, schema.

Standard library (plus platformdirs) only: the GUI runs it before its window exists and
knows from it whether the database must be migrated first, or whether the window can
open at once while SQLAlchemy and the services load behind it.
"""

from __future__ import annotations

import errno
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from govshare_desktop import __version__
from govshare_desktop.app.logs import configure_logging, log_failure
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.settings.paths import DataPaths
from govshare_desktop.settings.policy import read_machine_policy
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.store.errors import translate_db_errors
from govshare_desktop.store.instance_lock import InstanceLock
from govshare_desktop.store.schema_version import HEAD_REVISION, read_revision

log = logging.getLogger(__name__)


def _unwritable(exc: OSError, path: Path) -> KnownError:
    """A full disk says so; any other refusal names the folder and the system's reason."""
    if exc.errno == errno.ENOSPC:
        return KnownError(ErrorCode.DISK_FULL, path=str(path))
    folder = path if path.is_dir() else path.parent
    return KnownError(ErrorCode.DATA_DIR_UNWRITABLE, path=str(folder), reason=exc.strerror)


@dataclass
class Preflight:
    paths: DataPaths
    settings: Settings
    lock: InstanceLock | None
    revision: str | None  # the DB file's schema revision; None when there is none yet
    fresh: bool  # no DB file at all: creating one loses nothing

    @property
    def needs_migration(self) -> bool:
        """True unless the DB exists at exactly this build's schema (create, upgrade or refuse)."""
        return self.revision != HEAD_REVISION

    @classmethod
    def open(
        cls, home: str | os.PathLike[str] | None = None, *, exclusive: bool = True
    ) -> Preflight:
        """Resolve and create the data folders, start logging, take the lock, read the schema.

        `exclusive` takes the one-writer lock (GUI, and CLI commands that write).
        """
        paths = DataPaths.resolve(home)
        try:
            paths.ensure()
        except OSError as exc:
            raise _unwritable(exc, paths.home) from exc
        try:
            configure_logging(paths.log_file)
        except OSError as exc:
            raise _unwritable(exc, paths.log_file) from exc
        log.info("GovShare Desktop %s opening %s", __version__, paths.home)
        failure = log_failure()  # the first line is the test that the disk takes a write
        if failure is not None:
            raise _unwritable(failure, paths.log_file) from failure
        lock = InstanceLock(paths.lock) if exclusive else None
        if lock is not None:
            lock.acquire()
        try:
            fresh = not paths.db.exists()
            with translate_db_errors(str(paths.db), str(paths.backups)):
                revision = None if fresh else read_revision(paths.db)
            settings = Settings(paths.user_settings, read_machine_policy())
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(paths=paths, settings=settings, lock=lock, revision=revision, fresh=fresh)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
