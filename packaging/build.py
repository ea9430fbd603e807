"""Build the Windows installer: freeze the app, then package the frozen folder as an MSI.

    python packaging/build.py freeze                 # -> dist/GovShareDesktop/ (one folder)
    python packaging/build.py msi                    # freeze, then the MSI:
                                                     #   dist/govshare-desktop-<version>-x64.msi
                                                     #   (<version>: major.minor.<build number>)
    python packaging/build.py msi --frozen DIR       # package an existing frozen folder
    python packaging/build.py sign FILE              # sign an .exe or .msi (certificate below)

The same script on both systems. On Windows: PyInstaller, then WiX 3 candle/light (on PATH
or under %WIX%bin). On Linux: PyInstaller (a Linux build: what CI smoke-tests), then wixl
(msitools); any warning of wixl is an error, because wixl ignores what it does not know
with a warning and exit 0. After wixl, msibuild puts in what wixl 0.101 cannot: the
database code page (936) with the Chinese texts it dropped, and SecureCustomProperties.

Signing happens only when a certificate is configured, and is skipped (said so) otherwise:
GOVSHARE_SIGN_PFX (a .pfx/.p12 file), GOVSHARE_SIGN_PASSWORD, and optionally
GOVSHARE_SIGN_TIMESTAMP_URL (an RFC 3161 server). signtool on Windows, osslsigncode elsewhere.
The exe is signed before it is packaged, the MSI after.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harvest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "govshare_desktop.spec"
WXS = ROOT / "packaging" / "wix" / "govshare-desktop.wxs"
ICON = ROOT / "resources" / "icons" / "govshare.ico"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "packaging"
NAME = "GovShareDesktop"
WINDOWS = sys.platform == "win32"
CODEPAGE = 936  # Simplified Chinese (GBK): the package's texts are Chinese
SECURE_PROPERTIES = ("PLATFORM_URL", "PROXY_URL", "PAC_URL", "CA_BUNDLE", "LOCK_PLATFORM_URL")
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


class BuildError(Exception):
    """A step failed; the message says which and why."""


def run(args: Sequence[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own build tools
        [str(a) for a in args], capture_output=True, text=True, check=False, **kwargs
    )


def package_version() -> str:
    text = (ROOT / "govshare_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise BuildError("no __version__ in govshare_desktop/__init__.py")
    return found.group(1)


def build_number() -> int:
    """The count of commits in the history: it grows with every commit, so each build of a
    newer commit gets a higher MSI version. GOVSHARE_BUILD_NUMBER overrides it (a build
    outside a git checkout, or a rebuild that must supersede one already shipped)."""
    named = os.environ.get("GOVSHARE_BUILD_NUMBER", "").strip()
    if named:
        if not named.isdigit():
            raise BuildError(f"GOVSHARE_BUILD_NUMBER={named!r} is not a number")
        return int(named)
    counted = run(["git", "rev-list", "--count", "HEAD"], cwd=ROOT)
    if counted.returncode != 0 or not counted.stdout.strip().isdigit():
        raise BuildError(
            "no build number: not a git checkout (a shallow one counts too few commits); "
            "set GOVSHARE_BUILD_NUMBER"
        )
    return int(counted.stdout.strip())


def default_msi_version(package: str, build: int) -> str:
    """major.minor of the package version, then the build number.

    Windows Installer compares only the first three fields of ProductVersion, so a build
    number in a fourth field would make two builds the same version to MajorUpgrade (the
    newer one would not replace the older). The package's own third field is folded into
    the build number, which only grows."""
    found = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)*", package)
    if not found:
        raise BuildError(f"package version {package!r} is not major.minor[.patch]")
    return msi_version(f"{found[1]}.{found[2]}.{build}")


def msi_version(version: str) -> str:
    """An MSI ProductVersion: major.minor.build, at most 255.255.65535 (the 4th is ignored)."""
    found = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if not found or int(found[1]) > 255 or int(found[2]) > 255 or int(found[3]) > 65535:
        raise BuildError(f"{version!r} is no MSI version (major.minor.build, ≤ 255.255.65535)")
    return version


def size_of(path: Path) -> tuple[int, int]:
    """Bytes and files under `path` (a file counts as one)."""
    if path.is_file():
        return path.stat().st_size, 1
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


# ---------------------------------------------------------------- freeze
def freeze(dist: Path = DIST) -> Path:
    """PyInstaller on the spec; returns the one-folder build."""
    started = time.monotonic()
    result = run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", WORK / "pyinstaller", SPEC],
        cwd=ROOT,
    )  # fmt: skip
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed:\n{result.stdout}\n{result.stderr}")
    folder = dist / NAME
    for line in result.stdout.splitlines():
        if line.startswith(("Qt modules shipped", "libraries no kept file")):
            print(line)
    size, count = size_of(folder)
    print(f"frozen: {folder} — {mib(size)}, {count} files, {time.monotonic() - started:.0f} s")
    return folder


# ---------------------------------------------------------------- signing
def signing_configured() -> bool:
    return bool(os.environ.get("GOVSHARE_SIGN_PFX", "").strip())


def sign(target: Path, description: str = "政务信息资源共享桌面端") -> bool:
    """Sign `target` in place when a certificate is configured; False (said so) otherwise."""
    pfx = os.environ.get("GOVSHARE_SIGN_PFX", "").strip()
    if not pfx:
        print(f"not signed (no GOVSHARE_SIGN_PFX): {target.name}")
        return False
    password = os.environ.get("GOVSHARE_SIGN_PASSWORD", "")
    stamp = os.environ.get("GOVSHARE_SIGN_TIMESTAMP_URL", "").strip()
    if WINDOWS:
        args: list[str | Path] = [tool("signtool"), "sign", "/f", pfx, "/p", password,
                                  "/fd", "sha256", "/d", description]  # fmt: skip
        if stamp:
            args += ["/tr", stamp, "/td", "sha256"]
        result = run([*args, target])
    else:
        signed = target.with_name(target.name + ".signed")
        args = [tool("osslsigncode"), "sign", "-pkcs12", pfx, "-pass", password,
                "-h", "sha256", "-n", description]  # fmt: skip
        if stamp:
            args += ["-ts", stamp]
        result = run([*args, "-in", target, "-out", signed])
        if result.returncode == 0:
            signed.replace(target)
    if result.returncode != 0:
        raise BuildError(f"signing {target.name} failed:\n{result.stdout}\n{result.stderr}")
    print(f"signed: {target.name}")
    return True


# ---------------------------------------------------------------- MSI
def tool(name: str) -> str:
    """A build tool on PATH (WiX 3 also under %WIX%bin, signtool under the Windows SDK);
    raises naming its package if missing."""
    exe = name + (".exe" if WINDOWS else "")
    candidates = [shutil.which(exe)]
    if WINDOWS and os.environ.get("WIX"):
        candidates.append(str(Path(os.environ["WIX"]) / "bin" / exe))
    if WINDOWS and name == "signtool":  # the Windows SDK's, newest first
        kits = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
        candidates += sorted(map(str, kits.glob(f"Windows Kits/10/bin/*/x64/{exe}")))[::-1]
    for found in candidates:
        if found and Path(found).exists():
            return found
    hint = "WiX Toolset 3, Windows SDK" if WINDOWS else "Debian: wixl msitools osslsigncode"
    raise BuildError(f"{name} not found ({hint})")


def defines(frozen: Path, version: str, toolset: str) -> dict[str, str]:
    """The .wxs's variables; paths relative to ROOT (wixl refuses absolute source paths)."""
    main_exe = f"{NAME}.exe" if (frozen / f"{NAME}.exe").exists() else NAME
    return {
        "Toolset": toolset,
        "ProductVersion": version,
        "AppDir": Path(os.path.relpath(frozen, ROOT)).as_posix(),
        "MainExe": main_exe,
        "IconFile": Path(os.path.relpath(ICON, ROOT)).as_posix(),
    }


