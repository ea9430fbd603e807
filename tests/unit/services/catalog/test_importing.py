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
from govshare_desktop.domain.errors import Cancelled
from govshare_desktop.domain.progress import CancelToken, Progress
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

    report = ctx.services.catalog_import.run(edited)
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
