"""The shape every keyed write shares: canonical path, fingerprint, one transaction, replay."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import Header, Request
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform import API_PREFIX
from reference_platform.context import Ctx, Principal, audit_note
from reference_platform.idempotency import (
    StoredResponse,
    WriteRequest,
    fingerprint,
    run_write,
    validate_key,
)
from reference_platform.problems import ProblemError

OptionalHeader = Annotated[str | None, Header()]
Action = Callable[[Session, str | None, datetime], StoredResponse]
M = TypeVar("M", bound=BaseModel)


def note_record(request: Request, record_id: str) -> str:
    """Name the record in the access log; returns the id."""
    audit_note(request)["resource_id"] = record_id
    return record_id


def keyed_write(
    request: Request,
    ctx: Ctx,
    officer: Principal,
    *,
    path: str,
    key: str | None,
    action: Action,
    **signals: Any,
) -> Response:
    """Run `action(session, op_id, now)` once per Idempotency-Key; `signals` make the request."""
    method, canonical = request.method, API_PREFIX + path
    digest = fingerprint(method, canonical, signals)
    write = WriteRequest(officer, validate_key(key), method, canonical, digest)
    now = ctx.settings.clock()
    return run_write(ctx.db, write, lambda session: action(session, write.key, now), now)


def parse_body(model: type[M], document: Any) -> M:
    """Validate a JSON body against `model`: 422 `validation_failed` like FastAPI's own."""
    try:
        return model.model_validate({} if document is None else document)
    except ValidationError as exc:
        errors = [
            {
                "loc": ["body", *(str(part) for part in error.get("loc", ()))],
                "msg": str(error.get("msg", "")),
                "type": str(error.get("type", "")),
            }
            for error in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
        raise ProblemError(
            422, "validation_failed", detail, extra={"errors": errors[:50]}
        ) from None
