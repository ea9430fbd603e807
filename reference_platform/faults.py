"""Misbehaviour on request, for client fault-injection tests only; off unless enabled at start.

With `--enable-faults` (or GOVSHARE_PLATFORM_ENABLE_FAULTS=1) the server mounts
`/api/v1/_faults` (not part of the contract):
  POST   {"action": "delay", "path": "/api/v1/changes", "seconds": 5}
         {"action": "status", "path": "/api/v1/catalog/resources/*", "status": 503,
          "retry_after": 30, "count": 2}                          (500, 503 or 429)
         {"action": "drop", "path": ..., "after_commit": true}    close the socket, no response
         {"action": "truncate", "path": ...}                      half the body, valid framing
         {"action": "portal", "path": ...}          200 text/html: a captive portal's login page
         {"action": "expire_tokens", "refresh": false}            every access token expires now
         {"action": "rotate_epoch"}                               every feed cursor becomes 410
         {"action": "shift_clock", "days": 16}                    the server's clock runs ahead
  GET    the armed rules;  DELETE  disarm all and put the clock back.
Rules match the exact path, or a prefix when `path` ends with `*`, optionally one `method`,
and fire for the next `count` matching calls (default 1; null = until disarmed).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_platform import API_PREFIX
from reference_platform.auth.tokens import expire_all_access_tokens
from reference_platform.changes import rotate_epoch
from reference_platform.context import Ctx
from reference_platform.problems import PROBLEM_MEDIA_TYPE, problem_body
from reference_platform.routes.responses import json_response
from reference_platform.settings import Clock

log = logging.getLogger(__name__)
FAULTS_PATH = API_PREFIX + "/_faults"


class FaultIn(BaseModel):
    """One armed misbehaviour, or an immediate action (expire_tokens, rotate_epoch)."""

    model_config = ConfigDict(extra="forbid")

    action: Literal[
        "delay",
        "status",
        "drop",
        "truncate",
        "portal",
        "expire_tokens",
        "rotate_epoch",
        "shift_clock",
    ]
    path: str = "*"
    method: str | None = None
    count: Annotated[int, Field(ge=1)] | None = 1
    seconds: Annotated[float, Field(ge=0, le=3600)] = 0
    status: Literal[429, 500, 503] = 503
    retry_after: Annotated[int, Field(ge=0)] | None = None
    after_commit: bool = True
    refresh: bool = False
    days: Annotated[float, Field(ge=-3650, le=3650)] = 0


@dataclass
class FaultRule:
    action: str
    path: str
    method: str | None
    remaining: int | None
    seconds: float
    status: int
    retry_after: int | None
    after_commit: bool

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        if self.path.endswith("*"):
            return path.startswith(self.path[:-1])
        return path == self.path


class FaultState:
    """The armed rules, shared by the admin endpoint and the middleware (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._clock_offset = timedelta(0)

    def shifted(self, clock: Clock) -> Clock:
        """`clock`, moved by the current `shift_clock` offset (deadline tests)."""

        def now() -> datetime:
            with self._lock:
                offset = self._clock_offset
            return clock() + offset

        return now

    def shift_clock(self, days: float) -> None:
        with self._lock:
            self._clock_offset = timedelta(days=days)

    def arm(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
            self._clock_offset = timedelta(0)

    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(rule) for rule in self._rules]

    def take(self, method: str, path: str) -> FaultRule | None:
        """The first rule matching this call, counted as fired."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    if rule.remaining is not None:
                        rule.remaining -= 1
                        if rule.remaining <= 0:
                            self._rules.remove(rule)
                    return rule
        return None


def fault_router(state: FaultState) -> APIRouter:
    """The admin endpoint; mounted only when faults were enabled at start."""
    router = APIRouter()

    @router.post(FAULTS_PATH.removeprefix(API_PREFIX))
    def arm(ctx: Ctx, fault: Annotated[FaultIn, Body()]) -> Response:
        now = ctx.settings.clock()
        if fault.action == "expire_tokens":
            with ctx.db.write() as session:
                expire_all_access_tokens(session, now, refresh_too=fault.refresh)
        elif fault.action == "rotate_epoch":
            with ctx.db.write() as session:
                rotate_epoch(session)
        elif fault.action == "shift_clock":
            state.shift_clock(fault.days)
        else:
            state.arm(
                FaultRule(
                    fault.action,
                    fault.path,
                    fault.method,
                    fault.count,
                    fault.seconds,
                    fault.status,
                    fault.retry_after,
                    fault.after_commit,
                )
            )
        log.warning("fault injected: %s", fault.model_dump(exclude_defaults=True))
        return json_response({"rules": state.snapshot()})

    @router.get(FAULTS_PATH.removeprefix(API_PREFIX))
    def armed() -> Response:
        return json_response({"rules": state.snapshot()})

    @router.delete(FAULTS_PATH.removeprefix(API_PREFIX))
    def disarm() -> Response:
        state.clear()
        return Response(status_code=204)

    return router


async def _discard(message: Message) -> None:
    """A `send` that swallows the response the client will never get."""


async def _drop_connection(receive: Receive, send: Send) -> None:
    """Close the socket without answering (uvicorn: its request cycle owns the transport)."""
    cycle = getattr(receive, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:  # another server: the best we can do is a cut-off response
        log.warning("fault 'drop': no transport found, sending a cut-off response instead")
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]}
        )
        return
    transport.close()
    with anyio.move_on_after(2):  # let uvicorn see the disconnect, so it sends no 500 itself
        while not getattr(cycle, "disconnected", False):
            await anyio.sleep(0.005)


class FaultMiddleware:
    """Applies armed rules to matching calls; the admin endpoint itself is never affected."""

    def __init__(self, app: ASGIApp, state: FaultState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = None
        if scope["type"] == "http" and not scope["path"].startswith(FAULTS_PATH):
            rule = self.state.take(scope["method"], scope["path"])
        if rule is None:
            await self.app(scope, receive, send)
        elif rule.action == "delay":
            await anyio.sleep(rule.seconds)
            await self.app(scope, receive, send)
        elif rule.action == "status":
            await self._send_status(rule, send)
        elif rule.action == "drop":
            if rule.after_commit:
                await self.app(scope, receive, _discard)
            await _drop_connection(receive, send)
        elif rule.action == "portal":
            await self._send_portal(send)
        else:
            await self._truncated(scope, receive, send)

    @staticmethod
    async def _send_status(rule: FaultRule, send: Send) -> None:
        body = problem_body(rule.status, "injected_fault", "Injected by the fault switch.")
        headers = [
            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        if rule.retry_after is not None:
            headers.append((b"retry-after", str(rule.retry_after).encode()))
        await send({"type": "http.response.start", "status": rule.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def _send_portal(send: Send) -> None:
        """What a captive portal or a proxy's sign-in page answers in the platform's place."""
        body = "<html><body><form>请先登录本单位网络 / Sign in to the network</form></body></html>"
        data = body.encode("utf-8")
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(data)).encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    async def _truncated(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        if start is None:
            return
        body = b"".join(chunks)
        cut = body[: len(body) // 2]
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(cut)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": cut})
