"""`/catalog/filings`: a unit files its catalog (备案); the competent authority decides."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer, require_role
from reference_platform.catalog import filings as service
from reference_platform.context import Ctx, Principal
from reference_platform.idempotency import StoredResponse
from reference_platform.preconditions import require_create_precondition, version_etag
from reference_platform.routes.responses import PageCursor, PageLimit, read_page, read_record
from reference_platform.routes.writes import OptionalHeader, keyed_write, note_record
from reference_platform.sharing.documents import filing_document
from reference_platform.sharing.schemas import FilingCreate, FilingReturn, TextCommand

PATH = "/catalog/filings"
router = APIRouter(prefix=PATH)


def _ok(row: Any, status: int = 200, **headers: str) -> StoredResponse:
    return StoredResponse.json(
        status, filing_document(row), {"ETag": version_etag(row.version), **headers}
    )


@router.get("")
def list_filings(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    return read_page(
        ctx,
        cursor,
        lambda session, after: service.list_filings(session, officer.unit_code, limit, after),
        filing_document,
    )


@router.get("/{filing_id}")
def get_filing(
    request: Request, ctx: Ctx, officer: CurrentOfficer, filing_id: uuid.UUID
) -> Response:
    fid = note_record(request, str(filing_id))
    return read_record(
        ctx, lambda session: service.get_filing(session, officer.unit_code, fid), filing_document
    )


@router.put("/{filing_id}")
def submit_filing(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    filing_id: uuid.UUID,
    body: Annotated[FilingCreate, Body()],
    if_none_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    fid = note_record(request, str(filing_id))
    require_role(officer, service.SUBMITTER_ROLE)
    require_create_precondition(if_none_match)

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.submit_filing(session, officer, fid, reason=body.reason, op_id=op_id, now=now)
        return _ok(row, 201, Location=f"/api/v1{PATH}/{fid}")

    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{fid}",
        key=idempotency_key,
        action=action,
        body=body.model_dump(mode="json"),
    )


def _decide(
    request: Request,
    ctx: Ctx,
    officer: Principal,
    filing_id: uuid.UUID,
    *,
    outcome: str,
    text: str,
    key: str | None,
) -> Response:
    fid = note_record(request, str(filing_id))

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.decide_filing(
            session, officer, fid, outcome=outcome, text=text, op_id=op_id, now=now
        )
        return _ok(row)

    verb = "file" if outcome == "filed" else "return"
    return keyed_write(
        request, ctx, officer, path=f"{PATH}/{fid}/{verb}", key=key, action=action, text=text
    )


@router.post("/{filing_id}/file")
def file_catalog(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    filing_id: uuid.UUID,
    body: Annotated[TextCommand | None, Body()] = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    """已备案."""
    text = body.text if body else ""
    return _decide(
        request, ctx, officer, filing_id, outcome="filed", text=text, key=idempotency_key
    )


@router.post("/{filing_id}/return")
def return_catalog(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    filing_id: uuid.UUID,
    body: Annotated[FilingReturn, Body()],
    idempotency_key: OptionalHeader = None,
) -> Response:
    """退回修改, with reasons."""
    return _decide(
        request, ctx, officer, filing_id, outcome="returned", text=body.text, key=idempotency_key
    )
