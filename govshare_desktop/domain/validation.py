"""Validation of resources against a catalog profile, returning structured findings.

A finding names the field, a stable code and its parameters; the words are chosen by
`domain/messages.py` in the officer's language. The same rules serve the editor, the Excel
import and the CLI, so a resource is valid or not in one way only.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govshare_desktop.domain import credit_code
from govshare_desktop.domain.entities import Resource
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


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: where (`field`, and `item` for a data item's index), what, how bad."""

    field: str
    code: FindingCode
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.ERROR
    item: int | None = None


def _text(value: object) -> str:
    if type(value) is str:  # nearly every value: skip the str() call (hot for 100,000 items)
        return value.strip()
    return "" if value is None else str(value).strip()


def _check_fields(resource: Resource, profile: CatalogProfile) -> list[Finding]:
    findings: list[Finding] = []
    for spec in profile.fields:
        if spec.key == "classification":
            continue
        value = getattr(resource, spec.key, resource.extra.get(spec.key))
        text = _text(value) if spec.type != "bool" else ("x" if value is not None else "")
        if spec.required and not text:
            findings.append(Finding(spec.key, FindingCode.REQUIRED, {"label": spec.label}))
            continue
        if text and spec.enum and text not in profile.enum_codes(spec.enum):
            findings.append(Finding(spec.key, FindingCode.NOT_IN_ENUM, {"value": text}))
        if spec.max_length and len(text) > spec.max_length:
            findings.append(
                Finding(
                    spec.key, FindingCode.TOO_LONG, {"max": spec.max_length, "length": len(text)}
                )
            )
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
    if resource.code:
        prefix, sep, sequence = resource.code.partition(profile.code_separator)
        if not sep or prefix != cls.code or not sequence.isdigit():
            findings.append(
                Finding("code", FindingCode.CODE_MISMATCH, {"expected_prefix": cls.code})
            )
    return findings


def _check_rules(resource: Resource) -> list[Finding]:
    findings: list[Finding] = []
    if resource.provider_code and not credit_code.is_valid(resource.provider_code):
        findings.append(
            Finding("provider_code", FindingCode.BAD_CREDIT_CODE, {"value": resource.provider_code})
        )
    if resource.share_type == ShareType.CONDITIONAL and not _text(resource.share_conditions):
        findings.append(Finding("share_conditions", FindingCode.CONDITIONS_REQUIRED))
    if resource.share_type == ShareType.NOT_SHARED and not _text(resource.legal_basis):
        findings.append(Finding("legal_basis", FindingCode.LEGAL_BASIS_REQUIRED))
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
    names = [_text(item.name) for item in resource.data_items]
    counts = Counter(names)
    for index, (item, name) in enumerate(zip(resource.data_items, names, strict=True)):
        if not name:
            findings.append(
                Finding("name", FindingCode.REQUIRED, {"label": "信息项名称"}, item=index)
            )
        elif counts[name] > 1:
            findings.append(
                Finding("name", FindingCode.DUPLICATE_ITEM_NAME, {"name": name}, item=index)
            )
        if (data_type := _text(item.data_type)) not in types:
            findings.append(
                Finding("data_type", FindingCode.NOT_IN_ENUM, {"value": data_type}, item=index)
            )
        if item.length is not None and item.length <= 0:
            findings.append(
                Finding("length", FindingCode.BAD_LENGTH, {"value": item.length}, item=index)
            )
    return findings


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
