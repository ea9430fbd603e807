"""备案: submit a valid catalog, the authority files or returns it, edits make the next version."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import CatalogVersionState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.services.catalog.filing import DRAFT
from govshare_desktop.store.models import SyncOutboxRow

UNIT = "130000-SCJ"


def valid(name: str, seq: int, **changes: object) -> Resource:
    cls = Classification("3", "01", "001")
    base = Resource(
        name=name, unit_code=UNIT, classification=cls, code=f"301001/{seq:06d}",
        provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
        abstract=f"{name}摘要", format_category="database", share_type="unconditional",
        open_to_society=False, update_cycle="daily",
        data_items=(DataItem("统一社会信用代码", "C", 18),),
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    context = AppContext.open(home)
    yield context
    context.close()


def test_the_whole_filing_flow(ctx: AppContext) -> None:
    first = ctx.services.catalog.save(valid("企业登记信息", 1))
    ctx.services.catalog.save(
        valid("涉密名录", 2, secret=True, share_type="not_shared", legal_basis="保密法")
    )
    assert ctx.services.filing.status(UNIT).can_submit

    v1 = ctx.services.filing.submit(UNIT)
    assert (v1.number, v1.state) == (1, CatalogVersionState.SUBMITTED)
    with pytest.raises(KnownError) as caught:
        ctx.services.filing.submit(UNIT)
    assert caught.value.code is ErrorCode.FILING_IN_PROGRESS

    # what goes to the platform: one submit op, without the secret resource
    with ctx.database.read() as session:
        (payload,) = session.scalars(
            select(SyncOutboxRow.payload_json).where(SyncOutboxRow.op == "submit")
        ).all()
    sent = json.loads(payload)["resources"]
    assert [p["name"] for p in sent.values()] == ["企业登记信息"]

    returned = ctx.services.filing.record_decision(
        v1.id, filed=False, comment="摘要过于简单", actor="主管部门"
    )
    assert returned.state is CatalogVersionState.RETURNED
    ctx.services.catalog.edit(first.id, {"abstract": "全省企业登记基本信息，含变更与注销"})
    v2 = ctx.services.filing.submit(UNIT)
    assert v2.number == 2
    ctx.services.filing.record_decision(v2.id, filed=True, comment="同意备案", actor="主管部门")
    assert [a for a, *_ in ctx.services.filing.history(v2.id)] == ["submitted", "filed"]

    assert not ctx.services.filing.status(UNIT).can_submit  # nothing new since filing
    with pytest.raises(KnownError) as caught:
        ctx.services.filing.submit(UNIT, "机构改革")
    assert caught.value.code is ErrorCode.NOTHING_TO_FILE

    ctx.services.catalog.save(valid("企业年报信息", 3))  # after filing, edits start a new version
    status = ctx.services.filing.status(UNIT)
    assert status.draft_differs and status.reason_required
    with pytest.raises(KnownError) as caught:
        ctx.services.filing.submit(UNIT)
    assert caught.value.code is ErrorCode.FILING_REASON_REQUIRED
    v3 = ctx.services.filing.submit(UNIT, "机构改革后职责调整")
    assert (v3.number, v3.reason) == (3, "机构改革后职责调整")


def test_a_catalog_with_errors_cannot_be_filed(ctx: AppContext) -> None:
    ctx.services.catalog.save(valid("企业登记信息", 1, provider_code="91350100M000100Y44"))
    with pytest.raises(KnownError) as caught:
        ctx.services.filing.submit(UNIT)
    assert caught.value.code is ErrorCode.CATALOG_INVALID
    assert caught.value.params["errors"] == 1
    assert ctx.services.filing.versions(UNIT) == []


def test_diff_between_versions_and_the_draft(ctx: AppContext) -> None:
    kept = ctx.services.catalog.save(valid("企业登记信息", 1))
    gone = ctx.services.catalog.save(valid("企业年报信息", 2))
    ctx.services.filing.submit(UNIT)
    ctx.services.catalog.edit(
        kept.id,
        {
            "name": "市场主体登记信息",
            "data_items": (DataItem("统一社会信用代码", "C", 18), DataItem("注册资本", "Y")),
        },
    )
    ctx.services.catalog.delete(gone.id)
    ctx.services.catalog.save(valid("人口基础信息", 3))

    diff = ctx.services.filing.diff(UNIT, 1, DRAFT)
    assert [c.name for c in diff.added] == ["人口基础信息"]
    assert [c.name for c in diff.removed] == ["企业年报信息"]
    (changed,) = diff.changed
    assert [(f.field, f.old, f.new) for f in changed.fields] == [
        ("name", "企业登记信息", "市场主体登记信息")
    ]
    assert changed.items_added == ("注册资本",)
    assert ctx.services.filing.diff(UNIT, 1, 1).empty
    with pytest.raises(KnownError):
        ctx.services.filing.diff(UNIT, 1, 9)
