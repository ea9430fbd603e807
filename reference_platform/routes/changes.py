"""`GET /changes`: the unit's change feed, by opaque cursor, in commit order."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer
from reference_platform.changes import read_feed
from reference_platform.context import Ctx
from reference_platform.routes.responses import json_response

router = APIRouter()


@router.get("/changes")
def changes(
    ctx: Ctx,
    officer: CurrentOfficer,
    since: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> Response:
    with ctx.db.read() as session:
        page = read_feed(session, officer.unit_code, since or None, limit)  # empty = start
    return json_response(
        {
            "items": page.items,
            "next_cursor": page.next_cursor,
            "has_more": page.has_more,
            "epoch": page.epoch,
        }
    )
