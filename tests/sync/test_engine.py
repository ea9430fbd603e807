"""The sync engine against the real reference platform: push, pull, merge, resync, waits.

Each test is an officer's story on one or two PCs; afterwards the platform is read back
directly (never through the engine) to check what it holds.
"""

from __future__ import annotations

from pathlib import Path

from govshare_desktop.domain.conflicts import Choice, ConflictKind
from govshare_desktop.domain.enums import CatalogVersionState, SyncState
from govshare_desktop.sync.engine import Outcome
from tests.platform.conftest import Platform
from tests.sync.conftest import OpenClient

LO = Path(__file__).resolve().parents[1] / "data" / "excel" / "lo"  # LibreOffice's workbooks


def server_resources(platform: Platform, username: str = "ga-compiler") -> dict[str, dict]:
    api = platform.login(username)
    items: dict[str, dict] = {}
    cursor = None
    while True:
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = api.get("/catalog/resources", params=params).json()
        items.update({r["id"]: r for r in page["items"]})
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_a_new_resource_reaches_the_platform_once_and_comes_back_synced(
    client: OpenClient, platform: Platform
) -> None:
    pc = client()
    resource = pc.new_resource("农村特困人员供养信息", abstract="全市特困人员供养情况")
    report = pc.sync()
    assert report.outcome is Outcome.DONE, report.message
    held = server_resources(platform)
    assert held[resource.id]["name"] == "农村特困人员供养信息"
    assert held[resource.id]["version"] == 1
    tracked = pc.ctx.services.catalog.get_tracked(resource.id)
    assert tracked is not None
    assert (tracked.envelope.sync_state, tracked.envelope.server_version) == (SyncState.SYNCED, 1)
    assert pc.waiting() == {}
    # the demo catalog of the unit came down with the pull
    names = {r.name for r in pc.ctx.services.catalog.list_resources()}
    assert {"常住人口信息", "机动车登记信息", "农村特困人员供养信息"} <= names

    pc.ctx.services.catalog.edit(resource.id, {"abstract": "全市特困人员供养情况（按月）"})
    assert pc.sync().outcome is Outcome.DONE
    assert server_resources(platform)[resource.id]["abstract"] == "全市特困人员供养情况（按月）"
    assert server_resources(platform)[resource.id]["version"] == 2

    pc.ctx.services.catalog.delete(resource.id)
    assert pc.sync().outcome is Outcome.DONE
    assert resource.id not in server_resources(platform)
    assert pc.waiting() == {}


def test_a_sync_with_nothing_to_do_is_one_request(client: OpenClient) -> None:
    pc = client()
    assert pc.sync().outcome is Outcome.DONE
    pc.transport.calls.clear()
    assert pc.sync().outcome is Outcome.DONE
    assert pc.transport.calls == [("GET", "/changes")]


def test_an_edit_on_another_pc_arrives_and_merges_with_a_pending_local_edit(
    client: OpenClient, platform: Platform
) -> None:
    first, second = client(pc="pc1"), client(pc="pc2")
    resource = first.new_resource("城乡低保对象信息")
    assert first.sync().outcome is Outcome.DONE
    assert second.sync().outcome is Outcome.DONE
    assert second.resource(resource.id).name == "城乡低保对象信息"
    # both edit offline, different fields
    first.ctx.services.catalog.edit(resource.id, {"abstract": "第一台电脑写的摘要"})
    second.ctx.services.catalog.edit(resource.id, {"format_detail": "Oracle"})
    assert first.sync().outcome is Outcome.DONE
    report = second.sync()  # its patch meets version 2: 412, merged, sent again
    assert report.outcome is Outcome.DONE, report.message
    assert report.conflicts == 0
    held = server_resources(platform)[resource.id]
    assert (held["abstract"], held["format_detail"]) == ("第一台电脑写的摘要", "Oracle")
    assert first.sync().outcome is Outcome.DONE
    for pc in (first, second):
        mine = pc.resource(resource.id)
        assert (mine.abstract, mine.format_detail) == ("第一台电脑写的摘要", "Oracle")
        assert pc.waiting() == {}


