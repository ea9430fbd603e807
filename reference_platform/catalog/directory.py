"""共享目录: the filed catalogs of other units, as each unit reads them (Art. 11 §3, Art. 12).

A unit's resources enter the directory when its authority files (已备案) its catalog, as the
filing recorded them when it was submitted; a later filing replaces them. A resource the
unit deletes (withdraws) leaves the directory at once; one a new filing no longer holds
leaves with that filing. Every change is a `directory_entry` item in the feed of every
other unit: `upsert` with the entry, `delete` with null data. A unit never sees its own
resources here: they are its catalog.

The platform holds no secret (涉密) resource: the desktop never sends one, and withdraws
one made secret after a sync, which removes it from the directory too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reference_platform.catalog.representation import iso, resource_document
from reference_platform.changes import publish
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import (
    CatalogFiling,
    DirectoryEntry,
    FiledResource,
    Resource,
    Unit,
)

ENTITY_TYPE = "directory_entry"


def _parents(session: Session) -> dict[str, str | None]:
    """Every unit's superior, by unit code."""
    return dict(session.execute(select(Unit.code, Unit.parent_code)).tuples().all())


def directory_document(row: DirectoryEntry, reader_parent: str | None) -> dict[str, Any]:
    """The entry as the unit whose superior is `reader_parent` reads it."""
    return {
        "id": row.resource_id,
        "version": row.version,
        "unit": {"code": row.unit.code, "name": row.unit.name},
        "relation": "superior" if row.unit_code == reader_parent else "other",
        "filing_id": row.filing_id,
        "filed_at": iso(row.filed_at),
        "resource": row.document,
    }


def list_entries(
    session: Session, unit_code: str, limit: int, after: str | None
) -> tuple[Page[DirectoryEntry], str | None]:
    """Live entries of the other units in id order, and the reader's superior."""
    query = select(DirectoryEntry).where(
        DirectoryEntry.removed.is_(False), DirectoryEntry.unit_code != unit_code
    )
    page = keyset_page(session, query, DirectoryEntry.resource_id, limit, after)
    return page, _parents(session).get(unit_code)


def record_submitted(session: Session, filing: CatalogFiling) -> None:
    """Keep each resource of a submitted filing as it stands: what a decision files."""
    ids = [str(item["id"]) for item in filing.resources]
    for row in session.scalars(select(Resource).where(Resource.id.in_(ids))):
        session.add(
            FiledResource(
                filing_id=filing.id,
                resource_id=row.id,
                version=row.version,
                document=resource_document(row),
            )
        )


def _publish(session: Session, row: DirectoryEntry, now: datetime) -> None:
    parents = _parents(session)
    readers = sorted(code for code in parents if code != row.unit_code)
    publish(
        session,
        seq=next_seq(session),
        unit_codes=readers,
        entity_type=ENTITY_TYPE,
        entity_id=row.resource_id,
        version=row.version,
        kind="delete" if row.removed else "upsert",
        data=None if row.removed else (lambda reader: directory_document(row, parents[reader])),
        op_id=None,
        now=now,
    )


def _remove(session: Session, row: DirectoryEntry, version: int, now: datetime) -> None:
    row.removed, row.document = True, None
    row.version = max(version, row.version + 1)
    session.flush()
    _publish(session, row, now)


def filed(session: Session, filing: CatalogFiling, now: datetime) -> None:
    """The authority filed `filing`: its resources are the unit's directory from now on."""
    held = {
        row.resource_id: row
        for row in session.scalars(
            select(DirectoryEntry).where(DirectoryEntry.unit_code == filing.unit_code)
        )
    }
    snapshot = session.scalars(
        select(FiledResource).where(FiledResource.filing_id == filing.id)
    ).all()
    kept = set()
    for item in snapshot:
        current = session.get(Resource, item.resource_id)
        if current is None or current.deleted:
            continue  # withdrawn while the filing waited: it stays out
        kept.add(item.resource_id)
        entry = held.get(item.resource_id)
        if entry is not None and entry.version >= item.version:
            continue  # unchanged (or removed since)
        if entry is None:
            entry = DirectoryEntry(resource_id=item.resource_id, unit_code=filing.unit_code)
            session.add(entry)
        entry.version, entry.removed, entry.document = item.version, False, item.document
        entry.filing_id, entry.filed_at = filing.id, now
        session.flush()
        _publish(session, entry, now)
    for resource_id, entry in held.items():
        if resource_id not in kept and not entry.removed:
            current = session.get(Resource, resource_id)
            _remove(session, entry, current.version if current else entry.version + 1, now)


def withdrawn(session: Session, resource: Resource, now: datetime) -> None:
    """The unit deleted a resource: it leaves the directory at once."""
    entry = session.get(DirectoryEntry, resource.id)
    if entry is not None and not entry.removed:
        _remove(session, entry, resource.version, now)
