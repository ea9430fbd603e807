"""The Qt-free half of the composition root: data directory, logs, DB, settings, services.

Both the GUI (`app/gui.py`) and the CLI open the app through `AppContext.open`, so a
database is always migrated, checked and wired the same way, whichever door it came in by.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govshare_desktop import __version__
from govshare_desktop.app.preflight import Preflight
from govshare_desktop.assets import DEFAULT_PROFILE, profile_path
from govshare_desktop.domain.profile import CatalogProfile, load_profile
from govshare_desktop.domain.progress import Progress
from govshare_desktop.services.catalog import CatalogService
from govshare_desktop.services.catalog_import import CatalogImportService
from govshare_desktop.services.data_files import DataFileService
from govshare_desktop.services.database import DatabaseService
from govshare_desktop.services.derivation import DerivationService
from govshare_desktop.services.filing import FilingService
from govshare_desktop.services.status import StatusService
from govshare_desktop.settings.paths import DataPaths
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.instance_lock import InstanceLock
from govshare_desktop.store.session import Database

if TYPE_CHECKING:
    from govshare_desktop.store.migrate import UpgradeResult

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything a front end needs, built once and passed down explicitly (STYLE habit 4)."""

    paths: DataPaths
    settings: Settings
    database: Database
    profile: CatalogProfile
    db_service: DatabaseService
    catalog: CatalogService
    catalog_import: CatalogImportService
    data_files: DataFileService
    filing: FilingService
    derivation: DerivationService
    status: StatusService
    lock: InstanceLock | None
    upgrade: UpgradeResult | None

    @classmethod
    def open(
        cls,
        home: str | os.PathLike[str] | None = None,
        *,
        exclusive: bool = True,
        migrate: bool = True,
        progress: Progress | None = None,
    ) -> AppContext:
        """Open the data directory: `Preflight.open` then `build`, as the CLI and tests need."""
        return cls.build(
            Preflight.open(home, exclusive=exclusive), migrate=migrate, progress=progress
        )

    @classmethod
    def build(
        cls, preflight: Preflight, *, migrate: bool = True, progress: Progress | None = None
    ) -> AppContext:
        """Load the store and wire the services on a preflighted data directory.

        `migrate` backs up and upgrades an older DB; without it an older DB is opened as is
        (for `info` and `db check`), while a missing one is still created at the current
        schema. A DB from a newer build is always refused. On failure the lock is released.
        """
        paths = preflight.paths
        try:
            database = Database(make_engine(paths.db))
        except BaseException:
            preflight.release()
            raise
        db_service = DatabaseService(database, paths.db, paths.backups)
        upgrade = None
        try:
            if preflight.needs_migration:
                if migrate or preflight.fresh:
                    upgrade = db_service.upgrade(progress)
                else:
                    db_service.refuse_if_too_new()
            profile = load_profile(profile_path(DEFAULT_PROFILE))
        except BaseException:
            database.dispose()
            preflight.release()
            raise
        settings = preflight.settings
        catalog = CatalogService(database, profile)
        return cls(
            paths=paths,
            settings=settings,
            database=database,
            profile=profile,
            db_service=db_service,
            catalog=catalog,
            catalog_import=CatalogImportService(database, profile),
            data_files=DataFileService(catalog),
            filing=FilingService(database, profile),
            derivation=DerivationService(database, catalog),
            status=StatusService(database, str(settings.get("platform.url"))),
            lock=preflight.lock,
            upgrade=upgrade,
        )

    def close(self) -> None:
        self.database.dispose()
        if self.lock is not None:
            self.lock.release()
        log.info("closed %s", self.paths.home)

    @property
    def version(self) -> str:
        return __version__
