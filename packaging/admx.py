"""Write the Group Policy template (ADMX + ADML in zh-CN and en-US) from the settings schema.

    python packaging/admx.py           # rewrite packaging/policy/
    python packaging/admx.py --check   # exit 1 when the checked-in files differ

One policy per setting the app lets policy enforce (`lockable` in
govshare_desktop/settings/schema.py), under `HKLM\\Software\\Policies\\GovShare\\Desktop`
with the setting's registry value name, which is what settings/policy.py reads; the texts are
the settings dialog's own (English source, Chinese from i18n/govshare_zh_CN.ts). So the
template cannot drift from the app: adding a setting and running this script is all.
Administrators copy GovShareDesktop.admx and the language folders into
%SystemRoot%\\PolicyDefinitions (or the domain's Central Store).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from govshare_desktop.domain.ts_catalog import TsCatalog  # noqa: E402
from govshare_desktop.settings.policy import POLICIES_KEY  # noqa: E402
from govshare_desktop.settings.schema import CONTEXT, SPECS, Kind, SettingSpec  # noqa: E402

OUT = ROOT / "packaging" / "policy"
NAME = "GovShareDesktop"
NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
LANGUAGES = {"en-US": None, "zh-CN": ROOT / "i18n" / "govshare_zh_CN.ts"}
# the template's own words (not the app's), in both languages
WORDS = {
    "en-US": {
        "displayName": "GovShare Desktop",
        "description": "Settings of GovShare Desktop enforced by Group Policy.",
        "category": "GovShare Desktop",
        "supported": "GovShare Desktop 0.1 or later",
        "enforced": "When this policy is enabled, the value set here is used and the officer "
        "cannot change it in Settings. When it is disabled or not configured, the officer's "
        "own value applies, else the one the installer set (MSI property), else the default.",
    },
    "zh-CN": {
        "displayName": "政务信息资源共享桌面端",
        "description": "由组策略强制的政务信息资源共享桌面端设置。",
        "category": "政务信息资源共享桌面端",
        "supported": "政务信息资源共享桌面端 0.1 或更高版本",
        "enforced": "启用此策略时，使用此处设置的值，工作人员不能在“设置”中更改。"
        "禁用或未配置时，使用工作人员自己的设置；未设置时使用安装程序（MSI 属性）设置的值，"
        "否则使用默认值。",
    },
}


def policies() -> list[SettingSpec]:
    """The settings Group Policy may enforce: lockable and with a registry value name."""
    return [spec for spec in SPECS if spec.lockable and spec.registry_name]


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if text is not None:
        child.text = text
    return child


def admx() -> ET.Element:
    root = ET.Element(f"{{{NS}}}policyDefinitions", revision="1.0", schemaVersion="1.0")
    spaces = _element(root, "policyNamespaces")
    _element(spaces, "target", prefix="govshare", namespace="GovShare.Policies.Desktop")
    _element(root, "resources", minRequiredRevision="1.0")
    supported = _element(_element(root, "supportedOn"), "definitions")
    _element(supported, "definition", name="SUPPORTED_GovShare", displayName="$(string.Supported)")
    categories = _element(root, "categories")
    _element(categories, "category", name=NAME, displayName="$(string.Category)")
    table = _element(root, "policies")
    for spec in policies():
        name = spec.registry_name
        policy = _element(
            table,
            "policy",
            name=name,
            **{"class": "Machine"},
            displayName=f"$(string.{name})",
            explainText=f"$(string.{name}_Explain)",
            presentation=f"$(presentation.{name})",
            key=POLICIES_KEY,
        )
        _element(policy, "parentCategory", ref=NAME)
        _element(policy, "supportedOn", ref="SUPPORTED_GovShare")
        elements = _element(policy, "elements")
        if spec.kind is Kind.INT:
            _element(
                elements,
                "decimal",
                id=name,
                valueName=name,
                required="true",
                minValue=str(spec.minimum),
                maxValue=str(spec.maximum),
            )
        elif spec.kind is Kind.CHOICE:
            options = _element(elements, "enum", id=name, valueName=name, required="true")
            for choice in spec.choices:
                item = _element(options, "item", displayName=f"$(string.{name}_{choice.value})")
                _element(_element(item, "value"), "string", choice.value)  # the REG_SZ data
        else:
            _element(elements, "text", id=name, valueName=name, required="true")
    return root


def adml(language: str) -> ET.Element:
    source = LANGUAGES[language]
    speak = TsCatalog.load(source).translate if source else (lambda _context, text: text)
    words = WORDS[language]
    root = ET.Element(f"{{{NS}}}policyDefinitionResources", revision="1.0", schemaVersion="1.0")
    _element(root, "displayName", words["displayName"])
    _element(root, "description", words["description"])
    resources = _element(root, "resources")
    strings = _element(resources, "stringTable")
    presentations = _element(resources, "presentationTable")
    _element(strings, "string", words["category"], id="Category")
    _element(strings, "string", words["supported"], id="Supported")
    for spec in policies():
        name, label = spec.registry_name, speak(CONTEXT, spec.label)
        _element(strings, "string", label, id=name)
        hint = speak(CONTEXT, spec.hint) if spec.hint else ""
        explain = "\n\n".join(part for part in (hint, words["enforced"]) if part)
        _element(strings, "string", explain, id=f"{name}_Explain")
        presentation = _element(presentations, "presentation", id=name)
        if spec.kind is Kind.INT:
            _element(
                presentation, "decimalTextBox", label, refId=name, defaultValue=str(spec.default)
            )
        elif spec.kind is Kind.CHOICE:
            for choice in spec.choices:
                text = speak(CONTEXT, choice.label)
                _element(strings, "string", text, id=f"{name}_{choice.value}")
            _element(presentation, "dropdownList", label, refId=name, noSort="true")
        else:
            box = _element(presentation, "textBox", refId=name)
            _element(box, "label", label)
    return root


def rendered() -> dict[Path, bytes]:
    """Every file of the template, by path under packaging/policy/."""
    ET.register_namespace("", NS)

    def text(root: ET.Element) -> bytes:
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    files = {Path(f"{NAME}.admx"): text(admx())}
    for language in LANGUAGES:
        files[Path(language) / f"{NAME}.adml"] = text(adml(language))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report differences")
    args = parser.parse_args(argv)
    stale = []
    for relative, content in rendered().items():
        target = OUT / relative
        if args.check:
            if not target.exists() or target.read_bytes() != content:
                stale.append(str(relative))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    if stale:
        print("out of date with settings/schema.py: " + ", ".join(stale))
        print("run: python packaging/admx.py")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
