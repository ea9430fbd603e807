"""The shared directory (共享目录) against the real reference platform: one unit files, the
authority files its catalog, and another unit's sync brings it into a searchable cache."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import update

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.services.catalog.derivation import SourceState
from govshare_desktop.store.models import DirectoryEntryRow
from govshare_desktop.sync.engine import Outcome
from tests.platform.conftest import Platform
from tests.sync.conftest import OpenClient
from tests.sync.support import Client


def file_catalog(platform: Platform, reviewer: str, reason: str = "") -> None:
    """The unit files its catalog on the platform and the authority files it (已备案)."""
    fid = str(uuid.uuid4())
    body = {"reason": reason} if reason else {}
    api = platform.login(reviewer)
    submitted = api.put(f"/catalog/filings/{fid}", json=body, headers={"If-None-Match": "*"})
    assert submitted.status_code == 201, submitted.text
    filed = platform.login("sjz-authority").post(f"/catalog/filings/{fid}/file")
    assert filed.status_code == 200, filed.text


def names(pc: Client, query: str = "") -> set[str]:
    return {entry.name for entry in pc.ctx.services.directory.search(query)}


def test_a_filed_catalog_reaches_another_units_cache_and_leaves_it(
    client: OpenClient, platform: Platform
) -> None:
    ga, mz = client("ga-compiler", pc="ga"), client("mz-compiler", pc="mz")
    shared = ga.new_resource(
        "流动人口居住登记信息", abstract="流动人口居住证办理信息", provider_code="11130100400002021X",
        format_category="database", share_type="unconditional", share_method="platform_database",
        update_cycle="daily",
    )  # fmt: skip
    secret = ga.new_resource("涉密人员名录", secret=True)
    assert ga.sync().outcome is Outcome.DONE
    assert mz.sync().outcome is Outcome.DONE
    assert mz.ctx.services.directory.count() == 0  # nothing filed yet

    file_catalog(platform, "ga-reviewer")
    assert mz.sync().outcome is Outcome.DONE
    assert names(mz) == {"常住人口信息", "机动车登记信息", "流动人口居住登记信息"}
    assert mz.ctx.services.directory.get(secret.id) is None  # never left the PC of its unit
    entry = mz.ctx.services.directory.get(shared.id)
    assert entry is not None
    assert (entry.unit_code, entry.unit_name, entry.superior) == ("SJZ-GA", "石家庄市公安局", False)
    assert [i.name for i in entry.resource.data_items] == ["统一社会信用代码"]
    # the catalog's search: Chinese words of any length, names, abstracts, data items
    assert names(mz, "流动人口居住") == {"流动人口居住登记信息"}
    assert names(mz, "人口") == {"常住人口信息", "流动人口居住登记信息"}
    assert names(mz, "号牌号码") == {"机动车登记信息"}
    assert {e.name for e in mz.ctx.services.directory.search("", unit_code="SJZ-MZ")} == set()
    assert ga.sync().outcome is Outcome.DONE
    assert ga.ctx.services.directory.get(shared.id) is None  # its own catalog, not its directory

    ga.ctx.services.catalog.delete(shared.id)  # withdrawn: out of the directory at once
    assert ga.sync().outcome is Outcome.DONE
    assert mz.sync().outcome is Outcome.DONE
    assert mz.ctx.services.directory.get(shared.id) is None
    assert names(mz, "流动人口") == set()


def test_a_resync_rebuilds_the_cache(client: OpenClient, faults: Platform) -> None:
    file_catalog(faults, "mz-reviewer")
    scjg = client("scjg-compiler", pc="scjg")
    assert scjg.sync().outcome is Outcome.DONE
    held = {e.id: e.version for e in scjg.ctx.services.directory.list_entries()}
    assert {e.unit_code for e in scjg.ctx.services.directory.list_entries()} >= {"SJZ-MZ"}
    some = next(iter(held))
    with scjg.ctx.database.write() as session:  # a cache gone wrong
        session.execute(update(DirectoryEntryRow).where(DirectoryEntryRow.id == some).values(
            name="错误的名称", version=99))  # fmt: skip
    faults.fault(action="rotate_epoch")
    report = scjg.sync()
    assert report.outcome is Outcome.DONE, report.message
    assert report.pull.resynced
    assert {e.id: e.version for e in scjg.ctx.services.directory.list_entries()} == held
    assert "错误的名称" not in names(scjg)
    assert names(scjg, "错误") == set()


def test_a_unit_derives_from_its_superiors_filed_catalog(
    client: OpenClient, platform: Platform
) -> None:
    file_catalog(platform, "sjz-reviewer")
    file_catalog(platform, "ga-reviewer", "补充备案。")
    mz = client("mz-compiler", pc="mz2")
    assert mz.sync().outcome is Outcome.DONE
    superior = [e for e in mz.ctx.services.directory.list_entries() if e.superior]
    assert {e.name for e in superior} == {"人口基础信息", "法人单位基础信息", "电子证照目录信息"}
    source = next(e for e in superior if e.name == "人口基础信息")
    before = len(mz.ctx.services.catalog.list_resources(mz.unit_code))
    (derived,) = mz.ctx.services.derivation.derive_from_directory([source.id], mz.unit_code)
    assert (derived.source_resource_id, derived.source_version) == (source.id, source.version)
    assert derived.unit_code == "SJZ-MZ" and derived.code.startswith("101001/")
    assert [i.name for i in derived.data_items][:2] == ["公民身份号码", "姓名"]
    assert mz.sync().outcome is Outcome.DONE  # sent, and the platform's copy comes back
    kept = mz.resource(derived.id)
    assert (kept.source_resource_id, kept.source_version) == (source.id, source.version)
    states = mz.ctx.services.derivation.source_states(mz.unit_code)
    assert states[derived.id] is SourceState.CURRENT

    other = next(e for e in mz.ctx.services.directory.list_entries() if e.unit_code == "SJZ-GA")
    with pytest.raises(KnownError) as refused:  # not the superior's: not derived from
        mz.ctx.services.derivation.derive_from_directory([other.id], mz.unit_code)
    assert refused.value.code is ErrorCode.DERIVE_NOT_SUPERIOR
    assert len(mz.ctx.services.catalog.list_resources(mz.unit_code)) == before + 1
