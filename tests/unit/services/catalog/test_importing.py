"""Importing workbooks into a real store: all or nothing, re-imports update, the outbox fills."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text, update

from govshare_desktop.app.context import AppContext
from govshare_desktop.assets import i18n_dir
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.errors import Cancelled, ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text
from govshare_desktop.domain.progress import CancelToken, Progress
from govshare_desktop.domain.ts_catalog import TsCatalog
from govshare_desktop.store.models import AuditEventRow, ResourceRow, SyncOutboxRow
from govshare_desktop.store.repositories.outbox import OutboxRepository

LO = Path(__file__).resolve().parents[3] / "data" / "excel" / "lo"


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    context = AppContext.open(home)
    yield context
    context.close()


def _count(ctx: AppContext, model: type) -> int:
    with ctx.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_clean_workbook_is_stored_with_one_import_batch_op(ctx: AppContext) -> None:
    report = ctx.services.catalog_import.run(LO / "merged_clean.xlsx")
    assert (report.ok, report.stored, report.new, report.changed) == (True, True, 4, 0)
    resources = ctx.services.catalog.list_resources()
    assert len(resources) == 4
    assert sum(len(r.data_items) for r in resources) == 12
    with ctx.database.read() as session:
        ops = session.scalars(select(SyncOutboxRow)).all()
        assert [op.op for op in ops] == ["import_batch"]  # SYNC.md: one op for the import
        payload = json.loads(ops[0].payload_json)
        assert payload == {"file": "merged_clean.xlsx", "sha256": report.sha256}
        # secret (涉密) resources never leave the PC: the batch leaves them out
        carried = OutboxRepository(session).batch_ids(ops[0].seq)
        assert sorted(carried) == sorted(r.id for r in resources if not r.secret)
        assert len(carried) == 3
        assert session.scalar(select(AuditEventRow.action)) == "catalog.import"
    some_item = resources[0].data_items[-1].name
    assert resources[0].id in {r.id for r in ctx.services.catalog.search(some_item)}


def test_an_edit_after_the_import_is_carried_by_its_batch_until_the_batch_is_tried(
    ctx: AppContext,
) -> None:
    """The unsent batch is the create: it absorbs edits (create + patch → create). Once it
    has been tried it is frozen, and the next edit is a patch, never a second create."""
    ctx.services.catalog_import.run(LO / "merged_clean.xlsx")
    imported = next(r for r in ctx.services.catalog.list_resources() if not r.secret)
    ctx.services.catalog.save(replace(imported, abstract="导入后改过的摘要"))
    with ctx.database.read() as session:
        assert OutboxRepository(session).ops_for(imported.id) == [("import_batch", "pending")]
    with ctx.database.write() as session:
        session.execute(update(SyncOutboxRow).values(attempts=1, status="in_flight"))
    ctx.services.catalog.save(replace(imported, abstract="再次修改的摘要"))
    with ctx.database.read() as session:
        ops = session.execute(
            select(SyncOutboxRow.op, SyncOutboxRow.payload_json).order_by(SyncOutboxRow.seq)
        ).all()
    assert [op for op, _ in ops] == ["import_batch", "patch"]
    assert json.loads(ops[1][1]) == {"abstract": "再次修改的摘要"}


def test_the_status_bar_counts_each_imported_resource_as_a_change(ctx: AppContext) -> None:
    ctx.services.catalog_import.run(LO / "merged_clean.xlsx")
    assert ctx.services.status.snapshot().pending_changes == 3  # 4 resources, one of them secret
    imported = [r for r in ctx.services.catalog.list_resources() if not r.secret]
    ctx.services.catalog.save(replace(imported[0], abstract="导入后改过的摘要"))
    assert ctx.services.status.snapshot().pending_changes == 3  # carried by the batch
    ctx.services.catalog.delete(imported[1].id)
    assert ctx.services.status.snapshot().pending_changes == 2  # never sent: nothing to say


def test_imported_ids_are_ordered_as_the_rows(ctx: AppContext) -> None:
    """Time-ordered ids keep the store's indexes appending (domain.entities.new_ids)."""
    report = ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx")
    assert report.stored
    with ctx.database.read() as session:
        rows = session.execute(text("SELECT id FROM resources ORDER BY rowid")).scalars().all()
    resource_ids = list(rows)  # inserted in the workbook's row order
    assert len(resource_ids) == 5
    assert resource_ids == sorted(resource_ids)
    assert {uuid.UUID(i).version for i in resource_ids} == {7}


