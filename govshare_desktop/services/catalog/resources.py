"""The catalog's resources: list, search, check, and the editor's writes (Art. 7).

Every write runs on the writer thread (`@writes`) and commits the edit, its sync
bookkeeping and its audit event together, or none of them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govshare_desktop.domain.dcat import catalog_to_dcat
from govshare_desktop.domain.entities import Classification, Resource, ResourceSummary
from govshare_desktop.domain.enums import SyncState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.one_source import Overlap, one_source_report
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.domain.validation import Finding, validate_catalog, validate_resource
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.search import SearchIndex


class CatalogService(Service):
    @property
    def unit_code(self) -> str:
        """The unit whose catalog this is; empty until the officer first signs in."""
        return self._rt.unit_code

    @property
    def unit_name(self) -> str:
        """The unit's name from the platform (`/me`); empty until the first sign-in."""
        return self._rt.identity.get().unit_name

    def count(self) -> int:
        with self._db.read() as session:
            return ResourceRepository(session).count()

    def list_resources(self, unit_code: str | None = None) -> list[Resource]:
        """Live resources of one unit, or of every unit held locally, by code."""
        with self._db.read() as session:
            return ResourceRepository(session).list_live(unit_code)

    def browse(
        self, query: str = "", filters: SearchFilters | None = None, limit: int = 100_000
    ) -> list[ResourceSummary]:
        """What the catalog page lists: every live resource (by code), or the search hits (best
        first), as light summaries."""
        filters = filters or SearchFilters()
        with self._db.read() as session:
            repo = ResourceRepository(session)
            if not query.strip() and not (filters.share_type or filters.provider_code):
                return repo.summaries(unit_code=filters.unit_code)[:limit]
            return repo.summaries(SearchIndex(session).search(query, filters, limit))

    def one_source(self) -> list[Overlap]:
        """一数一源 overlaps across every provider whose resources are held on this PC."""
        return one_source_report(self.list_resources())

    def export_dcat(self, unit_code: str | None = None) -> dict[str, Any]:
        """The resources open to society (never secret ones) as a DCAT JSON-LD catalog."""
        title = f"{unit_code or '全部单位'} 政务信息资源开放目录"
        return catalog_to_dcat(
            self.list_resources(unit_code),
            self.profile,
            title=title,
            catalog_id=f"urn:govshare:catalog:{unit_code or 'all'}",
        )

    def find(self, key: str) -> Resource | None:
        """A live resource by its id or its resource code."""
        with self._db.read() as session:
            return ResourceRepository(session).find(key)

    def validate_all(self, unit_code: str | None = None) -> dict[str, list[Finding]]:
        return validate_catalog(self.list_resources(unit_code), self.profile)

    def first(self, unit_code: str | None = None) -> Resource | None:
        """The catalog's first resource by code, as the tree lists it first: what the
        editor opens on, read alone so it shows before the whole tree is loaded."""
        with self._db.read() as session:
            return ResourceRepository(session).first(unit_code)

    def get(self, resource_id: str) -> Resource | None:
        """A resource's content, live or deleted."""
        with self._db.read() as session:
            return ResourceRepository(session).get(resource_id)

    def get_tracked(self, resource_id: str) -> Tracked[Resource] | None:
        """A resource with where it stands against the platform (and whether it is deleted)."""
        with self._db.read() as session:
            return ResourceRepository(session).get_tracked(resource_id)

    def sync_states(self, ids: list[str]) -> dict[str, SyncState]:
        with self._db.read() as session:
            return ResourceRepository(session).sync_states(ids)

    def summaries(self, ids: list[str]) -> list[ResourceSummary]:
        """The tree's summaries of `ids` (live ones, in that order)."""
        with self._db.read() as session:
            return ResourceRepository(session).summaries(ids)

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 200
    ) -> list[Resource]:
        """Resources whose name, abstract or data item names contain `query` (any length)."""
        with self._db.read() as session:
            return ResourceRepository(session).search(query, filters, limit)

    def next_code(self, unit_code: str, classification: Classification) -> str:
        """The next free resource code under a classification; codes are never reused."""
        with self._db.read() as session:
            used = ResourceRepository(session).max_sequence(
                unit_code, classification.code, self.profile.code_separator
            )
        return self.profile.resource_code(classification.code, used + 1)

    def new_resource(self, name: str, classification: Classification) -> Resource:
        """A new, unsaved resource of this unit; once an officer has signed in, its provider
        is the unit (name and credit code from the platform), so nobody retypes them."""
        who = self._rt.identity.get()
        return Resource(
            name=name,
            unit_code=who.unit_code,
            classification=classification,
            provider_name=who.unit_name,
            provider_code=who.unit_credit_code,
        )

    def validate(self, resource: Resource) -> list[Finding]:
        return validate_resource(resource, self.profile)

    @writes
    def save(self, resource: Resource) -> Resource:
        """Commit the edit, its outbox op and its audit event together, or none of them."""
        with self._db.write() as session:
            stored = ResourceRepository(session).save(resource)
            self._rt.audit(session, "resource.save", "resource", resource.id)
        return stored.content

    @writes
    def delete(self, resource_id: str) -> None:
        with self._db.write() as session:
            ResourceRepository(session).delete(resource_id)
            self._rt.audit(session, "resource.delete", "resource", resource_id)

    @writes
    def restore(self, resource_id: str) -> Resource | None:
        with self._db.write() as session:
            restored = ResourceRepository(session).restore(resource_id)
            self._rt.audit(session, "resource.restore", "resource", resource_id)
        return restored.content if restored else None

    @writes
    def edit(self, resource_id: str, changes: dict[str, Any]) -> Resource:
        """Read, change and save one resource in one transaction (the editor's unit of work).

        Keys are Resource fields, or `class_category|class_item|class_subject|class_detail`
        for the classification levels.
        """
        levels = {"class_category": "category", "class_item": "item", "class_subject": "subject",
                  "class_detail": "detail"}  # fmt: skip
        with self._db.write() as session:
            repo = ResourceRepository(session)
            current = repo.get(resource_id)
            if current is None:
                raise KnownError(ErrorCode.NOT_FOUND, what=resource_id)
            plain = {k: v for k, v in changes.items() if k not in levels}
            cls_changes = {levels[k]: v for k, v in changes.items() if k in levels}
            if cls_changes:
                plain["classification"] = replace(current.classification, **cls_changes)
            stored = repo.save(replace(current, **plain))
            self._rt.audit(session, "resource.save", "resource", resource_id)
        return stored.content
