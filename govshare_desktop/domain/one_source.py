"""一数一源 (Art. 11): the same data offered by more than one provider, for the compiler to resolve.

Two findings: a data item (same normalised name and data type) held under resources of
several providers, and a resource name used by several providers. A resource whose
`one_source_note` explains the overlap counts as justified; the report still lists it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from govshare_desktop.domain.entities import Resource


def normalise(name: str) -> str:
    """Full-width to half-width, no spaces or line breaks, case folded: how names are compared."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def provider_of(resource: Resource) -> str:
    return resource.provider_code or resource.provider_name or resource.unit_code


@dataclass(frozen=True, slots=True)
class Holder:
    provider: str
    provider_name: str
    resource_id: str
    resource_code: str
    resource_name: str
    justified: bool


@dataclass(frozen=True, slots=True)
class Overlap:
    kind: str  # "data_item" or "resource_name"
    name: str
    data_type: str
    holders: tuple[Holder, ...]

    @property
    def justified(self) -> bool:
        return all(h.justified for h in self.holders)


def _holder(resource: Resource) -> Holder:
    return Holder(
        provider_of(resource), resource.provider_name, resource.id, resource.code, resource.name,
        bool(resource.one_source_note.strip()),
    )  # fmt: skip


def one_source_report(resources: list[Resource]) -> list[Overlap]:
    """Every overlap across providers (of the live resources given), data items first, each
    ordered by name."""
    items: dict[tuple[str, str], dict[str, Resource]] = defaultdict(dict)
    shown: dict[tuple[str, str], str] = {}
    for resource in resources:
        for item in resource.data_items:
            key = (normalise(item.name), str(item.data_type))
            items[key].setdefault(resource.id, resource)
            shown.setdefault(key, item.name.strip())
    names: dict[str, dict[str, Resource]] = defaultdict(dict)
    for resource in resources:
        names[normalise(resource.name)][resource.id] = resource
    overlaps: list[Overlap] = []
    for (name, kind), holders in sorted(items.items()):
        if len({provider_of(r) for r in holders.values()}) > 1:
            holders_sorted = sorted(holders.values(), key=lambda r: (provider_of(r), r.code))
            overlaps.append(
                Overlap("data_item", shown[(name, kind)], kind, tuple(map(_holder, holders_sorted)))
            )
    for _name, holders in sorted(names.items()):
        if len({provider_of(r) for r in holders.values()}) > 1:
            holders_sorted = sorted(holders.values(), key=lambda r: (provider_of(r), r.code))
            overlaps.append(
                Overlap(
                    "resource_name", holders_sorted[0].name, "", tuple(map(_holder, holders_sorted))
                )
            )
    return overlaps