def wixl_build(frozen: Path, version: str, appfiles: Path, target: Path) -> None:
    values = defines(frozen, version, "wixl")
    flags = [arg for key, value in values.items() for arg in ("-D", f"{key}={value}")]
    sources = [os.path.relpath(WXS, ROOT), os.path.relpath(appfiles, ROOT)]
    target.unlink(missing_ok=True)
    result = run([tool("wixl"), "-a", "x64", *flags, "-o", target, *sources], cwd=ROOT)
    if result.returncode != 0 or result.stderr.strip() or not target.exists():
        raise BuildError(f"wixl failed (exit {result.returncode}; any warning fails):\n"
                         f"{result.stdout}\n{result.stderr}")  # fmt: skip
    preprocessed = run([tool("wixl"), "-E", *flags, sources[0]], cwd=ROOT)
    if preprocessed.returncode != 0:
        raise BuildError(f"wixl -E failed:\n{preprocessed.stderr}")
    fix_up(target, ET.fromstring(preprocessed.stdout.encode("utf-8")))  # noqa: S314 - ours


def texts(product: ET.Element) -> list[tuple[str, str, str, str, str]]:
    """The non-ASCII texts of the .wxs as (table, column, value, key column, key)."""
    found = [
        ("Property", "Value", product.get("Name", ""), "Property", "ProductName"),
        ("Property", "Value", product.get("Manufacturer", ""), "Property", "Manufacturer"),
    ]

    def each(tag: str, table: str, column: str, attr: str) -> None:
        for element in product.iter(f"{WIX}{tag}"):
            key = (element.text or "").strip() if tag == "Condition" else element.get("Id", "")
            found.append((table, column, element.get(attr, ""), KEYS[table], key))

    each("Property", "Property", "Value", "Value")
    each("Condition", "LaunchCondition", "Description", "Message")
    each("Shortcut", "Shortcut", "Description", "Description")
    each("Feature", "Feature", "Title", "Title")
    for element in product.iter(f"{WIX}MajorUpgrade"):
        message = element.get("DowngradeErrorMessage", "")
        found.append(
            ("LaunchCondition", "Description", message, "Condition", "NOT WIX_DOWNGRADE_DETECTED")
        )
    for element in product.iter(f"{WIX}Shortcut"):
        short = re.sub(r"[^A-Za-z0-9]", "", element.get("Id", ""))[:8].upper()  # an 8.3 name
        name = f"{short}|{element.get('Name', '')}"
        found.append(("Shortcut", "Name", name, "Shortcut", element.get("Id", "")))
    return [t for t in found if not t[2].isascii()]


