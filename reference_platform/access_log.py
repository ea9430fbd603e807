"""ASGI middleware recording every call in the access-log table: who, when, what, which id.

The officer and resource id are noted by the handlers in the request scope
(`context.audit_note`); the entry is written after the response, in its own transaction,
so refused and failed calls are recorded too.
"""

from __future__ import annotations

import logging
from typing import Any

import anyio.to_thread
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_platform import API_PREFIX
from reference_platform.context import AUDIT_SCOPE_KEY
from reference_platform.db.database import Database
from reference_platform.db.models import AccessLogEntry
from reference_platform.settings import Clock

log = logging.getLogger(__name__)


def _route_template(scope: Scope) -> str | None:
    """The matched path template, e.g. /api/v1/catalog/resources/{resource_id}."""
    route = getattr(scope.get("route"), "path", None)
    if not isinstance(route, str):
        return None
    # FastAPI mounts included routers, so the template may lack the /api/v1 prefix.
    if str(scope["path"]).startswith(API_PREFIX) and not route.startswith(API_PREFIX):
        route = API_PREFIX + route
    return route[:200]


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, db: Database, clock: Clock) -> None:
        self.app = app
        self.db = db
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        note: dict[str, Any] = scope.setdefault(AUDIT_SCOPE_KEY, {})
        status = 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            route = _route_template(scope)
            entry = AccessLogEntry(
                at=self.clock(),
                username=note.get("username"),
                unit_code=note.get("unit_code"),
                method=str(scope["method"])[:8],
                path=str(scope["path"])[:500],
                route=route,
                resource_id=note.get("resource_id"),
                status=status,
            )
            await anyio.to_thread.run_sync(self._write, entry)

    def _write(self, entry: AccessLogEntry) -> None:
        try:
            with self.db.write() as session:
                session.add(entry)
        except SQLAlchemyError as exc:  # never fail a call because its log entry failed
            log.warning("access log entry not written: %s", exc)
