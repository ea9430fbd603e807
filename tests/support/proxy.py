"""A front for the reference platform on 127.0.0.1 that loses answers on purpose.

Sync fault tests need a link that fails *after* the platform did the work: the request
reached the server (it committed the create or the update), and the answer never came
back, or came back cut off. The proxy relays each request to the platform in full, reads
the platform's whole answer, and only then does what its rules say:

- `pass`: relay the answer;
- `drop`: close the connection without a byte (the client sees a reset, as on a dead link);
- `cut`: send the status line, the headers (with the full Content-Length) and half the
  body, then close (a connection lost mid-download);
- `refuse`: close the connection without relaying the request at all (never reached).

Rules are matched in order (method, path prefix), each for a number of calls; `chaos`
drops or cuts a seeded random fraction of everything; `before` runs a test's callback
while a matching request is in flight (the platform has not been asked yet). Every call
is recorded in `calls`, so a test counts requests instead of timing them.

HTTP-aware rather than a byte pipe, because "after the server got the request" is a
request boundary; built on http.server like the other test servers (servers.py).
"""

from __future__ import annotations

import http.client
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from tests.support.servers import HOP_HEADERS, _Quiet, _Server, address, serve

Action = Literal["pass", "drop", "cut", "refuse"]


@dataclass
class Rule:
    action: Action
    method: str | None = None
    path: str = "*"  # exact, or a prefix ending in *
    remaining: int | None = 1  # None: until cleared
    before: Callable[[], None] | None = None  # run while the request is in flight

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return path.startswith(self.path[:-1]) if self.path.endswith("*") else path == self.path


@dataclass
class Call:
    method: str
    path: str  # without the query
    action: Action
    status: int | None  # the platform's status, None when it was never asked


@dataclass
class ProxyState:
    upstream: str
    rules: list[Rule] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    chaos_fraction: float = 0.0
    chaos_random: random.Random = field(default_factory=random.Random)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def choose(self, method: str, path: str) -> Rule:
        with self.lock:
            for rule in self.rules:
                if rule.matches(method, path):
                    if rule.remaining is not None:
                        rule.remaining -= 1
                        if rule.remaining <= 0:
                            self.rules.remove(rule)
                    return rule
            if self.chaos_fraction and self.chaos_random.random() < self.chaos_fraction:
                return Rule(self.chaos_random.choice(("drop", "cut")))
        return Rule("pass")


class Proxy:
    """The running front: `root` is what the officer signs in to instead of the platform."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.state: ProxyState = server.extra["state"]

    @property
    def root(self) -> str:
        return address(self._server)

    @property
    def calls(self) -> list[Call]:
        with self.state.lock:
            return list(self.state.calls)

    def add(
        self,
        action: Action,
        path: str = "*",
        *,
        method: str | None = None,
        count: int | None = 1,
        before: Callable[[], None] | None = None,
    ) -> None:
        """Arm a rule; `path` is below the server root (`/api/v1/...`)."""
        with self.state.lock:
            self.state.rules.append(Rule(action, method, path, count, before))

    def chaos(self, fraction: float, seed: int) -> None:
        """Drop or cut this fraction of the calls no rule matched, reproducibly."""
        with self.state.lock:
            self.state.chaos_fraction = fraction
            self.state.chaos_random = random.Random(seed)

    def clear(self) -> None:
        with self.state.lock:
            self.state.rules.clear()
            self.state.chaos_fraction = 0.0
            self.state.calls.clear()


class _Relay(_Quiet):
    def _relay(self) -> None:
        state: ProxyState = self.server.extra["state"]
        body = self._body()
        path = urlsplit(self.path).path
        rule = state.choose(self.command, path)
        if rule.before is not None:
            rule.before()
        if rule.action == "refuse":
            self._record(state, path, rule.action, None)
            self.close_connection = True
            return
        status, headers, data = self._ask(state.upstream, body)
        self._record(state, path, rule.action, status)
        if rule.action == "drop":
            self.close_connection = True
            return
        try:
            self._answer_with(rule.action, status, headers, data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up meanwhile
            self.close_connection = True

    def _answer_with(
        self, action: Action, status: int, headers: list[tuple[str, str]], data: bytes
    ) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if action == "cut":
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(data)

    def _ask(self, upstream: str, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        parts = urlsplit(upstream)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        headers["Host"] = parts.netloc
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=120)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            kept = [
                (k, v)
                for k, v in answer.getheaders()
                if k.lower() not in HOP_HEADERS and k.lower() != "content-length"
            ]
            return answer.status, kept, data
        finally:
            connection.close()

    def _record(self, state: ProxyState, path: str, action: Action, status: int | None) -> None:
        with state.lock:
            state.calls.append(Call(self.command, path, action, status))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _relay  # noqa: N815 - http.server dispatches by these names


@contextmanager
def faulty_proxy(upstream: str) -> Iterator[Proxy]:
    """A proxy in front of `upstream` (http://127.0.0.1:port) until the block ends."""
    with serve(_Relay, state=ProxyState(upstream)) as server:
        yield Proxy(server)
