"""JSON responses with the conditional-request headers the contract asks for."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from reference_platform.cursors import encode_list_cursor
from reference_platform.preconditions import none_match


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
