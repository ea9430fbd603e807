"""ASGI middleware bounding what one request may cost before the app parses any of it.

Every refusal is problem+json like the app's own errors:
- a request target (path and query) over `MAX_TARGET_BYTES`: 414 `uri_too_long`;
- more than `MAX_QUERY_PARAMETERS` query parameters: 400 `too_many_parameters`;
- a header block over `MAX_HEADER_BYTES` or `MAX_HEADER_COUNT` lines: 431 `headers_too_large`;
- a body over the configured limit (an attachment's upload, `PUT /share-requests/{id}/
  attachments/{aid}`, has a limit of its own): 413 `content_too_large`. A `Content-Length`
  over it is refused before a byte of the body is read (a client sending
  `Expect: 100-continue` never sends it); a chunked body is counted as it arrives and
  refused as soon as it passes the limit. The rest of a refused body is read and dropped
  by uvicorn, never kept, so memory stays flat whatever the client sends.

A body within the limit is read whole here and handed on as one message: the app would
read it whole anyway, so this costs no extra memory and the app never sees a partial body.

Why not Starlette's own `max_body_size` (Starlette 1.x only): it answers in plain text and
checks `Content-Length` only once the app starts reading.

Heads larger than uvicorn's parser buffer never reach this layer; see http_protocol.py.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_platform.problems import ProblemError, problem_response

MAX_TARGET_BYTES = 16 * 1024
MAX_QUERY_PARAMETERS = 100
MAX_HEADER_BYTES = 32 * 1024
MAX_HEADER_COUNT = 100
_UPLOAD = re.compile(r"^/api/v1/share-requests/[^/]+/attachments/[^/]+/?$")


def is_upload(scope: Scope) -> bool:
    """Whether the request uploads an attachment (its body is the file)."""
    return scope.get("method") == "PUT" and bool(_UPLOAD.match(scope.get("path", "")))


def declared_length(scope: Scope) -> int | None:
    """The `Content-Length` of the request (uvicorn has checked it is a number), or None."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def has_body(scope: Scope) -> bool:
    """True when the request announces a body: a non-zero length or a transfer coding."""
    if any(name == b"transfer-encoding" for name, _ in scope["headers"]):
        return True
    return bool(declared_length(scope))


def _head_problem(scope: Scope) -> ProblemError | None:
    """The problem with the request line or headers, if any."""
    query: bytes = scope.get("query_string", b"")
    target = len(scope.get("raw_path") or scope["path"].encode()) + len(query)
    if target > MAX_TARGET_BYTES:
        return ProblemError(
            414, "uri_too_long", f"The request target is longer than {MAX_TARGET_BYTES} bytes."
        )
    if sum(1 for part in query.split(b"&") if part) > MAX_QUERY_PARAMETERS:
        return ProblemError(
            400,
            "too_many_parameters",
            f"More than {MAX_QUERY_PARAMETERS} query parameters.",
        )
    headers = scope["headers"]
    size = sum(len(name) + len(value) + 4 for name, value in headers)  # "name: value\r\n"
    if size > MAX_HEADER_BYTES or len(headers) > MAX_HEADER_COUNT:
        return ProblemError(
            431,
            "headers_too_large",
            f"Send at most {MAX_HEADER_COUNT} header lines and {MAX_HEADER_BYTES} bytes of them.",
        )
    return None


class RequestLimitsMiddleware:
    """Refuses oversized request heads and bodies; see the module docstring."""

    def __init__(
        self, app: ASGIApp, max_body_bytes: int, *, upload_bytes: int | None = None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.upload_bytes = upload_bytes if upload_bytes is not None else max_body_bytes

    def _too_large(self, limit: int) -> ProblemError:
        return ProblemError(
            413,
            "content_too_large",
            f"The request body is larger than this server accepts ({limit} bytes).",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = _head_problem(scope)
        if problem is None and not has_body(scope):
            await self.app(scope, receive, send)
            return
        limit = self.upload_bytes if is_upload(scope) else self.max_body_bytes
        length = declared_length(scope)
        if problem is None and length is not None and length > limit:
            problem = self._too_large(limit)
        if problem is not None:
            await problem_response(problem)(scope, receive, send)
            return
        first = await self._read_body(receive, limit)
        if first is None:
            await problem_response(self._too_large(limit))(scope, receive, send)
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # waits for the disconnect, as the server's would
            delivered = True
            return first

        await self.app(scope, replay, send)

    async def _read_body(self, receive: Receive, limit: int) -> Message | None:
        """The whole body as one message (or the disconnect that cut it); None when too large."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return message  # http.disconnect: the app sees it and gives up as it would
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
