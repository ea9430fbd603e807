"""Resources with their data items: persistence only.

What a save means for sync (the envelope, the outbox op, the change record) is decided by
`store/tracking.py`; each write here hands it the before and after content in one call.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import (
    Classification,
    DataItem,
    Resource,
    ResourceSummary,
)
from govshare_desktop.domain.enums import SyncState
from govshare_desktop.domain.resource_content import (
    CLASSIFICATION_FIELDS,
    LOCAL_ONLY,
    SCALARS,
    resource_content,
    resource_from_content,
    synced_content,
)
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.store.models import DataItemRow, ResourceRow
from govshare_desktop.store.repositories.search import SearchIndex
from govshare_desktop.store.tracking import TrackedWrites, Tracking, envelope_of

RESOURCES = Tracking(EntityKind.RESOURCE, groups=(CLASSIFICATION_FIELDS,))


def _item_to_domain(row: DataItemRow) -> DataItem:
    return DataItem(
        id=row.id,
        name=row.name,
        data_type=row.data_type,
        length=row.length,
        share_type=row.share_type,
        share_conditions=row.share_conditions,
        open_to_society=row.open_to_society,
        description=row.description,
        extra=json.loads(row.extra_json),
    )


def to_domain(row: ResourceRow) -> Resource:
    return Resource(
        id=row.id,
        classification=Classification(
            row.class_category, row.class_item, row.class_subject, row.class_detail
        ),
        related_codes=tuple(json.loads(row.related_codes_json)),
        extra=json.loads(row.extra_json),
        data_items=tuple(_item_to_domain(i) for i in row.data_items),
        **{name: getattr(row, name) for name in SCALARS},
    )


def to_tracked(row: ResourceRow) -> Tracked[Resource]:
    return Tracked(to_domain(row), envelope_of(row))


class ResourceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._tracked = TrackedWrites(session, RESOURCES)
        self._search = SearchIndex(session)

    def get(self, resource_id: str) -> Resource | None:
        """A resource's content, live or a tombstone."""
        row = self._session.get(ResourceRow, resource_id)
        return to_domain(row) if row else None

    def get_tracked(self, resource_id: str) -> Tracked[Resource] | None:
        """A resource with its sync envelope (state, revision, tombstone)."""
        row = self._session.get(ResourceRow, resource_id)
        return to_tracked(row) if row else None

    def first(self, unit_code: str | None) -> Resource | None:
        """The live resource first by code (of a unit): the catalog tree's first entry."""
        query = select(ResourceRow).where(ResourceRow.deleted.is_(False))
        if unit_code:
            query = query.where(ResourceRow.unit_code == unit_code)
        row = self._session.scalar(query.order_by(ResourceRow.code).limit(1))
        return to_domain(row) if row else None

    def list_live(self, unit_code: str | None) -> list[Resource]:
        query = select(ResourceRow).where(ResourceRow.deleted.is_(False))
        if unit_code:
            query = query.where(ResourceRow.unit_code == unit_code)
        rows = self._session.scalars(query.order_by(ResourceRow.unit_code, ResourceRow.code))
        return [to_domain(r) for r in rows]

    def live_counts(self, unit_code: str | None) -> tuple[int, int]:
        """Live resources and their data items, counted in SQL (the 概览's first figures,
        before the catalog's findings: no resource is loaded)."""
        live = select(ResourceRow.id).where(ResourceRow.deleted.is_(False))
        if unit_code:
            live = live.where(ResourceRow.unit_code == unit_code)
        resources = self._session.scalar(select(func.count()).select_from(live.subquery()))
        items = self._session.scalar(
            select(func.count()).select_from(DataItemRow).where(DataItemRow.resource_id.in_(live))
        )
        return int(resources or 0), int(items or 0)

    def sync_states(self, ids: list[str]) -> dict[str, SyncState]:
        """Where each of `ids` stands against the platform (the badge of a list)."""
        rows = self._session.execute(
            select(ResourceRow.id, ResourceRow.sync_state).where(ResourceRow.id.in_(ids))
        )
        return {rid: SyncState(state) for rid, state in rows}

    def find(self, key: str) -> Resource | None:
        row = self._session.scalar(
            select(ResourceRow).where(
                ResourceRow.deleted.is_(False), (ResourceRow.id == key) | (ResourceRow.code == key)
            )
        )
        return to_domain(row) if row else None

    def code_owners(self) -> dict[str, tuple[str, str, bool]]:
        """Every resource code held here → (id, sync state, deleted), tombstones included:
        what an import matches its rows against without loading whole resources."""
        rows = self._session.execute(
            select(ResourceRow.code, ResourceRow.id, ResourceRow.sync_state, ResourceRow.deleted)
            .where(ResourceRow.code != "")
            .order_by(ResourceRow.deleted)  # a live resource wins over a tombstone
        )
        owners: dict[str, tuple[str, str, bool]] = {}
        for code, rid, state, deleted in rows:
            owners.setdefault(code, (rid, state, bool(deleted)))
        return owners

    def revisions(self, ids: list[str]) -> dict[str, tuple[int, int | None, bool]]:
        """(local revision, server version, deleted) of each of `ids` held here: whether
        anything happened to them since, without loading them."""
        found: dict[str, tuple[int, int | None, bool]] = {}
        for start in range(0, len(ids), 5000):  # within SQLite's bound-parameter limit
            rows = self._session.execute(
                select(
                    ResourceRow.id, ResourceRow.local_rev, ResourceRow.server_version,
                    ResourceRow.deleted,
                ).where(ResourceRow.id.in_(ids[start : start + 5000]))
            )  # fmt: skip
            found.update({rid: (rev, version, bool(gone)) for rid, rev, version, gone in rows})
        return found

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 200
    ) -> list[Resource]:
        ids = self._search.search(query, filters, limit)
        rows = {
            r.id: r
            for r in self._session.scalars(select(ResourceRow).where(ResourceRow.id.in_(ids)))
        }
        return [to_domain(rows[i]) for i in ids if i in rows]

    def summaries(
        self, ids: list[str] | None = None, unit_code: str | None = None
    ) -> list[ResourceSummary]:
        """Summaries of live resources: of `ids` in that order, else all (of a unit) by code."""
        columns = (
            ResourceRow.id, ResourceRow.unit_code, ResourceRow.code, ResourceRow.name,
            ResourceRow.class_category, ResourceRow.class_item, ResourceRow.class_subject,
            ResourceRow.class_detail, ResourceRow.share_type, ResourceRow.secret,
            ResourceRow.sync_state,
            ResourceRow.provider_name,
        )  # fmt: skip
        query = select(*columns).where(ResourceRow.deleted.is_(False))
        if ids is not None:
            query = query.where(ResourceRow.id.in_(ids))
        if unit_code:
            query = query.where(ResourceRow.unit_code == unit_code)
        found = [
            ResourceSummary(
                id=r.id,
                unit_code=r.unit_code,
                code=r.code,
                name=r.name,
                classification=Classification(
                    r.class_category, r.class_item, r.class_subject, r.class_detail
                ),
                share_type=r.share_type,
                secret=r.secret,
                sync_state=SyncState(r.sync_state),
                provider_name=r.provider_name,
            )
            for r in self._session.execute(query.order_by(ResourceRow.code))
        ]
        if ids is None:
            return found
        by_id = {s.id: s for s in found}
        return [by_id[i] for i in ids if i in by_id]

    def max_sequence(self, unit_code: str, classification_code: str, separator: str) -> int:
        """The highest sequence number used under a classification, deleted resources included,
        so a deleted resource's code is never handed out again."""
        prefix = classification_code + separator
        codes = self._session.scalars(
            select(ResourceRow.code).where(
                ResourceRow.unit_code == unit_code,
                ResourceRow.code.startswith(prefix, autoescape=True),
            )
        )
        numbers = [int(tail) for code in codes if (tail := code[len(prefix) :]).isdigit()]
        return max(numbers, default=0)

    def count(self) -> int:
        return int(
            self._session.scalar(
                select(func.count()).select_from(ResourceRow).where(ResourceRow.deleted.is_(False))
            )
            or 0
        )

    def save(self, resource: Resource) -> Tracked[Resource]:
        """Store the officer's edit (or new resource); sync bookkeeping goes with it."""
        row = self._session.get(ResourceRow, resource.id)
        before = synced_content(to_domain(row)) if row is not None else None
        was_secret = bool(row.secret) if row is not None else False
        if row is None:
            row = ResourceRow(id=resource.id, local_rev=0)
            self._session.add(row)
        self._write_fields(row, resource)
        self._tracked.saved(
            row, before, synced_content(resource), secret=resource.secret, was_secret=was_secret
        )
        return self._stored(row)

    def delete(self, resource_id: str) -> None:
        """A tombstone, never a row delete: the platform must learn of it, and codes stay used."""
        row = self._session.get(ResourceRow, resource_id)
        if row is None or row.deleted:
            return
        self._tracked.deleted(row, secret=row.secret)
        self._search.remove(row.id)

    def delete_many(self, resource_ids: list[str]) -> None:
        """`delete` for many live resources at once (an import taken back): the thousands
        the platform never saw in one pass, the others one by one."""
        rest = self._tracked.deleted_in_bulk(ResourceRow, resource_ids)
        left = set(rest)
        self._search.remove_many([i for i in resource_ids if i not in left])
        for resource_id in rest:
            self.delete(resource_id)

    def restore(self, resource_id: str) -> Tracked[Resource] | None:
        """Undo a delete: the tombstone comes back to life, same code."""
        row = self._session.get(ResourceRow, resource_id)
        if row is None:
            return None
        if row.deleted:
            self._tracked.restored(row, synced_content(to_domain(row)), secret=row.secret)
        return self._stored(row)

    def store_foreign(self, resource: Resource) -> bool:
        """Hold another unit's entry (e.g. the superior catalog) read-only: never sent, never
        audited as our edit; its revision counts up only when its content changes.
        Returns whether anything changed."""
        row = self._session.get(ResourceRow, resource.id)
        incoming = resource_content(resource)
        if row is not None and resource_content(to_domain(row)) == incoming and not row.deleted:
            return False
        local = None if row is None else synced_content(to_domain(row))
        if row is None:
            row = ResourceRow(id=resource.id, local_rev=0)
            self._session.add(row)
        self._tracked.remote_arrived(
            row, local, synced_content(resource), server_version=None, read_only=True
        )
        self._write_fields(row, resource)
        self._stored(row)
        return True

    def withdraw_foreign(self, resource_id: str) -> None:
        """Another unit's entry left its catalog: a tombstone whose revision counts up."""
        row = self._session.get(ResourceRow, resource_id)
        if row is not None and not row.deleted:
            self._tracked.remote_deleted(row)
            self._search.remove(row.id)

    def store_remote(self, resource: Resource, server_version: int) -> Tracked[Resource]:
        """The platform's state of one of this unit's resources (a pull): taken whole when
        nothing waits to be sent, else merged by field with the officer's pending edits.
        Local-only content (notes, derivation links) is kept either way."""
        row = self._session.get(ResourceRow, resource.id)
        held = to_domain(row) if row is not None else None
        if row is None:
            row = ResourceRow(id=resource.id, local_rev=0)
            self._session.add(row)
        merged = self._tracked.remote_arrived(
            row,
            None if held is None else synced_content(held),
            synced_content(resource),
            server_version=server_version,
        )
        self._write_fields(row, self.with_local_fields(held or resource, merged))
        return self._stored(row)

    # ------------------------------------------------------------------ what a push learns
    def acknowledge(self, resource_id: str, server: Resource, server_version: int) -> None:
        """The platform applied our create or patch: it holds `server` at that version. With
        nothing else waiting, its canonical record replaces ours (local notes kept)."""
        row = self._row(resource_id)
        if self._tracked.acknowledged(row, synced_content(server), server_version):
            self._write_fields(row, self.with_local_fields(to_domain(row), server))
        self._stored(row)

    def acknowledge_deletion(self, resource_id: str, server_version: int | None) -> None:
        self._tracked.deletion_acknowledged(self._row(resource_id), server_version)

    def reconcile(self, resource_id: str, server: Resource, server_version: int) -> None:
        """Our op met a newer platform version (412): merge by field, resend what is ours."""
        row = self._row(resource_id)
        held = to_domain(row)
        merged = self._tracked.reconcile(
            row, synced_content(held), synced_content(server), server_version
        )
        self._write_fields(row, self.with_local_fields(held, merged))
        self._stored(row)

    def remote_delete(self, resource_id: str, server_version: int) -> None:
        """The platform deleted the resource (a pull's tombstone, or a 404/410 answer)."""
        row = self._session.get(ResourceRow, resource_id)
        if row is None or row.deleted:
            return
        self._tracked.remote_deleted(row, server_version)
        self._stored(row)

    # ------------------------------------------------------------------ the officer's say
    def resolve(self, resource_id: str, chosen: dict[str, Any]) -> Tracked[Resource]:
        """A conflict resolved to `chosen` (synced content): stored, and sent on."""
        row = self._row(resource_id)
        held = to_domain(row)
        self._write_fields(row, self.with_local_fields(held, chosen))
        self._tracked.resolved(row, chosen)
        return self._stored(row)

    def let_go(self, resource_id: str) -> None:
        """Deleted remotely, accepted: a tombstone here too."""
        self._tracked.let_go(self._row(resource_id))
        self._search.remove(resource_id)

    def refused(self, resource_id: str) -> None:
        self._tracked.refused(self._row(resource_id))

    def deleted_remotely(self, resource_id: str) -> None:
        self._tracked.deleted_remotely(self._row(resource_id))

    def _row(self, resource_id: str) -> ResourceRow:
        row = self._session.get(ResourceRow, resource_id)
        if row is None:
            raise LookupError(resource_id)
        return row

    @staticmethod
    def with_local_fields(held: Resource, synced: Resource | dict[str, Any]) -> Resource:
        """`synced` content with the unit's own fields (notes, links, secret) of `held`."""
        content = synced_content(synced) if isinstance(synced, Resource) else synced
        local_only = {k: v for k, v in resource_content(held).items() if k in LOCAL_ONLY}
        merged = resource_from_content(held.id, {**local_only, **content})
        return replace(merged, secret=held.secret)

    def _stored(self, row: ResourceRow) -> Tracked[Resource]:
        self._session.flush()
        stored = to_tracked(row)
        if stored.envelope.deleted:
            self._search.remove(row.id)
        else:
            self._search.put(stored.content)
        return stored

    def _write_fields(self, row: ResourceRow, resource: Resource) -> None:
        """Everything the officer (or the superior catalog) says of a resource, onto its row."""
        for name in SCALARS:
            setattr(row, name, getattr(resource, name))
        cls = resource.classification
        row.class_category, row.class_item = cls.category, cls.item
        row.class_subject, row.class_detail = cls.subject, cls.detail
        row.related_codes_json = json.dumps(list(resource.related_codes), ensure_ascii=False)
        row.extra_json = json.dumps(resource.extra, ensure_ascii=False, default=str)
        self._replace_items(row, resource.data_items)

    def _replace_items(self, row: ResourceRow, items: tuple[DataItem, ...]) -> None:
        existing = {i.id: i for i in row.data_items}
        keep: list[DataItemRow] = []
        for position, item in enumerate(items):
            item_row = existing.get(item.id) or DataItemRow(id=item.id)
            item_row.position = position
            item_row.name = item.name
            item_row.data_type = str(item.data_type)
            item_row.length = item.length
            item_row.share_type = None if item.share_type is None else str(item.share_type)
            item_row.share_conditions = item.share_conditions
            item_row.open_to_society = item.open_to_society
            item_row.description = item.description
            item_row.extra_json = json.dumps(item.extra, ensure_ascii=False, default=str)
            keep.append(item_row)
        row.data_items = keep
