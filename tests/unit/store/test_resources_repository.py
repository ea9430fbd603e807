"""Resources persist whole, and a save's outbox op commits in its transaction (SYNC.md).

The outbox transitions themselves are tested in test_tracking.py.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import DataType, OutboxStatus, ShareType, SyncState
from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.migrate import upgrade_database
from govshare_desktop.store.models import ResourceRow, SyncOutboxRow
from govshare_desktop.store.repositories.bulk_import import BulkResourceWriter
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.session import Database
from govshare_desktop.sync.push import content_from_wire, resource_from_wire


def resource(**changes: object) -> Resource:
    base = Resource(
        name="企业登记信息",
        unit_code="U1",
        classification=Classification("3", "01", "001"),
        code="301001/000001",
        data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("企业名称", "C", 200)),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def ops(db: Database, entity_id: str) -> list[tuple[str, str]]:
    with db.read() as session:
        return OutboxRepository(session).ops_for(entity_id)


def test_round_trip_keeps_every_field(db: Database) -> None:
    original = resource(
        related_codes=("301001/000002",), extra={"省级扩展": "是"}, open_to_society=True
    )
    with db.write() as session:
        ResourceRepository(session).save(original)
    with db.read() as session:
        loaded = ResourceRepository(session).get_tracked(original.id)
    assert loaded is not None
    assert loaded.content == original
    assert loaded.envelope.local_rev == 1
    assert loaded.envelope.sync_state is SyncState.PENDING
    assert [i.name for i in loaded.content.data_items] == ["统一社会信用代码", "企业名称"]


def test_edits_fold_into_the_unsent_op(db: Database) -> None:
    r = resource()
    with db.write() as session:
        ResourceRepository(session).save(r)
    with db.write() as session:
        ResourceRepository(session).save(replace(r, name="企业登记信息（新）"))
    assert ops(db, r.id) == [("create", "pending")]
    with db.read() as session:
        row = session.scalar(select(SyncOutboxRow))
        assert row is not None
        assert '"企业登记信息（新）"' in row.payload_json
        assert row.snapshot_rev == 2


def test_an_attempted_op_is_frozen_and_a_new_op_follows(db: Database) -> None:
    r = resource()
    with db.write() as session:
        ResourceRepository(session).save(r)
    with db.write() as session:
        session.execute(update(SyncOutboxRow).values(attempts=1))
        frozen = session.scalar(select(SyncOutboxRow.payload_json))
    with db.write() as session:
        ResourceRepository(session).save(replace(r, abstract="新的摘要"))
    assert [op for op, _ in ops(db, r.id)] == ["create", "patch"]
    with db.read() as session:
        payloads = session.scalars(
            select(SyncOutboxRow.payload_json).order_by(SyncOutboxRow.seq)
        ).all()
    assert payloads[0] == frozen
    assert "新的摘要" in payloads[1]
    assert "name" not in payloads[1]  # only the changed field travels


def test_a_resource_no_longer_secret_is_created_whole(db: Database) -> None:
    r = resource(secret=True)
    with db.write() as session:
        ResourceRepository(session).save(r)
    with db.write() as session:
        ResourceRepository(session).save(replace(r, secret=False))
    assert ops(db, r.id) == [("create", "pending")]
    with db.read() as session:
        payload = session.scalar(select(SyncOutboxRow.payload_json))
    assert payload is not None
    assert "企业登记信息" in payload
    assert "统一社会信用代码" in payload


def test_secret_resources_never_queue_anything(db: Database) -> None:
    r = resource(secret=True)
    with db.write() as session:
        ResourceRepository(session).save(r)
        ResourceRepository(session).delete(r.id)
    assert ops(db, r.id) == []


def test_a_failed_transaction_keeps_neither_edit_nor_op(db: Database) -> None:
    r = resource()
    with pytest.raises(RuntimeError), db.write() as session:
        ResourceRepository(session).save(r)
        raise RuntimeError("crash after the save, before commit")
    with db.read() as session:
        assert ResourceRepository(session).get(r.id) is None
    assert ops(db, r.id) == []


def test_delete_is_a_tombstone(db: Database) -> None:
    r = resource()
    with db.write() as session:
        ResourceRepository(session).save(r)
        session.flush()
    with db.write() as session:
        ResourceRepository(session).delete(r.id)
    with db.read() as session:
        repo = ResourceRepository(session)
        assert repo.count() == 0
        assert repo.list_live("U1") == []
        tomb = repo.get_tracked(r.id)
        assert tomb is not None
        assert tomb.envelope.deleted
        assert tomb.content == r  # the row and its content stay


def test_data_items_are_replaced_in_order(db: Database) -> None:
    r = resource()
    with db.write() as session:
        ResourceRepository(session).save(r)
    reordered = replace(r, data_items=(r.data_items[1], DataItem("注册资本", "Y")))
    with db.write() as session:
        ResourceRepository(session).save(reordered)
    with db.read() as session:
        loaded = ResourceRepository(session).get(r.id)
    assert loaded is not None
    assert [i.name for i in loaded.data_items] == ["企业名称", "注册资本"]
    assert loaded.data_items[0].id == r.data_items[1].id


def test_a_resource_stored_in_bulk_reads_back_whole(db: Database) -> None:
    """The import's bulk writer binds content fields straight to SQL (enums as their text,
    flags as 0/1): every field of a resource and its data items must come back."""
    full = resource(
        related_codes=("301001/000002",),
        extra={"省级扩展": "是"},
        open_to_society=True,
        data_items=(
            DataItem(
                "统一社会信用代码",
                DataType.CHAR,
                18,
                ShareType.CONDITIONAL,
                "经审批",
                True,
                "18位",
                {"required": True},
            ),
            DataItem("企业名称", "C", 200, None, "", False),
            DataItem("备注", DataType.MEMO),
        ),
    )
    with db.write() as session:
        BulkResourceWriter(session).insert_new([full], {"file": "目录.xlsx", "sha256": "ab"})
    with db.read() as session:
        loaded = ResourceRepository(session).get_tracked(full.id)
    assert loaded is not None
    assert loaded.content == full


def test_the_platforms_copy_keeps_the_derivation_link(db: Database) -> None:
    """A pull of a derived resource takes the platform's content and keeps what the platform
    never holds: the source it was derived from and that source's version (Art. 11 §3)."""
    derived = resource(source_resource_id="source-1", source_version=4, one_source_note="按上级")
    with db.write() as session:
        ResourceRepository(session).save(derived)
    server = replace(
        derived, abstract="平台上改过的摘要", source_resource_id=None, source_version=None
    )
    with db.write() as session:  # pushed: the create is done, then the platform's version 2
        session.execute(update(SyncOutboxRow).values(status=OutboxStatus.DONE.value))
        ResourceRepository(session).store_remote(derived, 1)
        ResourceRepository(session).store_remote(server, 2)
    with db.read() as session:
        held = ResourceRepository(session).get(derived.id)
    assert held is not None
    assert held.abstract == "平台上改过的摘要"
    assert (held.source_resource_id, held.source_version) == ("source-1", 4)
    assert held.one_source_note == "按上级"


