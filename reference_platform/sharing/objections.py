"""Objections (异议, Art. 16): a grantee doubts granted data; the provider answers once.

Visible to the raising unit and the provider; anyone else gets 404.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from reference_platform.changes import publish
from reference_platform.context import Principal
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import Grant, Objection
from reference_platform.problems import ProblemError
from reference_platform.sharing.common import conflict, item_ids_by_name, not_found
from reference_platform.sharing.documents import objection_document
from reference_platform.sharing.schemas import ObjectionAnswer, ObjectionCreate

ENTITY_TYPE = "objection"
RAISER_ROLE, ANSWER_ROLE = "requester", "provider"


def _publish(session: Session, seq: int, row: Objection, op_id: str | None, now: datetime) -> None:
    publish(
        session,
        seq=seq,
        unit_codes=[row.raiser_unit_code, row.provider_unit_code],
        entity_type=ENTITY_TYPE,
        entity_id=row.id,
        version=row.version,
        kind="upsert",
        data=objection_document(row),
        op_id=op_id,
        now=now,
    )


def raise_objection(
    session: Session,
    principal: Principal,
    objection_id: str,
    *,
    body: ObjectionCreate,
    op_id: str | None,
    now: datetime,
) -> Objection:
    """An objection about a grant the unit holds (revoked or not: the data was received)."""
    seq = next_seq(session)
    if session.get(Objection, objection_id) is not None:
        raise ProblemError(
            412, "already_exists", f"An objection with id {objection_id} already exists."
        )
    grant = session.get(Grant, str(body.grant_id))
    if grant is None or grant.grantee_unit_code != principal.unit_code:
        raise ProblemError(422, "unknown_grant", "Object only to data your unit was granted.")
    item_id = None
    if body.data_item is not None:
        (item_id,) = item_ids_by_name(grant.resource, [body.data_item])
        if item_id not in grant.data_item_ids:
            raise ProblemError(422, "unknown_data_item", "That data item was not granted.")
    row = Objection(
        id=objection_id,
        grant_id=grant.id,
        raiser_unit_code=principal.unit_code,
        provider_unit_code=grant.provider_unit_code,
        resource_id=grant.resource_id,
        data_item_id=item_id,
        aspect=body.aspect,
        description=body.description,
        state="submitted",
        raised_at=now,
        raised_by=principal.username,
        answer="",
        version=1,
    )
    session.add(row)
    session.flush()
    _publish(session, seq, row, op_id, now)
    return row


def _visible(unit_code: str) -> Any:
    return or_(Objection.raiser_unit_code == unit_code, Objection.provider_unit_code == unit_code)


def get_objection(session: Session, unit_code: str, objection_id: str) -> Objection:
    row = session.scalar(select(Objection).where(Objection.id == objection_id, _visible(unit_code)))
    if row is None:
        raise not_found("objection", objection_id)
    return row


def list_objections(
    session: Session, unit_code: str, limit: int, after: str | None
) -> Page[Objection]:
    """Objections the unit raised or must answer, in id order."""
    query = select(Objection).where(_visible(unit_code))
    return keyset_page(session, query, Objection.id, limit, after)


def answer_objection(
    session: Session,
    principal: Principal,
    objection_id: str,
    *,
    body: ObjectionAnswer,
    op_id: str | None,
    now: datetime,
) -> Objection:
    """The provider accepts, corrects or rejects, with its text; once."""
    seq = next_seq(session)
    row = get_objection(session, principal.unit_code, objection_id)
    if principal.unit_code != row.provider_unit_code:
        raise ProblemError(403, "wrong_party", "Only the provider answers an objection.")
    if ANSWER_ROLE not in principal.roles:
        raise ProblemError(403, "role_required", f"This action needs the role '{ANSWER_ROLE}'.")
    if row.state != "submitted":
        raise conflict(
            "invalid_transition",
            f"This objection was already answered ({row.state}).",
            state=row.state,
        )
    row.state, row.answer = body.outcome, body.text
    row.answered_at, row.answered_by = now, principal.username
    row.version += 1
    session.flush()
    _publish(session, seq, row, op_id, now)
    return row
