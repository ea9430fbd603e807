"""Validation of resources against a catalog profile, returning structured findings.

A finding names the field, a stable code and its parameters; the words are chosen by
`domain/messages.py` in the officer's language. The same rules serve the editor, the Excel
import and the CLI, so a resource is valid or not in one way only.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govshare_desktop.domain import credit_code
from govshare_desktop.domain.entities import DataItem, Resource
from govshare_desktop.domain.enums import Severity, ShareType
from govshare_desktop.domain.profile import CatalogProfile


class FindingCode(StrEnum):
    REQUIRED = "required"
    NOT_IN_ENUM = "not_in_enum"
    TOO_LONG = "too_long"
    BAD_CLASSIFICATION = "bad_classification"
    CODE_MISMATCH = "code_mismatch"
    BAD_CREDIT_CODE = "bad_credit_code"
    CONDITIONS_REQUIRED = "conditions_required"
    LEGAL_BASIS_REQUIRED = "legal_basis_required"
    OPEN_CONDITIONS_REQUIRED = "open_conditions_required"
    DUPLICATE_ITEM_NAME = "duplicate_item_name"
    NO_DATA_ITEMS = "no_data_items"
    BAD_LENGTH = "bad_length"
    DUPLICATE_CODE = "duplicate_code"
    CONTROL_CHARACTER = "control_character"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where (`field`, and `item` for a data item's index), what, how bad."""

    field: str
    code: FindingCode
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.ERROR
    item: int | None = None


# Characters no catalog text holds: C0 and C1 controls and DEL (NUL, ESC… reach a terminal
# raw and no printout shows them), lone surrogates and the two non-characters XML cannot
# carry. Tab and line breaks are allowed in multi-line fields only.
_NEVER = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_BAD_IN_LINE = re.compile(rf"[{_NEVER}\t\n\r]")
_BAD_IN_PARAGRAPH = re.compile(f"[{_NEVER}]")
# Text fields outside the profile's list, and whether they are multi-line.
_OTHER_TEXT = (("format_detail", False), ("one_source_note", False))
_ITEM_TEXT = (("name", False), ("description", True), ("share_conditions", True))


def char_name(char: str) -> str:
    """A character as people can read it whatever it is: U+001B."""
    return f"U+{ord(char):04X}"


def bad_characters(text: str, *, multiline: bool) -> str:
    """The characters of `text` that the field may not hold, each once, as "U+001B U+0000";
    "" when there are none."""
    pattern = _BAD_IN_PARAGRAPH if multiline else _BAD_IN_LINE
    if pattern.search(text) is None:  # nearly always: one scan at C speed
        return ""
    found = dict.fromkeys(pattern.findall(text))
    return " ".join(char_name(c) for c in found)


