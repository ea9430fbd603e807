"""The catalog's first resource, read with the standard library while the store loads.

Opening the app loads SQLAlchemy, the models and every service on a worker: most of a
second before the editor can read anything. The window shows the first resource in the
meantime, read here with `sqlite3` (like `schema_version.read_revision`), read-only and
only from a file already at this build's schema. It is a preview: the form stays closed
for typing until the store is attached and the editor re-reads the resource properly.

The mapping follows `repositories/resources.to_domain`; a test compares the two on a
resource with every field set.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.resource_content import SCALARS

IDENTITY_KEY = "identity"  # repositories/identity.KEY (imported there with SQLAlchemy)

# Columns SQLite hands back as text or integers that the domain holds as another type
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "published_on": lambda v: date.fromisoformat(v) if v else None,
    "open_to_society": bool,
    "secret": bool,
}
_ITEM_COLUMNS = (
    "id", "name", "data_type", "length", "share_type", "share_conditions", "open_to_society",
    "description", "extra_json",
)  # fmt: skip


def first_resource(db_path: Path) -> Resource | None:
    """The live resource first by code of the unit this data directory belongs to (all
    units when none has signed in yet), as `CatalogService.first` returns it."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        unit = _unit_code(connection)
        where = "deleted = 0" + (" AND unit_code = ?" if unit else "")
        row = connection.execute(
            f"SELECT * FROM resources WHERE {where} ORDER BY code LIMIT 1",  # noqa: S608
            (unit,) if unit else (),
        ).fetchone()
        if row is None:
            return None
        items = connection.execute(
            f"SELECT {', '.join(_ITEM_COLUMNS)} FROM data_items"  # noqa: S608
            " WHERE resource_id = ? ORDER BY position",
            (row["id"],),
        ).fetchall()
        return _resource(row, items)
    finally:
        connection.close()


def _unit_code(connection: sqlite3.Connection) -> str:
    found = connection.execute(
        "SELECT value FROM sync_meta WHERE key = ?", (IDENTITY_KEY,)
    ).fetchone()
    return str(json.loads(found["value"]).get("unit_code", "")) if found and found[0] else ""


def _resource(row: sqlite3.Row, items: list[sqlite3.Row]) -> Resource:
    scalars = {name: _CONVERT.get(name, _same)(row[name]) for name in SCALARS}
    return Resource(
        id=row["id"],
        classification=Classification(
            row["class_category"], row["class_item"], row["class_subject"], row["class_detail"]
        ),
        related_codes=tuple(json.loads(row["related_codes_json"])),
        extra=json.loads(row["extra_json"]),
        data_items=tuple(
            DataItem(
                id=i["id"],
                name=i["name"],
                data_type=i["data_type"],
                length=i["length"],
                share_type=i["share_type"],
                share_conditions=i["share_conditions"],
                open_to_society=None
                if i["open_to_society"] is None
                else bool(i["open_to_society"]),
                description=i["description"],
                extra=json.loads(i["extra_json"]),
            )
            for i in items
        ),
        **scalars,
    )


def _same(value: Any) -> Any:
    return value


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)
