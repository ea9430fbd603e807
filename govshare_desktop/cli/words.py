"""How human (not `--json`) output writes a value: words an officer reads, not Python's.

`False` is 否, an empty list is "—", `monthly` is the profile's 每月, a stored UTC time is
the officer's local clock without ISO's "T" (2026-12-02 20:15). `--json` keeps the machine
values (true/false, codes, ISO 8601 times) for scripts. Field names and yes/no are the
same words the GUI uses (`domain.display.Wording`); what is the terminal's own here is the
layout: "—" for nothing, local times, and control characters made visible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.domain.display import NO, YES, Wording
from govshare_desktop.domain.messages import CONTEXT
from govshare_desktop.domain.profile import CatalogProfile, FieldSpec

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

EMPTY = "—"
CLASS_PREFIX = "class_"  # a resource's wire payload spells its classification levels so


def local_time(moment: datetime | str) -> str:
    """A stored time (naive means UTC, as the store writes it) on the local clock."""
    if isinstance(moment, str):
        text = moment
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return terminal_safe(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class Words:
    """Values as the officer reads them, in the CLI's language, with the profile's labels."""

    def __init__(
        self, speak: Translate, profile: CatalogProfile | None = None, *, english: bool = False
    ) -> None:
        self._speak = speak
        self._profile = profile
        self._english = english
        self._wording = Wording(profile, speak, english=english) if profile else None

    @classmethod
    def of(cls, ctx: AppContext, speak: Translate) -> Words:
        return cls(speak, ctx.profile, english=str(ctx.settings.get("ui.language")) == "en")

    def value(self, value: object, *, enum: str | None = None, multiline: bool = False) -> str:
        """Any value a resource or a report holds; `enum` names the profile's enumeration."""
        if value is None or value == "" or (isinstance(value, Sequence | Mapping) and not value):
            return EMPTY
        if isinstance(value, Mapping):  # a resource's extra fields, by key
            pairs = (f"{self.label(str(k))}: {self.field(str(k), v)}" for k, v in value.items())
            return "；".join(pairs)
        if isinstance(value, Sequence) and not isinstance(value, str):
            return "、".join(self.value(v, enum=enum) for v in value)
        return self._scalar(value, enum, multiline=multiline)

    def _scalar(self, value: object, enum: str | None, *, multiline: bool) -> str:
        if isinstance(value, bool):
            return self._speak(CONTEXT, YES if value else NO)
        if isinstance(value, datetime):
            return local_time(value)
        if isinstance(value, date):
            return value.isoformat()
        text = str(value)
        if enum and self._profile is not None:
            text = self._profile.enum_label(enum, text, english=self._english)
        return terminal_safe(text, multiline=multiline)

    def _spec(self, key: str, *, item: bool = False) -> FieldSpec | None:
        if self._profile is None:
            return None
        specs = self._profile.data_item_fields if item else self._profile.fields
        return next((f for f in specs if f.key == key), None)

    def label(self, key: str, *, item: bool = False) -> str:
        """A field's name as the GUI shows it (类/项/目 for the classification levels)."""
        if item:
            spec = self._spec(key, item=True)
            return terminal_safe(spec.display(english=self._english) if spec else key)
        if self._wording is None:
            return terminal_safe(key)
        return terminal_safe(self._wording.field(key))

    def field(self, key: str, value: object, *, item: bool = False, multiline: bool = False) -> str:
        """The value of the field `key` (of a resource, or of a data item with `item`)."""
        level = self._level(key)
        named = self._option(level, str(value)) if level and value else None
        if named:
            return f"{terminal_safe(str(value))} {named}"
        spec = self._spec(key, item=item)
        return self.value(value, enum=spec.enum if spec else None, multiline=multiline)

    def classification(self, code: str, category: str) -> str:
        """The classification code, with the name of its 类 when the profile knows it."""
        if not code:
            return EMPTY
        named = self._option("category", category)
        return f"{terminal_safe(code)} {named}" if named else terminal_safe(code)

    def _option(self, level: str, code: str) -> str | None:
        if self._profile is None or level not in self._profile.classification:
            return None
        for option in self._profile.classification[level].options:
            if option.code == code:
                return option.label_en if self._english else option.label
        return None

    def _level(self, key: str) -> str | None:
        if self._profile is None or not key.startswith(CLASS_PREFIX):
            return None
        level = key.removeprefix(CLASS_PREFIX)
        return level if level in self._profile.classification else None
