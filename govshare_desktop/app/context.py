"""The Qt-free half of the composition root: data directory, logs, DB, settings, services.

Both the GUI (`app/gui.py`) and the CLI open the app through `AppContext.open`, so a
database is always migrated, checked and wired the same way, whichever door it came in by.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govshare_desktop import __version__
from govshare_desktop.app.platform_access import SettingsPlatformAccess
from govshare_desktop.app.preflight import Preflight
from govshare_desktop.assets import DEFAULT_PROFILE, profile_path
from govshare_desktop.domain.clock import Clock, SystemClock
from govshare_desktop.domain.profile import CatalogProfile, load_profile
from govshare_desktop.domain.progress import Progress
from govshare_desktop.security.audit_chain import AuditKey
from govshare_desktop.services.change_bus import ChangeBus
from govshare_desktop.services.database import DatabaseService
from govshare_desktop.services.executor import Executor
from govshare_desktop.services.grant_data.service import GrantDataConfig
from govshare_desktop.services.registry import Services
from govshare_desktop.services.runtime import CurrentIdentity, Runtime
from govshare_desktop.settings.paths import DataPaths
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.instance_lock import InstanceLock
from govshare_desktop.store.session import Database

if TYPE_CHECKING:
    from govshare_desktop.store.schema_version import UpgradeResult

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything a front end needs, built once and passed down explicitly (STYLE habit 4).

    The executor (where every write runs) and the change bus (what every write changed)
    are the composition root's: the GUI's task runner, the CLI and the sync engine share
    them. `services` holds every use case; a new capability adds its service there.
    """

    paths: DataPaths
    settings: Settings
    database: Database
    profile: CatalogProfile
    executor: Executor
    bus: ChangeBus
    services: Services
    lock: InstanceLock | None
    upgrade: UpgradeResult | None
    platform: SettingsPlatformAccess
    owns_executor: bool = False

    @classmethod
    def open(
        cls,
        home: str | os.PathLike[str] | None = None,
        *,
        exclusive: bool = True,
        migrate: bool = True,
        progress: Progress | None = None,
        clock: Clock | None = None,
    ) -> AppContext:
        """Open the data directory: `Preflight.open` then `build`, as the CLI and tests need."""
        return cls.build(
            Preflight.open(home, exclusive=exclusive),
            migrate=migrate,
            progress=progress,
            clock=clock,
        )

    @classmethod
    def build(
        cls,
        preflight: Preflight,
        *,
        migrate: bool = True,
        progress: Progress | None = None,
        executor: Executor | None = None,
        clock: Clock | None = None,
    ) -> AppContext:
        """Load the store and wire the services on a preflighted data directory.

        `migrate` backs up and upgrades an older DB; without it an older DB is opened as is
        (for `info` and `db check`), while a missing one is still created at the current
        schema. A DB from a newer build is always refused. On failure the lock is released.
        `executor` is the GUI's (its task runner already runs on it); without one the
        context makes its own and shuts it down on `close`.
        """
        paths = preflight.paths
        bus = ChangeBus()
        try:
            database = Database(make_engine(paths.db), on_commit=bus.publish)
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
            at_head = upgrade is not None or not preflight.needs_migration
            # an older or foreign file opened to be inspected has no identity to read
            identity = CurrentIdentity.load(database) if at_head else CurrentIdentity()
        except BaseException:
            database.dispose()
            preflight.release()
            raise
        settings = preflight.settings
        owns_executor = executor is None
        executor = executor or Executor()
        # the audit chain's key from the keyring, read on the first audit event, never at start
        audit_key = AuditKey(paths.home)
        runtime = Runtime(database, profile, identity, clock or SystemClock(), executor, audit_key)
        # the platform: its client is built on first use, never at start (offline-first)
        platform = SettingsPlatformAccess(settings, paths.home)
        built = cls(
            paths=paths,
            settings=settings,
            database=database,
            profile=profile,
            executor=executor,
            bus=bus,
            services=Services.build(
                runtime,
                db_service,
                str(settings.get("platform.url")),
                platform=platform,
                grant_data=GrantDataConfig(
                    cache_dir=paths.grant_cache,
                    secret=_grant_cache_secret(paths.home),
                    lease_days=int(settings.get("security.offline_lease_days")),
                    max_cache_mb=int(settings.get("security.grant_cache_max_mb")),
                ),
            ),
            lock=preflight.lock,
            upgrade=upgrade,
            platform=platform,
            owns_executor=owns_executor,
        )
        if at_head:  # rows of grants expired or revoked since the last run leave the disk
            built.services.grant_data.purge_stale()
        return built

    def close(self) -> None:
        """Let queued writes finish, then release the DB and the data directory."""
        if self.owns_executor:
            self.executor.shutdown()
        self.database.dispose()
        if self.lock is not None:
            self.lock.release()
        log.info("closed %s", self.paths.home)

    @property
    def version(self) -> str:
        return __version__


def _grant_cache_secret(home: Path) -> Callable[[], bytes]:
    """The install secret the grant caches are keyed from, read from the keyring on first
    use (never at start: an offline start needs no keyring)."""

    held: list[Any] = []

    def secret() -> bytes:
        if not held:
            from govshare_desktop.security.install_secrets import InstallSecrets  # noqa: PLC0415

            held.append(InstallSecrets(home))
        value: bytes = held[0].get("grant-cache")
        return value

    return secret
