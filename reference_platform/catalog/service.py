"""The catalog's rules: a unit reads and writes only its own resources, by version, with a feed.

Every function takes an open session; writes must run inside `Database.write()` and take
a commit sequence number first (`next_seq`), which also serialises writers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reference_platform.catalog import directory
from reference_platform.catalog.representation import apply_fields, resource_document
from reference_platform.catalog.schemas import ResourceCreate, ResourcePatch
from reference_platform.changes import record_change
from reference_platform.context import Principal
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import Resource
from reference_platform.preconditions import check_if_match
from reference_platform.problems import ProblemError

ENTITY_TYPE = "resource"


def not_found(resource_id: str) -> ProblemError:
    # The same answer for unknown ids and for other units' ids: existence is not revealed.
    return ProblemError(404, "not_found", f"No resource {resource_id} in your unit's catalog.")


def get_resource(session: Session, unit_code: str, resource_id: str) -> Resource:
    """A live resource of the unit; 404 for unknown or foreign ids, 410 for its tombstones."""
    row = session.get(Resource, resource_id)
    if row is None or row.unit_code != unit_code:
        raise not_found(resource_id)
    if row.deleted:
        raise ProblemError(410, "resource_deleted", f"Resource {resource_id} was deleted.")
    return row


def list_resources(
    session: Session, unit_code: str, limit: int, after: str | None
) -> Page[Resource]:
    """Live resources of the unit in id order, keyset-paged after `after`."""
    query = select(Resource).where(Resource.unit_code == unit_code, Resource.deleted.is_(False))
    return keyset_page(session, query, Resource.id, limit, after)


def _record(session: Session, seq: int, row: Resource, op_id: str | None, now: datetime) -> None:
    record_change(
        session,
        seq=seq,
        unit_code=row.unit_code,
        entity_type=ENTITY_TYPE,
        entity_id=row.id,
        version=row.version,
        kind="delete" if row.deleted else "upsert",
        data=None if row.deleted else resource_document(row),
        op_id=op_id,
        now=now,
    )


def create_resource(
    session: Session,
    principal: Principal,
    resource_id: str,
    *,
    body: ResourceCreate,
    op_id: str | None,
    now: datetime,
) -> Resource:
    """Version 1 of a resource under the client's UUID; 412 if the id exists anywhere."""
    seq = next_seq(session)
    if session.get(Resource, resource_id) is not None:
        raise ProblemError(
            412, "already_exists", f"A resource with id {resource_id} already exists."
        )
    row = Resource(
        id=resource_id,
        unit_code=principal.unit_code,
        version=1,
        deleted=False,
        name=body.name,
        related_codes=[],
        created_at=now,
        updated_at=now,
        updated_by=principal.username,
    )
    row.data_items = []
    apply_fields(row, body, set(ResourceCreate.model_fields))
    session.add(row)
    session.flush()
    _record(session, seq, row, op_id, now)
    return row


def patch_resource(
    session: Session,
    principal: Principal,
    resource_id: str,
    *,
    if_match: str | None,
    patch: ResourcePatch,
    op_id: str | None,
    now: datetime,
) -> Resource:
    """Change only the fields sent, if `If-Match` names the current version."""
    seq = next_seq(session)
    row = get_resource(session, principal.unit_code, resource_id)
    check_if_match(if_match, row.version)
    before = resource_document(row)
    apply_fields(row, patch, set(patch.model_fields_set))
    session.flush()
    if resource_document(row) == before:
        return row  # nothing changed: no new version, no feed entry
    row.version += 1
    row.updated_at, row.updated_by = now, principal.username
    session.flush()
    _record(session, seq, row, op_id, now)
    return row


def delete_resource(
    session: Session,
    principal: Principal,
    resource_id: str,
    *,
    if_match: str | None,
    op_id: str | None,
    now: datetime,
) -> Resource:
    """Turn the resource into a tombstone (a new version) that the feed carries as a delete."""
    seq = next_seq(session)
    row = get_resource(session, principal.unit_code, resource_id)
    check_if_match(if_match, row.version)
    row.deleted = True
    row.version += 1
    row.updated_at, row.updated_by = now, principal.username
    row.data_items = []
    session.flush()
    _record(session, seq, row, op_id, now)
    directory.withdrawn(session, row, now)
    return row
