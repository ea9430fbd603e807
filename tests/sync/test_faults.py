"""SYNC.md's fault cases on the product's own path: a data directory signed in with the
product's sign-in, `ctx.services.sync.run_once()` (or `govshare sync --once`), the real
reference platform on 127.0.0.1 with its fault switch, and a front that loses answers
(tests/support/proxy.py). Every case ends with `assert_sound`: no resource twice on the
platform, every edit the officer made still there, `govshare db check` clean.

Waits are checked as the figures the results ask for, requests as counted by the front:
no wall clock anywhere.
"""

from __future__ import annotations

import signal
import threading
from dataclasses import replace
from functools import partial
from typing import Any

import pytest

from govshare_desktop.app.platform_access import SettingsPlatformAccess
from govshare_desktop.domain.conflicts import Choice
from govshare_desktop.domain.entities import Classification
from govshare_desktop.domain.enums import CatalogVersionState, SyncState
from govshare_desktop.domain.sync_result import SyncOutcome
from govshare_desktop.platform.network import NetworkConfig
from govshare_desktop.sync import backoff
from govshare_desktop.sync.checkpoints import AFTER_BEGIN, AFTER_REPLY, BEFORE_PAGE, ENV
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc, assert_sound, govshare, server_resources

RESOURCES = "/api/v1/catalog/resources/*"
CHANGES = "/api/v1/changes"


def state(pc: OfficerPc, rid: str) -> SyncState:
    tracked = pc.ctx.services.catalog.get_tracked(rid)
    assert tracked is not None
    return tracked.envelope.sync_state


def ready(officer: OpenOfficer, username: str = "ga-compiler", pc: str = "pc1") -> OfficerPc:
    """A signed-in PC that has taken in its unit's catalog (so new codes are free ones)."""
    opened = officer(username, pc)
    assert opened.sync().complete
    return opened


