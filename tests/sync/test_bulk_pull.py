"""A first sync stores the pulled resources in bulk (one multi-row INSERT per table and
page); what it leaves must be exactly what `ResourceRepository.store_remote` leaves, one
resource at a time: content, envelope, base, search entry — so every later edit, merge
and pull treats a bulk-pulled resource like any other."""

from __future__ import annotations

import json

from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.enums import SyncState
from govshare_desktop.store.models import ResourceRow
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.sync.engine import Outcome
from govshare_desktop.sync.push import resource_from_wire
from tests.platform.conftest import Platform
from tests.sync.conftest import OpenClient


def test_a_first_pull_in_bulk_stores_what_one_by_one_would(
    client: OpenClient, platform: Platform
) -> None:
    writer = client(pc="writer")
    assert writer.sync().outcome is Outcome.DONE
    for n in range(3):
        made = writer.new_resource(f"批量拉取比对{n}", abstract=f"第{n}个")
        writer.ctx.services.catalog.edit(made.id, {"format_detail": "Oracle"})
    assert writer.sync().outcome is Outcome.DONE

    bulk = client(pc="bulk")
    seen: list[ChangeSet] = []
    bulk.ctx.bus.subscribe(seen.append)
    report = bulk.sync()  # a first sync: every page goes through the bulk writer
    assert report.outcome is Outcome.DONE and report.pull.applied > 3

    documents = [
        i["data"] for i in platform.login("ga-compiler").feed_since(None)
        if i["type"] == "resource" and i["kind"] == "upsert"
    ]  # fmt: skip
    one_by_one = client(pc="one-by-one")
    latest = {str(d["id"]): d for d in documents}  # the feed's last version of each
    with one_by_one.ctx.database.write() as session:
        repo = ResourceRepository(session)
        for document in latest.values():
            repo.store_remote(*resource_from_wire(document))

    for rid in latest:
        with bulk.ctx.database.read() as a, one_by_one.ctx.database.read() as b:
            mine, theirs = (
                ResourceRepository(a).get_tracked(rid),
                ResourceRepository(b).get_tracked(rid),
            )
            assert mine == theirs, rid
            row_a, row_b = a.get(ResourceRow, rid), b.get(ResourceRow, rid)
            assert row_a is not None and row_b is not None
            assert json.loads(row_a.base_json or "") == json.loads(row_b.base_json or "")
        assert mine is not None and mine.envelope.sync_state is SyncState.SYNCED
    for pc in (bulk, one_by_one):
        found = {r.name for r in pc.ctx.services.catalog.search("比对")}
        assert found == {f"批量拉取比对{n}" for n in range(3)}
    arrived = {
        (c.id, c.action, c.origin)
        for change_set in seen for c in change_set.changes
        if c.kind is EntityKind.RESOURCE
    }  # fmt: skip
    assert {(rid, ChangeAction.CREATED, Origin.REMOTE) for rid in latest} <= arrived

    # a bulk-pulled resource edited here goes out as a patch on its version
    rid = next(r for r, d in latest.items() if d["name"] == "批量拉取比对0")
    bulk.ctx.services.catalog.edit(rid, {"abstract": "拉取后修改"})
    assert bulk.ops(rid)[-1][0] == "patch"
    assert bulk.sync().outcome is Outcome.DONE
    held = platform.login("ga-compiler").get(f"/catalog/resources/{rid}").json()
    assert (held["abstract"], held["format_detail"]) == ("拉取后修改", "Oracle")
    assert bulk.ctx.services.database.check().ok
