from __future__ import annotations

from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.one_source import normalise, one_source_report

CLS = Classification("3", "01", "001")


def res(name: str, provider: str, items: tuple[tuple[str, str], ...], note: str = "") -> Resource:
    return Resource(
        name=name, unit_code=provider, classification=CLS, code=f"301001/{len(name):06d}",
        provider_code=provider, provider_name=f"单位{provider}", one_source_note=note,
        data_items=tuple(DataItem(n, t) for n, t in items),
    )  # fmt: skip


def test_names_are_compared_after_normalising() -> None:
    assert normalise(" 统一社会\n信用代码 ") == normalise("统一社会信用代码")
    assert normalise("ＩＤ号") == normalise("id号")


def test_the_same_item_under_two_providers_is_reported() -> None:
    a = res("企业登记信息", "A", (("统一社会信用代码", "C"), ("注册资本", "Y")))
    b = res(
        "纳税人信息", "B", (("统一社会 信用代码", "C"), ("注册资本", "N"))
    )  # other type: not the same data
    c = res(
        "企业年报", "A", (("统一社会信用代码", "C"),)
    )  # same provider twice is not an overlap by itself
    (overlap,) = one_source_report([a, b, c])
    assert (overlap.kind, overlap.name, overlap.data_type) == ("data_item", "统一社会信用代码", "C")
    assert {h.provider for h in overlap.holders} == {"A", "B"}
    assert len(overlap.holders) == 3
    assert not overlap.justified


def test_duplicate_resource_names_across_providers_and_justification() -> None:
    a = res("人口基础信息", "A", (), note="省级统一提供，本单位仅转报")
    b = res("人口基础信息", "B", (), note="按编办职责划分保留")
    c = res("人口基础信息", "A", ())
    overlaps = one_source_report([a, b])
    assert [(o.kind, o.justified) for o in overlaps] == [("resource_name", True)]
    assert one_source_report([a, c]) == []  # one provider only
