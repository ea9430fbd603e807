"""A slot maker makes the very object the dataclass's constructor makes, or refuses."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import DataType, ShareType
from govshare_desktop.domain.slot_maker import keyword_slot_maker, slot_maker


def values_of(instance: object) -> list[object]:
    return [getattr(instance, f.name) for f in dataclasses.fields(instance)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "instance",
    [
        DataItem(
            "公民身份号码",
            DataType.CHAR,
            18,
            ShareType.CONDITIONAL,
            "审批",
            True,
            "身份证",
            {"required": True},
            "i-1",
        ),
        DataItem("姓名"),
        Resource(
            "人口基本信息",
            "u",
            Classification("1", "01", "001"),
            code="101001/000001",
            published_on=date(2025, 6, 1),
            related_codes=("102001/000002",),
            data_items=(DataItem("姓名"),),
            extra={"x": 1},
        ),
    ],
)
def test_the_maker_makes_what_the_constructor_makes(instance: object) -> None:
    made = slot_maker(type(instance))(*values_of(instance))
    assert type(made) is type(instance)
    assert made == instance
    assert repr(made) == repr(instance)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "x"  # type: ignore[attr-defined]


def test_every_field_must_be_given() -> None:
    with pytest.raises(TypeError):
        slot_maker(DataItem)("姓名")


@dataclasses.dataclass(frozen=True, slots=True)
class Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError(self.value)


@dataclasses.dataclass(frozen=True)
class Unslotted:
    value: int


@pytest.mark.parametrize("cls", [Checked, Unslotted, int])
def test_classes_it_cannot_make_faithfully_are_refused(cls: type) -> None:
    with pytest.raises(TypeError):
        slot_maker(cls)


@pytest.mark.parametrize(
    "arguments",
    [
        {"name": "人口基本信息", "unit_code": "u"},
        {"name": "x", "unit_code": "u", "code": "101001/000001", "id": "r-1",
         "classification": Classification("1", "01", "001"), "published_on": date(2025, 6, 1),
         "data_items": (DataItem("姓名", id="i-1"),), "extra": {"x": 1}, "secret": True},
    ],
)  # fmt: skip
def test_the_keyword_maker_fills_defaults_as_the_constructor_does(
    arguments: dict[str, object],
) -> None:
    made = keyword_slot_maker(Resource)(**arguments)
    built = Resource(**arguments)  # type: ignore[arg-type]
    if "id" not in arguments:  # a default factory: a new id each time
        assert made.id != built.id
        made = dataclasses.replace(made, id=built.id)
    assert type(made) is Resource
    assert made == built
    assert repr(made) == repr(built)


def test_the_keyword_maker_calls_each_default_factory_anew() -> None:
    make = keyword_slot_maker(Resource)
    first, second = make(name="a", unit_code="u"), make(name="b", unit_code="u")
    assert first.extra == {} and first.extra is not second.extra
    assert first.classification == Classification()


def test_the_keyword_maker_refuses_what_the_constructor_refuses() -> None:
    make = keyword_slot_maker(Resource)
    with pytest.raises(TypeError):
        make(unit_code="u")  # no name
    with pytest.raises(TypeError):
        make(name="a", unit_code="u", colour="red")