@pytest.fixture
def worst_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Full jitter at its top: each wait is exactly the backoff ceiling, so the growth the
    engine asks for is a figure to compare, not a random draw."""
    monkeypatch.setattr(
        "govshare_desktop.sync.engine.next_wait", partial(backoff.next_wait, rand=lambda: 1.0)
    )


def ceiling(failures: int, retry_after: float | None) -> float:
    wait = min(backoff.CAP_S, backoff.BASE_S * 2 ** (failures - 1))
    return max(wait, retry_after or 0)


# ---------------------------------------------------------------- lost answers (cases 1, 2)
def test_answers_lost_after_the_platform_committed_a_create_and_an_update(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = ready(officer)
    resource = pc.create("应答丢失的资源")
    proxy.add("drop", f"/api/v1/catalog/resources/{resource.id}", method="PUT")
    assert pc.sync().outcome is SyncOutcome.OFFLINE
    assert resource.id in server_resources(platform, pc.username)  # the create did happen
    result = pc.sync()  # the same key: the stored answer is replayed
    assert result.complete, result
    assert state(pc, resource.id) is SyncState.SYNCED

    pc.edit(resource.id, {"abstract": "应答丢失时改的摘要"})
    proxy.add("drop", f"/api/v1/catalog/resources/{resource.id}", method="PATCH")
    assert pc.sync().outcome is SyncOutcome.OFFLINE
    result = pc.sync()
    assert result.complete and result.new_conflicts == 0, result  # no false 412
    held = server_resources(platform, pc.username)[resource.id]
    assert (held["abstract"], held["version"]) == ("应答丢失时改的摘要", 2)
    assert_sound(platform, pc, {resource.id: {"abstract": "应答丢失时改的摘要"}})


def test_a_sync_with_nothing_to_do_is_one_request(officer: OpenOfficer, proxy: Proxy) -> None:
    pc = ready(officer)
    proxy.clear()
    assert pc.sync().complete
    assert [(c.method, c.path) for c in proxy.calls] == [("GET", CHANGES)]


# ---------------------------------------------------------------- busy, down, slow, cut (15-17)
@pytest.mark.parametrize(("status", "retry_after"), [(500, None), (503, 30), (429, 5)])
@pytest.mark.usefixtures("worst_jitter")
def test_a_busy_platform_is_asked_once_a_cycle_and_the_waits_grow(
    officer: OpenOfficer, proxy: Proxy, platform: Platform, status: int, retry_after: int | None
) -> None:
    pc = ready(officer)
    first, second = pc.create("忙时新建一"), pc.create("忙时新建二")
    platform.fault(
        action="status", path=RESOURCES, status=status, retry_after=retry_after, count=None
    )
    waits, asked = [], []
    for _ in range(4):
        proxy.clear()
        result = pc.sync()
        assert result.outcome is SyncOutcome.BUSY
        assert result.pending == 2 and result.failed == 0
        waits.append(result.retry_after)
        asked.append(len(proxy.calls))
    assert asked == [1, 1, 1, 1]  # no hot loop: one refused call ends the cycle
    assert waits == [ceiling(n, retry_after) for n in range(1, 5)]
    platform.clear_faults()
    assert pc.sync().complete
    pc.reopen()  # 概览's failed syncs of 30 days are kept in the store, not in the process
    assert pc.ctx.services.overview.snapshot(findings=False).sync.failures_30d == 4
    held = server_resources(platform, pc.username)
    assert held[first.id]["name"] == "忙时新建一" and held[second.id]["name"] == "忙时新建二"
    assert_sound(
        platform, pc, {first.id: {"name": "忙时新建一"}, second.id: {"name": "忙时新建二"}}
    )


@pytest.mark.usefixtures("worst_jitter")
def test_an_unreachable_platform_is_tried_once_a_cycle_and_the_waits_grow(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = ready(officer)
    resource = pc.create("断网时新建")
    proxy.add("refuse", count=None)  # the link is down: nothing reaches the platform
    waits = []
    for _ in range(3):
        proxy.state.calls.clear()
        result = pc.sync()
        assert result.outcome is SyncOutcome.OFFLINE and result.pending == 1
        assert len(proxy.calls) == 1
        waits.append(result.retry_after)
    assert waits == [ceiling(n, None) for n in range(1, 4)]
    proxy.clear()
    assert pc.sync().complete
    # no link is the officer's situation, not a failed sync: 概览 counts none
    assert pc.ctx.services.overview.snapshot(findings=False).sync.failures_30d == 0
    assert_sound(platform, pc, {resource.id: {"name": "断网时新建"}})


def test_a_timed_out_create_the_platform_committed_later_is_not_sent_twice(
    officer: OpenOfficer, proxy: Proxy, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The platform holds on to the answer longer than the client waits (a hung link);
    after the client gave up the create lands, and the next cycle's resend is a replay."""
    network = SettingsPlatformAccess.network

    def impatient(self: SettingsPlatformAccess, url: str) -> NetworkConfig:
        return replace(network(self, url), read_timeout=1.0)

    monkeypatch.setattr(SettingsPlatformAccess, "network", impatient)
    pc = ready(officer)
    resource = pc.create("超时后才落地的资源")
    release = threading.Event()
    proxy.add("pass", f"/api/v1/catalog/resources/{resource.id}", method="PUT",
              before=partial(release.wait, 60))  # fmt: skip
    result = pc.sync()
    assert result.outcome is SyncOutcome.OFFLINE and result.pending == 1
    release.set()  # the held request reaches the platform, which commits; the answer is lost
    _wait_for_call(proxy, "PUT")
    assert resource.id in server_resources(platform, pc.username)
    # a pull page that hangs the same way: the cycle gives up, the cursor stays put
    hold = threading.Event()
    proxy.add("pass", CHANGES, method="GET", before=partial(hold.wait, 60))
    result = pc.sync()  # the create is replayed (same key), then the feed hangs
    assert result.outcome is SyncOutcome.OFFLINE and result.pending == 0
    hold.set()
    assert pc.sync().complete
    assert server_resources(platform, pc.username)[resource.id]["version"] == 1
    assert_sound(platform, pc, {resource.id: {"name": "超时后才落地的资源"}})


def _wait_for_call(proxy: Proxy, method: str) -> None:
    """Until the front has relayed a `method` call to the platform and had its answer."""
    for _ in range(3000):
        if any(c.method == method and c.status is not None for c in proxy.calls):
            return
        threading.Event().wait(0.02)  # another thread's record: polled, bounded
    raise AssertionError(f"the held {method} never reached the platform")


