"""A client PC for sync tests: a real data directory, a real engine, a real platform.

`TokenTransport` is the thinnest honest transport: requests with the officer's bearer
token, every HTTP answer returned, no answer raised as `Unreachable`. The product's own
platform session (sign-in, refresh, proxies, TLS) is tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import OutboxStatus
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.sync.engine import SyncEngine, SyncReport
from govshare_desktop.sync.transport import Reply, SignInNeeded, Unreachable


class TokenTransport:
    def __init__(self, api: str, token: str, timeout: tuple[float, float] = (5, 30)) -> None:
        self.api = api
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.timeout = timeout
        self.calls: list[tuple[str, str]] = []

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | None = None,
    ) -> Reply:
        self.calls.append((method, path))
        try:
            response = self.session.request(
                method, self.api + path, json=json, headers=dict(headers or {}),
                params=dict(params or {}), data=content, timeout=self.timeout,
            )  # fmt: skip
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Unreachable(str(exc)) from exc
        if response.status_code == 401:
            raise SignInNeeded(response.text)
        kind = response.headers.get("Content-Type", "")
        if response.ok and kind.startswith("application/pdf"):  # a file, as it is
            return Reply(response.status_code, response.content, dict(response.headers))
        try:
            body = response.json() if "json" in kind and response.content else None
        except ValueError as exc:  # a truncated body: as good as no answer
            raise Unreachable(f"unreadable answer: {exc}") from exc
        if response.ok and response.content and body is None:
            raise Unreachable("an answer that is not the platform's JSON")
        return Reply(response.status_code, body, dict(response.headers))


@dataclass
class Client:
    """One officer's PC: its data directory, its store, its engine."""

    ctx: AppContext
    transport: TokenTransport
    unit_code: str

    @classmethod
    def open(cls, home: Path, api: str, token: str, unit_code: str) -> Client:
        ctx = AppContext.open(home)
        with ctx.database.write() as session:
            IdentityRepository(session).put(Identity(officer="test", unit_code=unit_code))
        ctx.services.runtime.identity.set(Identity(officer="test", unit_code=unit_code))
        return cls(ctx, TokenTransport(api, token), unit_code)

    def engine(self) -> SyncEngine:
        return SyncEngine(
            self.ctx.database, self.transport, self.ctx.executor.write,
            self.ctx.services.runtime.clock,
        )  # fmt: skip

    def sync(self) -> SyncReport:
        return self.engine().run_once()

    def close(self) -> None:
        if self.ctx.lock is None or self.ctx.lock.held:
            self.ctx.close()

    # -- what the officer does and sees
    def new_resource(self, name: str, **fields: Any) -> Resource:
        catalog = self.ctx.services.catalog
        cls = fields.pop("classification", Classification("3", "01", "001"))
        resource = Resource(
            name=name, unit_code=self.unit_code, classification=cls,
            code=catalog.next_code(self.unit_code, cls),
            data_items=(DataItem("统一社会信用代码", "C", 18),), **fields,
        )  # fmt: skip
        return catalog.save(resource)

    def resource(self, rid: str) -> Resource:
        found = self.ctx.services.catalog.get(rid)
        assert found is not None
        return found

    def ops(self, rid: str) -> list[tuple[str, str]]:
        with self.ctx.database.read() as session:
            return OutboxRepository(session).ops_for(rid)

    def waiting(self) -> dict[str, int]:
        with self.ctx.database.read() as session:
            counts = OutboxRepository(session).count_by_status()
        return {k: v for k, v in counts.items() if k != OutboxStatus.DONE.value}
