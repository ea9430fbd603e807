"""Where this officer's data lives: one directory holding the DB, logs, backups and settings.

`--home` or `$GOVSHARE_HOME` overrides the whole directory (tests, trainers, portable use);
otherwise the per-user data directory of the OS (`%LOCALAPPDATA%\\GovShare\\GovShareDesktop`
on Windows, `~/.local/share/GovShareDesktop` on Linux), never anything under Program Files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

HOME_ENV = "GOVSHARE_HOME"
APP_DIR_NAME = "GovShareDesktop"  # released: changing it would strand every user's data


@dataclass(frozen=True, slots=True)
class DataPaths:
    home: Path

    @property
    def db(self) -> Path:
        return self.home / "govshare.db"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "govshare.log"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def grant_cache(self) -> Path:
        """One SQLCipher file per grant whose rows are kept offline (store/grant_cache.py)."""
        return self.home / "grant-cache"

    @property
    def user_settings(self) -> Path:
        return self.home / "settings.json"

    @property
    def ui_state(self) -> Path:
        return self.home / "ui-state.ini"

    @property
    def lock(self) -> Path:
        return self.home / "govshare.lock"

    @property
    def cache(self) -> Path:
        return self.home / "cache"

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> DataPaths:
        """`home` if given, else `$GOVSHARE_HOME`, else the OS per-user data directory."""
        chosen = home or os.environ.get(HOME_ENV, "").strip()
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        return cls(Path(user_data_dir(APP_DIR_NAME, "GovShare", roaming=False)))

    def ensure(self) -> None:
        """Create the directories; raises OSError when the location is not writable."""
        for directory in (self.home, self.logs, self.backups, self.cache):
            directory.mkdir(parents=True, exist_ok=True)
