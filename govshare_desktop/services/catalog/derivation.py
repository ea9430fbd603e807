"""Derive a unit's entries from its superior unit's catalog (Art. 11 §3), and notice when the
source changes.

County and city units compile "依照上级机关单位的政务信息资源目录". Until the platform cache
exists (sync issue), the superior catalog arrives as an exchange file the superior unit
exports with `govshare catalog export-json`. Its entries are held read-only; derived
entries keep the source's id and revision, so a later, changed source shows up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.entities import Resource, ResourceSummary, new_id
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.resource_content import resource_content, resource_from_content
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.services.catalog.resources import CatalogService
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Runtime, Service
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
        """New entries of `unit_code` from the superior's, each linked to its source; all of
        them or none, in one transaction."""
        profile = self._rt.profile
        created = []
        with self._db.write() as session:
            repo = ResourceRepository(session)
            for source_id in source_ids:
                tracked = repo.get_tracked(source_id)
                if tracked is None or tracked.envelope.deleted:
                    raise KnownError(ErrorCode.NOT_FOUND, what=source_id)
                source = tracked.content
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
                    data_items=tuple(replace(i, id=new_id()) for i in source.data_items),
                    source_resource_id=source.id,
                    source_version=tracked.envelope.local_rev,
                    one_source_note="",
                )
                created.append(repo.save(derived).content)
                self._rt.audit(session, "resource.derive", "resource", derived.id,
                               {"source": source.id})  # fmt: skip
        return created

    def source_states(self, unit_code: str) -> dict[str, SourceState]:
        """Each derived entry of `unit_code` against its source, by entry id."""
        with self._db.read() as session:
            repo = ResourceRepository(session)
            states: dict[str, SourceState] = {}
            for resource in repo.list_live(unit_code):
                if not resource.source_resource_id:
                    continue
                source = repo.get_tracked(resource.source_resource_id)
                if source is None or source.envelope.deleted:
                    states[resource.id] = SourceState.GONE
                elif source.envelope.local_rev > (resource.source_version or 0):
                    states[resource.id] = SourceState.CHANGED
                else:
                    states[resource.id] = SourceState.CURRENT
        return states

    @writes
    def mark_reviewed(self, resource_id: str) -> Resource:
        """The compiler has looked at the source's change: follow its current revision."""
        resource = self._catalog.get(resource_id)
        if resource is None or not resource.source_resource_id:
            raise KnownError(ErrorCode.NOT_FOUND, what=resource_id)
        source = self._catalog.get_tracked(resource.source_resource_id)
        revision = source.envelope.local_rev if source else resource.source_version
        return self._catalog.edit(resource_id, {"source_version": revision})
