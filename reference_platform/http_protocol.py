"""uvicorn's h11 protocol with a bounded request head, answering unparseable requests as problems.

What reaches the app is bounded by request_limits.py (414, 431, 400 as problem+json). What
cannot reach it is a request h11 refuses to parse: malformed HTTP, or a head (request line
and headers) that grows past `MAX_HEAD_BYTES` before it is complete. uvicorn answers those
itself with a plain-text 400; this subclass answers problem+json (`invalid_http_request`,
with `API-Version`) instead. What cannot be controlled: uvicorn closes the connection right
after that answer, so a client still sending its oversized head usually sees the connection
reset rather than the answer. `MAX_HEAD_BYTES` is therefore well above the app's own limits:
any head up to 1 MiB reaches the app and gets its readable 414 or 431.

The server always runs this h11 protocol (never httptools, which bounds no header size), so
the limits are the ones set and tested here. `send_400_response` is uvicorn's hook for this
answer (uvicorn <1 is pinned in pyproject.toml; tests/platform/test_request_limits.py
sends malformed and oversized heads over a socket, so a change there fails the tests).
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from reference_platform import API_VERSION
from reference_platform.problems import PROBLEM_MEDIA_TYPE, problem_body

MAX_HEAD_BYTES = 1024 * 1024


class ProblemH11Protocol(H11Protocol):
    """H11Protocol whose answer to an unparseable request is a problem document."""

    def send_400_response(self, msg: str) -> None:
        body = problem_body(
            400,
            "invalid_http_request",
            f"{msg} The request is not valid HTTP/1.1, or its request line and headers"
            f" are longer than {MAX_HEAD_BYTES} bytes.",
        )
        headers = [
            (b"content-type", PROBLEM_MEDIA_TYPE.encode("ascii")),
            (b"content-length", str(len(body)).encode("ascii")),
            (b"api-version", API_VERSION.encode("ascii")),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()
