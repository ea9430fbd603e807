"""The composition root of the server: builds the FastAPI app and wraps it in the ASGI layers.

Layers, outside in: API-Version header → fault switch (only if enabled) → access log →
request limits (414, 431, 413 before the body is parsed) → FastAPI (problem+json for every
error; a body's media type checked first, 415) → routers under /api/v1. Below them all,
uvicorn runs http_protocol.py's h11 protocol (cli.py).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp

from reference_platform import API_PREFIX
from reference_platform.access_log import AccessLogMiddleware
from reference_platform.api_version import ApiVersionMiddleware
from reference_platform.context import PlatformContext, Profile
from reference_platform.db.database import Database
from reference_platform.faults import FaultMiddleware, FaultState, fault_router
from reference_platform.media_types import require_body_media_type
from reference_platform.problems import ProblemError, problem_response
from reference_platform.request_limits import RequestLimitsMiddleware
from reference_platform.routes import (
    audit,
    auth,
    catalog,
    changes,
    contract,
    directory,
    filings,
    grants,
    notices,
    objections,
    share_requests,
    system,
)
from reference_platform.settings import Settings

log = logging.getLogger(__name__)

_HTTP_CODES = {404: "no_such_endpoint", 405: "method_not_allowed"}


async def _on_problem(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)  # noqa: S101 - registered for this type only
    return problem_response(exc)


async def _on_validation(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for this type only
    errors: list[dict[str, Any]] = [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    in_body = all(e["loc"][:1] == ["body"] and e["type"] != "json_invalid" for e in errors)
    status, code = (422, "validation_failed") if in_body and errors else (400, "invalid_request")
    detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
    return problem_response(ProblemError(status, code, detail, extra={"errors": errors[:50]}))


async def _on_http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101 - registered for this type only
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return problem_response(
        ProblemError(exc.status_code, code, str(exc.detail), headers=exc.headers)
    )


async def _on_bug(request: Request, exc: Exception) -> Response:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(ProblemError(500, "internal_error", "The server failed; see its log."))


def create_app(settings: Settings, db: Database | None = None) -> ASGIApp:
    """The complete ASGI application for `settings`; the schema is created if missing."""
    database = db or Database(settings.db_url)
    database.create_schema()
    faults = FaultState() if settings.faults_enabled else None
    if faults is not None:
        settings = replace(settings, clock=faults.shifted(settings.clock))
    context = PlatformContext(settings, database, Profile.load(settings.profile_path))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    api = FastAPI(
        title="GovShare reference platform",
        openapi_url=None,  # the contract is the hand-written openapi.yaml, served as is
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(require_body_media_type)],
    )
    api.state.context = context
    api.add_exception_handler(ProblemError, _on_problem)
    api.add_exception_handler(RequestValidationError, _on_validation)
    api.add_exception_handler(StarletteHTTPException, _on_http_error)
    api.add_exception_handler(Exception, _on_bug)
    routers = (
        system, auth, filings, catalog, directory, share_requests, grants, objections, notices,
        audit,
    )  # fmt: skip
    for module in (*routers, changes, contract):
        api.include_router(module.router, prefix=API_PREFIX)

    if faults is not None:
        api.include_router(fault_router(faults), prefix=API_PREFIX)

    app: ASGIApp = RequestLimitsMiddleware(
        api, settings.max_body_bytes, upload_bytes=settings.max_attachment_bytes
    )
    app = AccessLogMiddleware(app, database, settings.clock)
    if faults is not None:
        app = FaultMiddleware(app, faults)
    return ApiVersionMiddleware(app)
