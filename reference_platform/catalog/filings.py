"""Catalog filings (备案, Art. 11): a unit submits its catalog as it stands; the authority decides.

The filing records every live resource with its version, so what was filed stays known
while the catalog moves on. A unit's first filing is `initial`; once one was filed, each
later one is a `refiling` and needs its reason (reorganisation, changed duties: Art. 11 §4).
Only one filing per unit may await a decision. Completeness is checked here, not on edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from reference_platform.authority import competent_authority
from reference_platform.catalog import directory
from reference_platform.changes import publish
from reference_platform.context import Principal
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import CatalogFiling, Resource
from reference_platform.problems import ProblemError
from reference_platform.sharing.common import conflict, not_found
from reference_platform.sharing.documents import filing_document

ENTITY_TYPE = "catalog_filing"
SUBMITTER_ROLE = "reviewer"


def _missing(row: Resource) -> list[str]:
    """The fields a resource must have before it can be filed (national guide, 2017)."""
    missing = [
        name
        for name in ("code", "provider_code", "abstract", "format_category", "share_type")
        if not getattr(row, name)
    ]
    missing += [name for name in ("share_method", "update_cycle") if not getattr(row, name)]
    if not (row.category and row.item and row.subject):
        missing.append("classification")
    if row.share_type in {"conditional", "not_shared"} and not row.share_conditions:
        missing.append("share_conditions")
    if row.share_type == "not_shared" and not row.legal_basis:
        missing.append("legal_basis")
    if not row.data_items:
        missing.append("data_items")
    return missing


def _snapshot(session: Session, unit_code: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(Resource)
        .where(Resource.unit_code == unit_code, Resource.deleted.is_(False))
        .order_by(Resource.code, Resource.id)
    ).all()
    if not rows:
        raise ProblemError(422, "catalog_empty", "The catalog has no resources to file.")
    errors = [
        {
            "loc": [row.id, field],
            "msg": f"{row.name}: {field} is required for filing",
            "type": "missing",
        }
        for row in rows
        for field in _missing(row)
    ]
    if errors:
        raise ProblemError(
            422,
            "catalog_incomplete",
            f"{len(errors)} required field(s) are missing; see errors.",
            extra={"errors": errors[:200]},
        )
    return [{"id": r.id, "code": r.code, "name": r.name, "version": r.version} for r in rows]


def _publish(
    session: Session, seq: int, row: CatalogFiling, op_id: str | None, now: datetime
) -> None:
    publish(
        session,
        seq=seq,
        unit_codes=[row.unit_code, row.authority_unit_code],
        entity_type=ENTITY_TYPE,
        entity_id=row.id,
        version=row.version,
        kind="upsert",
        data=filing_document(row),
        op_id=op_id,
        now=now,
    )


def submit_filing(
    session: Session,
    principal: Principal,
    filing_id: str,
    *,
    reason: str,
    op_id: str | None,
    now: datetime,
) -> CatalogFiling:
    """File the unit's current catalog with its competent authority."""
    seq = next_seq(session)
    if session.get(CatalogFiling, filing_id) is not None:
        raise ProblemError(412, "already_exists", f"A filing with id {filing_id} already exists.")
    mine = select(CatalogFiling).where(CatalogFiling.unit_code == principal.unit_code)
    if session.scalar(mine.where(CatalogFiling.state == "submitted").limit(1)) is not None:
        raise conflict(
            "filing_pending",
            "A filing of this catalog awaits the authority's decision.",
            state="submitted",
        )
    refiling = session.scalar(mine.where(CatalogFiling.state == "filed").limit(1)) is not None
    if refiling and not reason.strip():
        raise ProblemError(
            422,
            "reason_required",
            "The catalog was filed before: give the reason for re-filing (Art. 11 §4).",
        )
    number = session.scalar(
        select(func.coalesce(func.max(CatalogFiling.catalog_version), 0)).where(
            CatalogFiling.unit_code == principal.unit_code
        )
    )
    row = CatalogFiling(
        id=filing_id,
        unit_code=principal.unit_code,
        authority_unit_code=competent_authority(session, principal.unit_code),
        catalog_version=int(number or 0) + 1,
        kind="refiling" if refiling else "initial",
        reason=reason,
        state="submitted",
        resources=_snapshot(session, principal.unit_code),
        submitted_at=now,
        submitted_by=principal.username,
        decision_text="",
        version=1,
    )
    session.add(row)
    session.flush()
    directory.record_submitted(session, row)
    _publish(session, seq, row, op_id, now)
    return row


def _visible(unit_code: str) -> Any:
    return or_(CatalogFiling.unit_code == unit_code, CatalogFiling.authority_unit_code == unit_code)


def get_filing(session: Session, unit_code: str, filing_id: str) -> CatalogFiling:
    row = session.scalar(
        select(CatalogFiling).where(CatalogFiling.id == filing_id, _visible(unit_code))
    )
    if row is None:
        raise not_found("catalog filing", filing_id)
    return row


def list_filings(
    session: Session, unit_code: str, limit: int, after: str | None
) -> Page[CatalogFiling]:
    """The unit's own filings, and those filed with it when it is an authority."""
    query = select(CatalogFiling).where(_visible(unit_code))
    return keyset_page(session, query, CatalogFiling.id, limit, after)


def decide_filing(
    session: Session,
    principal: Principal,
    filing_id: str,
    *,
    outcome: str,
    text: str,
    op_id: str | None,
    now: datetime,
) -> CatalogFiling:
    """The competent authority files (已备案) or returns (退回修改) a submitted filing."""
    seq = next_seq(session)
    row = get_filing(session, principal.unit_code, filing_id)
    if principal.unit_code != row.authority_unit_code:
        raise ProblemError(403, "wrong_party", "Only the competent authority decides a filing.")
    if "authority" not in principal.roles:
        raise ProblemError(403, "role_required", "This action needs the role 'authority'.")
    if row.state != "submitted":
        raise conflict(
            "invalid_transition", f"This filing was already decided ({row.state}).", state=row.state
        )
    row.state = outcome
    row.decided_at, row.decided_by, row.decision_text = now, principal.username, text
    row.version += 1
    session.flush()
    _publish(session, seq, row, op_id, now)
    if outcome == "filed":
        directory.filed(session, row, now)
    return row
