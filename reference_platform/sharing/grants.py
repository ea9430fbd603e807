"""Grants (授权): created by the authority's grant or share decision, revoked by the authority.

A grant is visible to the grantee, the provider and the authority; only the grantee reads
its rows. The feed carries a new grant as `kind: grant` and a revocation as `kind: revoke`,
never as a silent omission.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from reference_platform.calendar import local_date
from reference_platform.changes import publish
from reference_platform.context import Principal
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import Grant, ShareRequest
from reference_platform.problems import ProblemError
from reference_platform.sharing.common import (
    conflict,
    item_ids_by_name,
    live_resource_by_code,
    not_found,
)
from reference_platform.sharing.documents import grant_document
from reference_platform.sharing.schemas import GrantTermsIn

ENTITY_TYPE = "grant"
DEFAULT_VALIDITY = timedelta(days=365)


def _audience(row: Grant) -> list[str]:
    return [row.grantee_unit_code, row.provider_unit_code, row.authority_unit_code]


def _publish(session: Session, seq: int, row: Grant, kind: str, now: datetime) -> None:
    publish(
        session,
        seq=seq,
        unit_codes=_audience(row),
        entity_type=ENTITY_TYPE,
        entity_id=row.id,
        version=row.version,
        kind=kind,
        data=grant_document(row),
        op_id=None,
        now=now,
    )


def create_grant(
    session: Session,
    request: ShareRequest,
    terms: GrantTermsIn | None,
    principal: Principal,
    now: datetime,
) -> Grant:
    """The grant for a request, within what it asked for; published as `kind: grant`."""
    terms = terms or GrantTermsIn()
    resource = live_resource_by_code(session, request.provider_unit_code, request.resource_code)
    if resource is None:
        raise conflict(
            "resource_unavailable",
            f"The provider no longer has resource {request.resource_code}.",
            state=request.state,
        )
    names = list(terms.data_items or request.data_item_names)
    extra = [name for name in names if name not in request.data_item_names]
    if extra:
        raise ProblemError(
            422, "items_not_requested", f"Not requested, so not grantable: {', '.join(extra)}."
        )
    valid_from = terms.valid_from or local_date(now)
    valid_to = terms.valid_to or valid_from + DEFAULT_VALIDITY
    if valid_to < valid_from:
        raise ProblemError(422, "invalid_period", "valid_to must not be before valid_from.")
    row = Grant(
        id=str(uuid.uuid4()),
        request_id=request.id,
        grantee_unit_code=request.requester_unit_code,
        provider_unit_code=request.provider_unit_code,
        authority_unit_code=request.authority_unit_code,
        resource_id=resource.id,
        data_item_ids=item_ids_by_name(resource, names),
        purpose=request.purpose,
        valid_from=valid_from,
        valid_to=valid_to,
        allow_offline_cache=terms.allow_offline_cache,
        allow_export=terms.allow_export,
        granted_at=now,
        granted_by=principal.username,
        revocation_reason="",
        version=1,
    )
    session.add(row)
    session.flush()
    _publish(session, next_seq(session), row, "grant", now)
    return row


def _visible(unit_code: str) -> Any:
    return or_(
        Grant.grantee_unit_code == unit_code,
        Grant.provider_unit_code == unit_code,
        Grant.authority_unit_code == unit_code,
    )


def get_grant(session: Session, unit_code: str, grant_id: str) -> Grant:
    """A grant the unit holds, provides or issued; 404 otherwise."""
    row = session.scalar(select(Grant).where(Grant.id == grant_id, _visible(unit_code)))
    if row is None:
        raise not_found("grant", grant_id)
    return row


def list_grants(session: Session, unit_code: str, limit: int, after: str | None) -> Page[Grant]:
    """The grants the unit may see, revoked ones included, in id order."""
    query = select(Grant).where(_visible(unit_code))
    return keyset_page(session, query, Grant.id, limit, after)


def revoke_grant(
    session: Session, principal: Principal, grant_id: str, *, reason: str, now: datetime
) -> Grant:
    """The issuing authority revokes; the feed tells every party with `kind: revoke`."""
    seq = next_seq(session)
    row = get_grant(session, principal.unit_code, grant_id)
    if principal.unit_code != row.authority_unit_code:
        raise ProblemError(403, "wrong_party", "Only the issuing authority may revoke a grant.")
    if "authority" not in principal.roles:
        raise ProblemError(403, "role_required", "This action needs the role 'authority'.")
    if row.revoked_at is not None:
        raise conflict("already_revoked", "This grant is already revoked.", state="revoked")
    row.revoked_at, row.revoked_by, row.revocation_reason = now, principal.username, reason
    row.version += 1
    session.flush()
    _publish(session, seq, row, "revoke", now)
    return row


def usable_grant(session: Session, unit_code: str, grant_id: str, now: datetime) -> Grant:
    """A grant the unit holds and may read rows under today; 404 / 403 otherwise."""
    row = session.get(Grant, grant_id)
    if row is None or row.grantee_unit_code != unit_code:
        raise not_found("grant", grant_id)
    if row.revoked_at is not None:
        raise ProblemError(403, "grant_revoked", "This grant was revoked; its rows are not served.")
    today = local_date(now)
    if today < row.valid_from or (row.valid_to is not None and today > row.valid_to):
        raise ProblemError(403, "grant_not_valid", "This grant is not valid today.")
    if row.resource.deleted:
        raise ProblemError(410, "resource_deleted", "The provider deleted this resource.")
    return row
