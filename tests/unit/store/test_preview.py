"""The first resource read with the standard library equals what the store reads, for the
window to show while SQLAlchemy and the services load."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.resource_content import SCALARS
from govshare_desktop.store.preview import IDENTITY_KEY, first_resource
from govshare_desktop.store.repositories.identity import KEY, IdentityRepository


def every_field(unit: str, code: str) -> Resource:
    """A resource with every field set to something other than its default."""
    return Resource(
        name="企业登记信息", unit_code=unit, code=code, sequence=code[-6:],
        classification=Classification("3", "01", "001", "02"),
        provider_name="河北省市场监督管理局", provider_code="91350100M000100Y43",
        abstract="全省企业登记\n基本信息", format_category="database", format_detail="MySQL",
        share_type="conditional", share_conditions="仅用于审批", share_method="platform_interface",
        legal_basis="《条例》", open_to_society=True, open_conditions="注明来源",
        update_cycle="daily", published_on=date(2025, 6, 1), related_codes=("301001/000009",),
        secret=True, source_resource_id="src-1", source_version=3, one_source_note="与税务重叠",
        extra={"省级扩展": "是"},
        data_items=(
            DataItem("统一社会信用代码", "C", 18, share_type="unconditional",
                     share_conditions="", open_to_society=True, description="十八位",
                     extra={"k": 1}),
            DataItem("注册资本", "Y", None, open_to_society=None, description="万元"),
            DataItem("是否吊销", "L", 1, open_to_society=False),
        ),
    )  # fmt: skip


def test_it_reads_what_the_store_reads(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        assert first_resource(ctx.paths.db) is None  # an empty catalog
        catalog = ctx.services.catalog
        gone = catalog.save(every_field("U1", "301001/000001"))
        catalog.delete(gone.id)  # a tombstone is no first resource
        catalog.save(every_field("U1", "301001/000003"))
        second = catalog.save(every_field("U1", "301001/000002"))
        catalog.save(every_field("U0", "101001/000001"))  # another unit's, first by code
        with ctx.database.write() as session:
            IdentityRepository(session).put(Identity(officer="张三", unit_code="U1"))
        stored = catalog.first("U1")
        assert stored is not None and stored.id == second.id
        assert first_resource(ctx.paths.db) == stored
        blank = Resource(name="", unit_code="")
        unset = [n for n in SCALARS if getattr(stored, n) == getattr(blank, n)]
        assert unset == [], "set every field, so that the comparison covers its mapping"
    finally:
        ctx.close()


def test_without_a_signed_in_unit_it_reads_the_first_of_all(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.save(every_field("U1", "301001/000002"))
        first = ctx.services.catalog.save(every_field("U0", "101001/000001"))
        assert first_resource(ctx.paths.db) == ctx.services.catalog.first(None)
        assert ctx.services.catalog.first(None) == ctx.services.catalog.get(first.id)
    finally:
        ctx.close()


def test_it_imports_no_sqlalchemy() -> None:
    """It exists to run before SQLAlchemy has loaded; the identity key is the store's."""
    assert IDENTITY_KEY == KEY
    code = (
        "import sys, govshare_desktop.store.preview, govshare_desktop.app.gui;"
        "sys.exit('sqlalchemy' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
