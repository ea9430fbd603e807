"""ASGI middleware naming the API version in every response (`API-Version: 1`).

Clients use its absence to recognise a captive portal or a proxy's own page (SYNC.md).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_platform import API_VERSION

HEADER = b"api-version"


class ApiVersionMiddleware:
    """Outermost layer, so errors and injected faults carry the header too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != HEADER]
                message["headers"] = [*headers, (HEADER, API_VERSION.encode("ascii"))]
            await send(message)

        await self.app(scope, receive, send_with_version)
