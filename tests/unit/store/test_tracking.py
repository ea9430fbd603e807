"""The outbox rules of tracked writes (store/tracking.py, SYNC.md), on a real SQLite store.

Each test is one officer's story; the outbox is what the platform would receive.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select, update

from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import OutboxStatus, SyncState
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.migrate import upgrade_database
from govshare_desktop.store.models import SyncConflictRow, SyncOutboxRow
from govshare_desktop.store.repositories.bulk_import import BulkResourceWriter
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.session import Database


@pytest.fixture
def published() -> list[ChangeSet]:
    return []


@pytest.fixture
def db(tmp_path: Path, published: list[ChangeSet]) -> Iterator[Database]:
    engine = make_engine(tmp_path / "t.db")
    upgrade_database(engine, tmp_path / "t.db", tmp_path / "backups")
    database = Database(engine, on_commit=published.append)
    yield database
    database.dispose()


def resource(**changes: object) -> Resource:
    base = Resource(
        name="企业登记信息",
        unit_code="U1",
        classification=Classification("3", "01", "001"),
        code="301001/000001",
        abstract="全省企业登记基本信息",
        data_items=(DataItem("统一社会信用代码", "C", 18),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def save(db: Database, r: Resource) -> Tracked[Resource]:
    with db.write() as session:
        return ResourceRepository(session).save(r)


def delete(db: Database, rid: str) -> None:
    with db.write() as session:
        ResourceRepository(session).delete(rid)


def restore(db: Database, rid: str) -> None:
    with db.write() as session:
        ResourceRepository(session).restore(rid)


def ops(db: Database, rid: str) -> list[tuple[str, str]]:
    with db.read() as session:
        return OutboxRepository(session).ops_for(rid)


def payloads(db: Database, rid: str) -> list[dict[str, object]]:
    with db.read() as session:
        return [op.payload for op in OutboxRepository(session).ops_of(rid)]


def tracked(db: Database, rid: str) -> Tracked[Resource]:
    with db.read() as session:
        found = ResourceRepository(session).get_tracked(rid)
    assert found is not None
    return found


def pending_changes(db: Database) -> int:
    with db.read() as session:
        return OutboxRepository(session).count_by_status().get("pending", 0)


def attempt_all(db: Database, *, status: str = "in_flight") -> None:
    """What the push does before it sends: every op is tried (and frozen)."""
    with db.write() as session:
        session.execute(update(SyncOutboxRow).values(attempts=1, status=status))


def acknowledge(db: Database, rid: str, version: int) -> None:
    """What the push does on a 2xx: the platform holds `version`; its ops are done."""
    with db.write() as session:
        session.execute(update(SyncOutboxRow).values(status=OutboxStatus.DONE.value))
        repo = ResourceRepository(session)
        current = repo.get(rid)
        assert current is not None
        repo.store_remote(current, version)


# ------------------------------------------------------------------ create, edit, delete
def test_a_new_resource_is_created_whole_and_its_edits_fold_into_the_create(db: Database) -> None:
    r = save(db, resource()).content
    save(db, replace(r, name="企业登记信息（新）"))
    assert ops(db, r.id) == [("create", "pending")]
    (payload,) = payloads(db, r.id)
    assert payload["name"] == "企业登记信息（新）"
    assert payload["abstract"] == "全省企业登记基本信息"  # whole, not just the change
    assert tracked(db, r.id).envelope.sync_state is SyncState.PENDING


def test_created_then_deleted_before_any_sync_sends_nothing(db: Database) -> None:
    r = save(db, resource()).content
    delete(db, r.id)
    assert ops(db, r.id) == []
    assert pending_changes(db) == 0
    gone = tracked(db, r.id)
    assert gone.envelope.deleted  # still a tombstone: its code is never handed out again
    assert gone.envelope.sync_state is SyncState.SYNCED


def test_undoing_the_delete_of_a_never_sent_resource_creates_it_again(db: Database) -> None:
    r = save(db, resource()).content
    delete(db, r.id)
    restore(db, r.id)
    assert ops(db, r.id) == [("create", "pending")]
    assert payloads(db, r.id)[0]["name"] == "企业登记信息"


def test_delete_after_a_synced_create_sends_one_delete(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    assert tracked(db, r.id).envelope.sync_state is SyncState.SYNCED
    delete(db, r.id)
    assert ops(db, r.id) == [("create", "done"), ("delete", "pending")]


def test_patch_then_delete_becomes_one_delete(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, abstract="改过的摘要"))
    assert ops(db, r.id)[-1] == ("patch", "pending")
    delete(db, r.id)
    assert ops(db, r.id) == [("create", "done"), ("delete", "pending")]


def test_undoing_a_queued_delete_sends_what_differs_from_the_platform(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, abstract="改过的摘要"))
    delete(db, r.id)
    restore(db, r.id)
    assert ops(db, r.id) == [("create", "done"), ("patch", "pending")]
    assert payloads(db, r.id)[-1] == {"abstract": "改过的摘要"}  # the edit is not lost


def test_an_attempted_op_is_frozen_and_later_edits_get_their_own(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    frozen = payloads(db, r.id)[0]
    save(db, replace(r, abstract="新的摘要"))
    save(db, replace(r, abstract="新的摘要", format_detail="MySQL"))
    assert ops(db, r.id) == [("create", "in_flight"), ("patch", "pending")]
    first, second = payloads(db, r.id)
    assert first == frozen
    assert second == {"abstract": "新的摘要", "format_detail": "MySQL"}  # patches merge


def test_a_delete_while_the_create_is_in_flight_is_still_sent(db: Database) -> None:
    """The platform may have the resource already: it must hear of the delete."""
    r = save(db, resource()).content
    attempt_all(db)
    delete(db, r.id)
    assert ops(db, r.id) == [("create", "in_flight"), ("delete", "pending")]


def test_a_refused_create_is_forgotten_when_the_resource_is_deleted(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db, status="failed")
    delete(db, r.id)
    assert ops(db, r.id) == []


def test_a_classification_change_carries_all_four_levels(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, classification=Classification("3", "02", "001")))
    assert payloads(db, r.id)[-1] == {
        "class_category": "3", "class_item": "02", "class_subject": "001", "class_detail": "",
    }  # fmt: skip


def test_local_notes_queue_nothing(db: Database) -> None:
    """The 一数一源 note and the derivation link are the unit's own: never sent."""
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, one_source_note="与公安厅数据同源"))
    assert ops(db, r.id) == [("create", "done")]
    assert tracked(db, r.id).envelope.sync_state is SyncState.SYNCED


