"""Harvest a frozen one-folder build into a WiX 3 fragment (what `heat dir` does for WiX).

    python packaging/harvest.py FROZEN_DIR OUT.wxs

One component per file (its key path), in nested <Directory> elements under INSTALLDIR and
one ComponentGroup `AppFiles`; the main exe is left out (the .wxs declares it, for the
shortcut). Unlike wixl-heat the ids are stable (a hash of the relative path, so two builds of
the same tree give the same tables), names are XML-escaped, and the limits of a wixl MSI are
checked: ASCII file names (the package codepage is 936) and fewer than 65,000 files (one
cabinet, whose file count is 16-bit).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
MAIN_EXES = ("GovShareDesktop.exe", "GovShareDesktop")  # Windows build; Linux test build
MAX_FILES = 65_000


def _id(prefix: str, relative: str) -> str:
    return prefix + hashlib.sha1(relative.encode("utf-8"), usedforsecurity=False).hexdigest()


def files_of(root: Path) -> list[str]:
    """Every file under `root` as a relative POSIX path, sorted; raises on what MSIs can't hold."""
    found = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()  # a Linux build links libraries; Windows never
    )
    found = [f for f in found if f not in MAIN_EXES]
    odd = [f for f in found if not f.isascii() or any(c in f for c in '&<>"')]
    if odd:
        raise SystemExit(f'file names the MSI cannot hold (ASCII, no &<>"): {odd[:5]}')
    if len(found) >= MAX_FILES:
        raise SystemExit(f"{len(found)} files: one wixl cabinet holds fewer than {MAX_FILES}")
    return found


def fragment(root: Path, var: str = "var.AppDir") -> ET.Element:
    ET.register_namespace("", WIX_NS)
    wix = ET.Element(f"{{{WIX_NS}}}Wix")
    frag = ET.SubElement(wix, f"{{{WIX_NS}}}Fragment")
    top = ET.SubElement(frag, f"{{{WIX_NS}}}DirectoryRef", Id="INSTALLDIR")
    group = ET.Element(f"{{{WIX_NS}}}ComponentGroup", Id="AppFiles")
    directories: dict[str, ET.Element] = {"": top}

    def directory(relative: str) -> ET.Element:
        if relative not in directories:
            parent, _, name = relative.rpartition("/")
            directories[relative] = ET.SubElement(
                directory(parent), f"{{{WIX_NS}}}Directory", Id=_id("d", relative), Name=name
            )
        return directories[relative]

    for relative in files_of(root):
        parent, _, _name = relative.rpartition("/")
        component = ET.SubElement(
            directory(parent),
            f"{{{WIX_NS}}}Component",
            Id=_id("c", relative),
            Guid="*",
            Win64="yes",
        )
        source = f"$({var})/" + relative.replace("$", "$$")  # $ starts a WiX variable
        ET.SubElement(
            component, f"{{{WIX_NS}}}File", Id=_id("f", relative), KeyPath="yes", Source=source
        )
        ET.SubElement(group, f"{{{WIX_NS}}}ComponentRef", Id=_id("c", relative))
    frag.append(group)
    return wix


def write(root: Path, target: Path) -> int:
    """Write the fragment; returns the number of files harvested (the main exe not counted)."""
    tree = ET.ElementTree(fragment(root))
    ET.indent(tree)
    target.parent.mkdir(parents=True, exist_ok=True)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return len(files_of(root))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(write(Path(sys.argv[1]), Path(sys.argv[2])), "files harvested")