def test_the_same_field_edited_on_two_pcs_is_a_conflict_never_an_overwrite(
    client: OpenClient, platform: Platform
) -> None:
    first, second = client(pc="pc1"), client(pc="pc2")
    resource = first.new_resource("最低生活保障资金发放信息")
    first.sync()
    second.sync()
    first.ctx.services.catalog.edit(resource.id, {"abstract": "第一台的摘要"})
    second.ctx.services.catalog.edit(resource.id, {"abstract": "第二台的摘要"})
    assert first.sync().outcome is Outcome.DONE
    report = second.sync()
    assert report.conflicts == 1
    assert server_resources(platform)[resource.id]["abstract"] == "第一台的摘要"
    tracked = second.ctx.services.catalog.get_tracked(resource.id)
    assert tracked is not None
    assert tracked.envelope.sync_state is SyncState.CONFLICT
    assert tracked.content.abstract == "第二台的摘要"  # kept until the officer decides


def test_an_excel_import_reaches_the_platform_resource_by_resource(
    client: OpenClient, platform: Platform
) -> None:
    pc = client()
    report = pc.ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx", unit_code=pc.unit_code)
    assert report.stored
    imported = [r for r in pc.ctx.services.catalog.list_resources(pc.unit_code) if not r.secret]
    assert pc.sync().outcome is Outcome.DONE
    held = server_resources(platform)
    for resource in imported:
        assert held[resource.id]["name"] == resource.name
    assert pc.waiting() == {}
    assert pc.sync().outcome is Outcome.DONE  # nothing sent twice
    assert len(server_resources(platform)) == len(held)


def test_a_filing_decided_while_offline_arrives_with_its_reasons(
    client: OpenClient, platform: Platform
) -> None:
    pc = client("scjg-compiler", pc="scjg")  # compiler and reviewer: may file
    pc.sync()  # the unit's demo catalog first
    version = pc.ctx.services.filing.submit(pc.unit_code, "")
    assert pc.sync().outcome is Outcome.DONE, pc.ctx.services.filing.versions(pc.unit_code)
    authority = platform.login("sjz-authority")
    answer = authority.post(
        f"/catalog/filings/{version.id}/return", json={"text": "摘要过于简单。"}
    )
    assert answer.status_code == 200, answer.text
    assert pc.sync().outcome is Outcome.DONE
    (now,) = [v for v in pc.ctx.services.filing.versions(pc.unit_code) if v.id == version.id]
    assert now.state is CatalogVersionState.RETURNED
    assert now.authority_comment == "摘要过于简单。"


def test_a_busy_platform_stops_the_cycle_and_says_when_to_come_back(
    client: OpenClient, faults: Platform
) -> None:
    pc = client()
    resource = pc.new_resource("待发送的资源")
    faults.fault(action="status", path="/api/v1/catalog/resources/*", status=503, retry_after=30)
    report = pc.sync()
    assert report.outcome is Outcome.BUSY
    assert report.retry_after is not None and report.retry_after >= 30
    assert pc.ops(resource.id) == [("create", "in_flight")] or pc.ops(resource.id)[0][0] == "create"
    assert pc.sync().outcome is Outcome.DONE  # the fault fired once
    assert resource.id in server_resources(faults)


def test_a_lost_answer_after_the_platform_committed_is_resent_and_never_duplicated(
    client: OpenClient, faults: Platform
) -> None:
    pc = client()
    resource = pc.new_resource("丢失应答的资源")
    faults.fault(action="drop", path=f"/api/v1/catalog/resources/{resource.id}", after_commit=True)
    assert pc.sync().outcome is Outcome.OFFLINE
    assert resource.id in server_resources(faults)  # the create did happen
    assert pc.sync().outcome is Outcome.DONE  # same key: the stored answer is replayed
    tracked = pc.ctx.services.catalog.get_tracked(resource.id)
    assert tracked is not None and tracked.envelope.sync_state is SyncState.SYNCED
    pc.ctx.services.catalog.edit(resource.id, {"abstract": "补上的摘要"})
    faults.fault(action="drop", path=f"/api/v1/catalog/resources/{resource.id}", after_commit=True)
    assert pc.sync().outcome is Outcome.OFFLINE
    report = pc.sync()
    assert report.outcome is Outcome.DONE and report.conflicts == 0  # no false 412
    held = server_resources(faults)[resource.id]
    assert (held["abstract"], held["version"]) == ("补上的摘要", 2)


