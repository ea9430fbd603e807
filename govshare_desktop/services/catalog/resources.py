"""Catalog use cases available so far: list, count, save and delete a unit's resources.

The full editor, validation report, filing and derivation arrive with the catalog issue;
they extend this service rather than reaching into the store.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.dcat import catalog_to_dcat
from govshare_desktop.domain.entities import AuditEvent, Classification, Resource, ResourceSummary
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.one_source import Overlap, one_source_report
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.domain.validation import Finding, validate_catalog, validate_resource
from govshare_desktop.store.models.base import utcnow
from govshare_desktop.store.repositories.audit import AuditRepository
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.search import SearchIndex
from govshare_desktop.store.session import Database


class CatalogService:
    def __init__(self, database: Database, profile: CatalogProfile, actor: str = "") -> None:
        self._db = database
        self.profile = profile
        self._actor = actor

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

    def get(self, resource_id: str) -> Resource | None:
        with self._db.read() as session:
            return ResourceRepository(session).get(resource_id)

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 200
    ) -> list[Resource]:
        """Resources whose name, abstract or data item names contain `query` (any length)."""
        with self._db.read() as session:
            return ResourceRepository(session).search(query, filters, limit)

    def next_code(self, unit_code: str, classification: Classification) -> str:
        """The next free resource code under a classification; codes are never reused."""
        separator = self.profile.code_separator
        with self._db.read() as session:
            used = ResourceRepository(session).max_sequence(
                unit_code, classification.code, separator
            )
        return f"{classification.code}{separator}{used + 1:0{self.profile.sequence_digits}d}"

    def validate(self, resource: Resource) -> list[Finding]:
        return validate_resource(resource, self.profile)

    def save(self, resource: Resource) -> Resource:
        """Commit the edit, its outbox op and its audit event together, or none of them."""
        with self._db.write() as session:
            stored = ResourceRepository(session).save(resource)
            self._audit(session, "resource.save", resource.id)
        return stored

    def delete(self, resource_id: str) -> None:
        with self._db.write() as session:
            ResourceRepository(session).delete(resource_id)
            self._audit(session, "resource.delete", resource_id)

    def restore(self, resource_id: str) -> Resource | None:
        with self._db.write() as session:
            restored = ResourceRepository(session).restore(resource_id)
            self._audit(session, "resource.restore", resource_id)
        return restored

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
            self._audit(session, "resource.save", resource_id)
        return stored

    def _audit(self, session: Session, action: str, resource_id: str) -> None:
        AuditRepository(session).append(
            AuditEvent(
                action=action,
                actor=self._actor,
                at=utcnow(),
                subject_type="resource",
                subject_id=resource_id,
            )
        )
