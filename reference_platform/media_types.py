"""415 for a request body in a media type its operation does not take.

FastAPI reads a body of any other type as raw bytes and then fails schema validation, so a
`text/plain` body got 422 "Input should be a valid dictionary": a client bug reported as a
content problem. `require_body_media_type` runs first for every route (an app-wide
dependency, so the route is the one the router matched) and refuses its body with 415
`unsupported_media_type` unless the `Content-Type` is one of:
- `application/x-www-form-urlencoded` for form routes (`POST /auth/token`);
- `application/json` for every other route with a body, and on PATCH also
  `application/merge-patch+json` (every PATCH applies only the fields sent).
- whatever a route that reads its body itself declares in `openapi_extra` under
  `x-body-media-types` (an attachment's upload: `application/pdf`).
A body without a `Content-Type` is refused too; requests without a body are left alone.
openapi.yaml lists the same types; tests/platform/test_request_limits.py checks they agree.
"""

from __future__ import annotations

from fastapi import Request, params
from fastapi.routing import APIRoute

from reference_platform.problems import ProblemError
from reference_platform.request_limits import has_body

JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"
FORM = "application/x-www-form-urlencoded"
RAW_BODY_KEY = "x-body-media-types"


def raw_body(*media_types: str) -> dict[str, list[str]]:
    """The `openapi_extra` of a route that reads its body itself, in one of `media_types`."""
    return {RAW_BODY_KEY: list(media_types)}


def accepted_media_types(route: APIRoute) -> frozenset[str] | None:
    """The body media types `route` takes, or None when it takes no body."""
    declared = (route.openapi_extra or {}).get(RAW_BODY_KEY)
    if declared:
        return frozenset(declared)
    if route.body_field is None:
        return None
    if isinstance(route.body_field.field_info, params.Form):
        return frozenset({FORM})
    if "PATCH" in (route.methods or ()):
        return frozenset({JSON, MERGE_PATCH})
    return frozenset({JSON})


def media_type(request: Request) -> str | None:
    """The request's media type without parameters, lower case; None without the header."""
    value = request.headers.get("content-type")
    return None if value is None else value.split(";", 1)[0].strip().lower()


def require_body_media_type(request: Request) -> None:
    """415 problem unless a body sent has a media type the matched route takes."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not has_body(request.scope):
        return
    accepted = accepted_media_types(route)
    sent = media_type(request)
    if accepted is None or sent in accepted:
        return
    listed = ", ".join(sorted(accepted))
    raise ProblemError(
        415,
        "unsupported_media_type",
        f"Send the body as {listed.replace(', ', ' or ')}, not {sent or 'untyped'}.",
        headers={"Accept-Patch": listed} if request.method == "PATCH" else None,
    )