def test_a_rotated_epoch_resyncs_and_keeps_what_waits_to_be_sent(
    client: OpenClient, faults: Platform
) -> None:
    pc = client()
    assert pc.sync().outcome is Outcome.DONE
    resource = pc.new_resource("重新同步前新建的资源")
    faults.fault(action="rotate_epoch")
    report = pc.sync()
    assert report.outcome is Outcome.DONE, report.message
    assert report.pull.resynced
    assert resource.id in server_resources(faults)
    assert pc.sync().outcome is Outcome.DONE
    assert pc.waiting() == {}


def test_no_answer_at_all_is_offline_and_nothing_is_lost(client: OpenClient) -> None:
    pc = client()
    resource = pc.new_resource("离线时新建")
    pc.transport.api = "http://127.0.0.1:9/api/v1"  # nothing listens there
    report = pc.sync()
    assert report.outcome is Outcome.OFFLINE
    assert report.retry_after is not None and report.retry_after >= 1
    assert pc.ops(resource.id)[0][0] == "create"


def test_a_conflict_resolved_field_by_field_converges_on_both_pcs(
    client: OpenClient, platform: Platform
) -> None:
    first, second = client(pc="pc1"), client(pc="pc2")
    resource = first.new_resource("临时救助对象信息")
    first.sync()
    second.sync()
    first.ctx.services.catalog.edit(
        resource.id, {"abstract": "第一台的摘要", "format_detail": "MySQL"}
    )
    second.ctx.services.catalog.edit(
        resource.id, {"abstract": "第二台的摘要", "format_detail": "Oracle"}
    )
    first.sync()
    assert second.sync().conflicts == 1
    (conflict,) = second.ctx.services.conflicts.open()
    assert conflict.name == "临时救助对象信息"
    assert set(conflict.fields) == {"abstract", "format_detail"}
    assert conflict.remote["abstract"] == "第一台的摘要"
    second.ctx.services.conflicts.resolve(
        conflict.id, {"abstract": Choice.MINE, "format_detail": Choice.THEIRS}
    )
    assert second.ctx.services.conflicts.open() == []
    assert second.sync().outcome is Outcome.DONE
    held = server_resources(platform)[resource.id]
    assert (held["abstract"], held["format_detail"]) == ("第二台的摘要", "MySQL")
    assert first.sync().outcome is Outcome.DONE
    for pc in (first, second):
        mine = pc.resource(resource.id)
        assert (mine.abstract, mine.format_detail) == ("第二台的摘要", "MySQL")
        assert pc.waiting() == {}


def test_a_resource_deleted_remotely_while_edited_here_is_the_officers_to_decide(
    client: OpenClient, platform: Platform
) -> None:
    first, second = client(pc="pc1"), client(pc="pc2")
    kept, dropped = first.new_resource("被删后保留"), first.new_resource("被删后放弃")
    first.sync()
    second.sync()
    for resource in (kept, dropped):
        first.ctx.services.catalog.delete(resource.id)
        second.ctx.services.catalog.edit(resource.id, {"abstract": "另一台电脑的修改"})
    first.sync()
    report = second.sync()
    assert report.conflicts == 2  # never re-created silently, never dropped silently
    conflicts = {c.name: c for c in second.ctx.services.conflicts.open()}
    assert {c.kind for c in conflicts.values()} == {ConflictKind.DELETED_REMOTELY}
    second.ctx.services.conflicts.let_go(conflicts["被删后放弃"].id)
    copy = second.ctx.services.conflicts.keep_as_new(conflicts["被删后保留"].id)
    assert second.sync().outcome is Outcome.DONE
    held = server_resources(platform)
    assert dropped.id not in held and kept.id not in held
    assert held[copy.id]["name"] == "被删后保留"
    assert held[copy.id]["abstract"] == "另一台电脑的修改"
    assert second.waiting() == {}
