"""The open part of a catalog as DCAT (W3C Data Catalog Vocabulary) in JSON-LD (Art. 19).

Only resources marked open to society go out, and never a secret one, whatever its flags;
each resource's data items describe its distribution, so a portal shows what it holds.
"""

from __future__ import annotations

from typing import Any

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.profile import CatalogProfile

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Dublin Core collection frequency vocabulary, by our update-cycle codes.
FREQUENCY = {
    "real_time": "http://purl.org/cld/freq/continuous",
    "daily": "http://purl.org/cld/freq/daily",
    "weekly": "http://purl.org/cld/freq/weekly",
    "monthly": "http://purl.org/cld/freq/monthly",
    "quarterly": "http://purl.org/cld/freq/quarterly",
    "half_yearly": "http://purl.org/cld/freq/semiannual",
    "yearly": "http://purl.org/cld/freq/annual",
}
LANGUAGE = "zh-CN"


def is_exportable(resource: Resource) -> bool:
    """Open to society and not secret; callers pass live resources only."""
    return resource.open_to_society and not resource.secret


def _text(value: str) -> dict[str, str]:
    return {"@value": value, "@language": LANGUAGE}


def _dataset(resource: Resource, profile: CatalogProfile) -> dict[str, Any]:
    items = "；".join(
        f"{item.name}（{profile.enum_label('data_type', str(item.data_type))}"
        + (f"，{item.length}" if item.length else "")
        + "）"
        for item in resource.data_items
    )
    dataset: dict[str, Any] = {
        "@id": f"urn:uuid:{resource.id}",
        "@type": "dcat:Dataset",
        "dct:identifier": resource.code,
        "dct:title": _text(resource.name),
        "dct:description": _text(resource.abstract),
        "dct:publisher": {
            "@type": "foaf:Organization",
            "foaf:name": _text(resource.provider_name),
            "dct:identifier": resource.provider_code,
        },
        "dct:accessRights": _text(resource.open_conditions),
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:format": profile.enum_label("resource_format", resource.format_category)
                + (f"/{resource.format_detail}" if resource.format_detail else ""),
                "dct:description": _text(f"信息项：{items}" if items else ""),
            }
        ],
    }
    if resource.update_cycle in FREQUENCY:
        dataset["dct:accrualPeriodicity"] = {"@id": FREQUENCY[resource.update_cycle]}
    if resource.published_on:
        dataset["dct:issued"] = {"@value": resource.published_on.isoformat(), "@type": "xsd:date"}
    return dataset


def catalog_to_dcat(
    resources: list[Resource], profile: CatalogProfile, *, title: str, catalog_id: str
) -> dict[str, Any]:
    """A JSON-LD document of one `dcat:Catalog` holding the exportable resources, by code."""
    return {
        "@context": CONTEXT,
        "@id": catalog_id,
        "@type": "dcat:Catalog",
        "dct:title": _text(title),
        "dcat:dataset": [
            _dataset(r, profile)
            for r in sorted(resources, key=lambda r: r.code)
            if is_exportable(r)
        ],
    }
