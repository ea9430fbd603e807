"""Health, the signed-in officer, the unit tree and the catalog profile."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

from fastapi import APIRouter, Header
from sqlalchemy import select
from starlette.responses import Response

from reference_platform import API_VERSION
from reference_platform.auth.dependencies import CurrentOfficer
from reference_platform.catalog.representation import iso
from reference_platform.context import Ctx
from reference_platform.db.models import Unit
from reference_platform.routes.responses import cacheable, json_response

router = APIRouter()


def unit_document(unit: Unit) -> dict[str, str | None]:
    return {
        "code": unit.code,
        "name": unit.name,
        "parent_code": unit.parent_code,
        "credit_code": unit.credit_code,
    }


@router.get("/health")
def health(ctx: Ctx) -> Response:
    """Liveness without sign-in; the server time lets clients warn about clock skew."""
    return json_response(
        {"status": "ok", "api_version": API_VERSION, "server_time": iso(ctx.settings.clock())}
    )


@router.get("/me")
def me(ctx: Ctx, officer: CurrentOfficer) -> Response:
    with ctx.db.read() as session:
        unit = session.get(Unit, officer.unit_code)
        if unit is None:  # impossible: a foreign key
            raise RuntimeError(f"officer {officer.username} has no unit")
        document = unit_document(unit)
    return json_response(
        {
            "username": officer.username,
            "display_name": officer.display_name,
            "unit": document,
            "roles": list(officer.roles),
        }
    )


@router.get("/units")
def units(
    ctx: Ctx,
    _officer: CurrentOfficer,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """Every unit, superiors by `parent_code`; a reference list, so it answers 304 too."""
    with ctx.db.read() as session:
        rows = session.scalars(select(Unit).order_by(Unit.code)).all()
        body = json.dumps({"items": [unit_document(u) for u in rows]}, ensure_ascii=False)
    data = body.encode("utf-8")
    return cacheable(data, '"' + hashlib.sha256(data).hexdigest()[:32] + '"', if_none_match)


@router.get("/profile")
def profile(
    ctx: Ctx,
    _officer: CurrentOfficer,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """The catalog profile the server validates with, as loaded at start."""
    return cacheable(ctx.profile.body, ctx.profile.etag, if_none_match)
