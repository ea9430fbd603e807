"""New resources by the thousand: rows, data items, search entries and create ops at once.

`ResourceRepository.save` is built for one edit (read, diff, fold into the open op) and
costs milliseconds a resource through the ORM; an Excel import of 10,000 resources and
100,000 data items must land in about a second. This writer inserts brand-new resources
with `executemany` on the session's own connection, so they still commit in the caller's
one transaction, each with the same create op the editor would have queued (SYNC.md:
secret resources queue nothing).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus, SyncState
from govshare_desktop.store.models.base import utcnow
from govshare_desktop.store.repositories.resources import ENTITY, raw_payload

_RESOURCE_SQL = (
    "INSERT INTO resources (id, unit_code, class_category, class_item, class_subject, "
    "class_detail, sequence, code, name, provider_name, provider_code, abstract, "
    "format_category, format_detail, share_type, share_conditions, share_method, legal_basis, "
    "open_to_society, open_conditions, update_cycle, published_on, related_codes_json, secret, "
    "source_resource_id, source_version, one_source_note, extra_json, local_rev, sync_state, "
    "deleted, created_at, updated_at) VALUES "
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, "
    "0, ?, ?)"
)
_ITEM_SQL = (
    "INSERT INTO data_items (id, resource_id, position, name, data_type, length, share_type, "
    "share_conditions, open_to_society, description, extra_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SEARCH_SQL = (
    "INSERT INTO resource_search (resource_id, name, abstract, item_names) VALUES (?, ?, ?, ?)"
)
_OUTBOX_SQL = (
    "INSERT INTO sync_outbox (op_id, entity_type, entity_id, op, payload_json, base_version, "
    "snapshot_rev, status, attempts, last_error, created_at) "
    "VALUES (?, ?, ?, ?, ?, NULL, 1, ?, 0, '', ?)"
)


def _json(value: Any) -> str:
    if not value:  # most data items carry no extras: skip the encoder for {} and []
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, default=str)


def _resource_row(r: Resource, now: str) -> tuple[Any, ...]:
    c = r.classification
    return (
        r.id, r.unit_code, c.category, c.item, c.subject, c.detail, r.sequence, r.code, r.name,
        r.provider_name, r.provider_code, r.abstract, r.format_category, r.format_detail,
        str(r.share_type), r.share_conditions, r.share_method, r.legal_basis,
        int(r.open_to_society), r.open_conditions, r.update_cycle,
        r.published_on.isoformat() if r.published_on else None,
        _json(list(r.related_codes)), int(r.secret), r.source_resource_id, r.source_version,
        r.one_source_note, _json(r.extra), SyncState.PENDING.value, now, now,
    )  # fmt: skip


class BulkResourceWriter:
    def __init__(self, session: Session) -> None:
        self._session = session

    def insert_new(self, resources: Sequence[Resource]) -> None:
        """Insert resources that do not exist yet (new ids), in the session's transaction."""
        if not resources:
            return
        now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        items = [
            (i.id, r.id, position, i.name, str(i.data_type), i.length,
             None if i.share_type is None else str(i.share_type), i.share_conditions,
             None if i.open_to_society is None else int(i.open_to_society), i.description,
             _json(i.extra))
            for r in resources
            for position, i in enumerate(r.data_items)
        ]  # fmt: skip
        search = [
            (r.id, r.name, r.abstract, " ".join(i.name for i in r.data_items)) for r in resources
        ]
        ops = [
            (str(uuid.uuid4()), ENTITY, r.id, OutboxOp.CREATE.value, _json(raw_payload(r)),
             OutboxStatus.PENDING.value, now)
            for r in resources
            if not r.secret
        ]  # fmt: skip
        # The raw DB-API cursor of the session's connection: same transaction, no ORM cost.
        cursor = self._session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            # 100,000 rows land in indexes keyed by random UUIDs: give the page cache room
            cursor.execute("PRAGMA cache_size = -65536")
            cursor.executemany(_RESOURCE_SQL, [_resource_row(r, now) for r in resources])
            cursor.executemany(_ITEM_SQL, items)
            cursor.executemany(_SEARCH_SQL, search)
            cursor.executemany(_OUTBOX_SQL, ops)
        finally:
            cursor.execute("PRAGMA cache_size = -2000")
            cursor.close()
