"""Machine policy: what IT staff set for every user of a PC, read-only to the app.

On Windows two registry keys are read, the Group Policy key over the installer's key:
`HKLM\\Software\\Policies\\GovShare\\Desktop` (ADMX / GPO; its values are enforced, so they
lock the setting) over `HKLM\\Software\\GovShare\\Desktop` (written by the MSI from its
properties; machine defaults the user may override). Elsewhere, and in tests, a JSON file at
`$GOVSHARE_POLICY` plays both roles:
`{"defaults": {"platform.url": "..."}, "enforced": {"platform.url": "..."}}`.
Empty values count as unset. An unreadable policy never stops the app: it is reported and
built-in defaults apply.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from govshare_desktop.settings.schema import SPECS, SettingValue

log = logging.getLogger(__name__)

POLICY_ENV = "GOVSHARE_POLICY"
POLICIES_KEY = r"Software\Policies\GovShare\Desktop"
INSTALL_KEY = r"Software\GovShare\Desktop"


@dataclass(frozen=True, slots=True)
class MachinePolicy:
    """Machine-wide defaults and enforced values, by setting key; `problems` says what failed."""

    defaults: Mapping[str, SettingValue] = field(default_factory=dict)
    enforced: Mapping[str, SettingValue] = field(default_factory=dict)
    source: str = ""
    problems: tuple[str, ...] = ()


def _non_empty(values: Mapping[str, object]) -> dict[str, SettingValue]:
    known = {spec.key for spec in SPECS}
    result: dict[str, SettingValue] = {}
    for key, value in values.items():
        if key not in known or value is None or (isinstance(value, str) and not value.strip()):
            continue
        result[key] = (
            value if isinstance(value, int) and not isinstance(value, bool) else str(value)
        )
    return result


def read_json_policy(path: Path) -> MachinePolicy:
    """The policy file used off Windows and in tests."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the top level must be an object")
        return MachinePolicy(
            defaults=_non_empty(data.get("defaults") or {}),
            enforced=_non_empty(data.get("enforced") or {}),
            source=str(path),
        )
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("machine policy %s unreadable: %s", path, exc)
        return MachinePolicy(source=str(path), problems=(f"{path}: {exc}",))


def _read_registry_key(subkey: str) -> dict[str, object]:
    """Our settings' values under HKLM\\`subkey` (64-bit view), by setting key."""
    if sys.platform != "win32":
        return {}
    import winreg  # noqa: PLC0415 - Windows-only module

    values: dict[str, object] = {}
    by_name = {spec.registry_name.lower(): spec.key for spec in SPECS if spec.registry_name}
    try:
        handle = winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE, subkey, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY
        )
    except OSError:
        return values
    with handle:
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(handle, index)
            except OSError:
                break
            index += 1
            key = by_name.get(name.lower())
            if key is not None:
                values[key] = value
    return values


def read_machine_policy() -> MachinePolicy:
    """The policy in force on this machine (JSON file if `$GOVSHARE_POLICY` is set)."""
    path = os.environ.get(POLICY_ENV, "").strip()
    if path:
        return read_json_policy(Path(path))
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return MachinePolicy(
            defaults=_non_empty(_read_registry_key(INSTALL_KEY)),
            enforced=_non_empty(_read_registry_key(POLICIES_KEY)),
            source=rf"HKLM\{POLICIES_KEY}; HKLM\{INSTALL_KEY}",
        )
    return MachinePolicy()
