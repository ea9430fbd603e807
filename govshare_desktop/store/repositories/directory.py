"""The shared directory's cache: entries put, removed and rebuilt as the feed says, read
and searched like the catalog (the same trigram search, `directory_search`).

Entries are server-owned and read-only: nothing here queues an op. Each change is
reported on the change bus as kind DIRECTORY_ENTRY, origin remote.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import ChangeAction, EntityKind, Origin
from govshare_desktop.domain.directory import DirectoryEntry, DirectorySummary
from govshare_desktop.domain.entities import Classification
from govshare_desktop.domain.resource_content import resource_content, resource_from_content
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.store.models import DirectoryEntryRow
from govshare_desktop.store.repositories.search import DIRECTORY, TextIndex
from govshare_desktop.store.session import changes_of


def _summary(row: DirectoryEntryRow) -> DirectorySummary:
    return DirectorySummary(
        id=row.id,
        version=row.version,
        unit_code=row.unit_code,
        unit_name=row.unit_name,
        superior=row.superior,
        code=row.code,
        name=row.name,
        classification=Classification(
            row.class_category, row.class_item, row.class_subject, row.class_detail
        ),
        share_type=row.share_type,
    )


def _entry(row: DirectoryEntryRow) -> DirectoryEntry:
    resource = resource_from_content(row.id, json.loads(row.content_json))
    return DirectoryEntry(
        resource=resource,
        version=row.version,
        unit_name=row.unit_name,
        superior=row.superior,
        filing_id=row.filing_id,
        filed_at=row.filed_at,
    )


class DirectoryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._search = TextIndex(session, DIRECTORY)

    # ------------------------------------------------------------------ reading
    def get(self, entry_id: str) -> DirectoryEntry | None:
        row = self._session.get(DirectoryEntryRow, entry_id)
        return _entry(row) if row is not None else None

    def version_of(self, entry_id: str) -> int | None:
        return self._session.scalar(
            select(DirectoryEntryRow.version).where(DirectoryEntryRow.id == entry_id)
        )

    def summaries(self, ids: Sequence[str] | None = None) -> list[DirectorySummary]:
        """Every entry by unit and code, or those of `ids` in that order."""
        query = select(DirectoryEntryRow)
        if ids is None:
            rows = self._session.scalars(
                query.order_by(DirectoryEntryRow.unit_code, DirectoryEntryRow.code)
            ).all()
            return [_summary(row) for row in rows]
        found = {
            row.id: row
            for row in self._session.scalars(query.where(DirectoryEntryRow.id.in_(list(ids))))
        }
        return [_summary(found[i]) for i in ids if i in found]

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 500
    ) -> list[DirectorySummary]:
        return self.summaries(self._search.search(query, filters, limit))

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(DirectoryEntryRow)) or 0)

    # ------------------------------------------------------------------ the feed's say
    def put(self, entry: DirectoryEntry) -> bool:
        """Hold `entry` unless what is held is as new; returns whether anything changed."""
        row = self._session.get(DirectoryEntryRow, entry.id)
        if row is not None and row.version >= entry.version:
            return False
        action = ChangeAction.CREATED if row is None else ChangeAction.UPDATED
        if row is None:
            row = DirectoryEntryRow(id=entry.id)
            self._session.add(row)
        resource = entry.resource
        cls = resource.classification
        row.version, row.unit_code, row.unit_name = entry.version, entry.unit_code, entry.unit_name
        row.superior, row.code, row.name = entry.superior, resource.code, resource.name
        row.class_category, row.class_item = cls.category, cls.item
        row.class_subject, row.class_detail = cls.subject, cls.detail
        row.share_type = str(resource.share_type or "")
        row.filing_id, row.filed_at = entry.filing_id, entry.filed_at
        row.content_json = json.dumps(resource_content(resource), ensure_ascii=False)
        self._search.put_text(
            entry.id, resource.name, resource.abstract, [i.name for i in resource.data_items]
        )
        changes_of(self._session).add(EntityKind.DIRECTORY_ENTRY, entry.id, action, Origin.REMOTE)
        return True

    def remove(self, entry_id: str) -> bool:
        """The entry left the directory; returns whether one was held."""
        row = self._session.get(DirectoryEntryRow, entry_id)
        if row is None:
            return False
        self._session.delete(row)
        self._search.remove(entry_id)
        changes_of(self._session).add(
            EntityKind.DIRECTORY_ENTRY, entry_id, ChangeAction.DELETED, Origin.REMOTE
        )
        return True

    def replace_all(self, entries: Iterable[DirectoryEntry]) -> None:
        """The whole directory anew (a resync): what is not in `entries` is gone."""
        incoming = {entry.id: entry for entry in entries}
        held = set(self._session.scalars(select(DirectoryEntryRow.id)).all())
        for gone in held - set(incoming):
            self.remove(gone)
        for entry in incoming.values():
            row = self._session.get(DirectoryEntryRow, entry.id)
            if row is not None and row.version != entry.version:
                row.version = 0  # the platform's copy wins, newer or not
            self.put(entry)

    def clear(self) -> None:
        ids = list(self._session.scalars(select(DirectoryEntryRow.id)).all())
        self._session.execute(delete(DirectoryEntryRow))
        self._search.clear()
        changes_of(self._session).add_many(
            EntityKind.DIRECTORY_ENTRY, ids, ChangeAction.DELETED, Origin.REMOTE
        )
