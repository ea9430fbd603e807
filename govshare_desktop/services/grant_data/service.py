"""授权数据 as use cases (Art. 14, 15, 17, 18): the grants this unit holds, their rows seen
only within them, the offline copy where a grant allows it, exports where it allows them,
and an audit event for every view, query, export and print.

Rows are read from the grant's offline cache (store/grant_cache.py, one SQLCipher file per
grant, keyed from the install secret in the keyring) while the grant is in force and the
platform confirmed it within the offline lease; otherwise from the platform. A cache is
purged (file, WAL and shared memory) when its grant is revoked, expires, no longer allows
it, or leaves this unit: after every sync cycle, at start, and when the platform refuses
the grant's rows. Audit events are fire-and-forget writes on the single writer: the viewer
never waits for them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govshare_desktop.domain.clock import CHINA_STANDARD_TIME, china_today, utc_naive
from govshare_desktop.domain.entities import Grant
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.grant_data import (
    CacheInfo,
    GrantView,
    RowQuery,
    expired,
    expiring_soon,
    in_force,
    lease_over,
)
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.services.executor import Lane, writes
from govshare_desktop.services.grant_data.rows import (
    CachedRows,
    PlatformRows,
    RowPage,
    RowSource,
    granted_rows,
)
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store import grant_cache
from govshare_desktop.store.grant_cache import GrantCache
from govshare_desktop.store.repositories.grant_local import GrantLocalRepository
from govshare_desktop.store.repositories.grants import GrantRepository

if TYPE_CHECKING:
    from govshare_desktop.services.sync.signin import PlatformAccess

log = logging.getLogger(__name__)

SUBJECT = "grant"
DOWNLOAD_PAGE = 1000  # the platform's largest page
MB = 1024 * 1024
CONFIRM_EVERY_S = 60.0


@dataclass(frozen=True)
class GrantDataConfig:
    """What the composition root gives: where caches live, the install secret they are
    keyed from (raises `KnownError(KEYRING_UNAVAILABLE)` without a keyring), and policy."""

    cache_dir: Path
    secret: Callable[[], bytes]
    lease_days: int = 14
    max_cache_mb: int = 1024


@dataclass(frozen=True, slots=True)
class Watermark:
    officer: str
    unit: str
    time: str


class GrantDataService(Service):
    def __init__(self, runtime: Runtime, platform: PlatformAccess, config: GrantDataConfig) -> None:
        super().__init__(runtime)
        self._platform = platform
        self.config = config
        self._open: dict[str, GrantCache] = {}
        self._confirmed: dict[str, float] = {}  # grant id → monotonic time of the last write
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ grants
    def _today(self) -> date:
        """Validity dates are days in China Standard Time, as the platform counts them."""
        return china_today(self._rt.clock)

    def held(self) -> list[Grant]:
        """The grants this unit holds (as grantee), revoked ones too, newest first."""
        unit = self._rt.unit_code
        with self._db.read() as session:
            return [
                g for g in GrantRepository(session).for_unit(unit) if g.grantee_unit_code == unit
            ]

    def grants(self, *, caches: bool = True) -> list[GrantView]:
        """The list of 授权数据: held grants, a revoked one until its revocation is seen.
        `caches=False` leaves each offline copy closed (`cache` None): the overview counts
        grants and has no use for their rows."""
        unit = self._rt.unit_code
        with self._db.read() as session:
            grants = [g for g in GrantRepository(session).for_unit(unit)
                      if g.grantee_unit_code == unit]  # fmt: skip
            local = GrantLocalRepository(session).all()
        today, now = self._today(), utc_naive(self._rt.clock)
        views = []
        for grant in grants:
            mine = local.get(grant.id)
            acknowledged = mine is not None and mine.revocation_acknowledged_at is not None
            if grant.revoked and acknowledged:
                continue
            confirmed = mine.confirmed_at if mine is not None else None
            views.append(
                GrantView(
                    grant=grant,
                    in_force=in_force(grant, today),
                    expired=expired(grant, today),
                    expiring_soon=expiring_soon(grant, today),
                    acknowledged=acknowledged,
                    confirmed_at=confirmed,
                    lease_over=lease_over(confirmed, now, self.config.lease_days),
                    cache=self._cache_info(grant) if caches else None,
                )
            )
        return views

    def grant(self, grant_id: str) -> Grant:
        with self._db.read() as session:
            grant = GrantRepository(session).get(grant_id)
        if grant is None or grant.grantee_unit_code != self._rt.unit_code:
            raise KnownError(ErrorCode.GRANT_UNKNOWN, grant=grant_id)
        return grant

    @writes
    def acknowledge(self, grant_id: str) -> None:
        """The officer has seen the revocation: the grant leaves the list."""
        with self._db.write() as session:
            GrantLocalRepository(session).acknowledge(grant_id, utc_naive(self._rt.clock))

    def usable(self, grant: Grant) -> Grant:
        """`grant` if its rows may be read today; else its cache is purged and the reason raised."""
        if grant.revoked:
            self.purge(grant.id)
            at = grant.revoked_at.strftime("%Y-%m-%d") if grant.revoked_at else ""
            raise KnownError(
                ErrorCode.GRANT_REVOKED, grant=grant.resource_name or grant.id, at=at,
                reason=grant.revocation_reason,
            )  # fmt: skip
        if not in_force(grant, self._today()):
            self.purge(grant.id)
            raise KnownError(
                ErrorCode.GRANT_NOT_VALID, grant=grant.resource_name or grant.id,
                since=grant.valid_from.isoformat(),
                until=grant.valid_to.isoformat() if grant.valid_to else "—",
            )  # fmt: skip
        return grant

    # ------------------------------------------------------------------ the cache
    def _path(self, grant_id: str) -> Path:
        return grant_cache.cache_path(self.config.cache_dir, grant_id)

    def _cache(self, grant: Grant, *, create: bool = False) -> GrantCache:
        """The grant's open cache; `KnownError` when there is none or it cannot be read."""
        if not grant.allow_offline_cache:
            raise KnownError(ErrorCode.GRANT_CACHE_NOT_ALLOWED, grant=grant.resource_name)
        with self._lock:
            held = self._open.get(grant.id)
            if held is not None:
                return held
            path = self._path(grant.id)
            if not create and not path.exists():
                raise KnownError(ErrorCode.GRANT_NOT_CACHED)
            key = grant_cache.derive_key(self.config.secret(), grant.id)
            columns = [item.id for item in grant.data_items]
            try:
                opened = GrantCache.open(path, key, columns)
            except KnownError as error:
                if error.code is ErrorCode.GRANT_CACHE_UNREADABLE:
                    log.warning("grant cache %s unreadable, deleted: %s", grant.id, error)
                    grant_cache.purge(path)
                raise
            self._open[grant.id] = opened
            return opened

    def _cache_info(self, grant: Grant) -> CacheInfo | None:
        path = self._path(grant.id)
        if not grant.allow_offline_cache or not path.exists():
            return None
        try:
            state = self._cache(grant).state()
        except KnownError:
            return None
        return CacheInfo(state.rows, state.complete, grant_cache.size_on_disk(path))

    def purge(self, grant_id: str) -> bool:
        """Delete the grant's cache (file, WAL, shared memory); True if there was one."""
        with self._lock:
            held = self._open.pop(grant_id, None)
            if held is not None:
                held.close()
            gone = grant_cache.purge(self._path(grant_id))
        if gone:
            log.info("grant cache %s purged", grant_id)
        return gone

    def purge_stale(self) -> list[str]:
        """Purge every cache whose grant is revoked, expired, not allowed or not held:
        at start and after each sync cycle. Cheap when there is no cache at all."""
        directory = self.config.cache_dir
        if not directory.is_dir():
            return []
        names = {p.name for p in directory.iterdir() if p.name.endswith(".db")}
        if not names:
            return []
        keep = {
            self._path(g.id).name
            for g in self.held()
            if g.allow_offline_cache and in_force(g, self._today())
        }
        purged = []
        for name in sorted(names - keep):
            grant_id = name.removesuffix(".db")
            try:
                self.purge(grant_id)
            except OSError as error:  # e.g. held open by a virus scanner: next time
                log.warning("grant cache %s not purged yet: %s", grant_id, error)
                continue
            purged.append(grant_id)
        return purged

    def after_sync(self, result: SyncResult) -> None:
        """A cycle that reached the feed's head confirms every held grant in force (the
        feed would have carried a revocation); stale caches go either way."""
        if result.outcome is SyncOutcome.DONE:
            today = self._today()
            live = [g.id for g in self.held() if in_force(g, today)]
            if live:
                self._confirm(live)
        self.purge_stale()

    @writes
    def _confirm(self, grant_ids: list[str]) -> None:
        with self._db.write() as session:
            GrantLocalRepository(session).confirm(grant_ids, utc_naive(self._rt.clock))

    def _confirm_later(self, grant_id: str) -> None:
        """The platform served the grant's rows: it is in force now. One write a minute at
        most per grant, however fast the officer scrolls."""
        now = time.monotonic()
        with self._lock:
            if now - self._confirmed.get(grant_id, -CONFIRM_EVERY_S) < CONFIRM_EVERY_S:
                return
            self._confirmed[grant_id] = now
        self._submit_write(lambda: self._confirm([grant_id]))

    def download(self, grant_id: str, progress: Progress | None = None) -> CacheInfo:
        """Keep the grant's rows on this PC (network lane): page by page, each page and the
        cursor after it in one transaction; resumes after the last kept page, stops at the
        size limit, cancellable between pages."""
        progress = progress or Progress.silent()
        grant = self.usable(self.grant(grant_id))
        cache = self._cache(grant, create=True)
        state = cache.state()
        if state.complete:
            return CacheInfo(state.rows, True, cache.size_bytes())
        held, cursor = state.rows, state.cursor
        limit = self.config.max_cache_mb * MB
        session: Any = None
        while True:
            if held and cache.size_bytes() > limit:
                raise KnownError(ErrorCode.GRANT_CACHE_FULL, limit=self.config.max_cache_mb,
                                 rows=held)  # fmt: skip
            progress.report(held, 0)
            session = session or self._platform.session()
            params: dict[str, Any] = {"limit": DOWNLOAD_PAGE}
            if cursor:
                params["cursor"] = cursor
            reply = self._rows_reply(grant, session, params)
            rows, cursor = granted_rows(grant, reply.body)
            held = cache.append(rows, cursor)
            if cursor is None:
                break
        progress.report(held, held)
        self._confirm_later(grant.id)
        return CacheInfo(held, True, cache.size_bytes())

    def _rows_reply(self, grant: Grant, session: Any, params: dict[str, Any]) -> Any:
        try:
            return session.request("GET", f"/grants/{grant.id}/rows", params=params)
        except KnownError as error:
            if error.params.get("problem") in ("grant_revoked", "grant_not_valid"):
                self.purge(grant.id)  # the platform has the last word; the feed follows
            raise

    # ------------------------------------------------------------------ viewing
    def open_rows(self, grant_id: str, query: RowQuery | None = None) -> RowSource:
        """The rows to show for `grant_id` (blocking: a worker calls it): the cache while
        the lease holds, else the platform. Audited as a view (and a query when filtered)."""
        query = query or RowQuery()
        grant = self.usable(self.grant(grant_id))
        source = self._source(grant, query)
        origin = "cache" if source.offline else "platform"
        columns = [i.id for i in grant.data_items]
        self._audit("grant.view", grant.id, {"source": origin, "columns": columns})
        if query != RowQuery():
            self._audit("grant.query", grant.id, query.describe())
        return source

    def requery(self, source: RowSource, query: RowQuery) -> RowSource:
        """The same grant under another filter or sort (audited as a query)."""
        grant = self.usable(self.grant(source.grant.id))
        fresh = self._source(grant, query, prefer_offline=source.offline)
        self._audit("grant.query", grant.id, query.describe())
        return fresh

    def _source(self, grant: Grant, query: RowQuery, *, prefer_offline: bool = True) -> RowSource:
        cache_error: KnownError | None = None
        if grant.allow_offline_cache and self._path(grant.id).exists() and prefer_offline:
            with self._db.read() as session:
                confirmed = GrantLocalRepository(session).get(grant.id).confirmed_at
            if lease_over(confirmed, utc_naive(self._rt.clock), self.config.lease_days):
                at = confirmed.strftime("%Y-%m-%d") if confirmed else "—"
                cache_error = KnownError(ErrorCode.GRANT_LEASE_EXPIRED, at=at,
                                         days=self.config.lease_days)  # fmt: skip
            else:
                return CachedRows(grant, query, self._cache(grant))
        if query.sort is not None or query.descending:
            raise cache_error or KnownError(ErrorCode.GRANT_NOT_CACHED)
        source = PlatformRows(grant, query, self._platform.session,
                              lambda: self._confirm_later(grant.id))  # fmt: skip
        try:
            first = self._first_page(source, grant)
        except KnownError as error:
            if cache_error is not None and error.code in _OFFLINE_CODES:
                raise cache_error from error
            raise
        return _Primed(source, first)

    def _first_page(self, source: PlatformRows, grant: Grant) -> RowPage:
        if not self._platform.url:
            raise KnownError(ErrorCode.GRANT_NOT_CACHED)
        try:
            return source.fetch(0)
        except KnownError as error:
            if error.params.get("problem") in ("grant_revoked", "grant_not_valid"):
                self.purge(grant.id)
            raise

    # ------------------------------------------------------------------ export and print
    def watermark(self) -> Watermark:
        """Who is looking (name and account), their unit, and the time (China Standard Time)."""
        identity = self._rt.identity.get()
        now = self._rt.clock.now().astimezone(CHINA_STANDARD_TIME).strftime("%Y-%m-%d %H:%M")
        officer = identity.officer or "—"
        if identity.display_name:
            officer = f"{identity.display_name}（{officer}）"
        unit = identity.unit_name or identity.unit_code or "—"
        if identity.unit_name and identity.unit_code:
            unit = f"{identity.unit_name}（{identity.unit_code}）"
        return Watermark(officer, unit, now)

    def export(
        self,
        grant_id: str,
        query: RowQuery,
        path: Path,
        *,
        fmt: str,
        notice: list[str],
        progress: Progress | None = None,
    ) -> int:
        """Write the query's rows to `path` (xlsx or csv) where the grant allows export;
        refused with `KnownError(GRANT_EXPORT_NOT_ALLOWED)` before anything is read."""
        from govshare_desktop.excel.grant_export import write_rows  # noqa: PLC0415

        progress = progress or Progress.silent()
        grant = self.usable(self.grant(grant_id))
        if not grant.allow_export:
            raise KnownError(ErrorCode.GRANT_EXPORT_NOT_ALLOWED, grant=grant.resource_name)
        source = self._source(grant, query)
        total = source.total()
        names = [i.name for i in grant.data_items]
        written = write_rows(path, fmt, notice, names, _pages(source), progress=progress,
                             total=total)  # fmt: skip
        details = {"format": fmt, "rows": written, "file": path.name, **query.describe()}
        self._audit("grant.export", grant.id, details)
        return written

    def record_print(self, grant_id: str, rows: int) -> None:
        self._audit("grant.print", grant_id, {"rows": rows})

    # ------------------------------------------------------------------ audit
    def _audit(self, action: str, grant_id: str, details: dict[str, Any]) -> Future[None]:
        """Queue the event on the writer and return at once (the viewer never waits)."""

        def write() -> None:
            with self._db.write() as session:
                self._rt.audit(session, action, SUBJECT, grant_id, details)

        return self._submit_write(write)

    def _submit_write(self, fn: Callable[[], None]) -> Future[None]:
        if self.executor.on_writer:
            fn()
            done: Future[None] = Future()
            done.set_result(None)
            return done
        future = self.executor.submit(Lane.WRITE, fn)
        future.add_done_callback(_log_failure)
        return future


_OFFLINE_CODES = {
    ErrorCode.PLATFORM_UNREACHABLE,
    ErrorCode.PLATFORM_NOT_CONFIGURED,
    ErrorCode.SIGN_IN_REQUIRED,
    ErrorCode.GRANT_NOT_CACHED,
}


def _log_failure(future: Future[None]) -> None:
    error = future.exception()
    if error is not None:
        log.error("grant audit/confirmation write failed", exc_info=error)


def _pages(source: RowSource) -> Iterator[list[Any]]:
    page = 0
    while True:
        found = source.fetch(page)
        yield found.rows
        if not found.more:
            return
        page += 1


class _Primed(RowSource):
    """An online source whose first page is already here (read when it was opened)."""

    def __init__(self, inner: PlatformRows, first: RowPage) -> None:
        super().__init__(inner.grant, inner.query)
        self.inner = inner
        self._first: RowPage | None = first
        self.page_rows = inner.page_rows

    def total(self) -> int | None:
        return None

    def reachable(self, page: int) -> bool:
        return self.inner.reachable(page)

    def fetch(self, page: int) -> RowPage:
        if page == 0 and self._first is not None:
            first, self._first = self._first, None
            return first
        return self.inner.fetch(page)
