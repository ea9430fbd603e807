"""`/grants`: the unit's grants, their revocation, and the rows a grant lets the grantee read."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer
from reference_platform.context import Ctx
from reference_platform.cursors import decode_list_cursor, encode_list_cursor
from reference_platform.idempotency import StoredResponse
from reference_platform.preconditions import version_etag
from reference_platform.problems import ProblemError
from reference_platform.routes.responses import (
    PageCursor,
    PageLimit,
    json_response,
    read_page,
    read_record,
)
from reference_platform.routes.writes import OptionalHeader, keyed_write, note_record
from reference_platform.sharing import grants as service
from reference_platform.sharing.documents import grant_document
from reference_platform.sharing.rows import read_rows
from reference_platform.sharing.schemas import RevokeCommand

PATH = "/grants"
router = APIRouter(prefix=PATH)


@router.get("")
def list_grants(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    return read_page(
        ctx,
        cursor,
        lambda session, after: service.list_grants(session, officer.unit_code, limit, after),
        grant_document,
    )


@router.get("/{grant_id}")
def get_grant(request: Request, ctx: Ctx, officer: CurrentOfficer, grant_id: uuid.UUID) -> Response:
    gid = note_record(request, str(grant_id))
    return read_record(
        ctx, lambda session: service.get_grant(session, officer.unit_code, gid), grant_document
    )


@router.post("/{grant_id}/revoke")
def revoke(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    grant_id: uuid.UUID,
    body: Annotated[RevokeCommand, Body()],
    idempotency_key: OptionalHeader = None,
) -> Response:
    gid = note_record(request, str(grant_id))

    def action(session: Session, _op_id: str | None, now: Any) -> StoredResponse:
        row = service.revoke_grant(session, officer, gid, reason=body.text, now=now)
        return StoredResponse.json(200, grant_document(row), {"ETag": version_etag(row.version)})

    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{gid}/revoke",
        key=idempotency_key,
        action=action,
        body=body.model_dump(mode="json"),
    )


MAX_ROW_NO = 2**31 - 1


def _row_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    after = decode_list_cursor(cursor)
    # Row numbers are 32-bit INTEGERs: a larger one (PostgreSQL would refuse to compare it
    # as a parameter) or a non-ASCII digit ("²") was never issued here.
    if not (after.isascii() and after.isdigit()) or int(after) > MAX_ROW_NO:
        raise ProblemError(400, "invalid_cursor", "The cursor is not one this server issued.")
    return int(after)


@router.get("/{grant_id}/rows")
def rows(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    grant_id: uuid.UUID,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    cursor: PageCursor = None,
    eq: Annotated[list[str] | None, Query(max_length=600)] = None,
) -> Response:
    """Rows under a valid grant of the unit: granted columns only, filtered by equality."""
    gid = note_record(request, str(grant_id))
    if eq is not None and len(eq) > 20:
        raise ProblemError(400, "invalid_filter", "At most 20 filters.")
    with ctx.db.read() as session:
        page = read_rows(
            session,
            officer.unit_code,
            gid,
            filters=list(eq or []),
            after=_row_cursor(cursor),
            limit=limit,
            now=ctx.settings.clock(),
        )
    next_cursor = encode_list_cursor(str(page.last_row)) if page.last_row is not None else None
    return json_response(
        {"grant_id": gid, "columns": page.columns, "items": page.rows, "next_cursor": next_cursor},
        headers={"Cache-Control": "no-store"},
    )
