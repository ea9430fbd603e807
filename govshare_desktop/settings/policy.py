"""Machine policy: what IT staff set for every user of a PC, read-only to the app.

On Windows two registry keys are read, the Group Policy key over the installer's key:
`HKLM\\Software\\Policies\\GovShare\\Desktop` (ADMX / GPO; its values are enforced, so they
lock the setting) over `HKLM\\Software\\GovShare\\Desktop` (written by the MSI from its
properties; machine defaults the user may override, except the platform address when the
MSI was told LOCK_PLATFORM_URL=1). Elsewhere, and in tests, a JSON file at
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
# install-key value (the MSI's LOCK_PLATFORM_URL) -> the setting it enforces at its installed value
INSTALL_LOCKS = {"LockPlatformUrl": "platform.url"}


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
    """Every value under HKLM\\`subkey` (64-bit view), by lower-cased value name."""
    if sys.platform != "win32":
        return {}
    import winreg  # noqa: PLC0415 - Windows-only module

    values: dict[str, object] = {}
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
            values[name.lower()] = value
    return values


def _settings_of(raw: Mapping[str, object]) -> dict[str, object]:
    """Our settings' values among a key's values, by setting key."""
    by_name = {spec.registry_name.lower(): spec.key for spec in SPECS if spec.registry_name}
    return {by_name[name]: value for name, value in raw.items() if name in by_name}


def _is_on(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes"}


def registry_policy(install: Mapping[str, object], policies: Mapping[str, object]) -> MachinePolicy:
    """The policy of the two keys' values (by lower-cased name). The MSI's LOCK_PLATFORM_URL
    (`LockPlatformUrl` = 1 in the install key) enforces the installed platform address for
    IT staff who deploy without Group Policy; a Group Policy value still wins over it."""
    defaults = _non_empty(_settings_of(install))
    enforced = _non_empty(_settings_of(policies))
    for name, key in INSTALL_LOCKS.items():
        if _is_on(install.get(name.lower(), "")) and key in defaults:
            enforced.setdefault(key, defaults[key])
    return MachinePolicy(
        defaults=defaults, enforced=enforced, source=rf"HKLM\{POLICIES_KEY}; HKLM\{INSTALL_KEY}"
    )


def read_machine_policy() -> MachinePolicy:
    """The policy in force on this machine (JSON file if `$GOVSHARE_POLICY` is set)."""
    path = os.environ.get(POLICY_ENV, "").strip()
    if path:
        return read_json_policy(Path(path))
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return registry_policy(_read_registry_key(INSTALL_KEY), _read_registry_key(POLICIES_KEY))
    return MachinePolicy()