def test_reimport_is_unchanged_then_changes_only_what_changed(
    ctx: AppContext, tmp_path: Path
) -> None:
    ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx")
    ops_before = _count(ctx, SyncOutboxRow)
    again = ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx")
    assert (again.new, again.changed, again.unchanged) == (0, 0, 5)
    assert again.imported_before is not None
    assert _count(ctx, SyncOutboxRow) == ops_before

    edited = tmp_path / "edited.xlsx"
    book = load_workbook(LO / "two_sheet_clean.xlsx")
    sheet = book["信息资源"]
    name_col = next(c.column for c in sheet[1] if c.value and "名称" in str(c.value))
    code_col = next(
        c.column
        for c in sheet[1]
        if c.value and "代码" in str(c.value) and "提供方" not in str(c.value)
    )
    sheet.cell(2, name_col).value = "改过的名称"
    code = sheet.cell(2, code_col).value
    book.save(edited)
    before = ctx.services.catalog.find(code)
    assert before is not None

    report = ctx.services.catalog_import.run(edited, update_existing=True)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 4)
    after = ctx.services.catalog.find(code)
    assert after is not None and after.name == "改过的名称"
    assert after.id == before.id
    assert [i.id for i in after.data_items] == [i.id for i in before.data_items]


def test_columns_the_workbook_lacks_keep_their_stored_values(ctx: AppContext) -> None:
    ctx.services.catalog_import.run(LO / "merged_clean.xlsx")
    first = ctx.services.catalog.list_resources()[0]
    ctx.services.catalog.save(replace(first, one_source_note="与公安厅数据同源，已说明"))
    report = ctx.services.catalog_import.run(LO / "merged_clean.xlsx")
    assert report.unchanged == 4
    kept = ctx.services.catalog.get(first.id)
    assert kept is not None and kept.one_source_note == "与公安厅数据同源，已说明"


@pytest.mark.parametrize("name", ["merged_defects", "two_sheet_defects"])
def test_a_workbook_with_errors_stores_nothing(ctx: AppContext, name: str) -> None:
    report = ctx.services.catalog_import.run(LO / f"{name}.ods")
    assert not report.ok and not report.stored
    assert _count(ctx, ResourceRow) == 0
    assert _count(ctx, SyncOutboxRow) == 0


def test_dry_run_counts_but_stores_nothing(ctx: AppContext) -> None:
    report = ctx.services.catalog_import.run(LO / "merged_clean.xls", dry_run=True)
    assert (report.ok, report.stored, report.new) == (True, False, 4)
    assert _count(ctx, ResourceRow) == 0
    assert _count(ctx, AuditEventRow) == 0


def test_cancel_while_storing_leaves_the_store_as_it_was(ctx: AppContext) -> None:
    token = CancelToken()

    def sink(done: int, total: int, phase: str) -> None:
        if phase == "store":
            token.cancel()

    with pytest.raises(Cancelled):
        ctx.services.catalog_import.run(LO / "merged_clean.xlsx", progress=Progress(sink, token))
    assert _count(ctx, ResourceRow) == 0


def test_a_code_held_read_only_for_another_unit_is_refused(ctx: AppContext) -> None:
    ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx")
    resource = ctx.services.catalog.list_resources()[0]
    with ctx.database.write() as session:
        session.get(ResourceRow, resource.id).sync_state = "read_only"  # type: ignore[union-attr]
    report = ctx.services.catalog_import.run(LO / "two_sheet_clean.xlsx")
    assert [f.code for f in report.errors] == ["code_not_ours"]
    assert report.errors[0].params == {"value": resource.code}
    kept = ctx.services.catalog.get(resource.id)
    assert kept == resource


# ------------------------------------------------------------------ existing resources
def typed_by_hand(ctx: AppContext) -> Resource:
    """农村特困人员供养信息 as the editor creates it: the first free code under 3/01/001, the
    very code the template's first example row (and merged_clean's 企业登记基本信息) uses."""
    catalog = ctx.services.catalog
    classification = Classification("3", "01", "001")
    code = catalog.next_code("", classification)
    assert code == "301001/000001"
    return catalog.save(
        Resource(
            name="农村特困人员供养信息", unit_code="", classification=classification, code=code,
            abstract="全县农村特困人员的供养情况", update_cycle="monthly",
            data_items=(DataItem("姓名", "C", 50), DataItem("供养方式", "C", 20)),
        )
    )  # fmt: skip


def outbox(ctx: AppContext) -> list[tuple[str, str, dict[str, object], list[str]]]:
    """Every op with its payload and the entities it speaks for, in send order."""
    with ctx.database.read() as session:
        rows = session.scalars(select(SyncOutboxRow).order_by(SyncOutboxRow.seq)).all()
        repo = OutboxRepository(session)
        return [(r.op, r.status, json.loads(r.payload_json), repo.batch_ids(r.seq)) for r in rows]


