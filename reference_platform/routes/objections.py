"""`/objections`: a grantee's data-quality objections (Art. 16) and the provider's answers."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer, require_role
from reference_platform.context import Ctx
from reference_platform.idempotency import StoredResponse
from reference_platform.preconditions import require_create_precondition, version_etag
from reference_platform.routes.responses import PageCursor, PageLimit, read_page, read_record
from reference_platform.routes.writes import OptionalHeader, keyed_write, note_record
from reference_platform.sharing import objections as service
from reference_platform.sharing.documents import objection_document
from reference_platform.sharing.schemas import ObjectionAnswer, ObjectionCreate

PATH = "/objections"
router = APIRouter(prefix=PATH)


def _ok(row: Any, status: int = 200, **headers: str) -> StoredResponse:
    return StoredResponse.json(
        status, objection_document(row), {"ETag": version_etag(row.version), **headers}
    )


@router.get("")
def list_objections(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    return read_page(
        ctx,
        cursor,
        lambda session, after: service.list_objections(session, officer.unit_code, limit, after),
        objection_document,
    )


@router.get("/{objection_id}")
def get_objection(
    request: Request, ctx: Ctx, officer: CurrentOfficer, objection_id: uuid.UUID
) -> Response:
    oid = note_record(request, str(objection_id))
    return read_record(
        ctx, lambda session: service.get_objection(session, officer.unit_code, oid),
        objection_document,
    )  # fmt: skip


@router.put("/{objection_id}")
def raise_objection(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    objection_id: uuid.UUID,
    body: Annotated[ObjectionCreate, Body()],
    if_none_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    oid = note_record(request, str(objection_id))
    require_role(officer, service.RAISER_ROLE)
    require_create_precondition(if_none_match)

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.raise_objection(session, officer, oid, body=body, op_id=op_id, now=now)
        return _ok(row, 201, Location=f"/api/v1{PATH}/{oid}")

    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{oid}",
        key=idempotency_key,
        action=action,
        body=body.model_dump(mode="json"),
    )


@router.post("/{objection_id}/answer")
def answer(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    objection_id: uuid.UUID,
    body: Annotated[ObjectionAnswer, Body()],
    idempotency_key: OptionalHeader = None,
) -> Response:
    oid = note_record(request, str(objection_id))

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.answer_objection(session, officer, oid, body=body, op_id=op_id, now=now)
        return _ok(row)

    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{oid}/answer",
        key=idempotency_key,
        action=action,
        body=body.model_dump(mode="json"),
    )
