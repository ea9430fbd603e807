"""Stored values as people read them, in the UI language: labels for codes, words for flags.

The database, the platform and `--json` keep codes (`monthly`, `not_shared`, `C`); whatever
shows a value to an officer — the version comparison, its printout, the CLI — goes through
`Wording`, so every screen says 每月 (or Monthly) where the editor's drop-down does. Labels
come from the catalog profile, in English when the UI speaks English (a profile without
English labels shows its Chinese ones); the few words that are not the profile's (yes/no,
fields outside it) are translatable strings. No value reaches a person with a raw control
character in it: those show as U+001B.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govshare_desktop.domain.messages import CONTEXT, Translate, visible
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

# Resource fields the profile does not list, as a version comparison may show them.
FIELD_WORDS = {
    "format_detail": QT_TRANSLATE_NOOP("Messages", "Concrete format"),
    "one_source_note": QT_TRANSLATE_NOOP("Messages", "One-data-one-source note"),
    "secret": QT_TRANSLATE_NOOP("Messages", "Secret"),
    "sequence": QT_TRANSLATE_NOOP("Messages", "Sequence number"),
    "unit_code": QT_TRANSLATE_NOOP("Messages", "Unit"),
    "source_resource_id": QT_TRANSLATE_NOOP("Messages", "Derived from"),
    "source_version": QT_TRANSLATE_NOOP("Messages", "Revision of the source"),
    "extra": QT_TRANSLATE_NOOP("Messages", "Other fields"),
}
YES = QT_TRANSLATE_NOOP("Messages", "yes")
NO = QT_TRANSLATE_NOOP("Messages", "no")
EMPTY = QT_TRANSLATE_NOOP("Messages", "(empty)")
# Fields whose values are flags, besides the profile's bool fields.
_FLAGS = frozenset({"secret", "open_to_society"})


class Wording:
    """Field labels and value texts of one profile in one language."""

    def __init__(self, profile: CatalogProfile, translate: Translate, *, english: bool) -> None:
        self.profile = profile
        self.english = english
        self._translate = translate

    def _word(self, text: str) -> str:
        return self._translate(CONTEXT, text)

    def field(self, key: str) -> str:
        """The label of a resource field (or classification level `class_item`)."""
        if key in FIELD_WORDS and self.profile.field(key) is None:
            return self._word(FIELD_WORDS[key])
        return self.profile.field_label(key, english=self.english)

    def value(self, key: str, value: Any) -> str:
        """A stored value of field `key` as text: an enumeration's label, yes/no, a list."""
        if value is None or value in ("", [], ()):
            return ""
        spec = self.profile.field(key)
        if isinstance(value, bool) or key in _FLAGS or (spec is not None and spec.type == "bool"):
            return self._word(YES if value else NO)
        if isinstance(value, list | tuple):
            separator = "; " if self.english else "；"
            return separator.join(self.value(key, v) for v in value)
        if isinstance(value, Mapping):
            return "; ".join(
                f"{self.field(str(k))}: {self.value(str(k), v)}" for k, v in value.items()
            )
        if spec is not None and spec.enum:
            return visible(self.profile.enum_label(spec.enum, str(value), english=self.english))
        return visible(str(value))

    def change(self, key: str, value: Any) -> str:
        """A value as a comparison shows it: an empty one says so."""
        return self.value(key, value) or self._word(EMPTY)

    def data_type(self, code: str) -> str:
        """A data type as the items table shows it: its label and the guide's letter."""
        label = self.profile.enum_label("data_type", code, english=self.english)
        return visible(label if label == code else f"{label} ({code})")
