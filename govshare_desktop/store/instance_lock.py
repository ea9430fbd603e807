"""One writer per data directory: an OS file lock held for as long as the app runs.

The kernel drops the lock when the process dies (even by SIGKILL), so a crash never leaves a
stale lock behind, unlike a lock file that merely exists. The CLI takes the same lock for
commands that write, so `govshare db upgrade` cannot race a running app.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from types import TracebackType

from govshare_desktop.domain.errors import ErrorCode, KnownError


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise `KnownError(INSTANCE_RUNNING)` at once; never waits.

        A lock file that cannot be created or written (a full disk, a read-only folder)
        raises `KnownError(DISK_FULL | DATA_DIR_UNWRITABLE)` and holds nothing.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise self._unwritable(exc) from exc
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise KnownError(ErrorCode.INSTANCE_RUNNING, path=str(self.path.parent)) from exc
        try:  # the holder's pid, for whoever looks; it needs one block of a full disk
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError as exc:
            os.close(fd)
            raise self._unwritable(exc) from exc
        self._fd = fd

    def _unwritable(self, exc: OSError) -> KnownError:
        if exc.errno == errno.ENOSPC:
            return KnownError(ErrorCode.DISK_FULL, path=str(self.path))
        return KnownError(
            ErrorCode.DATA_DIR_UNWRITABLE, path=str(self.path.parent), reason=exc.strerror
        )

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock on every OS
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
