from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.dcat import catalog_to_dcat
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.profile import load_profile

PROFILE = load_profile(profile_path("national-2017"))


def resource(**changes: object) -> Resource:
    base = Resource(
        name="企业登记信息", unit_code="U1", classification=Classification("3", "01", "001"),
        code="301001/000001", provider_name="河北省市场监督管理局",
        provider_code="91350100M000100Y43", abstract="全省企业登记基本信息",
        format_category="database", format_detail="MySQL", share_type="unconditional",
        open_to_society=True, open_conditions="注明来源", update_cycle="daily",
        published_on=date(2025, 6, 1),
        data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("成立日期", "D")),
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def test_open_resources_become_datasets() -> None:
    doc = catalog_to_dcat([resource()], PROFILE, title="开放目录", catalog_id="urn:x")
    json.dumps(doc)  # serialisable as it is
    assert doc["@type"] == "dcat:Catalog"
    assert doc["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    (dataset,) = doc["dcat:dataset"]
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["dct:identifier"] == "301001/000001"
    assert dataset["dct:title"] == {"@value": "企业登记信息", "@language": "zh-CN"}
    assert dataset["dct:publisher"]["dct:identifier"] == "91350100M000100Y43"
    assert dataset["dct:accrualPeriodicity"] == {"@id": "http://purl.org/cld/freq/daily"}
    assert dataset["dct:issued"]["@value"] == "2025-06-01"
    (distribution,) = dataset["dcat:distribution"]
    assert distribution["dct:format"] == "数据库/MySQL"
    assert (
        distribution["dct:description"]["@value"]
        == "信息项：统一社会信用代码（字符型，18）；成立日期（日期型）"
    )


def test_secret_and_closed_resources_never_appear() -> None:
    resources = [
        resource(id="a", code="301001/000001"),
        resource(id="b", code="301001/000002", secret=True),  # open flag or not: stays home
        resource(id="c", code="301001/000003", open_to_society=False),
    ]
    doc = catalog_to_dcat(resources, PROFILE, title="t", catalog_id="urn:x")
    assert [d["@id"] for d in doc["dcat:dataset"]] == ["urn:uuid:a"]
    assert "涉密" not in json.dumps(doc, ensure_ascii=False)