# ------------------------------------------------------------------ secret (涉密)
def test_secret_resources_never_queue_anything(db: Database) -> None:
    r = save(db, resource(secret=True)).content
    save(db, replace(r, name="涉密名录"))
    delete(db, r.id)
    restore(db, r.id)
    assert ops(db, r.id) == []


def test_a_resource_made_secret_before_it_was_sent_is_never_sent(db: Database) -> None:
    r = save(db, resource()).content
    save(db, replace(r, secret=True))
    assert ops(db, r.id) == []


def test_a_synced_resource_made_secret_is_withdrawn_from_the_platform(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, secret=True, abstract="不得外传的摘要"))
    assert ops(db, r.id) == [("create", "done"), ("delete", "pending")]
    assert payloads(db, r.id)[-1] == {}  # nothing of the secret content travels


def test_a_resource_no_longer_secret_is_created_whole(db: Database) -> None:
    r = save(db, resource(secret=True)).content
    save(db, replace(r, secret=False))
    assert ops(db, r.id) == [("create", "pending")]
    assert payloads(db, r.id)[0]["data_items"]


# ------------------------------------------------------------------ an Excel import's batch
def import_batch(db: Database, *resources: Resource) -> None:
    with db.write() as session:
        BulkResourceWriter(session).insert_new(
            list(resources), {"file": "目录.xlsx", "sha256": "ab"}
        )


def test_a_batch_carries_edits_and_loses_deleted_resources(db: Database) -> None:
    a, b = resource(), resource(code="301001/000002", name="企业年报信息")
    import_batch(db, a, b, resource(code="301001/000003", secret=True))
    assert pending_changes(db) == 2  # the secret one is not in the batch
    save(db, replace(a, abstract="导入后改过的摘要"))
    assert ops(db, a.id) == [("import_batch", "pending")]
    delete(db, b.id)
    assert ops(db, b.id) == []
    assert pending_changes(db) == 1
    delete(db, a.id)
    with db.read() as session:
        assert session.scalars(select(SyncOutboxRow)).all() == []  # the empty batch is gone


