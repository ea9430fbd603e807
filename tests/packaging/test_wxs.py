"""The WiX source and the harvester, checked without building the app."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from govshare_desktop.settings import policy
from govshare_desktop.settings.schema import SPECS
from tests.packaging.conftest import load

build = load("build")  # packaging/build.py
harvest = load("harvest")

WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
NOT_SETTINGS = {"Version", "InstallDir", "StartMenuShortcut"}  # for IT staff and detection


def wxs() -> ET.Element:
    return ET.parse(build.WXS).getroot()  # noqa: S314 - our own file


def test_every_value_the_msi_writes_is_one_the_app_reads_under_the_key_it_reads() -> None:
    values = list(wxs().iter(f"{WIX}RegistryValue"))
    assert {v.get("Key") for v in values} == {policy.INSTALL_KEY}
    assert {v.get("Root") for v in values} == {"HKLM"}
    settings = {spec.registry_name for spec in SPECS if spec.registry_name}
    written = {v.get("Name") for v in values} - NOT_SETTINGS
    assert written - settings == set(policy.INSTALL_LOCKS)  # LockPlatformUrl: read as a lock
    for value in values:
        if value.get("Name") in written:
            assert value.get("Value", "").strip("[]") in build.SECURE_PROPERTIES


def test_every_property_is_remembered_from_the_value_it_writes() -> None:
    root = wxs()
    written = {
        v.get("Value", "").strip("[]"): v.get("Name") for v in root.iter(f"{WIX}RegistryValue")
    }
    for prop in build.SECURE_PROPERTIES:
        searches = [
            p.find(f"{WIX}RegistrySearch")
            for p in root.iter(f"{WIX}Property")
            if p.get("Id") == prop
        ]
        assert len(searches) == 2  # the wixl and the WiX branch
        for search in searches:
            assert search is not None
            assert search.get("Key") == policy.INSTALL_KEY
            assert search.get("Name") == written[prop]
            assert search.get("Win64") == "yes"


def test_the_harvest_has_stable_ids_escaped_names_and_leaves_the_main_exe_to_the_wxs(
    tmp_path: Path,
) -> None:
    app = tmp_path / "app"
    (app / "_internal" / "a$b").mkdir(parents=True)
    (app / "GovShareDesktop.exe").write_bytes(b"MZ")
    (app / "_internal" / "a$b" / "x.dll").write_bytes(b"x")
    (app / "_internal" / "base_library.zip").write_bytes(b"z")
    first, second = tmp_path / "1.wxs", tmp_path / "2.wxs"
    assert harvest.write(app, first) == 2
    harvest.write(app, second)
    assert first.read_bytes() == second.read_bytes()  # stable ids
    text = first.read_text(encoding="utf-8")
    assert "GovShareDesktop.exe" not in text
    assert "$(var.AppDir)/_internal/a$$b/x.dll" in text  # $ would start a WiX variable
    root = ET.parse(first).getroot()  # noqa: S314 - written just above
    components = list(root.iter(f"{WIX}Component"))
    assert {c.get("Win64") for c in components} == {"yes"}
    refs = {r.get("Id") for r in root.iter(f"{WIX}ComponentRef")}
    assert refs == {c.get("Id") for c in components}


def test_the_harvest_refuses_names_an_msi_cannot_hold(tmp_path: Path) -> None:
    (tmp_path / "说明.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="ASCII"):
        harvest.files_of(tmp_path)


def test_a_wixl_warning_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """wixl ignores an attribute it does not know with a warning and exit 0: build.py fails."""
    if shutil.which("wixl") is None:
        if os.environ.get("CI"):
            pytest.fail("wixl missing (.ci/run installs it)")
        pytest.skip("wixl missing (Debian: apt-get install wixl msitools)")
    app = tmp_path / "app"
    (app / "_internal").mkdir(parents=True)
    (app / "GovShareDesktop").write_bytes(b"x")
    (app / "_internal" / "a.txt").write_bytes(b"y")
    source = build.WXS.read_text(encoding="utf-8")
    mutated = tmp_path / "mutated.wxs"
    mutated.write_text(source.replace('KeyPath="yes" />', 'KeyPath="yes" Vital="yes" />', 1))
    monkeypatch.setattr(build, "WXS", mutated)
    with pytest.raises(build.BuildError, match="any warning fails"):
        build.wixl_build(app, "0.1.0", _harvested(app, tmp_path), tmp_path / "x.msi")
    monkeypatch.setattr(build, "WXS", build.ROOT / "packaging" / "wix" / "govshare-desktop.wxs")
    build.wixl_build(app, "0.1.0", _harvested(app, tmp_path), tmp_path / "x.msi")  # clean
    assert (tmp_path / "x.msi").is_file()


def _harvested(app: Path, tmp_path: Path) -> Path:
    target = tmp_path / "appfiles.wxs"
    harvest.write(app, target)
    return target


def test_every_commit_builds_a_higher_msi_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows Installer compares three fields: the build number is the third, not a fourth."""
    assert build.default_msi_version("0.1.0", 523) == "0.1.523"
    assert build.default_msi_version("2.7.3", 9) == "2.7.9"
    monkeypatch.delenv("GOVSHARE_BUILD_NUMBER", raising=False)
    counted = int(os.popen(f"git -C {build.ROOT} rev-list --count HEAD").read())  # noqa: S605
    assert build.build_number() == counted  # 1 in a shallow clone: set the variable there
    monkeypatch.setenv("GOVSHARE_BUILD_NUMBER", "70000")
    with pytest.raises(build.BuildError):  # past 65535: no MSI version
        build.default_msi_version("0.1.0", build.build_number())
    monkeypatch.setenv("GOVSHARE_BUILD_NUMBER", "12a")
    with pytest.raises(build.BuildError):
        build.build_number()
