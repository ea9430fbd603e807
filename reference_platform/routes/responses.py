"""JSON responses with the conditional-request headers the contract asks for."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.context import PlatformContext
from reference_platform.cursors import decode_list_cursor, encode_list_cursor
from reference_platform.db.keyset import Page
from reference_platform.preconditions import none_match, version_etag

# The query parameters of every list endpoint: a page size and the cursor a page returned.
PageLimit = Annotated[int, Query(ge=1, le=500)]
PageCursor = Annotated[str | None, Query(max_length=512)]


def json_response(
    document: Any, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        json.dumps(document, ensure_ascii=False).encode("utf-8"),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


def cacheable(body: bytes, etag: str, if_none_match: str | None) -> Response:
    """200 with the body, or 304 when the client already holds this ETag."""
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if none_match(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, headers=headers, media_type="application/json")


def page_response(items: list[Any], last_id: str | None) -> Response:
    """A list endpoint's body: the items and the opaque cursor of the next page, if any."""
    next_cursor = encode_list_cursor(last_id) if last_id is not None else None
    return json_response({"items": items, "next_cursor": next_cursor})


def read_page(
    ctx: PlatformContext,
    cursor: str | None,
    read: Callable[[Session, str | None], Page[Any]],
    document: Callable[[Any], Any],
) -> Response:
    """A list endpoint: the page after `cursor` (none: from the start), read and turned
    into documents in one read transaction."""
    after = decode_list_cursor(cursor) if cursor else None
    with ctx.db.read() as session:
        page = read(session, after)
        items = [document(row) for row in page.rows]
    return page_response(items, page.last_id)


def read_record(
    ctx: PlatformContext, read: Callable[[Session], Any], document: Callable[[Any], Any]
) -> Response:
    """One versioned record as its document, its ETag the record's version."""
    with ctx.db.read() as session:
        row = read(session)
        body = document(row)
    return json_response(body, headers={"ETag": version_etag(row.version)})