KEYS = {"Property": "Property", "LaunchCondition": "Condition", "Shortcut": "Shortcut",
        "Feature": "Feature"}  # fmt: skip


def fix_up(msi: Path, wxs: ET.Element) -> None:
    """What wixl 0.101 cannot write: the code page, then the Chinese texts it dropped (it
    writes them empty under code page 0), the summary's languages (Template), and
    SecureCustomProperties (no Property/@Secure)."""
    product = wxs.find(f"{WIX}Product")
    if product is None:
        raise BuildError("no <Product> in the .wxs")
    with tempfile.TemporaryDirectory() as tmp:
        idt = Path(tmp) / "_ForceCodepage.idt"
        idt.write_bytes(f"\r\n\r\n{CODEPAGE}\t_ForceCodepage\r\n".encode("ascii"))
        msibuild(msi, ["-i", str(idt)])
    for table, column, value, key_column, key in texts(product):
        if "'" in value or "'" in key:
            raise BuildError(f"a quote in {table}.{column}: {value!r}")
        value.encode("gbk")  # raises when the code page cannot hold it
        query = f"UPDATE `{table}` SET `{column}` = '{value}' WHERE `{key_column}` = '{key}'"  # noqa: S608
        msibuild(msi, ["-q", query])  # our own .wxs's texts, checked for quotes above
    package = product.find(f"{WIX}Package")
    if package is not None:  # wixl writes the summary's Template as x64;1033 whatever it is told
        template = f"x64;{product.get('Language', '1033')}"
        subject, author = package.get("Description", ""), package.get("Manufacturer", "")
        msibuild(msi, ["-s", subject, author, template])
    secure = ";".join((*SECURE_PROPERTIES, "WIX_DOWNGRADE_DETECTED", "WIX_UPGRADE_DETECTED"))
    query = (
        f"UPDATE `Property` SET `Value` = '{secure}' "  # noqa: S608 - our own names
        "WHERE `Property` = 'SecureCustomProperties'"
    )
    msibuild(msi, ["-q", query])


