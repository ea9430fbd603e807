"""`/catalog/resources`: the unit's own catalog, paged, versioned, created by client UUID."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Header, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform import API_PREFIX
from reference_platform.auth.dependencies import CurrentOfficer, require_role
from reference_platform.catalog import service
from reference_platform.catalog.representation import resource_document
from reference_platform.catalog.schemas import ResourceCreate, ResourcePatch
from reference_platform.context import Ctx, Principal, audit_note
from reference_platform.idempotency import (
    StoredResponse,
    WriteRequest,
    fingerprint,
    run_write,
    validate_key,
)
from reference_platform.preconditions import require_create_precondition, version_etag
from reference_platform.routes.responses import PageCursor, PageLimit, read_page, read_record

PATH = "/catalog/resources"
router = APIRouter(prefix=PATH)

WRITER_ROLE = "compiler"
OptionalHeader = Annotated[str | None, Header()]


def _resource_id(request: Request, resource_id: uuid.UUID) -> str:
    value = str(resource_id)
    audit_note(request)["resource_id"] = value
    return value


@router.get("")
def list_resources(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    return read_page(
        ctx,
        cursor,
        lambda session, after: service.list_resources(session, officer.unit_code, limit, after),
        resource_document,
    )


@router.get("/{resource_id}")
def get_resource(
    request: Request, ctx: Ctx, officer: CurrentOfficer, resource_id: uuid.UUID
) -> Response:
    rid = _resource_id(request, resource_id)
    return read_record(
        ctx, lambda session: service.get_resource(session, officer.unit_code, rid),
        resource_document,
    )  # fmt: skip


def _canonical_path(resource_id: str) -> str:
    return f"{API_PREFIX}{PATH}/{resource_id}"


def _write_request(
    request: Request, officer: Principal, resource_id: str, key: str | None, **signals: object
) -> WriteRequest:
    """What the Idempotency-Key is bound to: method, canonical path, preconditions, body."""
    method, path = request.method, _canonical_path(resource_id)
    digest = fingerprint(method, path, signals)
    return WriteRequest(officer, validate_key(key), method, path, digest)


@router.put("/{resource_id}")
def create_resource(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    resource_id: uuid.UUID,
    body: Annotated[ResourceCreate, Body()],
    if_none_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    rid = _resource_id(request, resource_id)
    require_role(officer, WRITER_ROLE)
    require_create_precondition(if_none_match)
    sent = body.model_dump(mode="json", exclude_unset=True)
    write = _write_request(request, officer, rid, idempotency_key, body=sent)
    now = ctx.settings.clock()

    def action(session: Session) -> StoredResponse:
        row = service.create_resource(session, officer, rid, body=body, op_id=write.key, now=now)
        headers = {"ETag": version_etag(row.version), "Location": _canonical_path(rid)}
        return StoredResponse.json(201, resource_document(row), headers)

    return run_write(ctx.db, write, action, now)


@router.patch("/{resource_id}")
def patch_resource(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    resource_id: uuid.UUID,
    body: Annotated[ResourcePatch, Body()],
    if_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    rid = _resource_id(request, resource_id)
    require_role(officer, WRITER_ROLE)
    sent = body.model_dump(mode="json", exclude_unset=True)
    write = _write_request(request, officer, rid, idempotency_key, if_match=if_match, body=sent)
    now = ctx.settings.clock()

    def action(session: Session) -> StoredResponse:
        row = service.patch_resource(
            session, officer, rid, if_match=if_match, patch=body, op_id=write.key, now=now
        )
        return StoredResponse.json(200, resource_document(row), {"ETag": version_etag(row.version)})

    return run_write(ctx.db, write, action, now)


@router.delete("/{resource_id}")
def delete_resource(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    resource_id: uuid.UUID,
    if_match: OptionalHeader = None,
    idempotency_key: OptionalHeader = None,
) -> Response:
    rid = _resource_id(request, resource_id)
    require_role(officer, WRITER_ROLE)
    write = _write_request(request, officer, rid, idempotency_key, if_match=if_match)
    now = ctx.settings.clock()

    def action(session: Session) -> StoredResponse:
        row = service.delete_resource(
            session, officer, rid, if_match=if_match, op_id=write.key, now=now
        )
        return StoredResponse(204, {"ETag": version_etag(row.version)})

    return run_write(ctx.db, write, action, now)