def test_a_row_that_would_overwrite_a_resource_is_refused_as_code_taken(ctx: AppContext) -> None:
    """The reported case: the officer's own resource under the template's first code; a
    workbook's row with that code and another name. Without consent, nothing is stored."""
    mine = typed_by_hand(ctx)
    queued = outbox(ctx)
    report = ctx.services.catalog_import.run(LO / "merged_clean.xlsx")
    assert (report.ok, report.stored, report.import_id) == (False, False, None)
    (taken,) = report.errors
    assert (taken.code, taken.cell, taken.row) == ("code_taken", "G5", 5)
    assert taken.sheet == "信息资源目录"
    assert taken.params == {
        "value": "301001/000001", "name": "农村特困人员供养信息", "new_name": "企业登记基本信息"
    }  # fmt: skip
    assert ctx.services.catalog.list_resources() == [mine]
    assert outbox(ctx) == queued
    assert _count(ctx, AuditEventRow) == 1  # the officer's save; no import


def test_the_preview_shows_every_change_with_the_name_before_and_after(ctx: AppContext) -> None:
    mine = typed_by_hand(ctx)
    report = ctx.services.catalog_import.run(
        LO / "merged_clean.xlsx", dry_run=True, update_existing=True
    )
    assert (report.ok, report.new, report.changed, report.unchanged) == (True, 3, 1, 0)
    (change,) = report.changes
    assert (change.resource_id, change.code, change.row) == (mine.id, "301001/000001", 5)
    assert (change.name_before, change.name_after) == ("农村特困人员供养信息", "企业登记基本信息")
    assert change.renamed and not change.revived
    assert report.renamed == (change,) and report.overwrites == (change,)
    fields = {f.field: (f.old, f.new) for f in change.fields}
    assert fields["abstract"] == ("全县农村特困人员的供养情况", "本单位企业登记基本信息，按月汇总。")  # fmt: skip
    assert fields["update_cycle"] == ("monthly", "daily")  # codes; the screens show 每月 → 每日
    assert [f.field for f in change.fields][:2] == ["name", "provider_name"]  # the editor's order
    assert change.diff.items_removed == ("姓名", "供养方式")
    assert change.diff.items_added == ("统一社会信用代码", "企业名称", "成立日期", "注册资本")
    # without consent the same dry run says the row would be refused
    refused = ctx.services.catalog_import.run(LO / "merged_clean.xlsx", dry_run=True)
    assert [f.code for f in refused.errors] == ["code_taken"]
    assert refused.changes == report.changes


def test_an_agreed_import_is_undone_as_one_step(ctx: AppContext) -> None:
    """Consent given: the resource is updated, three are created. Undo gives the officer's
    resource back exactly, deletes the three (their batch is dropped: nothing is sent),
    and leaves the outbox as it was."""
    mine = typed_by_hand(ctx)
    queued = outbox(ctx)
    service = ctx.services.catalog_import
    report = service.run(LO / "merged_clean.xlsx", update_existing=True)
    assert (report.stored, report.new, report.changed) == (True, 3, 1)
    assert report.import_id is not None and service.latest_import() == report.import_id
    updated = ctx.services.catalog.get(mine.id)
    assert updated is not None and updated.name == "企业登记基本信息"
    assert [op for op, *_ in outbox(ctx)] == ["create", "import_batch"]

    done = service.undo(report.import_id)
    assert (done.deleted, done.restored, done.file) == (1 + 2, 1, "merged_clean.xlsx")
    assert ctx.services.catalog.list_resources() == [mine]
    assert ctx.services.catalog.get_tracked(mine.id).envelope.sync_state == "pending"  # type: ignore[union-attr]
    assert outbox(ctx) == queued  # the create carries my resource again; no batch
    assert ctx.services.status.snapshot().pending_changes == 1
    with ctx.database.read() as session:
        actions = session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.seq)).all()
    assert actions[-2:] == ["catalog.import", "catalog.import.undo"]
    with pytest.raises(KnownError) as gone:
        service.undo(report.import_id)
    assert gone.value.code is ErrorCode.IMPORT_UNDO_GONE
    again = service.run(LO / "merged_clean.xlsx", dry_run=True, update_existing=True)
    assert again.imported_before is None  # it was taken back


def test_undo_is_refused_once_the_import_batch_was_tried(ctx: AppContext) -> None:
    service = ctx.services.catalog_import
    report = service.run(LO / "merged_clean.xlsx")
    assert report.stored and report.import_id is not None
    with ctx.database.write() as session:  # a push began sending it
        session.execute(update(SyncOutboxRow).values(attempts=1, status="in_flight"))
    with pytest.raises(KnownError) as refused:
        service.undo(report.import_id)
    assert refused.value.code is ErrorCode.IMPORT_UNDO_SYNCED
    assert refused.value.params["file"] == "merged_clean.xlsx"
    assert "企业登记基本信息" in refused.value.params["names"]
    assert ctx.services.catalog.count() == 4  # nothing taken back
    chinese = TsCatalog.load(i18n_dir() / "govshare_zh_CN.ts").translate
    assert "平台" in error_text(refused.value, chinese)


