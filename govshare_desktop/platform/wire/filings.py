"""A catalog filing (备案) on the wire (`CatalogFilingCreate`, `CatalogFiling`).

The client freezes its catalog when it submits; the platform records the resources it
holds at that moment, so the submission itself carries only the reason. What comes back
is the authority's decision, which the client applies as server-owned state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class FilingDecision:
    number: int  # the unit's filing number (catalog version)
    state: str  # submitted | filed | returned
    comment: str
    decided_by: str | None


def submit_to_wire(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A `CatalogFilingCreate` from the client's queued `submit` op payload."""
    return {"reason": str(payload.get("reason") or "")}


def decision_from_wire(document: Mapping[str, Any]) -> FilingDecision:
    return FilingDecision(
        number=int(document["catalog_version"]),
        state=str(document["state"]),
        comment=str(document.get("decision_text") or ""),
        decided_by=document.get("decided_by"),
    )
