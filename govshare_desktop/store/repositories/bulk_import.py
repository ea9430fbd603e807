"""New resources by the thousand: rows, data items, search entries and one sync op at once.

`ResourceRepository.save` is built for one edit (read, diff, fold into the open op) and
costs milliseconds a resource through the ORM; an Excel import of 10,000 resources and
100,000 data items must land in about a second. This writer inserts brand-new resources
by multi-row INSERT statements on the session's own connection, so they still commit in
the caller's one transaction; `store/tracking.py` queues one `import_batch` op for the lot
(SYNC.md), naming the workbook (file, sha256) and linked to every shared resource it
created; the sync sends each one's stored state through the platform's bulk endpoint.
Secret resources are left out of it (Art. 12: they never leave the PC).
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Sequence
from itertools import chain
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.resource_content import SCALARS
from govshare_desktop.store.models.base import utcnow
from govshare_desktop.store.repositories.resources import RESOURCES
from govshare_desktop.store.tracking import TrackedWrites, initial_sync_state

# The resource row as `ResourceRepository` writes it: its scalar fields, then the rest.
_RESOURCE_COLUMNS = (
    "id", *SCALARS, "class_category", "class_item", "class_subject", "class_detail",
    "related_codes_json", "extra_json", "sync_state", "created_at", "updated_at", "local_rev",
    "deleted",
)  # fmt: skip
_ITEM_COLUMNS = (
    "id", "resource_id", "position", "name", "data_type", "length", "share_type",
    "share_conditions", "open_to_society", "description", "extra_json",
)  # fmt: skip
_SEARCH_COLUMNS = ("resource_id", "name", "abstract", "item_names")
_ROWS_PER_STATEMENT = 500


def _insert(
    cursor: sqlite3.Cursor, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """`rows` into `table` by multi-row INSERT statements of up to 500 rows.

    SQLite binds and steps once a statement, so this takes half the time `executemany`
    does (100,000 data items: 0.2 s against 0.38 s, measured here). Statements stay
    within the connection's bound-parameter limit.
    """
    limit = cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(_ROWS_PER_STATEMENT, limit // len(columns)))
    one = f"({', '.join('?' * len(columns))})"
    # built from the constant table and column names of this module: no input reaches it
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "  # noqa: S608
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        cursor.execute(head + ", ".join([one] * len(chunk)), list(chain.from_iterable(chunk)))


def _json(value: Any) -> str:
    if not value:  # most data items carry no extras: skip the encoder for {} and []
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, default=str)


_SCALAR_VALUES = operator.attrgetter(*SCALARS)
_PUBLISHED_ON = SCALARS.index("published_on")


def _resource_row(r: Resource, now: str) -> tuple[Any, ...]:
    """The resource's row; SQLite takes enums (`StrEnum`) as their text and bools as 0/1."""
    scalars = list(_SCALAR_VALUES(r))
    if (published := scalars[_PUBLISHED_ON]) is not None:
        scalars[_PUBLISHED_ON] = published.isoformat()
    c = r.classification
    return (
        r.id, *scalars, c.category, c.item, c.subject, c.detail,
        _json(list(r.related_codes)), _json(r.extra), initial_sync_state(r.secret), now, now,
        1, False,
    )  # fmt: skip


class BulkResourceWriter:
    def __init__(self, session: Session) -> None:
        self._session = session

    def insert_new(self, resources: Sequence[Resource], source: dict[str, str]) -> None:
        """Insert resources that do not exist yet (new ids), in the session's transaction,
        and have their `import_batch` op queued; `source` (file, sha256) is its payload."""
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
        # The raw DB-API cursor of the session's connection: same transaction, no ORM cost.
        cursor = self._session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            # 100,000 rows and their indexes: give the page cache room
            cursor.execute("PRAGMA cache_size = -65536")
            resource_rows = [_resource_row(r, now) for r in resources]
            _insert(cursor, "resources", _RESOURCE_COLUMNS, resource_rows)
            _insert(cursor, "data_items", _ITEM_COLUMNS, items)
            _insert(cursor, "resource_search", _SEARCH_COLUMNS, search)
        finally:
            cursor.execute("PRAGMA cache_size = -2000")
            cursor.close()
        shared = [r.id for r in resources if not r.secret]
        TrackedWrites(self._session, RESOURCES).created_in_bulk(
            (r.id for r in resources), shared, dict(source)
        )
