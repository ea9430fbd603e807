"""The Group Policy template says what the app enforces: generated from the settings schema."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from govshare_desktop.settings import policy
from govshare_desktop.settings.schema import SPECS, Kind
from tests.packaging.conftest import load

admx = load("admx")  # packaging/admx.py

NS = {"p": admx.NS}


def test_the_checked_in_template_is_what_the_schema_generates() -> None:
    assert admx.main(["--check"]) == 0, "run: python packaging/admx.py"


def test_every_lockable_setting_is_a_machine_policy_under_the_key_the_app_reads() -> None:
    root = ET.parse(admx.OUT / "GovShareDesktop.admx").getroot()  # noqa: S314 - our own file
    found = {p.get("name"): p for p in root.iterfind(".//p:policy", NS)}
    lockable = {spec.registry_name: spec for spec in SPECS if spec.lockable}
    assert set(found) == set(lockable)
    for name, element in found.items():
        assert element.get("key") == policy.POLICIES_KEY
        assert element.get("class") == "Machine"
        (value,) = element.find("p:elements", NS)  # type: ignore[misc]
        assert value.get("valueName") == name
        spec = lockable[name]
        expected = {Kind.INT: "decimal", Kind.CHOICE: "enum"}.get(spec.kind, "text")
        assert value.tag == f"{{{admx.NS}}}{expected}"
        if spec.kind is Kind.CHOICE:  # each item writes its value as a REG_SZ
            written = [s.text for s in value.iterfind("p:item/p:value/p:string", NS)]
            assert written == [choice.value for choice in spec.choices]
        if spec.kind is Kind.INT:
            assert (value.get("minValue"), value.get("maxValue")) == (
                str(spec.minimum),
                str(spec.maximum),
            )


def test_a_value_set_by_the_template_is_enforced_by_the_app() -> None:
    """What the template writes (its valueName) is what policy.py maps back to the setting."""
    root = ET.parse(admx.OUT / "GovShareDesktop.admx").getroot()  # noqa: S314 - our own file
    written = {e.get("valueName"): "x" for e in root.iterfind(".//p:elements/*", NS)}
    machine = policy.registry_policy({}, {name.lower(): "1" for name in written})
    assert set(machine.enforced) == {spec.key for spec in SPECS if spec.lockable}


def test_each_language_names_every_string_and_presentation_the_admx_uses() -> None:
    admx_text = (admx.OUT / "GovShareDesktop.admx").read_text(encoding="utf-8")
    strings = {s.split(")")[0] for s in admx_text.split("$(string.")[1:]}
    presentations = {s.split(")")[0] for s in admx_text.split("$(presentation.")[1:]}
    for language in ("en-US", "zh-CN"):
        root = ET.parse(admx.OUT / language / "GovShareDesktop.adml").getroot()  # noqa: S314 - our own file
        assert {s.get("id") for s in root.iterfind(".//p:string", NS)} >= strings
        assert {p.get("id") for p in root.iterfind(".//p:presentation", NS)} == presentations
    chinese = (admx.OUT / "zh-CN" / "GovShareDesktop.adml").read_text(encoding="utf-8")
    assert "共享平台地址" in chinese  # the settings dialog's own Chinese label


def test_a_new_lockable_setting_makes_the_check_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = SPECS[0].__class__(
        key="ui.zoom", kind=Kind.INT, default=100, label="Zoom", registry_name="Zoom", maximum=200
    )
    monkeypatch.setattr(admx, "SPECS", (*SPECS, extra))
    assert admx.main(["--check"]) == 1
