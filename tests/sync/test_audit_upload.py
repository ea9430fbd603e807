"""The audit log reaches the platform with the sync (Art. 17): sealed events after push and
pull, in batches, idempotent by event id; an answer lost on the way is resent and stores
nothing twice; events written without a keyring wait until they are sealed. Against the
real reference platform over HTTP, through the faulty front (tests/support/proxy.py)."""

from __future__ import annotations

import sqlite3

from govshare_desktop.domain.sync_result import SyncOutcome
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc

AUDIT = "/api/v1/audit-events"


def held_by_platform(platform: Platform, unit_code: str) -> dict[str, tuple[str, str]]:
    """What the platform stores, read from its own database: id → (prev_hash, hash)."""
    path = platform.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT id, prev_hash, hash FROM client_audit_events WHERE unit_code = ?",
            (unit_code,),
        )
        return {r[0]: (r[1], r[2]) for r in rows}


def local(pc: OfficerPc) -> list[tuple[str, str, bool]]:
    with sqlite3.connect(pc.home / "govshare.db") as db:
        rows = db.execute("SELECT id, mac, uploaded FROM audit_events ORDER BY seq")
        return [(r[0], r[1], bool(r[2])) for r in rows]


def view(pc: OfficerPc, times: int) -> None:
    for n in range(times):
        pc.ctx.services.audit.record("grant.view", "grant", "g-1", {"rows": n}).result()


def test_sealed_events_are_uploaded_once_with_their_chain(
    officer: OpenOfficer, platform: Platform, proxy: Proxy
) -> None:
    pc = officer("mz-requester")
    view(pc, 3)
    assert pc.sync().outcome is SyncOutcome.DONE
    events = local(pc)
    assert events and all(mac and uploaded for _id, mac, uploaded in events)
    held = held_by_platform(platform, pc.unit_code)
    prev = ""
    for event_id, mac, _uploaded in events:  # the platform's copy is the chain, link by link
        assert held[event_id] == (prev, mac)
        prev = mac
    posts = [c for c in proxy.calls if c.path == AUDIT]
    assert len(posts) == 1

    proxy.clear()
    assert pc.sync().outcome is SyncOutcome.DONE  # nothing new: no upload call at all
    assert [c for c in proxy.calls if c.path == AUDIT] == []


def test_a_lost_answer_is_resent_and_nothing_is_stored_twice(
    officer: OpenOfficer, platform: Platform, proxy: Proxy
) -> None:
    pc = officer("mz-requester", "pc2")
    view(pc, 2)
    before = len(held_by_platform(platform, pc.unit_code))
    proxy.add("drop", AUDIT, method="POST")  # the platform stores them, the answer is lost
    first = pc.sync()
    assert first.outcome is SyncOutcome.OFFLINE
    assert not any(uploaded for _id, _mac, uploaded in local(pc))  # not marked: no answer
    stored = held_by_platform(platform, pc.unit_code)
    assert len(stored) == before + len(local(pc))  # it did reach the platform

    assert pc.sync().outcome is SyncOutcome.DONE
    assert all(uploaded for _id, _mac, uploaded in local(pc))
    assert held_by_platform(platform, pc.unit_code) == stored  # the resend stored nothing
    calls = [c for c in proxy.calls if c.path == AUDIT]
    assert [c.action for c in calls] == ["drop", "pass"]
