"""Derive a unit's entries from its superior unit's catalog (Art. 11 §3), and notice when the
source changes.

County and city units compile "依照上级机关单位的政务信息资源目录". The superior catalog
comes two ways: from the platform, as the superior unit's entries of the shared directory
(共享目录) the sync keeps here; or as an exchange file the superior unit exports with
`govshare catalog export-json`, for units without a connection. Both are held read-only;
derived entries keep the source's id and revision (the directory entry's filed version, or
the exchange copy's local revision), so a later, changed source shows up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.directory import DirectoryEntry
from govshare_desktop.domain.entities import Resource, ResourceSummary, new_id
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.resource_content import resource_content, resource_from_content
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.services.catalog.resources import CatalogService
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.directory import DirectoryRepository
from govshare_desktop.store.repositories.resources import ResourceRepository

EXCHANGE_KIND = "govshare-catalog"
EXCHANGE_FORMAT = 1


class SourceState(StrEnum):
    CURRENT = "current"
    CHANGED = "changed"  # the superior entry changed after this one was derived or reviewed
    GONE = "gone"  # the superior entry was withdrawn from its catalog


@dataclass(frozen=True, slots=True)
class LoadResult:
    unit_code: str
    added: int
    changed: int
    unchanged: int


class DerivationService(Service):
    def __init__(self, runtime: Runtime, catalog: CatalogService) -> None:
        super().__init__(runtime)
        self._catalog = catalog

    def export_document(self, unit_code: str) -> dict[str, Any]:
        """A unit's catalog as an exchange document (secret entries left out)."""
        resources = [r for r in self._catalog.list_resources(unit_code) if not r.secret]
        return {
            "kind": EXCHANGE_KIND,
            "format": EXCHANGE_FORMAT,
            "unit_code": unit_code,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "resources": {r.id: resource_content(r) for r in resources},
        }

    @writes
    def load_superior(self, document: object, progress: Progress | None = None) -> LoadResult:
        """Hold the superior catalog of `document` read-only; one transaction, all or nothing.

        Entries no longer in the document are marked withdrawn, so derived entries notice.
        """
        progress = progress or Progress.silent()
        if not isinstance(document, dict) or document.get("kind") != EXCHANGE_KIND:
            raise KnownError(
                ErrorCode.FILE_UNREADABLE, path="", reason="not a GovShare catalog file"
            )
        if int(document.get("format", 0)) > EXCHANGE_FORMAT:
            raise KnownError(ErrorCode.FILE_UNREADABLE, path="", reason="made by a newer version")
        unit = str(document.get("unit_code") or "")
        entries = document.get("resources")
        if not unit or not isinstance(entries, dict):
            raise KnownError(ErrorCode.FILE_UNREADABLE, path="", reason="no unit or no entries")
        try:
            incoming = [
                replace(resource_from_content(str(rid), p), unit_code=unit)
                for rid, p in entries.items()
            ]
        except (TypeError, ValueError, AttributeError) as exc:
            raise KnownError(ErrorCode.FILE_UNREADABLE, path="", reason=str(exc)) from exc
        added = changed = 0
        with self._db.write() as session:
            repo = ResourceRepository(session)
            held = {r.id for r in repo.list_live(unit)}
            for index, resource in enumerate(incoming):
                progress.report(index, len(incoming))
                if repo.store_foreign(resource):
                    added += resource.id not in held
                    changed += resource.id in held
            for gone in held - {r.id for r in incoming}:
                repo.withdraw_foreign(gone)
        return LoadResult(unit, added, changed, len(incoming) - added - changed)

    def entries_of(self, unit_code: str) -> list[ResourceSummary]:
        """The superior unit's entries held here, by code."""
        return self._catalog.browse(filters=SearchFilters(unit_code=unit_code))

    @writes
    def derive(self, source_ids: list[str], unit_code: str) -> list[Resource]:
        """New entries of `unit_code` from the superior's held from an exchange file, each
        linked to its source; all of them or none, in one transaction."""
        created = []
        with self._db.write() as session:
            repo = ResourceRepository(session)
            for source_id in source_ids:
                tracked = repo.get_tracked(source_id)
                if tracked is None or tracked.envelope.deleted:
                    raise KnownError(ErrorCode.NOT_FOUND, what=source_id)
                created.append(
                    self._derive_one(session, repo, tracked.content, tracked.envelope.local_rev,
                                     unit_code)
                )  # fmt: skip
        return created

    @writes
    def derive_from_directory(self, entry_ids: list[str], unit_code: str) -> list[Resource]:
        """New entries of `unit_code` from the superior unit's entries of the shared
        directory, each keeping the entry's id and filed version; all or none. An entry of
        a unit that is not the superior is refused (Art. 11 §3)."""
        created = []
        with self._db.write() as session:
            directory, repo = DirectoryRepository(session), ResourceRepository(session)
            for entry_id in entry_ids:
                entry = directory.get(entry_id)
                if entry is None:
                    raise KnownError(ErrorCode.NOT_FOUND, what=entry_id)
                self._require_superior(entry)
                created.append(
                    self._derive_one(session, repo, entry.resource, entry.version, unit_code)
                )
        return created

    @staticmethod
    def _require_superior(entry: DirectoryEntry) -> None:
        if not entry.superior:
            raise KnownError(
                ErrorCode.DERIVE_NOT_SUPERIOR,
                name=entry.resource.name,
                unit=entry.unit_name or entry.unit_code,
            )

    def _derive_one(
        self,
        session: Any,
        repo: ResourceRepository,
        source: Resource,
        source_version: int,
        unit_code: str,
    ) -> Resource:
        """One new entry of `unit_code` from `source`, with a code of its own."""
        profile = self._rt.profile
        cls = source.classification
        used = repo.max_sequence(unit_code, cls.code, profile.code_separator)
        derived = replace(
            source,
            id=new_id(),
            unit_code=unit_code,
            code=profile.resource_code(cls.code, used + 1),
            sequence="",
            provider_name="",
            provider_code="",
            secret=False,
            data_items=tuple(replace(i, id=new_id()) for i in source.data_items),
            source_resource_id=source.id,
            source_version=source_version,
            one_source_note="",
        )
        stored = repo.save(derived).content
        self._rt.audit(session, "resource.derive", "resource", derived.id, {"source": source.id})
        return stored

    def source_states(self, unit_code: str) -> dict[str, SourceState]:
        """Each derived entry of `unit_code` against its source, by entry id."""
        with self._db.read() as session:
            repo, directory = ResourceRepository(session), DirectoryRepository(session)
            states: dict[str, SourceState] = {}
            for resource in repo.list_live(unit_code):
                if not resource.source_resource_id:
                    continue
                states[resource.id] = self._state(repo, directory, resource)
        return states

    @staticmethod
    def _state(
        repo: ResourceRepository, directory: DirectoryRepository, resource: Resource
    ) -> SourceState:
        """Against the exchange file's copy when one is held, else the directory's entry."""
        source_id, seen = str(resource.source_resource_id), resource.source_version or 0
        source = repo.get_tracked(source_id)
        if source is not None:
            if source.envelope.deleted:
                return SourceState.GONE
            return SourceState.CHANGED if source.envelope.local_rev > seen else SourceState.CURRENT
        filed = directory.version_of(source_id)
        if filed is None:
            return SourceState.GONE
        return SourceState.CHANGED if filed > seen else SourceState.CURRENT

    @writes
    def mark_reviewed(self, resource_id: str) -> Resource:
        """The compiler has looked at the source's change: follow its current revision."""
        resource = self._catalog.get(resource_id)
        if resource is None or not resource.source_resource_id:
            raise KnownError(ErrorCode.NOT_FOUND, what=resource_id)
        source = self._catalog.get_tracked(resource.source_resource_id)
        revision = source.envelope.local_rev if source else resource.source_version
        if source is None:
            with self._db.read() as session:
                filed = DirectoryRepository(session).version_of(resource.source_resource_id)
            revision = filed if filed is not None else revision
        return self._catalog.edit(resource_id, {"source_version": revision})
