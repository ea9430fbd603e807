"""Pull: the unit's change feed, page by page, each page and its cursor in one transaction.

Writing the cursor with its page (never before it: PouchDB #1240) makes an interrupted
pull resume where it stopped; items not newer than what is held are skipped, so a page
applied twice, or an older version after a newer one, changes nothing. A resource with
local edits waiting is merged by field, never overwritten (the tracker decides). Filing
decisions are the authority's: they always come from the platform.

The shared directory (共享目录: other units' filed resources) comes in the same feed, as
`directory_entry` items applied to its read-only cache in the page's transaction; so do
the share requests this unit is a party to (`share_request` items: the platform wins for
their state, deadlines, allowed actions and history), the grants it holds, provides or
issued (`grant` items, kind `grant` or `revoke`: pull-only) and the objections it raised
or must answer (`objection` items).

A 410 (`resync_required`: the cursor is older than the server's horizon, or the server was
restored from a backup) is answered by a resync: the unit's whole catalog and the whole
directory as the platform holds them now, in one transaction, then the feed from its start.
The outbox is kept: what the officer has not sent yet is sent after it, rebased on the
platform's versions.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.enums import CatalogVersionState
from govshare_desktop.domain.progress import Progress
from govshare_desktop.platform.wire import grants, notices, objections, share_requests
from govshare_desktop.platform.wire.directory import entry_from_wire
from govshare_desktop.store.models import CatalogVersionRow, ResourceRow
from govshare_desktop.store.repositories.bulk_import import BulkResourceWriter
from govshare_desktop.store.repositories.directory import DirectoryRepository
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.notices import NoticeRepository
from govshare_desktop.store.repositories.objections import ObjectionRepository
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.store.repositories.versions import VersionRepository
from govshare_desktop.store.session import Database
from govshare_desktop.sync.checkpoints import BEFORE_PAGE, checkpoint
from govshare_desktop.sync.push import (
    RESOURCES_PATH,
    WriteFn,
    content_from_wire,
    resource_from_wire,
)
from govshare_desktop.sync.transport import Reply, Transport

log = logging.getLogger(__name__)
R = TypeVar("R")  # a sharing record (request, grant, objection, notice) from the wire

CHANGES_PATH = "/changes"
DIRECTORY_PATH = "/directory"
REQUESTS_PATH = "/share-requests"
GRANTS_PATH = "/grants"
OBJECTIONS_PATH = "/objections"
NOTICES_PATH = "/notices"
PAGE_SIZE = 500
SNAPSHOT_PAGE = 500


class FeedRefused(Exception):
    """The feed answered something the client cannot act on (not transient)."""


@dataclass
class PullReport:
    applied: int = 0
    skipped: int = 0
    resynced: bool = False


def _check(reply: Reply) -> dict[str, Any]:
    if reply.ok and isinstance(reply.body, dict):
        return reply.body
    if reply.transient:
        raise reply.busy()
    raise FeedRefused(reply.problem_text)


def _in_background(call: Callable[[], Reply]) -> Future[Reply]:
    """`call` on a thread of its own, its answer or error in the future. A daemon: a read
    left behind by a cycle that stopped (a failed write, a cancel) never holds the process
    open, and nothing it brings is stored."""
    future: Future[Reply] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(call())
        except BaseException as exc:  # handed to the cycle when it takes the page
            future.set_exception(exc)

    threading.Thread(target=run, name="govshare-pull-ahead", daemon=True).start()
    return future


def _store_served(
    word: str,
    record_id: str,
    data: Any,
    from_wire: Callable[[dict[str, Any]], tuple[R, int]],
    store_remote: Callable[[R, int], bool],
) -> bool:
    """A sharing record as the platform holds it, stored by its repository (the server
    wins); a document this version cannot read is logged and skipped, never fatal."""
    if not isinstance(data, dict):
        return False
    try:
        record, version = from_wire(data)
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("%s %s not understood: %s", word, record_id, exc)
        return False
    return store_remote(record, version)


class Puller:
    def __init__(
        self,
        database: Database,
        transport: Transport,
        write: WriteFn[Any],
        now: Callable[[], datetime],
        page_size: int = PAGE_SIZE,
    ) -> None:
        self._db = database
        self._http = transport
        self._write = write
        self._now = now
        self._page_size = page_size
        self.report = PullReport()

    def pull_all(self, progress: Progress) -> PullReport:
        """The feed to its end. The next page is asked for while the writer stores this
        one (one page ahead, no more), so the platform's time to build a page hides behind
        the store's; pages are still applied one by one in feed order, each with its own
        cursor, so a crash anywhere loses nothing and the next cycle resumes after the
        last page committed. A page read ahead of a failed write is dropped unread."""
        with self._db.read() as session:
            cursor = SyncMetaRepository(session).cursor()
        ahead: Future[Reply] | None = None
        while True:
            reply = ahead.result() if ahead else self._read_page(cursor)
            ahead = None
            if reply.status == 410 and not self.report.resynced:
                self._resync(progress)
                cursor = None
                continue
            page = _check(reply)
            checkpoint(BEFORE_PAGE)
            cursor = str(page["next_cursor"])
            more = bool(page.get("has_more"))
            if more:
                ahead = _in_background(partial(self._read_page, cursor))
            self._write(partial(self._apply_page, page["items"], cursor, more=more))
            progress.report(self.report.applied, 0, "pull")
            if not more:
                return self.report

    def _read_page(self, cursor: str | None) -> Reply:
        params: dict[str, Any] = {"limit": self._page_size}
        if cursor:
            params["since"] = cursor
        return self._http.request("GET", CHANGES_PATH, params=params)

    # ------------------------------------------------------------------ one page
    def _apply_page(self, items: list[dict[str, Any]], cursor: str, *, more: bool = False) -> None:
        """The page and its cursor in one transaction; `more`: another page follows."""
        with self._db.write() as session:
            fresh = self._new_resources(session, items)
            arrived = []
            for at in fresh:  # stored straight from the wire: no domain objects between
                document = items[at]["data"]
                arrived.append((str(document["id"]), *content_from_wire(document)))
            BulkResourceWriter(session, more_to_come=more).insert_remote_content(arrived)
            self.report.applied += len(fresh)
            for at, item in enumerate(items):
                if at in fresh:
                    continue
                if self._apply(session, item):
                    self.report.applied += 1
                else:
                    self.report.skipped += 1
            SyncMetaRepository(session).set_cursor(cursor)

    @staticmethod
    def _new_resources(session: Session, items: list[dict[str, Any]]) -> set[int]:
        """Positions of the page's resources this PC has never held (a first sync's whole
        page): stored in bulk, as `store_remote` would store each. An id seen twice in the
        page, or already held (even as a tombstone), goes item by item, in feed order."""
        seen: dict[str, int] = {}
        twice: set[str] = set()
        for at, item in enumerate(items):
            if item["type"] != "resource":
                continue
            rid = str(item["id"])
            if rid in seen:
                twice.add(rid)
            elif item["kind"] == "upsert" and isinstance(item.get("data"), dict):
                seen[rid] = at
        candidates = [rid for rid in seen if rid not in twice]
        held: set[str] = set()
        for start in range(0, len(candidates), 500):
            chunk = candidates[start : start + 500]
            held.update(session.scalars(select(ResourceRow.id).where(ResourceRow.id.in_(chunk))))
        return {seen[rid] for rid in candidates if rid not in held}

    def _apply(self, session: Session, item: dict[str, Any]) -> bool:
        kind, data, version = item["type"], item.get("data"), int(item["version"])
        if kind == "resource":
            return self._apply_resource(session, str(item["id"]), item["kind"], data, version)
        if kind == "catalog_filing" and isinstance(data, dict):
            return self._apply_filing(session, data)
        if kind == "directory_entry":
            return self._apply_directory(session, str(item["id"]), item["kind"], data, version)
        sharing = {
            share_requests.ENTITY_TYPE: self._apply_request,
            grants.ENTITY_TYPE: self._apply_grant,
            objections.ENTITY_TYPE: self._apply_objection,
            notices.ENTITY_TYPE: self._apply_notice,
        }.get(kind)
        if sharing is not None:
            return sharing(session, str(item["id"]), data)
        log.debug("feed item of type %s not kept by this version", kind)
        return False

    @staticmethod
    def _apply_resource(
        session: Session, resource_id: str, kind: str, data: Any, version: int
    ) -> bool:
        repo = ResourceRepository(session)
        held = repo.get_tracked(resource_id)
        known = held.envelope.server_version if held is not None else None
        if known is not None and known >= version:
            return False  # a replay, or older than what is held
        if kind == "delete":
            if held is None:
                return False
            repo.remote_delete(resource_id, version)
            return True
        if not isinstance(data, dict):
            return False
        server, server_version = resource_from_wire(data)
        repo.store_remote(server, server_version)
        return True

    @staticmethod
    def _apply_directory(
        session: Session, entry_id: str, kind: str, data: Any, version: int
    ) -> bool:
        """Another unit's filed resource arrived, changed or left the directory."""
        repo = DirectoryRepository(session)
        if kind == "delete":
            known = repo.version_of(entry_id)
            return known is not None and known < version and repo.remove(entry_id)
        if not isinstance(data, dict):
            return False
        try:
            entry = entry_from_wire(data)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("directory entry %s not understood: %s", entry_id, exc)
            return False
        return repo.put(entry)

    @staticmethod
    def _apply_request(session: Session, request_id: str, data: Any) -> bool:
        """A share request this unit is a party to, as the platform now holds it (requests
        it drafted, those addressed to it as provider once submitted, and those before it
        as the authority): the server wins for state, deadlines, actions and history."""
        return _store_served("share request", request_id, data, share_requests.from_wire,
                             ShareRequestRepository(session).store_remote)  # fmt: skip

    @staticmethod
    def _apply_grant(session: Session, grant_id: str, data: Any) -> bool:
        """A grant this unit holds, provides or issued (`kind` grant, or revoke: the
        document then carries `revoked_at`): pull-only, the server wins."""
        return _store_served("grant", grant_id, data, grants.from_wire,
                             GrantRepository(session).store_remote)  # fmt: skip

    @staticmethod
    def _apply_objection(session: Session, objection_id: str, data: Any) -> bool:
        """An objection this unit raised or must answer, as the platform now holds it."""
        return _store_served("objection", objection_id, data, objections.from_wire,
                             ObjectionRepository(session).store_remote)  # fmt: skip

    @staticmethod
    def _apply_notice(session: Session, notice_id: str, data: Any) -> bool:
        """A notice delivered to this unit, as the platform now holds it; a read mark made
        here and not yet sent is never taken back (`NoticeRepository.store_remote`)."""
        return _store_served("notice", notice_id, data, notices.from_wire,
                             NoticeRepository(session).store_remote)  # fmt: skip

    def _apply_filing(self, session: Session, data: dict[str, Any]) -> bool:
        """The authority's decision on a filing this PC submitted (its id is the version's)."""
        row = session.get(CatalogVersionRow, str(data["id"]))
        state = str(data.get("state", ""))
        if row is None or state not in ("filed", "returned") or row.state == state:
            return False
        decided = data.get("decided_at")
        at = self._now()
        if decided:  # the platform's time of the decision, stored as naive UTC like ours
            at = datetime.fromisoformat(str(decided).replace("Z", "+00:00"))
            at = at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at
        VersionRepository(session).record_decision(
            row.id,
            filed=state == CatalogVersionState.FILED.value,
            comment=str(data.get("decision_text") or ""),
            actor=str(data.get("decided_by") or ""),
            at=at,
        )
        return True

    # ------------------------------------------------------------------ resync
    def _resync(self, progress: Progress) -> None:
        """Take the platform's whole catalog of the unit, then read the feed from its start;
        pending ops stay queued and go out after, on the platform's versions."""
        log.warning("the change feed asks for a resync")
        documents: list[dict[str, Any]] = []
        page_cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": SNAPSHOT_PAGE}
            if page_cursor:
                params["cursor"] = page_cursor
            page = _check(self._http.request("GET", RESOURCES_PATH, params=params))
            documents.extend(page["items"])
            progress.report(len(documents), 0, "resync")
            page_cursor = page.get("next_cursor")
            if not page_cursor:
                break
        directory = self._read_directory(progress)
        requests = self._read_all(REQUESTS_PATH, progress)
        sharing = (self._read_all(GRANTS_PATH, progress) or [],
                   self._read_all(OBJECTIONS_PATH, progress) or [])  # fmt: skip
        held_notices = self._read_all(NOTICES_PATH, progress) or []
        self._write(
            lambda: self._apply_snapshot(documents, directory, requests, sharing, held_notices)
        )
        self.report.resynced = True

    def _read_directory(self, progress: Progress) -> list[dict[str, Any]] | None:
        """Every entry of the shared directory; None from a platform that has none."""
        return self._read_all(DIRECTORY_PATH, progress)

    def _read_all(self, path: str, progress: Progress) -> list[dict[str, Any]] | None:
        """Every item of a keyset-paged list; None from a platform that has none."""
        documents: list[dict[str, Any]] = []
        page_cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": SNAPSHOT_PAGE}
            if page_cursor:
                params["cursor"] = page_cursor
            reply = self._http.request("GET", path, params=params)
            if reply.status == 404 and not documents:
                return None
            page = _check(reply)
            documents.extend(page["items"])
            progress.report(len(documents), 0, "resync")
            page_cursor = page.get("next_cursor")
            if not page_cursor:
                return documents

    def _apply_snapshot(
        self,
        documents: list[dict[str, Any]],
        directory: list[dict[str, Any]] | None,
        requests: list[dict[str, Any]] | None = None,
        sharing: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], []),
        held_notices: list[dict[str, Any]] | None = None,
    ) -> None:
        with self._db.write() as session:
            for notice in held_notices or ():
                self._apply_notice(session, str(notice.get("id")), notice)
            for request in requests or ():
                self._apply_request(session, str(request.get("id")), request)
            held_grants, held_objections = sharing
            for grant in held_grants:  # before the objections, which are named from them
                self._apply_grant(session, str(grant.get("id")), grant)
            for objection in held_objections:
                self._apply_objection(session, str(objection.get("id")), objection)
            if directory is not None:
                entries = []
                for document in directory:
                    try:
                        entries.append(entry_from_wire(document))
                    except (KeyError, TypeError, ValueError) as exc:
                        log.warning("directory entry not understood: %s", exc)
                DirectoryRepository(session).replace_all(entries)
            present = set()
            for document in documents:
                present.add(str(document["id"]))
                self._apply_resource(
                    session, str(document["id"]), "upsert", document, int(document["version"])
                )
            # what the platform confirmed once and no longer holds is gone there
            confirmed = session.execute(
                select(ResourceRow.id, ResourceRow.server_version).where(
                    ResourceRow.server_version.is_not(None), ResourceRow.deleted.is_(False)
                )
            ).all()
            repo = ResourceRepository(session)
            for resource_id, server_version in confirmed:
                if resource_id not in present:
                    repo.remote_delete(resource_id, int(server_version or 0) + 1)
            SyncMetaRepository(session).set_cursor(None)
