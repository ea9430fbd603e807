"""`GET /directory`: the filed catalogs of the other units (共享目录), keyset-paged."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from reference_platform.auth.dependencies import CurrentOfficer
from reference_platform.catalog import directory
from reference_platform.context import Ctx
from reference_platform.cursors import decode_list_cursor
from reference_platform.routes.responses import PageCursor, PageLimit, page_response

router = APIRouter()


@router.get("/directory")
def list_directory(
    ctx: Ctx,
    officer: CurrentOfficer,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    after = decode_list_cursor(cursor) if cursor else None
    with ctx.db.read() as session:
        page, parent = directory.list_entries(session, officer.unit_code, limit, after)
        items = [directory.directory_document(row, parent) for row in page.rows]
    return page_response(items, page.last_id)