def _pulled_document() -> dict[str, Any]:
    return {
        "id": "8a4f6c1e-0000-4000-8000-000000000001", "unit_code": "U1", "version": 7,
        "sequence": "000009", "code": "301001/000009", "name": "婚姻登记信息",
        "classification": {"category": "3", "item": "01", "subject": "001", "detail": "02"},
        "provider_name": "民政局", "provider_code": "11130100MB0000000X", "abstract": "摘要",
        "format_category": "database", "format_detail": "MySQL", "share_type": "conditional",
        "share_conditions": "经审批", "share_method": None, "legal_basis": "",
        "open_to_society": True, "open_conditions": "脱敏", "update_cycle": None,
        "published_on": "2024-03-01", "related_codes": ["301001/000002"],
        "created_at": "2024-03-01T08:00:00Z", "updated_by": "mz",
        "data_items": [
            {"id": "8a4f6c1e-0000-4000-8000-0000000000a1", "name": "登记日期",
             "data_type": "D", "length": None, "share_type": None, "share_conditions": "",
             "open_to_society": None, "description": "按日"},
            {"id": "8a4f6c1e-0000-4000-8000-0000000000a2", "name": "证号", "data_type": "C",
             "length": 0, "share_type": "unconditional", "share_conditions": "",
             "open_to_society": False, "description": ""},
        ],
    }  # fmt: skip


def _not_plain(document: dict[str, Any]) -> dict[str, Any]:
    """The document with values the reader converts (a length as text, a null name)."""
    document["data_items"][0]["length"] = "8"
    document["data_items"][1]["name"] = None
    document["legal_basis"] = None
    return document


