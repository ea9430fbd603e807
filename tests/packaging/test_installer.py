"""The installer, built and exercised on Linux the way CI can: freeze, MSI, tables, Wine, signing.

One PyInstaller build (a Linux one: the spec's imports, data files and exclusions are the
same as on Windows) and three MSIs of it per session, shared by every test here. The MSI's
logic — remembered properties, upgrade, downgrade refused, uninstall — runs under Wine's
msiexec (Wine's msi.dll is where libmsi came from); Qt itself does not run there, so it is
the registry and the files that are checked. Tools missing: skipped off CI, failed on CI
(.ci/run installs them).
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.conftest import load

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
WINE64 = shutil.which("wine64") or "/usr/lib/wine/wine64"
TOOLS = ("wixl", "msibuild", "msiinfo", "osslsigncode", "openssl")
KEY = r"HKLM\Software\GovShare\Desktop"
UPGRADE_CODE = "{6E0F9D3B-2C51-4F0B-9B7A-3D1C5E8A4F27}"
PROPERTIES = ("PLATFORM_URL", "PROXY_URL", "PAC_URL", "CA_BUNDLE", "LOCK_PLATFORM_URL")


def missing_tools() -> list[str]:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if not Path(WINE64).exists():
        missing.append("wine64")
    try:
        import PyInstaller  # noqa: F401, PLC0415
    except ImportError:
        missing.append("pyinstaller")
    return missing


def tool(name: str) -> str:
    """The tool's full path (the `tools` fixture made sure it is there)."""
    return shutil.which(name) or name


