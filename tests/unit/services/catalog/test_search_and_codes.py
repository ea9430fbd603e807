"""Catalog search (Chinese substrings, short queries, filters) and code assignment."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.services.catalog.resources import CatalogService

CLS = Classification("3", "01", "001")


@pytest.fixture
def catalog(home: Path) -> Iterator[CatalogService]:
    ctx = AppContext.open(home)
    yield ctx.services.catalog
    ctx.close()


def add(
    catalog: CatalogService,
    name: str,
    abstract: str = "",
    items: tuple[str, ...] = (),
    **kw: object,
) -> Resource:
    unit_code = str(kw.pop("unit_code", "U1"))
    resource = Resource(
        name=name,
        unit_code=unit_code,
        classification=CLS,
        code=catalog.next_code(unit_code, CLS),
        abstract=abstract,
        data_items=tuple(DataItem(n) for n in items),
        **kw,  # type: ignore[arg-type]
    )
    return catalog.save(resource)


def names(resources: list[Resource]) -> list[str]:
    return sorted(r.name for r in resources)


def test_chinese_substrings_in_names_abstracts_and_items(catalog: CatalogService) -> None:
    add(catalog, "企业登记信息", "全省市场主体登记基本信息", ("统一社会信用代码", "法定代表人"))
    add(catalog, "人口基础信息", "户籍人口与流动人口", ("公民身份号码", "姓名"))
    assert names(catalog.search("登记信息")) == ["企业登记信息"]
    assert names(catalog.search("流动人口")) == ["人口基础信息"]
    assert names(catalog.search("法定代表")) == ["企业登记信息"]
    assert names(catalog.search("身份号码")) == ["人口基础信息"]
    assert catalog.search("不存在的词") == []


def test_one_and_two_character_queries_fall_back_to_like(catalog: CatalogService) -> None:
    add(catalog, "企业登记信息", items=("姓名",))
    add(catalog, "人口基础信息")
    assert names(catalog.search("人口")) == ["人口基础信息"]
    assert names(catalog.search("姓")) == ["企业登记信息"]
    assert names(catalog.search("信息")) == ["人口基础信息", "企业登记信息"]
    assert catalog.search("%") == []  # LIKE wildcards are literal


def test_filters_and_empty_query(catalog: CatalogService) -> None:
    add(catalog, "企业登记信息", share_type="unconditional")
    add(catalog, "企业年报信息", share_type="conditional", unit_code="U2")
    assert names(catalog.search("企业", SearchFilters(share_type="conditional"))) == [
        "企业年报信息"
    ]
    assert names(catalog.search("企业信息", SearchFilters(unit_code="U1"))) == []
    assert names(catalog.search("", SearchFilters(unit_code="U1"))) == ["企业登记信息"]


def test_edits_reindex_and_deletes_vanish(catalog: CatalogService) -> None:
    r = add(catalog, "企业登记信息")
    catalog.save(replace(r, name="市场主体登记信息"))
    assert catalog.search("企业登记") == []
    assert names(catalog.search("市场主体")) == ["市场主体登记信息"]
    catalog.delete(r.id)
    assert catalog.search("市场主体") == []


def test_quotes_and_fts_syntax_are_searched_literally(catalog: CatalogService) -> None:
    add(catalog, '数据"目录"汇总 AND OR NEAR')
    assert names(catalog.search('"目录"')) == ['数据"目录"汇总 AND OR NEAR']
    assert names(catalog.search("AND OR")) == ['数据"目录"汇总 AND OR NEAR']
    assert catalog.search("* NOT (") == []


def test_codes_count_up_and_are_never_reused(catalog: CatalogService) -> None:
    assert catalog.next_code("U1", CLS) == "301001/000001"
    first = add(catalog, "甲")
    second = add(catalog, "乙")
    assert (first.code, second.code) == ("301001/000001", "301001/000002")
    catalog.delete(second.id)
    assert catalog.next_code("U1", CLS) == "301001/000003"
    assert catalog.next_code("U1", Classification("1", "02", "003")) == "102003/000001"
    assert catalog.next_code("U2", CLS) == "301001/000001"


def test_a_deleted_resource_is_neither_judged_nor_overlapped_nor_published(
    catalog: CatalogService,
) -> None:
    kept = add(catalog, "企业登记信息", items=("统一社会信用代码",), open_to_society=True)
    gone = add(
        catalog,
        "纳税人信息",
        items=("统一社会信用代码",),
        unit_code="U2",
        open_to_society=True,
    )
    assert catalog.one_source()  # the two units offer the same data item
    assert set(catalog.validate_all()) == {kept.id, gone.id}
    catalog.delete(gone.id)
    assert set(catalog.validate_all()) == {kept.id}
    assert catalog.one_source() == []
    published = catalog.export_dcat()["dcat:dataset"]
    assert [d["@id"] for d in published] == [f"urn:uuid:{kept.id}"]