def msibuild(msi: Path, args: list[str]) -> None:
    result = run([tool("msibuild"), msi, *args])
    if result.returncode != 0 or result.stderr.strip():
        raise BuildError(f"msibuild {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def wix_build(frozen: Path, version: str, appfiles: Path, target: Path) -> None:
    """WiX 3 on Windows: candle + light, warnings as errors. Left out of ICE validation:
    ICE38/43/57, the per-user checks of a Start-menu shortcut, which a per-machine package
    keys to HKLM on purpose, and ICE69, the shortcut naming the exe of another component of
    the same feature (the non-advertised shortcut the Linux build also makes)."""
    values = defines(frozen, version, "wix")
    objects = WORK / "wixobj"
    objects.mkdir(parents=True, exist_ok=True)
    flags = [f"-d{key}={value}" for key, value in values.items()]
    result = run([tool("candle"), "-nologo", "-wx", "-arch", "x64", *flags,
                  "-out", f"{objects}{os.sep}", WXS, appfiles], cwd=ROOT)  # fmt: skip
    if result.returncode != 0:
        raise BuildError(f"candle failed:\n{result.stdout}\n{result.stderr}")
    result = run([tool("light"), "-nologo", "-wx", "-spdb", "-sice:ICE38", "-sice:ICE43",
                  "-sice:ICE57", "-sice:ICE69", "-cultures:zh-CN", "-out", target,
                  objects / (WXS.stem + ".wixobj"), objects / "appfiles.wixobj"],
                 cwd=ROOT)  # fmt: skip
    if result.returncode != 0:
        raise BuildError(f"light failed:\n{result.stdout}\n{result.stderr}")


def build_msi(frozen: Path, version: str, out: Path = DIST) -> Path:
    started = time.monotonic()
    version = msi_version(version)
    exe = frozen / f"{NAME}.exe"
    if exe.exists() and signing_configured():
        sign(exe)
    appfiles = WORK / "appfiles.wxs"
    count = harvest.write(frozen, appfiles)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"govshare-desktop-{version}-x64.msi"
    (wix_build if WINDOWS else wixl_build)(frozen, version, appfiles, target)
    sign(target)
    folder_size, _ = size_of(frozen)
    print(f"msi: {target} — {mib(target.stat().st_size)} ({count + 1} files, "
          f"{mib(folder_size)} unpacked), {time.monotonic() - started:.0f} s")  # fmt: skip
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    frozen = sub.add_parser("freeze", help="PyInstaller one-folder build into dist/")
    frozen.add_argument("--dist", type=Path, default=DIST, help="where the folder goes")
    msi = sub.add_parser("msi", help="freeze (unless --frozen), then the MSI into dist/")
    msi.add_argument("--frozen", type=Path, help="an existing frozen folder to package")
    msi.add_argument(
        "--version", help="the MSI version (default: the package's major.minor, build number)"
    )
    msi.add_argument("--out", type=Path, default=DIST, help="where the MSI goes")
    signing = sub.add_parser("sign", help="sign a file with the configured certificate")
    signing.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "freeze":
            freeze(args.dist.resolve())
        elif args.command == "msi":
            folder = args.frozen.resolve() if args.frozen else freeze(args.out.resolve())
            version = args.version or default_msi_version(package_version(), build_number())
            build_msi(folder, version, args.out.resolve())
        elif not sign(args.file.resolve()):
            return 1
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
