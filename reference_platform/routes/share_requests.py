"""`/share-requests`: drafts by client UUID, one command endpoint per Art. 13 step, and the
request's attachments (附件: PDF files, see sharing/attachments.py)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer, require_role
from reference_platform.context import Ctx
from reference_platform.idempotency import StoredResponse
from reference_platform.media_types import media_type, raw_body
from reference_platform.preconditions import require_create_precondition, version_etag
from reference_platform.problems import ProblemError
from reference_platform.routes.responses import (
    PageCursor,
    PageLimit,
    json_response,
    read_page,
    read_record,
)
from reference_platform.routes.writes import OptionalHeader, keyed_write, note_record, parse_body
from reference_platform.sharing import attachments
from reference_platform.sharing import requests as service
from reference_platform.sharing.documents import attachment_document, share_request_document
from reference_platform.sharing.schemas import (
    COMMAND_BODIES,
    ShareRequestCreate,
    ShareRequestPatch,
)
from reference_platform.sharing.workflow import STEPS, State

PATH = "/share-requests"
router = APIRouter(prefix=PATH)
REQUESTER_ROLE = "requester"

BODIES = COMMAND_BODIES
assert BODIES.keys() == STEPS.keys()  # noqa: S101 - every step has exactly one body


def _ok(row: Any, unit_code: str, status: int = 200, **headers: str) -> StoredResponse:
    return StoredResponse.json(
        status,
        share_request_document(row, unit_code),
        {"ETag": version_etag(row.version), **headers},
    )


@router.get("")
def list_requests(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
    state: Annotated[State | None, Query()] = None,
) -> Response:
    wanted = state.value if state else None
    return read_page(
        ctx,
        cursor,
        lambda session, after: service.list_requests(
            session, officer.unit_code, limit, after, wanted
        ),
        lambda row: share_request_document(row, officer.unit_code),
    )


@router.get("/{request_id}")
def get_request(
    request: Request, ctx: Ctx, officer: CurrentOfficer, request_id: uuid.UUID
) -> Response:
    rid = note_record(request, str(request_id))
    return read_record(
        ctx,
        lambda session: service.get_request(session, officer.unit_code, rid),
        lambda row: share_request_document(row, officer.unit_code),
    )


@router.put("/{request_id}")
def create_request(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    request_id: uuid.UUID,
    body: Annotated[ShareRequestCreate, Body()],
    if_none_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    rid = note_record(request, str(request_id))
    require_role(officer, REQUESTER_ROLE)
    require_create_precondition(if_none_match)

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.create_request(session, officer, rid, body=body, op_id=op_id, now=now)
        return _ok(row, officer.unit_code, 201, Location=f"/api/v1{PATH}/{rid}")

    sent = body.model_dump(mode="json", exclude_unset=True)
    return keyed_write(
        request, ctx, officer, path=f"{PATH}/{rid}", key=idempotency_key, action=action, body=sent
    )


@router.patch("/{request_id}")
def patch_request(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    request_id: uuid.UUID,
    body: Annotated[ShareRequestPatch, Body()],
    if_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    rid = note_record(request, str(request_id))
    require_role(officer, REQUESTER_ROLE)

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.patch_request(
            session, officer, rid, if_match=if_match, patch=body, op_id=op_id, now=now
        )
        return _ok(row, officer.unit_code)

    sent = body.model_dump(mode="json", exclude_unset=True)
    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{rid}",
        key=idempotency_key,
        action=action,
        if_match=if_match,
        body=sent,
    )


@router.post("/{request_id}/{action_name}")
def command(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    request_id: uuid.UUID,
    action_name: str,
    body: Annotated[Any, Body()] = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    """One workflow step; the body model depends on the step."""
    model = BODIES.get(action_name)
    if model is None:
        raise ProblemError(404, "no_such_endpoint", f"No workflow step '{action_name}'.")
    rid = note_record(request, str(request_id))
    parsed = parse_body(model, body)

    def action(session: Session, op_id: str | None, now: Any) -> StoredResponse:
        row = service.act(session, officer, rid, action_name, parsed, op_id=op_id, now=now)
        return _ok(row, officer.unit_code)

    sent = parsed.model_dump(mode="json", exclude_unset=True)
    return keyed_write(
        request,
        ctx,
        officer,
        path=f"{PATH}/{rid}/{action_name}",
        key=idempotency_key,
        action=action,
        body=sent,
    )


# ---------------------------------------------------------------------- attachments (附件)
def _attachment_path(rid: str, aid: str) -> str:
    return f"{PATH}/{rid}/attachments/{aid}"


@router.get("/{request_id}/attachments")
def list_attachments(
    request: Request, ctx: Ctx, officer: CurrentOfficer, request_id: uuid.UUID
) -> Response:
    rid = note_record(request, str(request_id))
    with ctx.db.read() as session:
        rows = attachments.list_attachments(session, officer.unit_code, rid)
        items = [attachment_document(row) for row in rows]
    return json_response({"items": items})


@router.get("/{request_id}/attachments/{attachment_id}")
def download_attachment(
    request: Request,
    ctx: Ctx,
    officer: CurrentOfficer,
    request_id: uuid.UUID,
    attachment_id: uuid.UUID,
) -> Response:
    rid = note_record(request, str(request_id))
    with ctx.db.read() as session:
        row = attachments.attachment_with_content(
            session, officer.unit_code, rid, str(attachment_id)
        )
        content = bytes(row.content)
    return Response(content, media_type=attachments.PDF, headers={"Cache-Control": "no-store"})


@router.put("/{request_id}/attachments/{attachment_id}", openapi_extra=raw_body(attachments.PDF))
async def upload_attachment(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    request_id: uuid.UUID,
    attachment_id: uuid.UUID,
    name: Annotated[str, Query(min_length=1, max_length=255)],
    idempotency_key: OptionalHeader = None,
) -> Response:
    """The body is the file itself (application/pdf), at most `max_attachment_bytes`."""
    rid = note_record(request, str(request_id))
    aid = str(attachment_id)
    require_role(officer, REQUESTER_ROLE)
    content = await request.body()
    if len(content) > ctx.settings.max_attachment_bytes:  # the middleware stops most earlier
        raise ProblemError(
            413, "content_too_large",
            f"An attachment may have at most {ctx.settings.max_attachment_bytes} bytes.",
        )  # fmt: skip
    attachments.check_pdf(media_type(request), content)
    shown = attachments.check_name(name)
    digest = hashlib.sha256(content).hexdigest()

    def action(session: Session, _op_id: str | None, now: Any) -> StoredResponse:
        row = attachments.add_attachment(
            session, officer, rid, aid, name=shown, content=content, now=now
        )
        return StoredResponse.json(
            201,
            attachment_document(row),
            {"Location": f"/api/v1{_attachment_path(rid, aid)}"},
        )

    return await run_in_threadpool(
        keyed_write, request, ctx, officer, path=_attachment_path(rid, aid),
        key=idempotency_key, action=action, name=shown, sha256=digest,
    )  # fmt: skip


@router.delete("/{request_id}/attachments/{attachment_id}")
def delete_attachment(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    request_id: uuid.UUID,
    attachment_id: uuid.UUID,
    idempotency_key: OptionalHeader = None,
) -> Response:
    rid = note_record(request, str(request_id))
    aid = str(attachment_id)
    require_role(officer, REQUESTER_ROLE)

    def action(session: Session, _op_id: str | None, _now: Any) -> StoredResponse:
        attachments.remove_attachment(session, officer, rid, aid)
        return StoredResponse(204)

    return keyed_write(
        request, ctx, officer, path=_attachment_path(rid, aid), key=idempotency_key,
        action=action,
    )  # fmt: skip
