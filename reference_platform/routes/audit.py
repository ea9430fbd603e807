"""`POST /audit-events`: a batch of the client's audit log, idempotent by event id."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer
from reference_platform.context import Ctx
from reference_platform.idempotency import StoredResponse
from reference_platform.routes.writes import OptionalHeader, keyed_write
from reference_platform.sharing.audit import upload
from reference_platform.sharing.schemas import AuditBatch

router = APIRouter()


@router.post("/audit-events")
def upload_events(
    request: Request,
    *,
    ctx: Ctx,
    officer: CurrentOfficer,
    body: Annotated[AuditBatch, Body()],
    idempotency_key: OptionalHeader = None,
) -> Response:
    def action(session: Session, _op_id: str | None, now: Any) -> StoredResponse:
        result = upload(session, officer, body.events, now)
        return StoredResponse.json(
            200,
            {
                "accepted": result.accepted,
                "duplicates": result.duplicates,
                "conflicts": result.conflicts,
            },
        )

    return keyed_write(
        request,
        ctx,
        officer,
        path="/audit-events",
        key=idempotency_key,
        action=action,
        body=body.model_dump(mode="json"),
    )