def test_undo_is_refused_once_the_platform_confirmed_a_changed_resource(ctx: AppContext) -> None:
    mine = typed_by_hand(ctx)
    service = ctx.services.catalog_import
    report = service.run(LO / "merged_clean.xlsx", update_existing=True)
    assert report.import_id is not None
    with ctx.database.write() as session:  # the create carrying the import went, version 1
        session.execute(update(SyncOutboxRow).values(attempts=1, status="done"))
        session.get(ResourceRow, mine.id).server_version = 1  # type: ignore[union-attr]
    with pytest.raises(KnownError) as refused:
        service.undo(report.import_id)
    assert refused.value.code is ErrorCode.IMPORT_UNDO_SYNCED


def test_undo_never_overwrites_a_later_edit(ctx: AppContext) -> None:
    """An edit of a field the import set blocks the undo (named); taken back, it no longer
    does; an edit of a field the import left alone is kept through the undo."""
    mine = typed_by_hand(ctx)
    catalog, service = ctx.services.catalog, ctx.services.catalog_import
    report = service.run(LO / "merged_clean.xlsx", update_existing=True)
    assert report.import_id is not None
    imported = catalog.get(mine.id)
    assert imported is not None
    catalog.edit(mine.id, {"abstract": "导入后改过的摘要"})
    with pytest.raises(KnownError) as refused:
        service.undo(report.import_id)
    assert refused.value.code is ErrorCode.IMPORT_UNDO_EDITED
    assert refused.value.params["names"] == "“企业登记基本信息”"
    assert catalog.get(mine.id).abstract == "导入后改过的摘要"  # type: ignore[union-attr]

    catalog.edit(mine.id, {"abstract": imported.abstract})  # Ctrl+Z of that edit
    catalog.edit(mine.id, {"one_source_note": "与民政局数据同源"})  # a field the import left
    service.undo(report.import_id)
    restored = catalog.get(mine.id)
    assert restored == replace(mine, one_source_note="与民政局数据同源")


def test_a_created_resource_edited_since_blocks_the_undo_until_taken_back(
    ctx: AppContext,
) -> None:
    catalog, service = ctx.services.catalog, ctx.services.catalog_import
    report = service.run(LO / "two_sheet_clean.xlsx")
    assert report.import_id is not None
    first = catalog.list_resources()[0]
    catalog.edit(first.id, {"name": "人口基本信息（改）"})
    with pytest.raises(KnownError) as refused:
        service.undo(report.import_id)
    assert refused.value.code is ErrorCode.IMPORT_UNDO_EDITED
    assert "人口基本信息（改）" in refused.value.params["names"]
    catalog.edit(first.id, {"name": first.name})
    assert service.undo(report.import_id).deleted == 5
    assert catalog.count() == 0
    assert outbox(ctx) == []


def test_an_import_can_be_undone_after_a_restart(home: Path) -> None:
    """The record is stored with the import: a closed (or crashed) app can still undo it."""
    ctx = AppContext.open(home)
    try:
        mine = typed_by_hand(ctx)
        report = ctx.services.catalog_import.run(LO / "merged_clean.ods", update_existing=True)
        assert report.stored
    finally:
        ctx.close()
    ctx = AppContext.open(home)
    try:
        latest = ctx.services.catalog_import.latest_import()
        assert latest == report.import_id
        ctx.services.catalog_import.undo(latest)
        assert ctx.services.catalog.list_resources() == [mine]
    finally:
        ctx.close()


def test_a_deleted_resource_revived_by_an_import_is_deleted_again_by_its_undo(
    ctx: AppContext,
) -> None:
    """A tombstone's code comes back in a workbook: not an overwrite (no consent needed), but
    shown as revived; the undo deletes it again with its old content."""
    catalog, service = ctx.services.catalog, ctx.services.catalog_import
    mine = typed_by_hand(ctx)
    catalog.delete(mine.id)
    report = service.run(LO / "merged_clean.xlsx")
    assert (report.ok, report.stored, report.changed, report.new) == (True, True, 1, 3)
    (change,) = report.changes
    assert change.revived and not change.renamed and report.overwrites == ()
    assert catalog.find("301001/000001") is not None
    assert report.import_id is not None
    service.undo(report.import_id)
    assert catalog.count() == 0
    tracked = catalog.get_tracked(mine.id)
    assert tracked is not None and tracked.envelope.deleted and tracked.content == mine
    assert outbox(ctx) == []