def test_after_a_batch_was_tried_edits_and_deletes_get_their_own_ops(db: Database) -> None:
    a, b = resource(), resource(code="301001/000002", name="企业年报信息")
    import_batch(db, a, b)
    attempt_all(db)
    save(db, replace(a, abstract="改过的摘要"))
    delete(db, b.id)
    assert ops(db, a.id) == [("import_batch", "in_flight"), ("patch", "pending")]
    assert ops(db, b.id) == [("import_batch", "in_flight"), ("delete", "pending")]


# ------------------------------------------------------------------ remote changes
def test_a_remote_state_overwrites_a_resource_with_nothing_to_send(db: Database) -> None:
    r = save(db, resource(one_source_note="本单位的说明")).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    with db.write() as session:
        ResourceRepository(session).store_remote(replace(r, abstract="平台上的摘要"), 2)
    now = tracked(db, r.id)
    assert now.content.abstract == "平台上的摘要"
    assert now.content.one_source_note == "本单位的说明"  # the unit's own note stays
    assert (now.envelope.server_version, now.envelope.sync_state) == (2, SyncState.SYNCED)


def test_a_remote_change_to_another_field_merges_with_a_pending_edit(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, abstract="我改的摘要"))
    with db.write() as session:
        ResourceRepository(session).store_remote(replace(r, format_detail="Oracle"), 2)
    now = tracked(db, r.id)
    assert (now.content.abstract, now.content.format_detail) == ("我改的摘要", "Oracle")
    assert now.envelope.sync_state is SyncState.PENDING
    with db.read() as session:
        patch = session.scalars(select(SyncOutboxRow).where(SyncOutboxRow.op == "patch")).one()
        assert json.loads(patch.payload_json) == {"abstract": "我改的摘要"}
        assert patch.base_version == 2  # rebased onto what the platform now holds


def test_a_remote_change_to_the_same_field_is_a_conflict_not_an_overwrite(db: Database) -> None:
    r = save(db, resource()).content
    attempt_all(db)
    acknowledge(db, r.id, 1)
    save(db, replace(r, abstract="我改的摘要"))
    with db.write() as session:
        ResourceRepository(session).store_remote(replace(r, abstract="平台上的摘要"), 2)
    now = tracked(db, r.id)
    assert now.content.abstract == "我改的摘要"  # kept until the officer decides
    assert now.envelope.sync_state is SyncState.CONFLICT
    with db.read() as session:
        conflict = session.scalars(select(SyncConflictRow)).one()
        assert json.loads(conflict.fields_json) == ["abstract"]
        assert json.loads(conflict.remote_json)["abstract"] == "平台上的摘要"


# ------------------------------------------------------------------ what a write reports
def test_each_commit_reports_what_it_changed_and_a_rollback_nothing(
    db: Database, published: list[ChangeSet]
) -> None:
    r = save(db, resource()).content
    assert published[-1].ids(EntityKind.RESOURCE, action=ChangeAction.CREATED) == {r.id}
    save(db, replace(r, name="改名"))
    assert published[-1].ids(EntityKind.RESOURCE, action=ChangeAction.UPDATED) == {r.id}
    delete(db, r.id)
    assert published[-1].ids(EntityKind.RESOURCE, action=ChangeAction.DELETED) == {r.id}
    count = len(published)
    with pytest.raises(RuntimeError), db.write() as session:
        ResourceRepository(session).save(replace(r, name="不会保存"))
        raise RuntimeError("crash before commit")
    assert len(published) == count
    restore(db, r.id)
    with db.write() as session:
        ResourceRepository(session).store_remote(replace(r, abstract="平台上的"), 3)
    assert published[-1].ids(EntityKind.RESOURCE, origin=Origin.REMOTE) == {r.id}
    assert not published[-1].ids(EntityKind.RESOURCE, origin=Origin.LOCAL)
