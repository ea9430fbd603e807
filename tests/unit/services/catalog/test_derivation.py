"""Art. 11 §3: a county unit derives its entries from its superior's catalog and sees changes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import SyncState
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.services.catalog.derivation import SourceState

CITY, COUNTY = "SJZ-SCJ", "ZD-SCJ"


def city_resource(name: str, seq: int, abstract: str = "全市数据") -> Resource:
    return Resource(
        name=name, unit_code=CITY, classification=Classification("3", "01", "001"),
        code=f"301001/{seq:06d}", provider_name="石家庄市市场监督管理局",
        provider_code="91350100M000100Y43", abstract=abstract, format_category="database",
        share_type="conditional", share_conditions="仅用于行政审批", update_cycle="daily",
        data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("企业名称", "C", 200)),
    )  # fmt: skip


@pytest.fixture
def city_file(tmp_path: Path) -> Path:
    """The superior unit's own PC exports its catalog as an exchange file."""
    ctx = AppContext.open(tmp_path / "city")
    try:
        ctx.services.catalog.save(city_resource("企业登记信息", 1))
        ctx.services.catalog.save(city_resource("企业年报信息", 2))
        ctx.services.catalog.save(replace_secret(city_resource("涉密名录", 3)))
        path = tmp_path / "city.json"
        path.write_text(
            json.dumps(ctx.services.derivation.export_document(CITY), ensure_ascii=False),
            encoding="utf-8",
        )
    finally:
        ctx.close()
    return path


def replace_secret(resource: Resource) -> Resource:
    return replace(resource, secret=True)


@pytest.fixture
def county(home: Path) -> Iterator[AppContext]:
    ctx = AppContext.open(home)
    yield ctx
    ctx.close()


def test_derive_links_to_the_source_and_notices_its_changes(
    county: AppContext, city_file: Path, tmp_path: Path
) -> None:
    loaded = county.services.derivation.load_superior(
        json.loads(city_file.read_text(encoding="utf-8"))
    )
    assert (loaded.unit_code, loaded.added, loaded.changed) == (
        CITY,
        2,
        0,
    )  # the secret one never left
    entries = county.services.derivation.entries_of(CITY)
    assert [e.name for e in entries] == ["企业登记信息", "企业年报信息"]
    assert all(e.sync_state is SyncState.READ_ONLY for e in entries)

    (derived,) = county.services.derivation.derive([entries[0].id], COUNTY)
    assert (derived.unit_code, derived.code, derived.name) == (
        COUNTY,
        "301001/000001",
        "企业登记信息",
    )
    assert derived.provider_code == ""  # the county unit provides it: to be filled in
    assert derived.source_resource_id == entries[0].id
    assert [i.name for i in derived.data_items] == ["统一社会信用代码", "企业名称"]
    assert {i.id for i in derived.data_items}.isdisjoint(
        {i.id for i in county.services.catalog.get(entries[0].id).data_items}
    )  # type: ignore[union-attr]
    assert county.services.derivation.source_states(COUNTY) == {derived.id: SourceState.CURRENT}

    # the city changes the entry and exports again; loading it again shows the change
    document = json.loads(city_file.read_text(encoding="utf-8"))
    document["resources"][entries[0].id]["abstract"] = "全市企业登记基本信息（含个体工商户）"
    again = county.services.derivation.load_superior(document)
    assert (again.added, again.changed, again.unchanged) == (0, 1, 1)
    assert county.services.derivation.source_states(COUNTY) == {derived.id: SourceState.CHANGED}
    county.services.derivation.mark_reviewed(derived.id)
    assert county.services.derivation.source_states(COUNTY) == {derived.id: SourceState.CURRENT}

    # the city withdraws the entry
    del document["resources"][entries[0].id]
    county.services.derivation.load_superior(document)
    assert county.services.derivation.source_states(COUNTY) == {derived.id: SourceState.GONE}
    assert (
        county.services.catalog.get(derived.id) is not None
    )  # the county's own entry is never touched


def test_superior_entries_are_never_sent(county: AppContext, city_file: Path) -> None:
    county.services.derivation.load_superior(json.loads(city_file.read_text(encoding="utf-8")))
    assert county.services.status.snapshot().pending_changes == 0


@pytest.mark.parametrize(
    "document",
    [[], {"kind": "other"}, {"kind": "govshare-catalog", "format": 99, "unit_code": "X", "resources": {}},
     {"kind": "govshare-catalog", "format": 1, "unit_code": "X", "resources": {"a": {"data_items": [{"length": "abc"}]}}}],
)  # fmt: skip
def test_bad_files_are_refused_and_nothing_is_stored(county: AppContext, document: object) -> None:
    with pytest.raises(KnownError):
        county.services.derivation.load_superior(document)
    assert county.services.catalog.count() == 0


def test_the_cli_round_trip(tmp_path: Path, city_file: Path, home: Path) -> None:
    def govshare(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "govshare_desktop.cli", *args, "--home", str(home)],
                              capture_output=True, text=True, timeout=60, check=False)  # fmt: skip

    loaded = govshare("catalog", "load-superior", str(city_file))
    assert loaded.returncode == 0, loaded.stderr
    assert "新增 2 条" in loaded.stdout
    derived = govshare("catalog", "derive", "301001/000002", "--unit", COUNTY)
    assert derived.returncode == 0, derived.stderr
    assert "已派生 301001/000001 企业年报信息" in derived.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    refused = govshare("catalog", "load-superior", str(broken))
    assert refused.returncode == 2
    assert "无法读取文件" in refused.stderr
