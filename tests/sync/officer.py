"""An officer's PC on the product's own path, and the checks every fault case ends with.

Unlike `support.Client` (a bare token transport), an `OfficerPc` is a data directory signed
in through `ctx.services.sign_in` — tokens in the (test file) keyring, the platform session
with its refresh, portal and timeout rules — and syncs with `ctx.services.sync.run_once()`,
exactly what the GUI's scheduler and `govshare sync --once` run.

`assert_sound` is the after-every-case invariant of SYNC.md's fault list: the platform
holds no resource twice (by unit and code), every edit the officer made is still on the PC
(and, once converged, on the platform), and `govshare db check` passes on the data directory.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import OutboxStatus
from govshare_desktop.domain.sync_result import SyncResult
from govshare_desktop.store.repositories.outbox import OutboxRepository
from tests.platform.conftest import Platform

ROOT = Path(__file__).resolve().parents[2]
Edits = Mapping[str, Mapping[str, Any]]  # resource id → the fields the officer set


def govshare(*args: str, env: Mapping[str, str] | None = None, stdin: str | None = None,
             timeout: float = 180) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """The CLI as a script runs it: a process of its own, the test's keyring."""
    return subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", *args],
        input=None if stdin is None else stdin + "\n",
        capture_output=True, text=True, timeout=timeout, check=False,
        env=dict(env if env is not None else os.environ),
    )  # fmt: skip


@dataclass
class OfficerPc:
    """One officer's data directory, signed in to `url` (the platform, or a front to it)."""

    home: Path
    url: str
    username: str
    password: str
    ctx: AppContext

    @classmethod
    def sign_in(cls, home: Path, url: str, username: str, password: str) -> OfficerPc:
        home.mkdir(parents=True, exist_ok=True)
        ctx = AppContext.open(home)
        ctx.services.sign_in.sign_in(url, username, password)
        return cls(home, url, username, password, ctx)

    @property
    def unit_code(self) -> str:
        return self.ctx.services.runtime.identity.get().unit_code

    def sync(self) -> SyncResult:
        return self.ctx.services.sync.run_once()

    def sign_in_again(self) -> None:
        self.ctx.services.sign_in.sign_in(self.url, self.username, self.password)

    def close(self) -> None:
        if self.ctx.lock is None or self.ctx.lock.held:
            self.ctx.close()

    def reopen(self) -> None:
        self.close()
        self.ctx = AppContext.open(self.home)

    # -- what the officer does and sees
    def create(self, name: str, **fields: Any) -> Resource:
        catalog = self.ctx.services.catalog
        cls = fields.pop("classification", Classification("3", "01", "001"))
        fresh = catalog.new_resource(name, cls)
        resource = replace(
            fresh, code=catalog.next_code(self.unit_code, cls),
            data_items=(DataItem("统一社会信用代码", "C", 18),), **fields,
        )  # fmt: skip
        return catalog.save(resource)

    def edit(self, rid: str, changes: Mapping[str, Any]) -> None:
        self.ctx.services.catalog.edit(rid, dict(changes))

    def resource(self, rid: str) -> Resource:
        found = self.ctx.services.catalog.get(rid)
        assert found is not None, rid
        return found

    def waiting(self) -> dict[str, int]:
        with self.ctx.database.read() as session:
            counts = OutboxRepository(session).count_by_status()
        return {k: v for k, v in counts.items() if k != OutboxStatus.DONE.value and v}


def server_resources(platform: Platform, username: str) -> dict[str, dict[str, Any]]:
    """The unit's live resources as the platform lists them (read directly, not via a PC)."""
    api = platform.login(username)
    items: dict[str, dict[str, Any]] = {}
    cursor = None
    while True:
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = api.get("/catalog/resources", params=params).json()
        items.update({r["id"]: r for r in page["items"]})
        cursor = page["next_cursor"]
        if not cursor:
            return items


def platform_duplicates(platform: Platform) -> list[tuple[str, str, int]]:
    """(unit, code, count) of every code held more than once by a unit's live resources."""
    path = platform.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(
            "SELECT unit_code, code, COUNT(*) FROM resources WHERE NOT deleted AND code != ''"
            " GROUP BY unit_code, code HAVING COUNT(*) > 1"
        ).fetchall()


def assert_sound(
    platform: Platform, pc: OfficerPc, edits: Edits, *, converged: bool = True
) -> None:
    """SYNC.md's after-every-case checks. `edits`: what the officer set, by resource; with
    `converged`, the platform must hold it too and nothing may wait in the outbox."""
    duplicates = platform_duplicates(platform)
    assert duplicates == [], duplicates
    for rid, fields in edits.items():
        mine = pc.resource(rid)
        assert {k: getattr(mine, k) for k in fields} == dict(fields), rid
    if converged:
        held = server_resources(platform, pc.username)
        for rid, fields in edits.items():
            assert rid in held, rid
            assert {k: held[rid][k] for k in fields} == dict(fields), rid
        assert pc.waiting() == {}
    pc.close()
    checked = govshare("db", "check", "--home", str(pc.home))
    assert checked.returncode == 0, checked.stdout + checked.stderr
