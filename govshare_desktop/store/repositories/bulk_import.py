"""New resources by the thousand: rows, data items, search entries and one sync op at once
(an import), or rows as the platform holds them (a first pull, nothing to send).

`ResourceRepository.save` is built for one edit (read, diff, fold into the open op) and
costs milliseconds a resource through the ORM; an Excel import of 10,000 resources and
100,000 data items must land in about a second. This writer inserts brand-new resources
by multi-row INSERT statements on the session's own connection (`store.bulk_insert`), so
they still commit in the caller's one transaction; `store/tracking.py` queues one
`import_batch` op for the lot (SYNC.md), naming the workbook (file, sha256) and linked to
every shared resource it created; the sync sends each one's stored state through the
platform's bulk endpoint.
Secret resources are left out of it (Art. 12: they never leave the PC).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.enums import SyncState
from govshare_desktop.domain.resource_content import (
    CLASSIFICATION_FIELDS,
    SCALARS,
    plain_content,
    plain_synced_text,
    resource_from_content,
    synced_text,
)
from govshare_desktop.store.bulk_insert import insert_each, insert_rows, raw_cursor
from govshare_desktop.store.models.base import utcnow
from govshare_desktop.store.repositories.resources import RESOURCES
from govshare_desktop.store.tracking import TrackedWrites, initial_sync_state

# The resource row as `ResourceRepository` writes it: its scalar fields, then the rest.
_RESOURCE_COLUMNS = (
    "id", *SCALARS, "class_category", "class_item", "class_subject", "class_detail",
    "related_codes_json", "extra_json", "sync_state", "created_at", "updated_at", "local_rev",
    "deleted",
)  # fmt: skip
# A data item's row: its resource and position, then its own fields as `_ITEM_VALUES` reads
# them in one C call, then its extras.
_ITEM_COLUMNS = (
    "resource_id", "position", "id", "name", "data_type", "length", "share_type",
    "share_conditions", "open_to_society", "description", "extra_json",
)  # fmt: skip
# A pulled resource's row: the imported one's, then what the platform confirmed.
_REMOTE_COLUMNS = (*_RESOURCE_COLUMNS, "server_version", "base_json")
_SYNC_STATE = _RESOURCE_COLUMNS.index("sync_state")
_ITEM_VALUES = operator.attrgetter(*_ITEM_COLUMNS[2:-1])
_SEARCH_COLUMNS = ("resource_id", "name", "abstract", "item_names")
# The same values read from a `plain_content` dict (its items are dicts too).
_PLAIN_SCALARS = operator.itemgetter(*SCALARS)
_PLAIN_CLASSIFICATION = operator.itemgetter(*CLASSIFICATION_FIELDS)
_PLAIN_ITEM_VALUES = operator.itemgetter(*_ITEM_COLUMNS[2:-1])


def _json(value: Any) -> str:
    if not value:  # most data items carry no extras: skip the encoder for {} and []
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, default=str)


_SCALAR_VALUES = operator.attrgetter(*SCALARS)
_PUBLISHED_ON = SCALARS.index("published_on")


def _resource_row(r: Resource, now: str) -> tuple[Any, ...]:
    """The resource's row; SQLite takes enums (`StrEnum`) as their text and bools as 0/1
    (so does a data item's row)."""
    scalars = list(_SCALAR_VALUES(r))
    if (published := scalars[_PUBLISHED_ON]) is not None:
        scalars[_PUBLISHED_ON] = published.isoformat()
    c = r.classification
    return (
        r.id, *scalars, c.category, c.item, c.subject, c.detail,
        _json(list(r.related_codes)), _json(r.extra), initial_sync_state(r.secret), now, now,
        1, False,
    )  # fmt: skip


# The page cache a bulk write gives its connection (KiB), and SQLite's default it goes back to.
_BULK_CACHE_KIB = 65536
_DEFAULT_CACHE_KIB = 2000


class BulkResourceWriter:
    def __init__(self, session: Session, *, more_to_come: bool = False) -> None:
        """`more_to_come`: another bulk write follows on this connection (a pull's next
        page), so the large page cache is left as it is: shrinking it drops the tables'
        and indexes' pages the next write needs again (a first pull's connection is the
        same page after page). The last write shrinks it back."""
        self._session = session
        self._keep_cache = more_to_come

    def _insert(
        self, table_columns: Sequence[str], rows: list[tuple[Any, ...]],
        resources: Sequence[Resource], *, pulled: bool,
    ) -> None:  # fmt: skip
        items = [
            (r.id, position, *_ITEM_VALUES(i), _json(i.extra) if i.extra else "{}")
            for r in resources
            for position, i in enumerate(r.data_items)
        ]
        search = [
            (r.id, r.name, r.abstract, " ".join(i.name for i in r.data_items)) for r in resources
        ]
        self._insert_rows(table_columns, rows, items, search, pulled=pulled)

    def _insert_rows(
        self, table_columns: Sequence[str], rows: list[tuple[Any, ...]],
        items: list[tuple[Any, ...]], search: list[tuple[Any, ...]], *, pulled: bool,
    ) -> None:  # fmt: skip
        """`pulled`: a pull's page, one of transactions following one another on a growing
        store, written by single-row statements (`insert_each`: no statement journals)."""
        with raw_cursor(self._session) as cursor:
            # 100,000 rows and their indexes: give the page cache room
            cursor.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
            kept = False
            try:
                insert = insert_each if pulled else insert_rows
                insert(cursor, "resources", table_columns, rows)
                insert(cursor, "data_items", _ITEM_COLUMNS, items)
                insert(cursor, "resource_search", _SEARCH_COLUMNS, search)
                kept = self._keep_cache
            finally:
                if not kept:
                    cursor.execute(f"PRAGMA cache_size = -{_DEFAULT_CACHE_KIB}")

    def insert_remote(self, arrived: Sequence[tuple[Resource, int]]) -> None:
        """Resources this PC does not hold yet, as the platform holds them (a pull): each
        row left exactly as `ResourceRepository.store_remote` leaves a new one — synced at
        its version, the platform's content as its base, revision 1 — in the session's
        transaction; the change records say they came from the platform."""
        if not arrived:
            return
        now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        resources, rows = [], []
        for resource, version in arrived:
            # `store_remote` keeps a new resource's own local fields: for one read from the
            # wire (`resource_from_wire`) its stored content is the resource itself
            row = list(_resource_row(resource, now))
            row[_SYNC_STATE] = SyncState.SYNCED.value
            rows.append((*row, version, synced_text(resource)))
            resources.append(resource)
        self._insert(_REMOTE_COLUMNS, rows, resources, pulled=True)
        TrackedWrites(self._session, RESOURCES).arrived_in_bulk(r.id for r in resources)

    def insert_remote_content(self, arrived: Sequence[tuple[str, dict[str, Any], int]]) -> None:
        """`insert_remote` of (id, content, version) as the platform sent them (a first
        pull's pages): rows built straight from the content where it is already plain
        (`plain_content`), without the domain objects, which cost more than the rows; any
        other content goes the objects' way. The rows are the same either way."""
        if not arrived:
            if not self._keep_cache:  # the last page may bring no new resource
                with raw_cursor(self._session) as cursor:
                    cursor.execute(f"PRAGMA cache_size = -{_DEFAULT_CACHE_KIB}")
            return
        now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        rows: list[tuple[Any, ...]] = []
        items: list[tuple[Any, ...]] = []
        search: list[tuple[Any, ...]] = []
        ids: list[str] = []
        others: list[tuple[Resource, int]] = []
        for resource_id, content, version in arrived:
            plain = plain_content(content)
            if plain is None:
                others.append((resource_from_content(resource_id, content), version))
                continue
            data_items = plain["data_items"]
            rows.append(
                (
                    resource_id, *_PLAIN_SCALARS(plain), *_PLAIN_CLASSIFICATION(plain),
                    _json(plain["related_codes"]), _json(plain["extra"]),
                    SyncState.SYNCED.value, now, now, 1, False, version, plain_synced_text(plain),
                )
            )  # fmt: skip
            items.extend(
                (resource_id, position, *_PLAIN_ITEM_VALUES(i), "{}")
                for position, i in enumerate(data_items)
            )
            search.append(
                (resource_id, plain["name"], plain["abstract"],
                 " ".join([i["name"] for i in data_items]))
            )  # fmt: skip
            ids.append(resource_id)
        if rows:
            self._insert_rows(_REMOTE_COLUMNS, rows, items, search, pulled=True)
            TrackedWrites(self._session, RESOURCES).arrived_in_bulk(ids)
        self.insert_remote(others)

    def insert_new(self, resources: Sequence[Resource], source: dict[str, str]) -> None:
        """Insert resources that do not exist yet (new ids), in the session's transaction,
        and have their `import_batch` op queued; `source` (file, sha256) is its payload."""
        if not resources:
            return
        now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        self._insert(
            _RESOURCE_COLUMNS, [_resource_row(r, now) for r in resources], resources, pulled=False
        )
        shared = [r.id for r in resources if not r.secret]
        TrackedWrites(self._session, RESOURCES).created_in_bulk(
            (r.id for r in resources), shared, dict(source)
        )