def _written(value: object) -> str:
    """A field's value as the text it is stored as (a list of codes joined), unstripped."""
    if type(value) is str:
        return value
    if isinstance(value, tuple | list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _control(key: str, value: object, multiline: bool, item: int | None = None) -> list[Finding]:
    chars = bad_characters(_written(value), multiline=multiline)
    if not chars:
        return []
    return [Finding(key, FindingCode.CONTROL_CHARACTER, {"char": chars}, item=item)]


def _text(value: object) -> str:
    if type(value) is str:  # nearly every value: skip the str() call (hot for 100,000 items)
        return value.strip()
    return "" if value is None else str(value).strip()


class _TextFields:
    """Reads a resource's text fields in one C call per kind (`operator.attrgetter`): the
    control-character scan runs for every resource of an import."""

    def __init__(self, profile: CatalogProfile) -> None:
        self.profile = profile
        lines = (*profile.line_fields, *(key for key, _ in _OTHER_TEXT))
        self.keys = (*lines, *profile.paragraph_fields)
        self.multiline = frozenset(profile.paragraph_fields)
        self.extra = tuple(k for k in self.keys if k not in _RESOURCE_SLOTS)  # a province's
        self._lines = operator.attrgetter(*(k for k in lines if k in _RESOURCE_SLOTS))
        paragraphs = [k for k in profile.paragraph_fields if k in _RESOURCE_SLOTS]
        self._paragraphs = operator.attrgetter(*paragraphs) if paragraphs else lambda _r: ()

    def scan(self, resource: Resource) -> bool:
        """Whether any text field may hold a character it must not (then look closer)."""
        lines, paragraphs = self._lines(resource), self._paragraphs(resource)
        lines = lines if isinstance(lines, tuple) else (lines,)
        paragraphs = paragraphs if isinstance(paragraphs, tuple) else (paragraphs,)
        line = "".join([v if type(v) is str else _written(v) for v in lines])
        paragraph = "".join([v if type(v) is str else _written(v) for v in paragraphs])
        return bool(
            self.extra
            or _BAD_IN_LINE.search(line) is not None
            or _BAD_IN_PARAGRAPH.search(paragraph) is not None
        )


_RESOURCE_SLOTS = frozenset(Resource.__slots__)
_READERS: dict[int, _TextFields] = {}


def _field_controls(resource: Resource, profile: CatalogProfile) -> dict[str, list[Finding]]:
    """Control characters in the resource's text fields, by field: all single-line texts
    scanned as one string and all multi-line ones as another, field by field only when
    there are some (or when a province keeps text fields of its own in `extra`)."""
    reader = _READERS.get(id(profile))
    if reader is None or reader.profile is not profile:
        reader = _READERS[id(profile)] = _TextFields(profile)
    if not reader.scan(resource):
        return {}
    found: dict[str, list[Finding]] = {}
    for key in reader.keys:
        value = getattr(resource, key, resource.extra.get(key))
        if control := _control(key, value, key in reader.multiline):
            found[key] = control
    return found


class _FieldRules:
    """The profile's field rules laid out once as plain tuples: they run for every field of
    every resource of an import (10,000 resources, 19 fields)."""

    def __init__(self, profile: CatalogProfile) -> None:
        self.profile = profile
        self.rules = tuple(
            (
                spec.key,
                spec.key in _RESOURCE_SLOTS,
                spec.required,
                profile.enum_codes(spec.enum) if spec.enum else None,
                spec.max_length or 0,
                spec.label,
            )
            for spec in profile.fields
            # a yes/no field always has its answer: unticked (or never set) is 否
            if spec.key != "classification" and spec.type != "bool"
        )


_RULES: dict[int, _FieldRules] = {}


def _field_rules(profile: CatalogProfile) -> _FieldRules:
    rules = _RULES.get(id(profile))
    if rules is None or rules.profile is not profile:
        rules = _RULES[id(profile)] = _FieldRules(profile)
    return rules


def _check_fields(resource: Resource, profile: CatalogProfile) -> list[Finding]:
    findings: list[Finding] = []
    controls = _field_controls(resource, profile)
    for key, slot, required, codes, max_length, label in _field_rules(profile).rules:
        value = getattr(resource, key) if slot else getattr(resource, key, resource.extra.get(key))
        if controls and key in controls:
            findings += controls.pop(key)  # other rules would only quote the text back
            continue
        text = value.strip() if type(value) is str else _text(value)
        if not text:
            if required:
                findings.append(Finding(key, FindingCode.REQUIRED, {"label": label}))
            continue
        if codes is not None and text not in codes:
            findings.append(Finding(key, FindingCode.NOT_IN_ENUM, {"value": text}))
        if max_length and len(text) > max_length:
            findings.append(
                Finding(key, FindingCode.TOO_LONG, {"max": max_length, "length": len(text)})
            )
    for control in controls.values():  # fields outside the profile (format detail, …)
        findings += control
    return findings


def _check_code(resource: Resource, profile: CatalogProfile) -> list[Finding]:
    findings: list[Finding] = []
    cls = resource.classification
    for level, spec in profile.classification.items():
        value = getattr(cls, level)
        if level != "detail" and not value:
            findings.append(Finding("classification", FindingCode.REQUIRED, {"level": spec.label}))
        elif not spec.pattern.fullmatch(value):
            findings.append(
                Finding("classification", FindingCode.BAD_CLASSIFICATION, {"level": spec.label})
            )
    if resource.code and not bad_characters(resource.code, multiline=False):
        # (a code with a control character gets that finding alone, from `_check_fields`)
        prefix, sep, sequence = resource.code.partition(profile.code_separator)
        if not sep or prefix != cls.code or not sequence.isdigit():
            findings.append(
                Finding("code", FindingCode.CODE_MISMATCH, {"expected_prefix": cls.code})
            )
    return findings


def _check_rules(resource: Resource) -> list[Finding]:
    """Rules between fields. A resource not shared states its legal basis in 共享条件, as the
    national guide asks, or in the separate 不予共享依据 field: either one satisfies it."""
    findings: list[Finding] = []
    if resource.provider_code and not credit_code.is_valid(resource.provider_code):
        findings.append(
            Finding("provider_code", FindingCode.BAD_CREDIT_CODE, {"value": resource.provider_code})
        )
    if resource.share_type == ShareType.CONDITIONAL and not _text(resource.share_conditions):
        findings.append(Finding("share_conditions", FindingCode.CONDITIONS_REQUIRED))
    if resource.share_type == ShareType.NOT_SHARED and not (
        _text(resource.legal_basis) or _text(resource.share_conditions)
    ):
        findings.append(Finding("share_conditions", FindingCode.LEGAL_BASIS_REQUIRED))
    if resource.open_to_society and not _text(resource.open_conditions):
        findings.append(
            Finding(
                "open_conditions", FindingCode.OPEN_CONDITIONS_REQUIRED, severity=Severity.WARNING
            )
        )
    return findings


def _check_items(resource: Resource, profile: CatalogProfile) -> list[Finding]:
    if not resource.data_items:
        return [Finding("data_items", FindingCode.NO_DATA_ITEMS, severity=Severity.WARNING)]
    findings: list[Finding] = []
    types = profile.enum_codes("data_type")
    names = [
        name.strip() if type(name) is str else _text(name)
        for name in [item.name for item in resource.data_items]
    ]
    counts = Counter(names) if len(set(names)) < len(names) else None  # duplicates are rare
    controls = _item_controls(resource.data_items)
    for index, (item, name) in enumerate(zip(resource.data_items, names, strict=True)):
        if controls and index in controls:
            findings += controls[index]
        if not name:
            findings.append(
                Finding("name", FindingCode.REQUIRED, {"label": "信息项名称"}, item=index)
            )
        elif counts is not None and counts[name] > 1:
            findings.append(
                Finding("name", FindingCode.DUPLICATE_ITEM_NAME, {"name": name}, item=index)
            )
        data_type = item.data_type
        data_type = data_type.strip() if type(data_type) is str else _text(data_type)
        if data_type not in types:
            findings.append(
                Finding("data_type", FindingCode.NOT_IN_ENUM, {"value": data_type}, item=index)
            )
        if item.length is not None and item.length <= 0:
            findings.append(
                Finding("length", FindingCode.BAD_LENGTH, {"value": item.length}, item=index)
            )
    return findings


def _item_controls(items: tuple[DataItem, ...]) -> dict[int, list[Finding]]:
    """Control characters in data items, by item index. The names of all items are scanned
    as one string, and their descriptions and conditions as another (an import validates
    100,000 items); item by item only when there are some."""
    try:
        lines = "".join([item.name for item in items])
        paragraphs = "".join([i.description + i.share_conditions for i in items])
    except TypeError:  # a value that is not text: look at each one
        lines = paragraphs = "\x00"
    if _BAD_IN_LINE.search(lines) is None and _BAD_IN_PARAGRAPH.search(paragraphs) is None:
        return {}
    found: dict[int, list[Finding]] = {}
    for index, item in enumerate(items):
        for key, multiline in _ITEM_TEXT:
            if control := _control(key, getattr(item, key), multiline, item=index):
                found.setdefault(index, []).extend(control)
    return found


def validate_resource(resource: Resource, profile: CatalogProfile) -> list[Finding]:
    """Every finding for one resource, in field order; an empty list means valid."""
    return (
        _check_code(resource, profile)
        + _check_fields(resource, profile)
        + _check_rules(resource)
        + _check_items(resource, profile)
    )


def validate_catalog(
    resources: list[Resource], profile: CatalogProfile
) -> dict[str, list[Finding]]:
    """Findings by resource id: each resource's own, plus the rules across the catalog
    (a resource code used twice within a unit). Pass live resources: deleted ones are
    not judged."""
    uses = Counter((r.unit_code, r.code) for r in resources if r.code)
    result: dict[str, list[Finding]] = {}
    for resource in resources:
        findings = validate_resource(resource, profile)
        if resource.code and uses[(resource.unit_code, resource.code)] > 1:
            findings.append(Finding("code", FindingCode.DUPLICATE_CODE, {"value": resource.code}))
        result[resource.id] = findings
    return result
