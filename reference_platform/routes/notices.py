"""`/notices`: monitoring notices (通报, Art. 17) to units, and marking them read."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer, require_role
from reference_platform.context import Ctx
from reference_platform.idempotency import StoredResponse
from reference_platform.preconditions import require_create_precondition
from reference_platform.routes.responses import PageCursor, PageLimit, json_response, read_page
from reference_platform.routes.writes import OptionalHeader, keyed_write, note_record
from reference_platform.sharing import notices as service
from reference_platform.sharing.documents import notice_document
from reference_platform.sharing.schemas import NoticeCreate

PATH = "/notices"
router = APIRouter(prefix=PATH)


@router.get("")
def list_notices(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
    unread: bool = False,
) -> Response:
    return read_page(
        ctx,
        cursor,
        lambda session, after: service.list_notices(
            session, officer.unit_code, limit, after, unread
        ),
        notice_document,
    )


@router.get("/{notice_id}")
def get_notice(
    request: Request, ctx: Ctx, officer: CurrentOfficer, notice_id: uuid.UUID
) -> Response:
    nid = note_record(request, str(notice_id))
    with ctx.db.read() as session:
        document = notice_document(service.get_delivery(session, officer.unit_code, nid))
    return json_response(document)


@router.put("/{notice_id}")
def issue_notice(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    notice_id: uuid.UUID,
    body: Annotated[NoticeCreate, Body()],
    if_none_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    nid = note_record(request, str(notice_id))
    require_role(officer, service.ISSUER_ROLE)
    require_create_precondition(if_none_match)

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        notice = service.issue_notice(session, officer, nid, body=body, op_id=op_id, now=now)
        return StoredResponse.json(
            201,
            {
                "id": notice.id,
                "title": notice.title,
                "issued_at": notice_document(notice.deliveries[0])["issued_at"],
                "unit_codes": [d.unit_code for d in notice.deliveries],
            },
            {"Location": f"/api/v1{PATH}/{nid}"},
        )

    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{nid}",
        key=idempotency_key,
        action=action,
        body=body.model_dump(mode="json"),
    )


@router.post("/{notice_id}/read")
def mark_read(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    notice_id: uuid.UUID,
    idempotency_key: OptionalHeader = None,
) -> Response:
    nid = note_record(request, str(notice_id))

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.mark_read(session, officer, nid, op_id=op_id, now=now)
        return StoredResponse.json(200, notice_document(row))

    return keyed_write(
        request, ctx, officer, path=f"{PATH}/{nid}/read", key=idempotency_key, action=action
    )