def _bulk_write(session: Session, how: str, document: dict[str, Any]) -> None:
    writer = BulkResourceWriter(session)
    if how == "objects":
        writer.insert_remote([resource_from_wire(document)])
    else:  # as the pull stores a page: the content straight from the wire
        writer.insert_remote_content([(str(document["id"]), *content_from_wire(document))])


@pytest.mark.parametrize(
    ("how", "variant"),
    [("objects", "plain"), ("content", "plain"), ("content", "converted")],
)
def test_a_pulled_resource_stored_in_bulk_is_what_store_remote_leaves(
    tmp_path: Path, how: str, variant: str
) -> None:
    """A first pull writes rows straight from the wire resource (no merge, no content
    round trip, and for plain content no domain objects either): every field, the base
    and the search entry must be `store_remote`'s."""
    document = _pulled_document() if variant == "plain" else _not_plain(_pulled_document())
    bulk, one = (Database(make_engine(tmp_path / f"{n}.db")) for n in ("bulk", "one"))
    for n, database in (("bulk", bulk), ("one", one)):
        upgrade_database(database.engine, tmp_path / f"{n}.db", tmp_path / f"backups-{n}")
    with bulk.write() as session:
        _bulk_write(session, how, document)
    with one.write() as session:
        ResourceRepository(session).store_remote(*resource_from_wire(document))
    stored = []
    for database in (bulk, one):
        with database.read() as session:
            row = session.get(ResourceRow, document["id"])
            assert row is not None
            stored.append(
                (
                    ResourceRepository(session).get_tracked(str(document["id"])),
                    json.loads(row.base_json or ""),
                    [r.name for r in ResourceRepository(session).search("登记日期")],
                )
            )
        database.dispose()
    assert stored[0] == stored[1]
    assert stored[0][2] == ["婚姻登记信息"]


def _rows(database: Database, sql: str) -> list[tuple[Any, ...]]:
    with database.read() as session:
        return [tuple(r) for r in session.execute(text(sql))]


@pytest.mark.parametrize("variant", ["plain", "converted"])
def test_rows_from_the_wire_content_are_the_rows_from_the_objects(
    tmp_path: Path, variant: str
) -> None:
    """Byte for byte: every column of the resource row (its base text included), of its
    data items and of its search entry, but the times it was written."""
    document = _pulled_document() if variant == "plain" else _not_plain(_pulled_document())
    found = []
    for how in ("objects", "content"):
        database = Database(make_engine(tmp_path / f"{how}.db"))
        upgrade_database(database.engine, tmp_path / f"{how}.db", tmp_path / f"backups-{how}")
        with database.write() as session:
            _bulk_write(session, how, document)
        written = [str(c[1]) for c in _rows(database, "PRAGMA table_info(resources)")]
        columns = ", ".join(c for c in written if c not in ("created_at", "updated_at"))
        found.append(
            (
                _rows(database, f"SELECT {columns} FROM resources"),
                _rows(database, "SELECT * FROM data_items ORDER BY position"),
                _rows(database, "SELECT * FROM resource_search"),
            )
        )
        database.dispose()
    assert found[0] == found[1]
    assert len(found[0][1]) == 2


def _cache_size(session: Session) -> int:
    return int(session.execute(text("PRAGMA cache_size")).scalar_one())


def test_a_pulls_pages_keep_the_large_page_cache_until_the_last(db: Database) -> None:
    """Shrinking the cache after every page dropped the pages the next one needs again
    (a first pull's connection is the same page after page): it stays large while more
    pages come, and the last page (even one with no new resource) gives it back."""
    document = _pulled_document()
    with db.write() as session:
        default = _cache_size(session)
        writer = BulkResourceWriter(session, more_to_come=True)
        writer.insert_remote_content([(str(document["id"]), *content_from_wire(document))])
        assert _cache_size(session) < default  # negative: KiB, here more of them
        BulkResourceWriter(session).insert_remote_content([])  # the last page, none new
        assert _cache_size(session) == default
    with db.write() as session:
        other = {**_pulled_document(), "id": "8a4f6c1e-0000-4000-8000-000000000002"}
        other["data_items"] = []
        BulkResourceWriter(session).insert_remote_content(
            [(str(other["id"]), *content_from_wire(other))]
        )
        assert _cache_size(session) == default
