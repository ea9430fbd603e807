"""Every setting declared as data: key, type, default, label, and whether policy may lock it.

The settings dialog is generated from this list, machine policy is read by these keys, and
the user's file stores only these keys; adding a setting is adding a line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlparse

from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "Settings"


class Kind(StrEnum):
    TEXT = "text"
    URL = "url"
    CHOICE = "choice"
    INT = "int"
    FILE = "file"


SettingValue = str | int


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str  # source text under CONTEXT, or a native name shown as is


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    kind: Kind
    default: SettingValue
    label: str  # English source text, translated under CONTEXT
    hint: str = ""
    registry_name: str = ""  # value name under HKLM\Software[\Policies]\GovShare\Desktop
    lockable: bool = True
    choices: tuple[Choice, ...] = ()
    minimum: int = 0
    maximum: int = 0

    def coerce(self, raw: object) -> SettingValue:
        """The value in this setting's type; raises ValueError with a reason when it cannot be."""
        if self.kind is Kind.INT:
            if isinstance(raw, bool):
                raise ValueError("not a number")
            value = int(str(raw).strip()) if not isinstance(raw, int) else raw
            if not self.minimum <= value <= self.maximum:
                raise ValueError(f"must be between {self.minimum} and {self.maximum}")
            return value
        text = str(raw).strip()
        if self.kind is Kind.CHOICE and text not in {c.value for c in self.choices}:
            raise ValueError(f"must be one of {', '.join(c.value for c in self.choices)}")
        if self.kind is Kind.FILE and text and not Path(text).expanduser().is_file():
            raise ValueError(f"no such file: {text}")
        if self.kind is Kind.URL and text:
            parsed = urlparse(text)
            if parsed.scheme not in {"https", "http"} or not parsed.netloc:
                raise ValueError("must be an http(s) address such as https://platform.example.gov")
        return text


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        key="platform.url",
        kind=Kind.URL,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Platform address"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "Address of the provincial sharing platform, e.g. https://platform.example.gov",
        ),
        registry_name="PlatformUrl",
    ),
    SettingSpec(
        key="ui.language",
        kind=Kind.CHOICE,
        default="zh_CN",
        label=QT_TRANSLATE_NOOP("Settings", "Language"),
        registry_name="Language",
        choices=(Choice("zh_CN", "简体中文"), Choice("en", "English")),
    ),
    SettingSpec(
        key="network.proxy",
        kind=Kind.TEXT,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Proxy"),
        hint=QT_TRANSLATE_NOOP(
            "Settings", "Empty: use the system proxy. Otherwise e.g. http://proxy.example.gov:8080"
        ),
        registry_name="ProxyUrl",
    ),
    SettingSpec(
        key="network.pac_url",
        kind=Kind.URL,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Proxy auto-configuration (PAC)"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "Address of the PAC file your network publishes, e.g. "
            "http://proxy.example.gov/proxy.pac. When set, it chooses the proxy and the Proxy "
            "setting is not used. Empty: the Proxy setting, else the system's.",
        ),
        registry_name="ProxyPacUrl",
    ),
    SettingSpec(
        key="network.ca_bundle",
        kind=Kind.FILE,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Extra CA certificates"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "Empty: trust the system certificate store. Otherwise a PEM file of your "
            "organisation's certificate authorities.",
        ),
        registry_name="CaBundle",
    ),
    SettingSpec(
        key="sync.interval_minutes",
        kind=Kind.INT,
        default=5,
        label=QT_TRANSLATE_NOOP("Settings", "Sync every (minutes)"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "How often changes are exchanged with the platform in the background. Changes "
            "are also sent shortly after you save, and at once with F5.",
        ),
        registry_name="SyncIntervalMinutes",
        minimum=1,
        maximum=240,
    ),
    SettingSpec(
        key="security.auto_lock_minutes",
        kind=Kind.INT,
        default=15,
        label=QT_TRANSLATE_NOOP("Settings", "Lock after idle minutes"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "Minutes without keyboard or mouse input before the window locks and asks for "
            "the officer's password (Ctrl+L locks at once); 0 turns automatic locking off. "
            "Locking starts once an officer has signed in on this PC.",
        ),
        registry_name="AutoLockMinutes",
        minimum=0,
        maximum=240,
    ),
    SettingSpec(
        key="security.offline_lease_days",
        kind=Kind.INT,
        default=14,
        label=QT_TRANSLATE_NOOP("Settings", "Offline data lease (days)"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "Rows of a grant kept on this PC are hidden once the platform has not confirmed "
            "the grant for this many days, until the next sync.",
        ),
        registry_name="OfflineLeaseDays",
        minimum=1,
        maximum=365,
    ),
    SettingSpec(
        key="security.grant_cache_max_mb",
        kind=Kind.INT,
        default=1024,
        label=QT_TRANSLATE_NOOP("Settings", "Offline copy limit (MB)"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "A download of a grant's rows for offline use stops at this size (per grant).",
        ),
        registry_name="GrantCacheMaxMb",
        minimum=1,
        maximum=65536,
    ),
)

BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SPECS}
