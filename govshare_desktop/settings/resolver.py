"""Effective settings: built-in defaults < machine defaults < the user < enforced policy."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.settings.policy import MachinePolicy
from govshare_desktop.settings.schema import BY_KEY, SPECS, SettingSpec, SettingValue
from govshare_desktop.settings.user_file import read_user_settings, write_user_settings

log = logging.getLogger(__name__)


class Source(StrEnum):
    DEFAULT = "default"
    MACHINE = "machine"
    USER = "user"
    POLICY = "policy"


@dataclass(frozen=True, slots=True)
class Effective:
    spec: SettingSpec
    value: SettingValue
    source: Source

    @property
    def locked(self) -> bool:
        return self.source is Source.POLICY


class Settings:
    """The one place that answers "what is setting X now, and may the user change it"."""

    def __init__(self, user_file: Path, policy: MachinePolicy) -> None:
        self._path = user_file
        self._policy = policy
        self._user: dict[str, SettingValue] = {}
        self._listeners: list[Callable[[set[str]], None]] = []
        for key, raw in read_user_settings(user_file).items():
            spec = BY_KEY.get(key)
            if spec is None:
                continue
            try:
                self._user[key] = spec.coerce(raw)
            except ValueError as exc:
                log.warning("ignoring stored %s=%r: %s", key, raw, exc)

    @property
    def policy(self) -> MachinePolicy:
        return self._policy

    @staticmethod
    def _layer(spec: SettingSpec, values: Mapping[str, SettingValue]) -> SettingValue | None:
        raw = values.get(spec.key)
        if raw is None:
            return None
        try:
            return spec.coerce(raw)
        except ValueError as exc:
            log.warning("ignoring policy %s=%r: %s", spec.key, raw, exc)
            return None

    def effective(self, key: str) -> Effective:
        spec = BY_KEY[key]
        enforced = self._layer(spec, self._policy.enforced) if spec.lockable else None
        if enforced is not None:
            return Effective(spec, enforced, Source.POLICY)
        if key in self._user:
            return Effective(spec, self._user[key], Source.USER)
        machine = self._layer(spec, self._policy.defaults)
        if machine is not None:
            return Effective(spec, machine, Source.MACHINE)
        return Effective(spec, spec.default, Source.DEFAULT)

    def get(self, key: str) -> SettingValue:
        return self.effective(key).value

    def all(self) -> list[Effective]:
        return [self.effective(spec.key) for spec in SPECS]

    def update(self, changes: dict[str, object]) -> set[str]:
        """Validate and store the user's changes at once; returns the keys whose value changed.

        Raises `KnownError` (SETTING_LOCKED / SETTING_INVALID) and stores nothing when any
        change is refused, so the dialog never half-applies.
        """
        before = {e.spec.key: e.value for e in self.all()}
        staged = dict(self._user)
        for key, raw in changes.items():
            spec = BY_KEY.get(key)
            if spec is None:
                raise KnownError(ErrorCode.SETTING_INVALID, key=key, reason="unknown setting")
            if self.effective(key).locked:
                if spec.coerce(raw) != self.get(key):
                    raise KnownError(ErrorCode.SETTING_LOCKED, key=key)
                continue
            try:
                staged[key] = spec.coerce(raw)
            except ValueError as exc:
                raise KnownError(ErrorCode.SETTING_INVALID, key=key, reason=str(exc)) from exc
        write_user_settings(self._path, staged)
        self._user = staged
        changed = {key for key, value in before.items() if self.get(key) != value}
        for listener in list(self._listeners):
            listener(changed)
        return changed

    def subscribe(self, listener: Callable[[set[str]], None]) -> None:
        """Call `listener(changed_keys)` after every successful update."""
        self._listeners.append(listener)
