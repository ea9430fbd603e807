"""Resources with their data items; every save also queues its outbox op in the same transaction."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import (
    Classification,
    DataItem,
    Resource,
    ResourceSummary,
    new_id,
)
from govshare_desktop.domain.enums import OutboxOp, SyncState
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.store.models import DataItemRow, ResourceRow
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.search import SearchIndex

ENTITY = "resource"

SCALARS = (
    "unit_code", "sequence", "code", "name", "provider_name", "provider_code", "abstract",
    "format_category", "format_detail", "share_type", "share_conditions", "share_method",
    "legal_basis", "open_to_society", "open_conditions", "update_cycle", "published_on",
    "secret", "source_resource_id", "source_version", "one_source_note",
)  # fmt: skip


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
        sync_state=SyncState(row.sync_state),
        server_version=row.server_version,
        local_rev=row.local_rev,
        deleted=row.deleted,
        **{name: getattr(row, name) for name in SCALARS},
    )


def raw_payload(resource: Resource) -> dict[str, Any]:
    """`to_payload` before its JSON round trip: dates and enums as objects (`json.dumps` with
    `default=str` writes the same text), for writers that serialise thousands at a time."""
    cls = resource.classification
    payload: dict[str, Any] = {name: getattr(resource, name) for name in SCALARS}
    payload.pop("secret")
    payload.update(
        class_category=cls.category,
        class_item=cls.item,
        class_subject=cls.subject,
        class_detail=cls.detail,
        related_codes=list(resource.related_codes),
        extra=resource.extra,
        data_items=[
            {
                "id": i.id,
                "name": i.name,
                "data_type": str(i.data_type),
                "length": i.length,
                "share_type": i.share_type,
                "share_conditions": i.share_conditions,
                "open_to_society": i.open_to_society,
                "description": i.description,
                "extra": i.extra,
            }
            for i in resource.data_items
        ],
    )
    return payload


def to_payload(resource: Resource) -> dict[str, Any]:
    """The wire form of a resource's content (no sync bookkeeping), as the platform takes it."""
    text = json.dumps(raw_payload(resource), ensure_ascii=False, default=str)
    return json.loads(text)  # type: ignore[no-any-return]


def from_payload(resource_id: str, payload: dict[str, Any]) -> Resource:
    """The inverse of `to_payload`: a resource as another unit (or the platform) describes it.

    Unknown keys are ignored and missing ones take their defaults, so an older or newer
    sender's payload still reads; raises ValueError/TypeError on wrongly typed content.
    """
    not_text = {"open_to_society", "published_on", "secret", "source_resource_id", "source_version"}
    fields: dict[str, Any] = {n: str(payload.get(n) or "") for n in SCALARS if n not in not_text}
    published = payload.get("published_on")
    items = tuple(
        DataItem(
            id=str(i.get("id") or new_id()),
            name=str(i.get("name") or ""),
            data_type=str(i.get("data_type") or "C"),
            length=int(i["length"]) if i.get("length") not in (None, "") else None,
            share_type=i.get("share_type"),
            share_conditions=str(i.get("share_conditions") or ""),
            open_to_society=i.get("open_to_society"),
            description=str(i.get("description") or ""),
            extra=dict(i.get("extra") or {}),
        )
        for i in payload.get("data_items") or []
    )
    return Resource(
        **fields,
        id=resource_id,
        classification=Classification(
            str(payload.get("class_category") or ""),
            str(payload.get("class_item") or ""),
            str(payload.get("class_subject") or ""),
            str(payload.get("class_detail") or ""),
        ),
        open_to_society=bool(payload.get("open_to_society")),
        published_on=date.fromisoformat(published) if published else None,
        related_codes=tuple(str(c) for c in payload.get("related_codes") or ()),
        extra=dict(payload.get("extra") or {}),
        data_items=items,
    )


class ResourceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._outbox = OutboxRepository(session)
        self._search = SearchIndex(session)

    def get(self, resource_id: str) -> Resource | None:
        row = self._session.get(ResourceRow, resource_id)
        return to_domain(row) if row else None

    def list_live(self, unit_code: str | None) -> list[Resource]:
        query = select(ResourceRow).where(ResourceRow.deleted.is_(False))
        if unit_code:
            query = query.where(ResourceRow.unit_code == unit_code)
        rows = self._session.scalars(query.order_by(ResourceRow.unit_code, ResourceRow.code))
        return [to_domain(r) for r in rows]

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

    def list_for_unit(self, unit_code: str, *, include_deleted: bool = False) -> list[Resource]:
        query = select(ResourceRow).where(ResourceRow.unit_code == unit_code)
        if not include_deleted:
            query = query.where(ResourceRow.deleted.is_(False))
        return [to_domain(r) for r in self._session.scalars(query.order_by(ResourceRow.code))]

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

    def save(self, resource: Resource) -> Resource:
        """Store the officer's edit and queue its sync op; returns the stored state.

        Secret (涉密) resources never leave the PC (Art. 12), so they queue nothing.
        """
        row = self._session.get(ResourceRow, resource.id)
        before = to_payload(to_domain(row)) if row is not None else None
        if row is None:
            row = ResourceRow(id=resource.id, local_rev=0)
            self._session.add(row)
        self._write_fields(row, resource)
        row.local_rev += 1
        after = to_payload(resource)
        if not resource.secret:
            # The platform learns of a record once (create, whole); after that only changes.
            create = row.server_version is None and not self._outbox.has_create(row.id)
            changed = (
                after
                if create or before is None
                else {k: v for k, v in after.items() if before.get(k) != v}
            )
            if changed:
                row.sync_state = SyncState.PENDING.value
                self._outbox.record(
                    ENTITY,
                    row.id,
                    OutboxOp.CREATE if create else OutboxOp.PATCH,
                    changed,
                    base_version=row.server_version,
                    snapshot_rev=row.local_rev,
                )
        self._session.flush()
        stored = to_domain(row)
        self._search.put(stored)
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

    def store_foreign(self, resource: Resource) -> bool:
        """Hold another unit's entry (e.g. the superior catalog) read-only: never sent, never
        audited as our edit; its revision counts up only when its content changes.
        Returns whether anything changed."""
        row = self._session.get(ResourceRow, resource.id)
        incoming = to_payload(resource)
        if row is not None and to_payload(to_domain(row)) == incoming and not row.deleted:
            return False
        if row is None:
            row = ResourceRow(id=resource.id, local_rev=0)
            self._session.add(row)
        self._write_fields(row, resource)
        row.deleted = False
        row.local_rev += 1
        row.sync_state = SyncState.READ_ONLY.value
        self._session.flush()
        self._search.put(to_domain(row))
        return True

    def withdraw_foreign(self, resource_id: str) -> None:
        """Another unit's entry left its catalog: a tombstone whose revision counts up."""
        row = self._session.get(ResourceRow, resource_id)
        if row is not None and not row.deleted:
            row.deleted = True
            row.local_rev += 1
            self._search.remove(row.id)

    def restore(self, resource_id: str) -> Resource | None:
        """Undo a delete that has not been sent: the tombstone comes back to life, same code."""
        row = self._session.get(ResourceRow, resource_id)
        if row is None:
            return None
        if row.deleted:
            row.deleted = False
            row.local_rev += 1
            if not row.secret:
                row.sync_state = SyncState.PENDING.value
                create = row.server_version is None
                self._outbox.record(
                    ENTITY, row.id, OutboxOp.CREATE if create else OutboxOp.PATCH,
                    to_payload(to_domain(row)), base_version=row.server_version,
                    snapshot_rev=row.local_rev,
                )  # fmt: skip
            self._session.flush()
        stored = to_domain(row)
        self._search.put(stored)
        return stored

    def delete(self, resource_id: str) -> None:
        """A tombstone, never a row delete: the platform must learn of it, and codes stay used."""
        row = self._session.get(ResourceRow, resource_id)
        if row is None or row.deleted:
            return
        row.deleted = True
        row.local_rev += 1
        self._search.remove(row.id)
        if not row.secret and row.server_version is not None:
            row.sync_state = SyncState.PENDING.value
            self._outbox.record(
                ENTITY, row.id, OutboxOp.DELETE, {}, base_version=row.server_version,
                snapshot_rev=row.local_rev,
            )  # fmt: skip