def test_answers_cut_short_are_as_good_as_none_and_nothing_is_applied_twice(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    writer = ready(officer, pc="writer")
    pc = ready(officer, pc="reader")
    # another classification: two PCs offline number their new codes alike (see the report)
    remote = writer.create("另一台电脑新建", classification=Classification("3", "02", "001"))
    assert writer.sync().complete
    resource = pc.create("应答被截断的资源")
    platform.fault(action="truncate", path=f"/api/v1/catalog/resources/{resource.id}")
    result = pc.sync()  # the platform committed, the answer came back half
    assert result.outcome is SyncOutcome.OFFLINE and result.pending == 1
    proxy.add("cut", CHANGES, method="GET")  # the connection lost mid-page
    result = pc.sync()
    assert result.outcome is SyncOutcome.OFFLINE and result.pending == 0
    assert pc.ctx.services.catalog.get(remote.id) is None  # no half page was applied
    assert pc.sync().complete
    assert pc.resource(remote.id).name == "另一台电脑新建"
    assert server_resources(platform, pc.username)[resource.id]["version"] == 1
    assert_sound(platform, pc, {resource.id: {"name": "应答被截断的资源"}})


def test_a_captive_portal_answering_a_create_leaves_it_waiting(
    officer: OpenOfficer, platform: Platform
) -> None:
    pc = ready(officer)
    resource = pc.create("门户页面拦截的资源")
    platform.fault(action="portal", path=f"/api/v1/catalog/resources/{resource.id}")
    result = pc.sync()
    assert result.outcome is SyncOutcome.OFFLINE and result.pending == 1
    assert resource.id not in server_resources(platform, pc.username)
    assert pc.sync().complete
    assert_sound(platform, pc, {resource.id: {"name": "门户页面拦截的资源"}})


# ---------------------------------------------------------------- 401 mid-sync (case 13)
@pytest.mark.parametrize("refresh_too", [False, True])
def test_tokens_expiring_in_the_middle_of_a_push(
    officer: OpenOfficer, proxy: Proxy, platform: Platform, refresh_too: bool
) -> None:
    pc = ready(officer)
    made = [pc.create(f"令牌过期时发送{i}") for i in range(3)]
    proxy.add("pass", RESOURCES, method="PUT")  # the first create goes through
    proxy.add("pass", RESOURCES, method="PUT",
              before=partial(platform.fault, action="expire_tokens", refresh=refresh_too))  # fmt: skip
    result = pc.sync()
    if refresh_too:  # the refresh is refused too: the cycle pauses, nothing is failed
        assert result.outcome is SyncOutcome.SIGN_IN
        assert (result.sent, result.pending, result.failed) == (1, 2, 0)
        assert pc.sync().outcome is SyncOutcome.SIGN_IN  # still waits, still nothing failed
        pc.sign_in_again()
        result = pc.sync()
    assert result.complete, result  # one refresh, and the push went on where it stopped
    held = server_resources(platform, pc.username)
    assert all(held[r.id]["version"] == 1 for r in made)
    assert_sound(platform, pc, {r.id: {"name": r.name} for r in made})


# ---------------------------------------------------------------- two PCs of a unit (5, 6)
def test_two_pcs_editing_different_fields_merge_and_the_same_field_is_the_officers(
    officer: OpenOfficer, platform: Platform
) -> None:
    first, second = ready(officer, pc="pc1"), ready(officer, pc="pc2")
    resource = first.create("两台电脑共同维护的资源")
    assert first.sync().complete and second.sync().complete
    rid = resource.id
    first.edit(rid, {"abstract": "第一台的摘要"})
    second.edit(rid, {"format_detail": "Oracle"})
    assert first.sync().complete
    result = second.sync()  # 412, merged by field, sent again on the platform's version
    assert result.complete and result.new_conflicts == 0, result
    assert first.sync().complete
    merged = {"abstract": "第一台的摘要", "format_detail": "Oracle"}

    first.edit(rid, {"update_cycle": "monthly", "abstract": "第一台又改"})
    second.edit(rid, {"update_cycle": "yearly"})
    assert first.sync().complete
    result = second.sync()
    assert (result.outcome, result.conflicts) == (SyncOutcome.DONE, 1)
    assert server_resources(platform, first.username)[rid]["update_cycle"] == "monthly"
    assert second.resource(rid).update_cycle == "yearly"  # kept until the officer decides
    (conflict,) = second.ctx.services.conflicts.open()
    assert set(conflict.fields) == {"update_cycle"}  # the abstract merged on its own
    # what the 同步 page's resolver calls when the officer keeps their own value
    second.ctx.services.conflicts.resolve(conflict.id, {"update_cycle": Choice.MINE})
    assert second.sync().complete and first.sync().complete
    final = {**merged, "abstract": "第一台又改", "update_cycle": "yearly"}
    for pc in (first, second):
        assert_sound(platform, pc, {rid: final})


# ---------------------------------------------------------------- an edit while in flight (7)
def test_an_edit_made_while_its_update_is_in_flight_is_not_lost(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = ready(officer)
    resource = pc.create("发送途中又被修改")
    assert pc.sync().complete
    rid = resource.id
    pc.edit(rid, {"abstract": "第一次修改"})
    proxy.add("pass", f"/api/v1/catalog/resources/{rid}", method="PATCH",
              before=partial(pc.edit, rid, {"format_detail": "发送途中的第二次修改"}))  # fmt: skip
    result = pc.sync()
    # the second edit became an op of its own (the first one's payload was frozen in
    # flight) and went out after it, in the same cycle; never marked synced unsent
    assert result.complete and result.sent == 2, result
    edits = {"abstract": "第一次修改", "format_detail": "发送途中的第二次修改"}
    held = server_resources(platform, pc.username)[rid]
    assert {k: held[k] for k in edits} == edits and held["version"] == 3
    assert_sound(platform, pc, {rid: edits})


def test_an_edit_made_while_its_create_is_in_flight_is_not_lost(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = ready(officer)
    resource = pc.create("新建途中又被修改")
    proxy.add("pass", f"/api/v1/catalog/resources/{resource.id}", method="PUT",
              before=partial(pc.edit, resource.id, {"abstract": "新建途中的修改"}))  # fmt: skip
    result = pc.sync()
    assert result.complete and result.sent == 2, result
    assert server_resources(platform, pc.username)[resource.id]["version"] == 2
    assert_sound(platform, pc, {resource.id: {"abstract": "新建途中的修改"}})


# ---------------------------------------------------------------- decided while offline
def test_a_filing_decided_while_the_officer_is_offline_arrives_with_its_reasons(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = ready(officer, "scjg-compiler", pc="scjg")  # compiler and reviewer: may file
    version = pc.ctx.services.filing.submit(pc.unit_code, "")
    assert pc.sync().complete
    proxy.add("refuse", count=None)  # the officer goes offline
    assert pc.sync().outcome is SyncOutcome.OFFLINE
    authority = platform.login("sjz-authority")
    answer = authority.post(
        f"/catalog/filings/{version.id}/return", json={"text": "摘要过于简单。"}
    )
    assert answer.status_code == 200, answer.text
    assert pc.sync().outcome is SyncOutcome.OFFLINE
    proxy.clear()  # back online
    assert pc.sync().complete
    (now,) = [v for v in pc.ctx.services.filing.versions(pc.unit_code) if v.id == version.id]
    assert now.state is CatalogVersionState.RETURNED
    assert now.authority_comment == "摘要过于简单。"
    assert_sound(platform, pc, {})


# ---------------------------------------------------------------- 410 resync (case 12)
def test_a_resync_keeps_the_outbox_and_sends_it_after(
    officer: OpenOfficer, platform: Platform
) -> None:
    pc = ready(officer)
    synced = pc.create("重新同步前已同步")
    assert pc.sync().complete
    fresh = pc.create("重新同步前新建")
    pc.edit(synced.id, {"abstract": "重新同步前的修改"})
    platform.fault(action="rotate_epoch")
    result = pc.sync()
    assert result.complete and result.resynced, result
    held = server_resources(platform, pc.username)
    assert held[synced.id]["abstract"] == "重新同步前的修改"
    assert held[fresh.id]["name"] == "重新同步前新建"
    assert_sound(
        platform,
        pc,
        {synced.id: {"abstract": "重新同步前的修改"}, fresh.id: {"name": "重新同步前新建"}},
    )


# ---------------------------------------------------------------- kill -9 of the CLI (3, 4, 8)
@pytest.mark.slow
@pytest.mark.parametrize(
    "kill_at",
    [
        AFTER_BEGIN,  # the update committed in flight, not sent
        AFTER_REPLY,  # the platform answered the update, nothing applied
        f"{AFTER_REPLY}:2",  # the platform answered the create, nothing applied
        BEFORE_PAGE,  # a feed page read, not applied
    ],
)
def test_govshare_sync_killed_at_a_labelled_point_converges(
    officer: OpenOfficer, platform: Platform, kill_at: str
) -> None:
    pc = ready(officer, "mz-compiler")
    synced = pc.create("被终止前已同步")
    assert pc.sync().complete
    pc.edit(synced.id, {"abstract": "终止前的修改"})
    fresh = pc.create("终止前新建")
    pc.close()
    env: dict[str, Any] = {**_environ(), ENV: kill_at}
    killed = govshare("sync", "--once", "--home", str(pc.home), env=env)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    again = govshare("sync", "--once", "--home", str(pc.home), "--json", env=_environ())
    assert again.returncode == 0, again.stdout + again.stderr
    pc.reopen()
    held = server_resources(platform, pc.username)
    assert held[synced.id]["version"] == 2  # replayed, never applied twice
    assert held[fresh.id]["version"] == 1
    assert_sound(
        platform, pc, {synced.id: {"abstract": "终止前的修改"}, fresh.id: {"name": "终止前新建"}}
    )


def _environ() -> dict[str, str]:
    import os  # noqa: PLC0415

    env = dict(os.environ)
    env.pop(ENV, None)
    return env
