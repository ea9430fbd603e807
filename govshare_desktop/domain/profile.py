"""The catalog profile: which fields a province requires and which values they take, as data.

The national 2017 profile ships under `resources/profiles/`; the platform may serve a
provincial one that the client caches. Profiles carry a `format` number: a file of a newer
format than this code knows is refused rather than half-understood.

Every label has an English twin (`label_en`) for the English UI; a profile without one (an
older provincial profile) shows its Chinese label there too. A text field says whether it
may hold line breaks (`multiline`); profiles that do not say keep the national guide's
multi-line fields (abstract, conditions, legal basis).

An optional `deadlines` section says how statutory periods are counted (calendar days when
absent; working days with the province's holiday list: `domain/deadlines.py`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govshare_desktop.domain.deadlines import (
    CALENDAR_DAYS,
    DeadlineCalendar,
    parse_deadline_calendar,
)
from govshare_desktop.domain.errors import ErrorCode, KnownError

PROFILE_FORMAT = 1
# The national guide's free-text paragraphs: multi-line unless a profile says otherwise.
MULTILINE_BY_DEFAULT = frozenset({"abstract", "share_conditions", "legal_basis", "open_conditions"})


@dataclass(frozen=True, slots=True)
class EnumOption:
    code: str
    label: str
    label_en: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str
    label_en: str
    required: bool = False
    enum: str | None = None
    type: str = "text"
    max_length: int | None = None
    synonyms: tuple[str, ...] = ()
    multiline: bool = False  # line breaks and tabs allowed (a paragraph, not a name or code)

    def display(self, *, english: bool = False) -> str:
        return self.label_en if english else self.label


@dataclass(frozen=True, slots=True)
class ClassificationLevel:
    label: str
    pattern: re.Pattern[str]
    options: tuple[EnumOption, ...] = ()
    label_en: str = ""

    def display(self, *, english: bool = False) -> str:
        return (self.label_en or self.label) if english else self.label


@dataclass(frozen=True, slots=True)
class CatalogProfile:
    id: str
    name: str
    name_en: str
    sequence_digits: int
    code_separator: str
    classification: dict[str, ClassificationLevel]
    fields: tuple[FieldSpec, ...]
    data_item_fields: tuple[FieldSpec, ...]
    enumerations: dict[str, tuple[EnumOption, ...]] = field(default_factory=dict)
    deadlines: DeadlineCalendar = CALENDAR_DAYS  # how Art. 13 periods are counted
    _codes: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    # The resource fields that hold text, single-line and multi-line: where no control
    # character may stand, and where line breaks may
    line_fields: tuple[str, ...] = field(init=False, repr=False, compare=False)
    paragraph_fields: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # validation asks for these once per field per resource: build them once
        codes = {name: frozenset(o.code for o in opts) for name, opts in self.enumerations.items()}
        object.__setattr__(self, "_codes", codes)
        texts = [
            f
            for f in self.fields
            if f.key != "classification" and f.type not in {"bool", "date", "int"}
        ]
        object.__setattr__(self, "line_fields", tuple(f.key for f in texts if not f.multiline))
        object.__setattr__(self, "paragraph_fields", tuple(f.key for f in texts if f.multiline))

    def resource_code(self, classification_code: str, sequence: int) -> str:
        """信息资源代码: the classification code, the separator, the zero-padded sequence."""
        return f"{classification_code}{self.code_separator}{sequence:0{self.sequence_digits}d}"

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)

    def enum_codes(self, enum: str) -> frozenset[str]:
        return self._codes.get(enum, frozenset())

    def field_label(self, key: str, *, english: bool = False) -> str:
        """The label of a resource field or classification level (`class_item`), or the key
        itself when the profile lacks it."""
        spec = self.field(key)
        if spec is not None:
            return spec.display(english=english)
        level = self.classification.get(key.removeprefix("class_"))
        if key.startswith("class_") and level is not None:
            return level.display(english=english)
        return key

    def class_name(self, code: str, *, english: bool = False) -> str:
        """The profile's name for the class whose whole code is `code`, or "".

        A level's options name that level's own values (they fill its template drop-down);
        only the first level's value is a whole code (the national 类: 1 基础, 2 主题,
        3 部门信息资源类), so only those name a class. Units name their 项 and 目 themselves.
        """
        first = next(iter(self.classification.values()), None)
        for option in first.options if first is not None else ():
            if option.code == code:
                return option.label_en if english else option.label
        return ""

    def enum_label(self, enum: str, code: str, *, english: bool = False) -> str:
        """The display label of `code`, or the code itself when the profile lacks it."""
        for option in self.enumerations.get(enum, ()):
            if option.code == code:
                return option.label_en if english else option.label
        return code


def _options(raw: list[dict[str, Any]]) -> tuple[EnumOption, ...]:
    return tuple(
        EnumOption(
            code=str(o["code"]),
            label=str(o["label"]),
            label_en=str(o.get("label_en", o["label"])),
            synonyms=tuple(o.get("synonyms", ())),
        )
        for o in raw
    )


def _fields(raw: list[dict[str, Any]]) -> tuple[FieldSpec, ...]:
    return tuple(
        FieldSpec(
            key=str(f["key"]),
            label=str(f["label"]),
            label_en=str(f.get("label_en", f["label"])),
            required=bool(f.get("required", False)),
            enum=f.get("enum"),
            type=str(f.get("type", "text")),
            max_length=f.get("max_length"),
            synonyms=tuple(f.get("synonyms", ())),
            multiline=bool(f.get("multiline", f["key"] in MULTILINE_BY_DEFAULT)),
        )
        for f in raw
    )


def parse_profile(data: dict[str, Any]) -> CatalogProfile:
    """Build a profile from its JSON form; raises `KnownError(PROFILE_INVALID)` on bad data."""
    try:
        fmt = int(data["format"])
        if fmt > PROFILE_FORMAT:
            raise KnownError(ErrorCode.PROFILE_INVALID, reason=f"format {fmt} is too new")
        classification = {
            level: ClassificationLevel(
                label=str(spec["label"]),
                pattern=re.compile(str(spec["pattern"])),
                options=_options(spec.get("options", [])),
                label_en=str(spec.get("label_en", spec["label"])),
            )
            for level, spec in data["classification"].items()
        }
        enumerations = {name: _options(opts) for name, opts in data["enumerations"].items()}
        profile = CatalogProfile(
            id=str(data["id"]),
            name=str(data["name"]),
            name_en=str(data.get("name_en", data["name"])),
            sequence_digits=int(data["resource_code"]["sequence_digits"]),
            code_separator=str(data["resource_code"]["separator"]),
            classification=classification,
            fields=_fields(data["fields"]),
            data_item_fields=_fields(data["data_item_fields"]),
            enumerations=enumerations,
            deadlines=parse_deadline_calendar(data.get("deadlines")),
        )
    except KnownError:
        raise
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise KnownError(ErrorCode.PROFILE_INVALID, reason=repr(exc)) from exc
    unknown = {f.enum for f in profile.fields + profile.data_item_fields if f.enum} - set(
        enumerations
    )
    if unknown:
        raise KnownError(
            ErrorCode.PROFILE_INVALID, reason=f"unknown enumerations {sorted(unknown)}"
        )
    return profile


def load_profile(path: Path) -> CatalogProfile:
    """Read and parse a profile file; unreadable or malformed files raise `KnownError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnownError(ErrorCode.FILE_UNREADABLE, path=str(path), reason=str(exc)) from exc
    except ValueError as exc:
        raise KnownError(ErrorCode.PROFILE_INVALID, reason=str(exc)) from exc
    return parse_profile(data)