@pytest.fixture(scope="session")
def tools() -> None:
    missing = missing_tools()
    if missing:
        message = f"installer tools missing: {', '.join(missing)} (.ci/run installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, BUILD, *map(str, args)],
        capture_output=True, text=True, timeout=900, check=False, cwd=ROOT,
    )  # fmt: skip
    print(f"build.py {' '.join(map(str, args[:1]))}: {time.monotonic() - started:.0f} s")
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def frozen(tools: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    build("freeze", "--dist", dist)
    return dist / "GovShareDesktop"


@dataclass(frozen=True)
class Msis:
    first: Path  # the package's major.minor and this build's number
    second: Path  # a higher version
    third: Path  # higher still

    @staticmethod
    def versions() -> tuple[str, str, str]:
        scripts = load("build")
        first = scripts.default_msi_version(scripts.package_version(), scripts.build_number())
        major, minor, number = (int(n) for n in first.split("."))
        return first, f"{major}.{minor}.{number + 1}", f"{major}.{minor + 1}.0"


@pytest.fixture(scope="session")
def msis(frozen: Path, tmp_path_factory: pytest.TempPathFactory) -> Msis:
    out = tmp_path_factory.mktemp("msi")
    first, second, third = Msis.versions()
    result = build("msi", "--frozen", frozen, "--out", out)  # the default version
    assert "not signed (no GOVSHARE_SIGN_PFX)" in result.stdout
    build("msi", "--frozen", frozen, "--out", out, "--version", second)
    build("msi", "--frozen", frozen, "--out", out, "--version", third)
    return Msis(*(out / f"govshare-desktop-{v}-x64.msi" for v in (first, second, third)))


def table(msi: Path, name: str) -> list[dict[str, str]]:
    lines = subprocess.run(
        [tool("msiinfo"), "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:]]


# ---------------------------------------------------------------- the frozen folder
def test_the_frozen_app_passes_its_smoke_test(frozen: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "GOVSHARE_HOME"}}
    result = subprocess.run(
        [str(frozen / "GovShareDesktop"), "--smoke-test"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stdout
    assert "frozen=True" in result.stdout
    assert "language zh_CN (2 catalogs)" in result.stdout  # our .qm and Qt's qtbase_zh_CN


def test_the_frozen_folder_holds_what_the_app_reads_from_disk_and_nothing_it_must_not(
    frozen: Path,
) -> None:
    internal = frozen / "_internal"
    versions = internal / "govshare_desktop" / "store" / "migrations" / "versions"
    assert (versions / "0001_initial.py").is_file()  # Alembic reads the scripts from disk
    assert (internal / "resources" / "profiles" / "national-2017.json").is_file()
    assert (internal / "resources" / "fonts" / "NotoSansSC-Regular-GB2312.otf").is_file()
    assert (internal / "i18n" / "govshare_zh_CN.qm").is_file()
    names = {p.name for p in frozen.rglob("*")}
    assert "qtbase_zh_CN.qm" in names
    assert not {"qtbase_de.qm", "qtbase_ja.qm"} & names  # only the languages we speak
    assert not any(
        n.startswith(("reference_platform", "tkinter", "_tkinter", "pytest")) for n in names
    )
    qt = (internal / "PySide6").iterdir()
    modules = {p.name.split(".")[0] for p in qt if p.name.startswith("Qt")}
    assert modules == {
        "Qt", "QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport", "QtCharts",
    }  # fmt: skip
    assert not any("QtQml" in n or "QtQuick" in n or "WebEngine" in n for n in names)


# ---------------------------------------------------------------- the MSI's tables
def test_the_msi_tables_say_what_the_wxs_intends(msis: Msis) -> None:
    msi = msis.first
    version = Msis.versions()[0]
    suminfo = subprocess.run(
        [tool("msiinfo"), "suminfo", str(msi)], capture_output=True, text=True, check=True
    ).stdout
    assert "Template: x64;2052" in suminfo  # 64-bit, Simplified Chinese
    assert "Subject: 政务信息资源共享桌面端" in suminfo
    prop = {r["Property"]: r["Value"] for r in table(msi, "Property")}
    assert prop["UpgradeCode"] == UPGRADE_CODE
    assert prop["ProductVersion"] == version
    assert prop["ALLUSERS"] == "1"
    assert prop["ProductName"] == "政务信息资源共享桌面端"  # Chinese survived wixl (fixed up)
    assert prop["Manufacturer"].startswith("政务信息资源共享")
    assert prop["ARPCOMMENTS"].startswith("政务信息资源目录编制")
    assert prop["ARPPRODUCTICON"] == "GovShare.ico"
    assert not set(PROPERTIES) & set(prop)  # no default: it would count as passed
    assert set(PROPERTIES) <= set(prop["SecureCustomProperties"].split(";"))

    upgrade = table(msi, "Upgrade")
    assert {(r["VersionMin"], r["VersionMax"], r["ActionProperty"]) for r in upgrade} == {
        ("", version, "WIX_UPGRADE_DETECTED"),
        (version, "", "WIX_DOWNGRADE_DETECTED"),
    }
    conditions = {r["Condition"]: r["Description"] for r in table(msi, "LaunchCondition")}
    assert "不能安装较低的版本" in conditions["NOT WIX_DOWNGRADE_DETECTED"]
    assert "Installed OR VersionNT64 >= 603" in conditions

    (shortcut,) = table(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Target"] == "[#GovShareDesktopExe]"  # non-advertised: straight to the exe
    assert shortcut["Icon_"] == "GovShare.ico"
    assert shortcut["Name"].endswith("|政务信息资源共享")

    registry = {r["Name"]: r for r in table(msi, "Registry")}
    names = {"PlatformUrl": "PLATFORM_URL", "ProxyUrl": "PROXY_URL", "ProxyPacUrl": "PAC_URL",
             "CaBundle": "CA_BUNDLE", "LockPlatformUrl": "LOCK_PLATFORM_URL"}  # fmt: skip
    for name, prop_name in names.items():
        assert registry[name]["Root"] == "2"  # HKLM
        assert registry[name]["Key"] == r"Software\GovShare\Desktop"
        assert registry[name]["Value"] == f"[{prop_name}]"
    searched = {r["Property"]: r["Signature_"] for r in table(msi, "AppSearch")}
    assert set(searched) == set(PROPERTIES)
    locators = {r["Signature_"]: r for r in table(msi, "RegLocator")}
    for prop_name, signature in searched.items():
        locator = locators[signature]
        assert (locator["Root"], locator["Key"], locator["Type"]) == (
            "2", r"Software\GovShare\Desktop", "18",  # raw, 64-bit view
        )  # fmt: skip
        assert locator["Name"] == next(k for k, v in names.items() if v == prop_name)

    actions = {r["Action"]: r for r in table(msi, "CustomAction")}
    sequence = {r["Action"]: int(r["Sequence"]) for r in table(msi, "InstallExecuteSequence")}
    for prop_name in PROPERTIES:
        camel = "".join(w.capitalize() for w in prop_name.lower().split("_"))
        save, restore = f"SaveCmdLine{camel}", f"SetFromCmdLine{camel}"
        assert actions[save]["Target"] == f"[{prop_name}]"
        assert actions[restore]["Source"] == prop_name
        assert sequence[save] < sequence["AppSearch"] < sequence[restore]
    assert sequence["InstallValidate"] < sequence["RemoveExistingProducts"]
    assert sequence["RemoveExistingProducts"] < sequence["InstallInitialize"]
    assert all(int(c["Attributes"]) & 256 for c in table(msi, "Component"))  # all 64-bit
    files = table(msi, "File")
    assert any(f["FileName"].endswith("GovShareDesktop.exe") for f in files)


# ---------------------------------------------------------------- under Wine's msiexec
class Wine:
    def __init__(self, prefix: Path) -> None:
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "DISPLAY": ""}
        self.drive_c = prefix / "drive_c"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [WINE64, *args], env=self.env, capture_output=True, text=True, timeout=300, check=False
        )

    def msiexec(self, *args: str | Path) -> int:
        words = [f"Z:{a}".replace("/", "\\") if isinstance(a, Path) else a for a in args]
        return self.run("msiexec", *words, "/qn").returncode

    def values(self) -> dict[str, str]:
        """The install key's values, or {} when it is gone."""
        result = self.run("reg", "query", KEY)
        if result.returncode != 0:
            return {}
        found = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) >= 2 and parts[1].startswith("REG_"):
                found[parts[0]] = parts[2] if len(parts) == 3 else ""
        return found


@pytest.fixture(scope="session")
def wine(tools: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    wine = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    assert wine.run("wineboot", "--init").returncode == 0
    wine.run("winecfg", "-v", "win10")  # Windows 10: VersionNT64 passes the launch condition
    yield wine
    subprocess.run([WINE64.replace("wine64", "wineserver"), "-k"], env=wine.env, check=False)


def test_install_upgrade_downgrade_and_uninstall_under_wine(msis: Msis, wine: Wine) -> None:
    first, second, third = Msis.versions()
    installed = wine.drive_c / "Program Files" / "GovShare" / "GovShare Desktop"

    assert wine.msiexec("/i", msis.first, "PLATFORM_URL=https://first.example.gov") == 0
    values = wine.values()
    assert values["PlatformUrl"] == "https://first.example.gov"
    assert values["Version"] == first
    assert values["ProxyUrl"] == ""  # not passed: empty, which the app reads as unset
    assert (installed / "GovShareDesktop.exe").is_file()
    assert (installed / "_internal" / "i18n" / "govshare_zh_CN.qm").is_file()
    assert list(wine.drive_c.rglob("政务信息资源共享.lnk"))  # the Start-menu shortcut

    # an officer's data (per user, never under Program Files) must outlive every step below
    data = wine.drive_c / "users" / getpass.getuser() / "AppData" / "Local"
    officer = data / "GovShare" / "GovShareDesktop" / "govshare.db"
    officer.parent.mkdir(parents=True, exist_ok=True)
    officer.write_bytes(b"the officer's work")

    assert wine.msiexec("/i", msis.second) == 0  # an upgrade passing no property
    values = wine.values()
    assert values["Version"] == second
    assert values["PlatformUrl"] == "https://first.example.gov"  # remembered

    assert wine.msiexec(
        "/i", msis.third, "PLATFORM_URL=https://second.example.gov",
        "PROXY_URL=http://proxy.example.gov:8080", "LOCK_PLATFORM_URL=1",
    ) == 0  # fmt: skip
    values = wine.values()
    assert values["Version"] == third
    assert values["PlatformUrl"] == "https://second.example.gov"  # the new one wins
    assert values["ProxyUrl"] == "http://proxy.example.gov:8080"
    assert values["LockPlatformUrl"] == "1"

    assert wine.msiexec("/i", msis.first) != 0  # a downgrade is refused...
    assert wine.values()["Version"] == third  # ...and changes nothing

    assert wine.msiexec("/x", msis.third) == 0
    assert wine.values() == {}
    assert not (installed / "GovShareDesktop.exe").exists()
    assert not list(wine.drive_c.rglob("政务信息资源共享.lnk"))
    assert officer.read_bytes() == b"the officer's work"


# ---------------------------------------------------------------- signing
def test_the_msi_is_signed_with_the_configured_certificate_and_verifies(
    msis: Msis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, cert, pfx = tmp_path / "test.key", tmp_path / "test.crt", tmp_path / "test.pfx"
    subprocess.run(
        [tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-days", "2", "-nodes",
         "-subj", "/CN=GovShare Test Code Signing", "-addext", "extendedKeyUsage=codeSigning",
         "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=True,
    )  # fmt: skip
    subprocess.run(
        [tool("openssl"), "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(pfx),
         "-passout", "pass:throwaway"],
        capture_output=True, check=True,
    )  # fmt: skip
    signed = tmp_path / msis.first.name
    shutil.copyfile(msis.first, signed)
    monkeypatch.setenv("GOVSHARE_SIGN_PFX", str(pfx))
    monkeypatch.setenv("GOVSHARE_SIGN_PASSWORD", "throwaway")
    assert "signed:" in build("sign", signed).stdout
    verify = subprocess.run(
        [tool("osslsigncode"), "verify", "-CAfile", str(cert), "-in", str(signed)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "Succeeded" in verify.stdout
    assert "GovShare Test Code Signing" in verify.stdout
    unsigned = subprocess.run(
        [tool("osslsigncode"), "verify", "-CAfile", str(cert), "-in", str(msis.first)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert unsigned.returncode != 0  # the verification does tell signed from unsigned
